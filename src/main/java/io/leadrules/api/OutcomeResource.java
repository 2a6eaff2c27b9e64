package io.leadrules.api;

import io.leadrules.calibrate.OutcomeReader;
import io.leadrules.calibrate.OutcomeService;
import io.leadrules.store.OutcomeRow;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * {@code POST /outcomes}: closed-won / closed-lost per lead, one at a time or in bulk (JSON, JSONL, CSV), and
 * {@code GET /outcomes} to read them back. One current outcome per lead: a later record replaces it.
 */
@Path("/outcomes")
@Produces(MediaType.APPLICATION_JSON)
public class OutcomeResource {

    /** The answer of a POST: outcomes stored (one per lead) and how many replaced an earlier one. */
    public record Stored(int stored, int replaced) {
    }

    private final OutcomeService outcomes;

    public OutcomeResource(OutcomeService outcomes) {
        this.outcomes = outcomes;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Stored json(String body) {
        return store(outcomes.record(OutcomeReader.json(body)));
    }

    @POST
    @Consumes({"application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines",
            "text/jsonl", "text/x-ndjson"})
    public Stored jsonLines(String body) {
        return store(outcomes.record(OutcomeReader.jsonLines(body)));
    }

    @POST
    @Consumes({"text/csv", "application/csv"})
    public Stored csv(String body) {
        return store(outcomes.record(OutcomeReader.csv(body)));
    }

    /** No type said, or a generic one (curl's form default, text/plain): JSON, JSON lines or CSV by the content. */
    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    public Stored untyped(String body) {
        return store(outcomes.record(OutcomeReader.sniff(body)));
    }

    /** With {@code leadId}: that lead's outcome (a list of zero or one). Without: all, by lead id, paged. */
    @GET
    public List<OutcomeRow> list(@QueryParam("leadId") String leadId, @QueryParam("after") String after,
                                 @QueryParam("limit") String limit) {
        return leadId != null ? outcomes.forLead(leadId) : outcomes.page(after, limit);
    }

    private static Stored store(OutcomeService.Recorded recorded) {
        return new Stored(recorded.stored(), recorded.replaced());
    }
}
