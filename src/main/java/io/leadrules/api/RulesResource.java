package io.leadrules.api;

import io.leadrules.rules.ReloadResult;
import io.leadrules.rules.RuleFile;
import io.leadrules.rules.RulesStatus;
import io.leadrules.rules.RulesetDiff;
import io.leadrules.rules.RulesetReloader;
import io.leadrules.rules.RulesetVersion;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * The rules lifecycle over HTTP: what is active, validating a change, reloading, versions and rollback.
 * Reads are open; calls that change or probe the rules are {@link AdminOnly}.
 */
@Path("/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    private final RulesetReloader reloader;

    public RulesResource(RulesetReloader reloader) {
        this.reloader = reloader;
    }

    @GET
    public List<RuleView> rules() {
        return reloader.activeRules().stream().map(RuleView::of).toList();
    }

    @GET
    @Path("/status")
    public RulesStatus status() {
        return reloader.status();
    }

    @POST
    @Path("/validate")
    @AdminOnly
    public ValidationReport validate(@Valid ValidateRequest request) {
        ValidateRequest body = request != null ? request : new ValidateRequest(null, null);
        return ValidationReport.of(reloader.validate(RuleFileInput.toRuleFiles(body.files()), body.scenarios()));
    }

    @POST
    @Path("/reload")
    @AdminOnly
    public ReloadResult reload() {
        return reloader.reloadFolder(RulesetReloader.API);
    }

    @GET
    @Path("/versions")
    public List<RulesetVersion> versions() {
        return reloader.versions();
    }

    /** One version: when and how it was activated, and its DRL and scenario files as they were. */
    @GET
    @Path("/versions/{v}")
    public RulesetVersion.WithFiles version(@PathParam("v") String version) {
        return reloader.version(version);
    }

    @GET
    @Path("/versions/{v}/diff/{w}")
    public List<RulesetDiff.FileDiff> diff(@PathParam("v") String from, @PathParam("w") String to) {
        return reloader.diff(from, to);
    }

    @POST
    @Path("/versions/{v}/activate")
    @AdminOnly
    public ReloadResult activate(@PathParam("v") String version) {
        return reloader.activateVersion(version);
    }
}
