package io.leadrules.api;

import io.leadrules.profile.HistoryEntry;
import io.leadrules.profile.LeadService;
import io.leadrules.profile.LeadView;
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
public class LeadResource {

    private final LeadService leads;

    public LeadResource(LeadService leads) {
        this.leads = leads;
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

    /** Who erased, as kept with the suppression: the admin key is the only caller allowed. */
    static final String ERASED_BY = "admin";

    /**
     * Erases the profile, events, decisions and transitions (CCPA/CPRA) and suppresses the id, so later messages
     * for it are dropped until the suppression is lifted ({@code DELETE /privacy/suppressions/{id}}); admin key
     * required.
     */
    @DELETE
    @AdminOnly
    public Response erase(@PathParam("id") String id) {
        leads.erase(id, ERASED_BY);
        return Response.noContent().build();
    }
}
