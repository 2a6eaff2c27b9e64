package io.leadrules.api;

import io.leadrules.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.leadrules.report.ExplanationService;
import io.leadrules.report.LeadExplanation;
import io.leadrules.report.ReportPages;
import io.leadrules.store.InvalidQueryException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Why a lead has its score: {@code GET /leads/{id}/explanation} as JSON (the default, also for {@code *}{@code /*}),
 * or as the HTML page when the client asks for {@code text/html} first; browsers can also open
 * {@code /leads/{id}/explanation.html}.
 */
@Path("/leads/{id}/explanation")
@RolesAllowed(Roles.READ)
public class ExplanationResource {

    private final ExplanationService explanations;
    private final ReportPages pages;

    public ExplanationResource(ExplanationService explanations, ReportPages pages) {
        this.explanations = explanations;
        this.pages = pages;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Response get(@PathParam("id") String id, @QueryParam("format") String format,
                        @Context HttpHeaders headers) {
        boolean html = format == null || format.isBlank() ? Negotiation.wantsHtml(headers) : html(format);
        LeadExplanation explanation = explanations.explain(id);
        if (html) {
            return Response.ok(pages.explanation(explanation), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok(explanation, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** {@code format=html} or {@code json} (as the rule-hit report takes it); an explanation has no CSV. */
    private static boolean html(String format) {
        MediaType type = Negotiation.ofFormat(format);
        if (type.equals(Negotiation.TEXT_CSV_TYPE)) {
            throw new InvalidQueryException("format", "format must be json or html for an explanation; got \""
                    + format + "\"");
        }
        return type.equals(MediaType.TEXT_HTML_TYPE);
    }
}
