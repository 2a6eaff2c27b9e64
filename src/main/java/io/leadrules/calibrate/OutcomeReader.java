package io.leadrules.calibrate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.leadrules.calibrate.InvalidOutcomesException.Error;
import io.leadrules.model.Instants;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a batch of outcomes from JSON (one object or an array), JSONL (one object per line) or CSV (header
 * {@code leadId,outcome,closedAt}, other columns ignored). Every record is checked before anything is returned:
 * one bad record fails the batch with all faults listed, each with its record number, line and field.
 */
public final class OutcomeReader {

    static final String LEAD_ID = "leadId";
    static final String OUTCOME = "outcome";
    static final String CLOSED_AT = "closedAt";
    private static final Set<String> FIELDS = Set.of(LEAD_ID, OUTCOME, CLOSED_AT);
    /** Enough to fix a file; a batch with more bad records says how many there were. */
    static final int MAX_ERRORS = 100;
    /** Strict: content after the value (a second object sent as application/json) would otherwise be dropped. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<Error> errors = new ArrayList<>();
    private int badRecords;

    private OutcomeReader() {
    }

    /** {@code {"leadId","outcome","closedAt"}} or an array of such objects. */
    public static List<Outcome> json(String body) {
        OutcomeReader reader = new OutcomeReader();
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            String hint = e instanceof MismatchedInputException && e.getOriginalMessage().contains("Trailing token")
                    ? " (several outcomes: send a JSON array, or one object per line as application/x-ndjson)" : "";
            throw new InvalidOutcomesException("The body is not valid JSON: " + e.getOriginalMessage() + hint,
                    List.of(new Error(null, line(e.getLocation()), null, null, e.getOriginalMessage())));
        }
        if (root != null && root.isObject()) {
            reader.object(root, 1, null);
        } else if (root != null && root.isArray()) {
            int record = 0;
            for (JsonNode node : root) {
                reader.object(node, ++record, null);
            }
        } else {
            throw new InvalidOutcomesException("Send one outcome object or an array of them", List.of());
        }
        return reader.result();
    }

    /** One JSON object per line; blank lines are skipped. */
    public static List<Outcome> jsonLines(String body) {
        OutcomeReader reader = new OutcomeReader();
        String[] lines = (body == null ? "" : body).split("\r?\n", -1);
        int record = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            record++;
            try {
                reader.object(JSON.readTree(lines[i]), record, i + 1);
            } catch (JsonProcessingException e) {
                reader.fail(new Error(record, i + 1, null, null, "not valid JSON: " + e.getOriginalMessage()));
                reader.badRecords++;
            }
        }
        return reader.result();
    }

    /**
     * A body whose type the client did not say (no Content-Type, curl's default form type, text/plain): a JSON
     * array, one JSON object, JSON lines, or else CSV, told apart by its first characters.
     */
    public static List<Outcome> sniff(String body) {
        String text = body == null ? "" : body.strip();
        if (text.startsWith("[")) {
            return json(text);
        }
        if (text.startsWith("{")) {
            return text.lines().filter(l -> !l.isBlank()).count() > 1 && text.lines().allMatch(l -> l.isBlank()
                    || l.strip().startsWith("{") && l.strip().endsWith("}")) ? jsonLines(text) : json(text);
        }
        return csv(body);
    }

    /** A header line naming at least leadId, outcome and closedAt, then one outcome per row. */
    public static List<Outcome> csv(String body) {
        OutcomeReader reader = new OutcomeReader();
        // Column names as spreadsheets write them: "LeadId", "Outcome" are the same columns.
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setIgnoreHeaderCase(true).get();
        try (CSVParser parser = CSVParser.parse(CsvLeadMapper.withoutBom(new StringReader(body == null ? "" : body)),
                format)) {
            List<String> missing = FIELDS.stream().sorted()
                    .filter(f -> parser.getHeaderNames().stream().noneMatch(f::equalsIgnoreCase)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidOutcomesException("The CSV header must name the columns leadId, outcome and closedAt;"
                        + " missing: " + missing + ", found: " + parser.getHeaderNames(),
                        missing.stream().map(f -> new Error(null, 1, f, null, "column missing from the header")).toList());
            }
            int record = 0;
            for (CSVRecord row : parser) {
                reader.row(row, ++record);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidOutcomesException("The CSV cannot be read: " + e.getMessage(), List.of());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidOutcomesException("The CSV cannot be read: " + e.getMessage(), List.of());
        }
        return reader.result();
    }

    private void object(JsonNode node, int record, Integer line) {
        if (!node.isObject()) {
            fail(new Error(record, line, null, null, "expected an object {\"leadId\", \"outcome\", \"closedAt\"}, got "
                    + node.getNodeType().toString().toLowerCase(Locale.ROOT)));
            badRecords++;
            return;
        }
        List<Error> found = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                found.add(new Error(record, line, name, null, "unknown field; known fields: leadId, outcome, closedAt"));
            }
        }
        add(record, line, text(node, LEAD_ID, record, line, found), text(node, OUTCOME, record, line, found),
                text(node, CLOSED_AT, record, line, found), found);
    }

    private void row(CSVRecord row, int record) {
        int line = (int) row.getRecordNumber() + 1;
        List<Error> found = new ArrayList<>();
        if (!row.isConsistent()) {
            found.add(new Error(record, line, null, null, "has " + row.size() + " values; the header has "
                    + row.getParser().getHeaderNames().size() + " columns"));
        }
        add(record, line, cell(row, LEAD_ID), cell(row, OUTCOME), cell(row, CLOSED_AT), found);
    }

    private void add(int record, Integer line, String leadId, String outcome, String closedAt, List<Error> found) {
        if (!has(found, LEAD_ID) && (leadId == null || leadId.isBlank())) {
            found.add(new Error(record, line, LEAD_ID, leadId, "is required"));
        }
        Boolean won = null;
        if (has(found, OUTCOME)) {
            won = null;
        } else if (outcome == null || outcome.isBlank()) {
            found.add(new Error(record, line, OUTCOME, outcome, "is required: won or lost"));
        } else {
            won = switch (outcome.trim().toLowerCase(Locale.ROOT)) {
                case Outcome.WON -> true;
                case Outcome.LOST -> false;
                default -> null;
            };
            if (won == null) {
                found.add(new Error(record, line, OUTCOME, outcome, "must be won or lost"));
            }
        }
        Instant at = null;
        if (has(found, CLOSED_AT)) {
            at = null;
        } else if (closedAt == null || closedAt.isBlank()) {
            found.add(new Error(record, line, CLOSED_AT, closedAt, "is required: an ISO-8601 instant such as"
                    + " 2026-03-01T12:00:00Z, or a date (2026-03-01, read as midnight UTC)"));
        } else {
            at = instant(closedAt.trim());
            if (at == null) {
                found.add(new Error(record, line, CLOSED_AT, closedAt, "is not an ISO-8601 instant such as"
                        + " 2026-03-01T12:00:00Z, or a date (2026-03-01)"));
            }
        }
        if (found.isEmpty()) {
            outcomes.add(new Outcome(leadId.trim(), won, at));
        } else {
            found.forEach(this::fail);
            badRecords++;
        }
    }

    private void fail(Error error) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(error);
        }
    }

    private static boolean has(List<Error> found, String field) {
        return found.stream().anyMatch(e -> field.equals(e.field()));
    }

    private List<Outcome> result() {
        if (!errors.isEmpty()) {
            throw new InvalidOutcomesException(badRecords + " of " + (outcomes.size() + badRecords)
                    + " outcome record(s) are invalid; nothing was stored"
                    + (errors.size() >= MAX_ERRORS ? " (the first " + MAX_ERRORS + " faults are listed)" : ""), errors);
        }
        if (outcomes.isEmpty()) {
            throw new InvalidOutcomesException("The batch holds no outcome: send {\"leadId\", \"outcome\", \"closedAt\"}",
                    List.of());
        }
        return List.copyOf(outcomes);
    }

    /** A text field; a number is taken as its text (numeric lead ids); anything else is a fault. */
    private static String text(JsonNode node, String field, int record, Integer line, List<Error> found) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual() || value.isIntegralNumber()) {
            return value.asText();
        }
        found.add(new Error(record, line, field, value.toString(), "must be a string, got "
                + value.getNodeType().toString().toLowerCase(Locale.ROOT)));
        return null;
    }

    private static String cell(CSVRecord row, String column) {
        return row.isSet(column) ? row.get(column) : null;
    }

    /** An instant with an offset ({@code Z} or {@code +02:00}), or a bare date read as midnight UTC. */
    static Instant instant(String text) {
        return Instants.parseOrDateOrNull(text);
    }

    private static Integer line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? null : location.getLineNr();
    }
}
