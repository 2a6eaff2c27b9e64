package io.leadrules.api;

import io.leadrules.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.leadrules.report.ExplanationService;
import io.leadrules.report.ReportPages;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The explanation page at a URL a browser can open as is: {@code /leads/{id}/explanation.html}. */
@Path("/leads/{id}/explanation.html")
@RolesAllowed(Roles.READ)
public class ExplanationPageResource {

    private final ExplanationService explanations;
    private final ReportPages pages;

    public ExplanationPageResource(ExplanationService explanations, ReportPages pages) {
        this.explanations = explanations;
        this.pages = pages;
    }

    @GET
    // No @Produces: the .html URL is the page whatever the Accept header (a 406 would help nobody).
    public Response page(@PathParam("id") String id) {
        return Response.ok(pages.explanation(explanations.explain(id)), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }
}
