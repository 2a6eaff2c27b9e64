package io.leadrules.report;

import io.leadrules.model.Instants;
import io.leadrules.profile.SegmentFields;
import io.leadrules.rules.RulesetVersionStore;
import io.leadrules.store.InvalidQueryException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The rule-hit report's query parameters, read and checked: {@code from} and {@code to} are ISO dates (UTC days,
 * {@code to} inclusive) or ISO instants ({@code to} exclusive); {@code segment} is {@code field:value}, e.g.
 * {@code industry:Apparel} or {@code attributes.platform:Shopify Plus}, on a field {@link SegmentFields} stores; the
 * value matches exactly, case included (the comparison is the database's, on the stored text).
 */
public record RuleHitQuery(Instant from, Instant to, String version, String segmentField, String segmentValue) {

    public static RuleHitQuery parse(String from, String to, String version, String segment) {
        Instant start = blank(from) ? null : instant("from", from, false);
        Instant end = blank(to) ? null : instant("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidQueryException("from", "\"from\" (" + from + ") must be before \"to\" (" + to + ")");
        }
        String field = null;
        String value = null;
        if (!blank(segment)) {
            int colon = segment.indexOf(':');
            if (colon <= 0 || colon == segment.length() - 1) {
                throw new InvalidQueryException("segment", "segment must be field:value, e.g. industry:Apparel"
                        + " or attributes.platform:Shopify Plus; got \"" + segment + "\"");
            }
            field = segment.substring(0, colon).trim();
            value = segment.substring(colon + 1).trim();
            if (!SegmentFields.known(field)) {
                throw new InvalidQueryException("segment", "Unknown segment field \"" + field + "\": use one of "
                        + String.join(", ", SegmentFields.LEAD_FIELDS) + ", or attributes.<name> (e.g."
                        + " attributes.plan:growth); got \"" + segment + "\"");
            }
            if ("employees".equals(field) || "gmv".equals(field)) {
                value = number(field, value);
            }
        }
        return new RuleHitQuery(start, end, blank(version) ? null : RulesetVersionStore.normalize(version), field, value);
    }

    /** The segment as given, or null. */
    public String segment() {
        return segmentField == null ? null : segmentField + ":" + segmentValue;
    }

    private static Instant instant(String field, String text, boolean endOfDay) {
        String t = text.trim();
        try {
            if (Instants.isDate(t)) {
                LocalDate day = LocalDate.parse(t);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instants.fromQuery(t);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(field, "\"" + field + "\" must be a date (2026-11-01) or an instant"
                    + " (2026-11-01T00:00:00Z); got \"" + text + "\"");
        }
    }

    /** A number as the lead's fields are stored (plain, no trailing zeros): gmv:2.5E7 and gmv:25000000.0 match. */
    private static String number(String field, String value) {
        try {
            return new java.math.BigDecimal(value).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("segment", "\"" + field + "\" is a number: segment " + field
                    + ":" + (field.equals("gmv") ? "25000000" : "200") + ", not \"" + value + "\"");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
