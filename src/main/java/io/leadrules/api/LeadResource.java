package io.leadrules.api;

import io.leadrules.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.leadrules.profile.HistoryEntry;
import io.leadrules.profile.LeadService;
import io.leadrules.profile.LeadView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Lead profiles: the live score ({@code GET /leads/{id}}), the audit trail ({@code /history}), erasure. */
@Path("/leads/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READ)
public class LeadResource {

    private final LeadService leads;
    private final SecurityIdentity caller;

    public LeadResource(LeadService leads, SecurityIdentity caller) {
        this.leads = leads;
        this.caller = caller;
    }

    @GET
    public LeadView get(@PathParam("id") String id) {
        return leads.view(id);
    }

    @GET
    @Path("/history")
    public List<HistoryEntry> history(@PathParam("id") String id, @QueryParam("after") String after,
                                      @QueryParam("limit") String limit) {
        return leads.history(id, after, limit);
    }

    /**
     * Erases the profile, events, decisions and transitions (CCPA/CPRA) and suppresses the id, so later messages
     * for it are dropped until the suppression is lifted ({@code DELETE /privacy/suppressions/{id}}); admin role
     * required. The suppression records the name of the key that erased.
     */
    @DELETE
    @RolesAllowed(Roles.ADMIN)
    public Response erase(@PathParam("id") String id) {
        leads.erase(id, caller.getPrincipal().getName());
        return Response.noContent().build();
    }
}
