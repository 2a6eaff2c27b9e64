package io.leadrules.api;

import io.leadrules.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.leadrules.calibrate.InvalidOutcomesException;
import io.leadrules.calibrate.Outcome;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /outcomes}: closed-won / closed-lost per lead, one at a time or in bulk (JSON, JSONL, CSV), and
 * {@code GET /outcomes} to read them back. One current outcome per lead: a later record replaces it.
 */
@Path("/outcomes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ANALYST)
public class OutcomeResource {

    /**
     * The answer of a POST: outcomes stored (one per lead), how many replaced an earlier one, and how many records
     * were dropped because they name an erased lead.
     */
    public record Stored(int stored, int replaced, int suppressed) {
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

    /**
     * A file upload ({@code curl -F file=@outcomes.csv}): each uploaded file is read by its name's extension
     * (.csv, .jsonl/.ndjson, .json) or else by its shape; all files together are one all-or-nothing batch.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Stored upload(@RestForm(FileUpload.ALL) List<FileUpload> parts) throws IOException {
        // A part whose headers do not make it a file (a mangled Content-Disposition) has no uploaded file.
        List<FileUpload> files = parts == null ? List.of() : parts.stream().filter(p -> p.uploadedFile() != null).toList();
        if (files.isEmpty()) {
            throw new InvalidOutcomesException("The upload holds no file: send the outcomes as a file part, e.g."
                    + " curl -F file=@outcomes.csv", List.of());
        }
        List<Outcome> batch = new ArrayList<>();
        for (FileUpload file : files) {
            batch.addAll(read(file.fileName(), text(file)));
        }
        return store(outcomes.record(batch));
    }

    private static String text(FileUpload file) throws IOException {
        try {
            return Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new InvalidOutcomesException("The uploaded file \"" + file.fileName() + "\" is not UTF-8 text",
                    List.of());
        }
    }

    private static List<Outcome> read(String name, String body) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return OutcomeReader.csv(body);
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return OutcomeReader.jsonLines(body);
        }
        return lower.endsWith(".json") ? OutcomeReader.json(body) : OutcomeReader.sniff(body);
    }

    /** With {@code leadId}: that lead's outcome (a list of zero or one). Without: all, by lead id, paged. */
    @GET
    @RolesAllowed(Roles.READ)
    public List<OutcomeRow> list(@QueryParam("leadId") String leadId, @QueryParam("after") String after,
                                 @QueryParam("limit") String limit) {
        return leadId != null ? outcomes.forLead(leadId) : outcomes.page(after, limit);
    }

    private static Stored store(OutcomeService.Recorded recorded) {
        return new Stored(recorded.stored(), recorded.replaced(), recorded.suppressed());
    }
}
