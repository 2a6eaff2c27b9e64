package io.leadrules.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrules.batch.BadLineException;
import io.leadrules.batch.BatchInput;
import io.leadrules.batch.BatchOutput;
import io.leadrules.batch.BatchScorer;
import io.leadrules.batch.CsvOutput;
import io.leadrules.batch.NdjsonOutput;
import io.leadrules.batch.NotAStreamException;
import io.leadrules.json.JsonErrors;
import io.leadrules.security.Roles;
import io.leadrules.store.InvalidQueryException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Set;

/**
 * {@code POST /score/batch}: scores a stream of leads, one {@code POST /score} body per line (JSON lines), and
 * answers as it goes, in input order: JSON lines (default) or CSV ({@code Accept: text/csv}). {@code detail=summary}
 * (default) leaves each card's hits out, {@code detail=full} keeps them. A bad line is answered by a problem naming its
 * line and the batch goes on; a body that is not a stream of objects is a 400.
 */
@Path("/score/batch")
@RolesAllowed(Roles.SCORE)
public class BatchScoreResource {

    private static final String NDJSON = "application/x-ndjson";

    private final BatchScorer batches;
    private final ObjectMapper mapper;
    private final Validator validator;

    public BatchScoreResource(BatchScorer batches, ObjectMapper mapper, Validator validator) {
        this.batches = batches;
        this.mapper = mapper;
        this.validator = validator;
    }

    @POST
    @Consumes({NDJSON, "application/jsonl", "application/x-jsonlines", "application/jsonlines", "text/jsonl",
            "text/x-ndjson", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    public Response score(InputStream body, @QueryParam("detail") String detail, @Context HttpHeaders headers)
            throws IOException {
        boolean full = full(detail);
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        refuseWhatIsNoStream(lines);
        boolean csv = Negotiation.csvAsText(headers.getAcceptableMediaTypes()).stream()
                .anyMatch(t -> t.getType().equalsIgnoreCase("text") && t.getSubtype().equalsIgnoreCase("csv"));
        StreamingOutput answer = out -> {
            BatchOutput output = csv ? new CsvOutput(out) : new NdjsonOutput(out, mapper, full);
            batches.score(lines, this::read, output);
        };
        return Response.ok(answer, csv ? Negotiation.TEXT_CSV + "; charset=UTF-8" : NDJSON).build();
    }

    private static boolean full(String detail) {
        if (detail == null || detail.isBlank() || detail.equalsIgnoreCase("summary")) {
            return false;
        }
        if (detail.equalsIgnoreCase("full")) {
            return true;
        }
        throw new InvalidQueryException("detail", "detail must be summary or full, not \"" + detail + "\"");
    }

    /** A JSON array, or an object spread over lines, is no stream of leads: say so before answering 200. */
    private static void refuseWhatIsNoStream(BufferedReader lines) throws IOException {
        lines.mark(64 * 1024);
        int c;
        do {
            c = lines.read();
        } while (c != -1 && Character.isWhitespace(c));
        lines.reset();
        if (c == '[') {
            throw new NotAStreamException("The body is a JSON array: send one POST /score body per line"
                    + " (application/x-ndjson), not an array");
        }
        if (c != -1 && c != '{') {
            throw new NotAStreamException("The body does not start with a JSON object: send one POST /score body per"
                    + " line (application/x-ndjson)");
        }
    }

    /** One line as {@code POST /score} reads its body: the same JSON rules and the same validation. */
    private BatchInput read(String line) {
        ScoreRequest request;
        try {
            request = mapper.readValue(line, ScoreRequest.class);
        } catch (JsonMappingException e) {
            throw new BadLineException(JsonErrors.path(e), JsonErrors.describe(e, "The line"));
        } catch (JsonProcessingException e) {
            throw new BadLineException(null, "not valid JSON: " + e.getOriginalMessage());
        }
        if (request == null || request.lead() == null) {
            throw new BadLineException("lead", "lead is required");
        }
        Set<ConstraintViolation<ScoreRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            ConstraintViolation<ScoreRequest> first = violations.stream()
                    .min(Comparator.comparing(v -> v.getPropertyPath().toString())).orElseThrow();
            String field = first.getPropertyPath().toString().replace(".<list element>", "");
            throw new BadLineException(field, field + " " + first.getMessage());
        }
        return new BatchInput(ScoreResource.toLead(request.lead()), ScoreResource.toEvents(request.events()),
                request.asOf());
    }
}
