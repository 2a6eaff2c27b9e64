package io.leadrules.api;

import io.leadrules.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.leadrules.handoff.TransitionFeed;
import io.leadrules.store.TransitionRow;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** {@code GET /mql/transitions?since=}: leads entering and leaving MQL, oldest first, for sales to poll. */
@Path("/mql/transitions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.READ)
public class MqlResource {

    private final TransitionFeed feed;

    public MqlResource(TransitionFeed feed) {
        this.feed = feed;
    }

    @GET
    public List<TransitionRow> transitions(@QueryParam("since") String since, @QueryParam("limit") String limit) {
        return feed.since(since, limit);
    }
}
