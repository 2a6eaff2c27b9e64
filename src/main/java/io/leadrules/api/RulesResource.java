package io.leadrules.api;

import io.leadrules.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.leadrules.limits.HeavyCall;
import io.leadrules.rules.ReloadResult;
import io.quarkus.security.identity.SecurityIdentity;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The rules lifecycle over HTTP: what is active, validating a change, reloading, versions and rollback.
 * Reads need the {@code read} role; validating a candidate {@code analyst}; reload and activate {@code admin}.
 */
@Path("/rules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READ)
public class RulesResource {

    private static final String TEXT_DIFF = "text/x-diff";

    private final RulesetReloader reloader;
    private final SecurityIdentity caller;
    private final CallerPolicy callers;

    public RulesResource(RulesetReloader reloader, SecurityIdentity caller, CallerPolicy callers) {
        this.reloader = reloader;
        this.caller = caller;
        this.callers = callers;
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
    @RolesAllowed(Roles.ANALYST)
    @HeavyCall
    public ValidationReport validate(@Valid ValidateRequest request) {
        ValidateRequest body = request != null ? request : new ValidateRequest(null, null);
        return ValidationReport.of(reloader.validate(RuleFileInput.toRuleFiles(body.files()), body.scenarios(),
                callers.policy()));
    }

    @POST
    @Path("/reload")
    @RolesAllowed(Roles.ADMIN)
    @HeavyCall
    public ReloadResult reload() {
        return reloader.reloadFolder(RulesetReloader.API, caller.getPrincipal().getName());
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

    /**
     * JSON, one entry per changed file; or, with {@code Accept: text/x-diff} (or {@code text/plain}), the diffs as one
     * patch file, for {@code patch -p1} or a diff viewer.
     */
    @GET
    @Path("/versions/{v}/diff/{w}")
    @Produces({MediaType.APPLICATION_JSON, TEXT_DIFF, MediaType.TEXT_PLAIN})
    public Response diff(@PathParam("v") String from, @PathParam("w") String to, @Context HttpHeaders headers) {
        List<RulesetDiff.FileDiff> diffs = reloader.diff(from, to);
        MediaType chosen = Negotiation.choose(headers.getAcceptableMediaTypes(), MediaType.APPLICATION_JSON_TYPE,
                MediaType.valueOf(TEXT_DIFF), MediaType.TEXT_PLAIN_TYPE);
        if (chosen.equals(MediaType.APPLICATION_JSON_TYPE)) {
            return Response.ok(diffs, MediaType.APPLICATION_JSON_TYPE).build();
        }
        String patch = diffs.stream().map(d -> d.diff().endsWith("\n") ? d.diff() : d.diff() + "\n")
                .collect(java.util.stream.Collectors.joining());
        return Response.ok(patch, chosen.withCharset("UTF-8")).build();
    }

    @POST
    @Path("/versions/{v}/activate")
    @RolesAllowed(Roles.ADMIN)
    @HeavyCall
    public ReloadResult activate(@PathParam("v") String version) {
        return reloader.activateVersion(version, caller.getPrincipal().getName());
    }
}
