package io.leadrules.calibrate;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.leadrules.json.IsoInstantDeserializer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How a flat CSV of leads becomes lead facts and events, read from YAML (format in the README, "Mapping a CSV"):
 * which column is the id, which the outcome, which columns fill lead fields or attributes, and which columns
 * count events.
 *
 * @param asOf the scoring instant for the whole set; events are placed before it
 * @param missing cell values that mean "no value" (e.g. "", "Select"); default: the empty cell only
 * @param fields column -> lead field (email, jobTitle, industry, employees, gmv, country, region, unsubscribed,
 *               trackingOptOut); any other name becomes an attribute of that name, as text
 * @param booleans which texts mean true and false for unsubscribed / trackingOptOut
 */
public record CsvMapping(String id, Label label, @JsonDeserialize(using = IsoInstantDeserializer.OrDate.class) Instant asOf, List<String> missing, Map<String, String> fields,
                         List<EventColumn> events, Booleans booleans) {

    public CsvMapping {
        missing = missing == null ? List.of("") : List.copyOf(missing);
        fields = fields == null ? Map.of() : fields;
        events = events == null ? List.of() : List.copyOf(events);
        booleans = booleans == null ? Booleans.DEFAULT : booleans;
    }

    /**
     * The outcome column. A cell in {@code won} is won; in {@code lost} is lost (when {@code lost} is not given,
     * any other value is lost); a missing cell, or one in neither list, leaves the lead without an outcome.
     *
     * @param closedAt optional column with the date the outcome closed (ISO instant or date), for the drift check
     */
    public record Label(String column, List<String> won, List<String> lost, String closedAt) {
    }

    /**
     * A column whose number is a count of events: {@code floor(value / per)} events of {@code type}, the newest
     * {@code daysAgo} days before asOf, each further one {@code spacingDays} older. Without {@code type} the
     * cell's text is the event type and gives one event (e.g. a "Last Activity" column).
     *
     * @param per divide the value by this first (e.g. 60 turns seconds into minutes); default 1
     * @param daysAgo age of the newest event at asOf; default 1
     * @param spacingDays days between successive events; default 0 (all at once)
     * @param limit most events one cell may give; more is an error; default 1000
     */
    public record EventColumn(String column, String type, BigDecimal per, Double daysAgo, Double spacingDays,
                              Integer limit) {

        BigDecimal perOrOne() { return per == null ? BigDecimal.ONE : per; }
        double daysAgoOrDefault() { return daysAgo == null ? 1 : daysAgo; }
        double spacingOrDefault() { return spacingDays == null ? 0 : spacingDays; }
        int limitOrDefault() { return limit == null ? 1000 : limit; }
    }

    /** Texts (compared ignoring case) read as true or false in boolean fields. */
    public record Booleans(List<String> trueValues, List<String> falseValues) {
        static final Booleans DEFAULT = new Booleans(List.of("yes", "y", "true", "1"), List.of("no", "n", "false", "0"));
    }
}
