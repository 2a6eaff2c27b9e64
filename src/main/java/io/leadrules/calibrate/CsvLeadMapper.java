package io.leadrules.calibrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.leadrules.calibrate.CsvMappingException.Error;
import io.leadrules.json.JsonErrors;
import io.leadrules.limits.LimitExceededException;
import io.leadrules.model.Event;
import io.leadrules.model.Lead;
import io.leadrules.scoring.Deadline;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a CSV of closed leads plus a {@link CsvMapping} into {@link LabelledLead}s, so a backtest needs no code.
 * Reads the whole file and reports every bad cell (up to {@value #MAX_ERRORS}) with its row and column.
 */
public final class CsvLeadMapper {

    static final int MAX_ERRORS = 50;
    static final int ROWS_PER_DEADLINE_CHECK = 1000;
    /** Longer than any count or amount in a CRM export; as Jackson's default bound on numbers in JSON. */
    static final int MAX_NUMBER_CHARS = 1000;
    private static final Set<String> LEAD_FIELDS = Set.of("email", "jobTitle", "industry", "employees", "gmv",
            "country", "region", "unsubscribed", "trackingOptOut");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CsvLeadMapper() {
    }

    /** Reads and checks a YAML mapping, without limits (the command line). */
    public static CsvMapping readMapping(String yaml) {
        return readMapping(yaml, BacktestLimits.NONE);
    }

    /** Reads and checks a YAML mapping; an event column's {@code limit} may not exceed the limits' own. */
    public static CsvMapping readMapping(String yaml, BacktestLimits limits) {
        CsvMapping mapping;
        try {
            mapping = YAML.readValue(yaml, CsvMapping.class);
        } catch (JsonProcessingException e) {
            throw new CsvMappingException("The mapping is not valid: " + JsonErrors.describe(e)
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), List.of());
        }
        if (mapping == null) {
            throw new CsvMappingException("The mapping is empty", List.of());
        }
        List<Error> errors = validate(mapping, limits);
        if (!errors.isEmpty()) {
            throw new CsvMappingException("The mapping has " + errors.size() + " error(s)", errors);
        }
        return mapping;
    }

    /** Excel's "CSV UTF-8" starts with a byte-order mark, which would otherwise stick to the first column's name. */
    static Reader withoutBom(Reader csv) throws IOException {
        PushbackReader in = new PushbackReader(csv, 1);
        int first = in.read();
        if (first != -1 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }

    public static List<LabelledLead> map(Reader csv, CsvMapping mapping) {
        return map(csv, mapping, BacktestLimits.NONE, Deadline.NONE);
    }

    /**
     * Reads the rows as leads. More rows than {@code limits.csvMaxRows()}, or more events over all rows than
     * {@code limits.maxEvents()}, stop the reading at once with a {@link LimitExceededException}: the events of a
     * count column are made in memory, so the total is checked before each cell's events are. The backtest's
     * {@code deadline} is checked every {@value #ROWS_PER_DEADLINE_CHECK} rows.
     */
    public static List<LabelledLead> map(Reader csv, CsvMapping mapping, BacktestLimits limits, Deadline deadline) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(withoutBom(csv), format)) {
            checkColumns(parser.getHeaderNames(), mapping);
            List<LabelledLead> leads = new ArrayList<>();
            List<Error> errors = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            EventBudget events = new EventBudget(limits.maxEvents());
            for (CSVRecord record : parser) {
                if (record.getRecordNumber() % ROWS_PER_DEADLINE_CHECK == 0) {
                    deadline.check(() -> "while reading row " + record.getRecordNumber() + " of the CSV");
                }
                if (record.getRecordNumber() > limits.csvMaxRows()) {
                    throw new LimitExceededException("csv", "The CSV has more than " + limits.csvMaxRows()
                            + " data rows, the most a backtest reads (config leadrules.limits.csv-max-rows)");
                }
                if (!record.isConsistent()) {
                    // A cell too many or too few shifts every later column: its values cannot be trusted.
                    errors.add(new Error((int) record.getRecordNumber(), null, null, "has " + record.size()
                            + " values; the header has " + parser.getHeaderNames().size() + " columns"));
                    continue;
                }
                new RowReader(mapping, record, errors, events, limits.mappingMaxEventLimit()).read(ids)
                        .ifPresent(leads::add);
                if (errors.size() >= MAX_ERRORS) {
                    break;
                }
            }
            if (!errors.isEmpty()) {
                throw new CsvMappingException("The CSV has " + errors.size() + (errors.size() >= MAX_ERRORS ? "+" : "")
                        + " bad value(s); the first is row " + errors.get(0).row()
                        + (errors.get(0).column() == null ? "" : ", column \"" + errors.get(0).column() + "\"")
                        + ": " + errors.get(0).message(), errors);
            }
            return leads;
        } catch (IOException | UncheckedIOException e) {
            throw new CsvMappingException("The CSV cannot be read: " + e.getMessage(), List.of());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // commons-csv reports a malformed file (duplicate header, bad quote) this way
            throw new CsvMappingException("The CSV is malformed: " + e.getMessage(), List.of());
        }
    }

    private static List<Error> validate(CsvMapping m, BacktestLimits limits) {
        List<Error> errors = new ArrayList<>();
        if (blank(m.id())) {
            errors.add(new Error(null, "id", null, "Name the column holding each lead's id: id: \"Prospect ID\""));
        }
        if (m.label() == null || blank(m.label().column())) {
            errors.add(new Error(null, "label.column", null, "Name the outcome column: label: {column: Converted, won: [\"1\"]}"));
        } else if (m.label().won() == null || m.label().won().isEmpty()) {
            errors.add(new Error(null, "label.won", null, "List the values of " + m.label().column() + " that mean won"));
        }
        if (m.asOf() == null) {
            errors.add(new Error(null, "asOf", null, "Give the scoring instant of the set, e.g. asOf: 2026-01-01T00:00:00Z"));
        }
        m.fields().forEach((column, field) -> {
            if (blank(field)) {
                errors.add(new Error(null, "fields." + column, null, "Give the lead field or attribute name"));
            }
        });
        for (int i = 0; i < m.events().size(); i++) {
            CsvMapping.EventColumn e = m.events().get(i);
            String key = "events[" + i + "]";
            if (blank(e.column())) {
                errors.add(new Error(null, key + ".column", null, "Name the column that counts events"));
            }
            if (e.perOrOne().signum() <= 0) {
                errors.add(new Error(null, key + ".per", String.valueOf(e.per()), "per must be a positive number"));
            }
            if (e.daysAgoOrDefault() < 0 || e.spacingOrDefault() < 0) {
                errors.add(new Error(null, key, null, "daysAgo and spacingDays must be zero or more"));
            }
            if (e.limitOrDefault() <= 0) {
                errors.add(new Error(null, key + ".limit", String.valueOf(e.limit()), "limit must be positive"));
            } else if (e.limit() != null && e.limit() > limits.mappingMaxEventLimit()) {
                errors.add(new Error(null, key + ".limit", String.valueOf(e.limit()), "limit must be at most "
                        + limits.mappingMaxEventLimit() + " events per cell (config leadrules.limits.mapping-max-event-limit)"));
            }
        }
        return errors;
    }

    private static void checkColumns(List<String> header, CsvMapping m) {
        List<String> wanted = new ArrayList<>();
        wanted.add(m.id());
        wanted.add(m.label().column());
        if (!blank(m.label().closedAt())) {
            wanted.add(m.label().closedAt());
        }
        wanted.addAll(m.fields().keySet());
        m.events().forEach(e -> wanted.add(e.column()));
        List<Error> errors = wanted.stream().filter(c -> !header.contains(c)).distinct()
                .map(c -> new Error(null, c, null, "The CSV has no column \"" + c + "\"")).toList();
        if (!errors.isEmpty()) {
            throw new CsvMappingException("The CSV lacks " + errors.size() + " column(s) the mapping names: "
                    + errors.stream().map(Error::column).toList() + "; its columns are " + header, errors);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The events made so far over all rows, against the most one backtest may have. */
    private static final class EventBudget {

        private final long max;
        private long made;

        EventBudget(long max) {
            this.max = max;
        }

        void take(long count, int row, String column) {
            if (count > max - made) {
                throw new LimitExceededException("csv", "The CSV's rows make more than " + max + " events (row " + row
                        + ", column \"" + column + "\" goes past it), the most a backtest holds (config"
                        + " leadrules.limits.backtest-max-events)");
            }
            made += count;
        }
    }

    /** Reads one CSV row, adding what is wrong with it to the shared error list. */
    private static final class RowReader {

        private final CsvMapping mapping;
        private final CSVRecord record;
        private final List<Error> errors;
        private final EventBudget budget;
        /** The mapping's default limit per cell is lowered to the most any mapping may set. */
        private final int maxEventLimit;
        private final int row;

        RowReader(CsvMapping mapping, CSVRecord record, List<Error> errors, EventBudget budget, int maxEventLimit) {
            this.mapping = mapping;
            this.record = record;
            this.errors = errors;
            this.budget = budget;
            this.maxEventLimit = maxEventLimit;
            this.row = (int) record.getRecordNumber();
        }

        java.util.Optional<LabelledLead> read(Set<String> ids) {
            int before = errors.size();
            String id = value(mapping.id());
            if (id == null) {
                fail(mapping.id(), null, "The lead id is missing");
            } else if (!ids.add(id)) {
                fail(mapping.id(), id, "Duplicate lead id");
            }
            Lead lead = new Lead(id);
            mapping.fields().forEach((column, field) -> setField(lead, column, field));
            List<Event> events = new ArrayList<>();
            for (CsvMapping.EventColumn column : mapping.events()) {
                addEvents(id, column, events);
            }
            Boolean won = label();
            Instant closedAt = closedAt();
            if (errors.size() > before) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new LabelledLead(lead, events, won, closedAt));
        }

        private Instant closedAt() {
            String column = mapping.label().closedAt();
            String raw = blank(column) ? null : value(column);
            if (raw == null) {
                return null;
            }
            Instant closedAt = OutcomeReader.instant(raw);
            if (closedAt == null) {
                fail(column, raw, "is not an ISO-8601 instant such as 2026-03-01T12:00:00Z, or a date (2026-03-01)");
            }
            return closedAt;
        }

        private Boolean label() {
            String raw = value(mapping.label().column());
            if (raw == null) {
                return null;
            }
            if (mapping.label().won().contains(raw)) {
                return true;
            }
            if (mapping.label().lost() == null || mapping.label().lost().contains(raw)) {
                return false;
            }
            return null;
        }

        private void setField(Lead lead, String column, String field) {
            String raw = value(column);
            if (raw == null) {
                return;
            }
            switch (field) {
                case "email" -> lead.setEmail(raw);
                case "jobTitle" -> lead.setJobTitle(raw);
                case "industry" -> lead.setIndustry(raw);
                case "country" -> lead.setCountry(raw);
                case "region" -> lead.setRegion(raw);
                case "employees" -> number(column, raw).ifPresent(n -> setEmployees(lead, column, raw, n));
                case "gmv" -> number(column, raw).ifPresent(lead::setGmv);
                case "unsubscribed" -> bool(column, raw).ifPresent(lead::setUnsubscribed);
                case "trackingOptOut" -> bool(column, raw).ifPresent(lead::setTrackingOptOut);
                default -> lead.getAttributes().put(field, raw);
            }
        }

        private void setEmployees(Lead lead, String column, String raw, BigDecimal n) {
            try {
                lead.setEmployees(n.intValueExact());
            } catch (ArithmeticException e) {
                fail(column, raw, "employees must be a whole number");
            }
        }

        private void addEvents(String leadId, CsvMapping.EventColumn column, List<Event> events) {
            String raw = value(column.column());
            if (raw == null) {
                return;
            }
            String type = column.type();
            int count = 1;
            if (type == null) {
                type = raw;
            } else {
                BigDecimal n = number(column.column(), raw).orElse(null);
                if (n == null) {
                    return;
                }
                // Compared before dividing: a huge value (or a tiny per) would make a huge quotient to compute.
                BigDecimal per = column.perOrOne();
                int limit = Math.min(column.limitOrDefault(), maxEventLimit);
                if (n.compareTo(per.multiply(BigDecimal.valueOf(limit + 1L))) >= 0) {
                    fail(column.column(), raw, "gives more events than the limit of " + limit
                            + " (raise events[].limit or use per)");
                    return;
                }
                count = n.compareTo(per) < 0 ? 0 : n.divide(per, 0, RoundingMode.FLOOR).intValueExact();
            }
            budget.take(count, row, column.column());
            for (int i = 0; i < count; i++) {
                double age = column.daysAgoOrDefault() + i * column.spacingOrDefault();
                Instant at = mapping.asOf().minus(Duration.ofMillis(Math.round(age * 86_400_000d)));
                events.add(new Event(leadId + ":" + type + ":" + i, type, at, Map.of()));
            }
        }

        /** The cell's text, or null when it is one of the mapping's missing values. */
        private String value(String column) {
            String raw = record.isSet(column) ? record.get(column) : "";
            return mapping.missing().contains(raw) ? null : raw;
        }

        private java.util.Optional<BigDecimal> number(String column, String raw) {
            if (raw.length() > MAX_NUMBER_CHARS) {
                // Reading a number is quadratic in its digits: a cell of a million digits would hold the thread.
                fail(column, raw.substring(0, 20) + "...", "is not a number: " + raw.length() + " characters, more"
                        + " than the " + MAX_NUMBER_CHARS + " a number may have");
                return java.util.Optional.empty();
            }
            try {
                BigDecimal n = new BigDecimal(raw);
                if (n.signum() < 0) {
                    fail(column, raw, "must be zero or more");
                    return java.util.Optional.empty();
                }
                return java.util.Optional.of(n);
            } catch (NumberFormatException e) {
                fail(column, raw, "is not a number (use digits and a dot, e.g. 12.5)");
                return java.util.Optional.empty();
            }
        }

        private java.util.Optional<Boolean> bool(String column, String raw) {
            String lower = raw.toLowerCase(Locale.ROOT);
            if (mapping.booleans().trueValues().stream().anyMatch(v -> v.equalsIgnoreCase(lower))) {
                return java.util.Optional.of(true);
            }
            if (mapping.booleans().falseValues().stream().anyMatch(v -> v.equalsIgnoreCase(lower))) {
                return java.util.Optional.of(false);
            }
            fail(column, raw, "is not a yes/no value; true: " + mapping.booleans().trueValues() + ", false: "
                    + mapping.booleans().falseValues());
            return java.util.Optional.empty();
        }

        private void fail(String column, String raw, String message) {
            errors.add(new Error(row, column, raw, message));
        }
    }
}
