package io.leadrules.api;

import io.leadrules.privacy.Suppression;
import io.leadrules.privacy.SuppressionService;
import io.leadrules.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Suppressions of erased leads, for support and admins: whether an id's messages are being dropped since its lead
 * was erased, and lifting the suppression (the person came back and agreed to be tracked again). Needs the {@code admin} role.
 */
@Path("/privacy/suppressions/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class PrivacyResource {

    private final SuppressionService suppressions;

    public PrivacyResource(SuppressionService suppressions) {
        this.suppressions = suppressions;
    }

    @GET
    public Suppression get(@PathParam("id") String id) {
        return suppressions.find(id);
    }

    @DELETE
    public Response lift(@PathParam("id") String id) {
        suppressions.lift(id);
        return Response.noContent().build();
    }
}
