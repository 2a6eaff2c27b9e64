package io.leadrules.api;

import io.leadrules.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.leadrules.calibrate.PreviewReport;
import io.leadrules.calibrate.PreviewService;
import io.leadrules.limits.HeavyCall;
import io.leadrules.report.ReportPages;
import io.leadrules.rules.RuleFile;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * {@code POST /rules/preview}: what a candidate ruleset would change for the stored leads, before it ships. Body
 * as for {@code POST /rules/validate}; {@code files} omitted = the rules folder's files. Needs the {@code analyst} role: it
 * runs the whole population through two rulesets. JSON by default; the report page when the client asks for
 * {@code text/html} first (browsers use the form at {@code GET /reports/preview} instead).
 */
@Path("/rules/preview")
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ANALYST)
public class PreviewResource {

    private final PreviewService previews;
    private final ReportPages pages;
    private final CallerPolicy callers;

    public PreviewResource(PreviewService previews, ReportPages pages, CallerPolicy callers) {
        this.previews = previews;
        this.pages = pages;
        this.callers = callers;
    }

    @POST
    @HeavyCall
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Response preview(@Valid ValidateRequest request, @Context HttpHeaders headers) {
        List<RuleFile> files = request == null ? null : RuleFileInput.toRuleFiles(request.files());
        PreviewReport report = previews.preview(files, callers.policy());
        if (Negotiation.wantsHtml(headers)) {
            return Response.ok(pages.preview(report), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
