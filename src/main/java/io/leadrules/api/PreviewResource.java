package io.leadrules.api;

import io.leadrules.calibrate.PreviewReport;
import io.leadrules.calibrate.PreviewService;
import io.leadrules.rules.RuleFile;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * {@code POST /rules/preview}: what a candidate ruleset would change for the stored leads, before it ships. Body
 * as for {@code POST /rules/validate}; {@code files} omitted = the rules folder's files. Admin key required: it
 * runs the whole population through two rulesets.
 */
@Path("/rules/preview")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PreviewResource {

    private final PreviewService previews;

    public PreviewResource(PreviewService previews) {
        this.previews = previews;
    }

    @POST
    @AdminOnly
    public PreviewReport preview(@Valid ValidateRequest request) {
        List<RuleFile> files = request == null || request.files() == null ? null
                : request.files().stream().map(f -> new RuleFile(f.path(), f.content())).toList();
        return previews.preview(files);
    }
}
