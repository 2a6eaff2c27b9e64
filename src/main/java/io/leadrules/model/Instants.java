package io.leadrules.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Instants as clients write them, read one way everywhere: ISO-8601 with an offset, which may be {@code Z},
 * {@code +02:00}, or {@code +0200} as some SDKs and Java's own {@code SimpleDateFormat} write it. A time without
 * an offset is refused (whose midnight would it be?); a bare date is taken only where people type dates by hand
 * (a deal's close, a report's range), as midnight UTC.
 */
public final class Instants {

    private static final DateTimeFormatter WITH_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendPattern("[XXX][XX]")
            .toFormatter();
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** In a query string an unencoded '+' arrives as a space: "...T00:00:00 01:00" meant "+01:00". */
    private static final Pattern SPACED_OFFSET = Pattern.compile("(T[\\d:.]+) (\\d{2}:?\\d{2})$");

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private Instants() {
    }

    /**
     * An ISO-8601 date-time with an offset, in years 1 to 9999: beyond them no database column holds it (PostgreSQL
     * refuses "+999999999-12-31") and the event-age arithmetic overflows.
     */
    public static Instant parse(String text) {
        Instant instant = OffsetDateTime.parse(text.strip(), WITH_OFFSET).toInstant();
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new DateTimeParseException("outside years 1-9999", text, 0);
        }
        return instant;
    }

    /** As {@link #parse}, or a bare date ({@code 2026-11-23}) read as midnight UTC. */
    public static Instant parseOrDate(String text) {
        String t = text.strip();
        return isDate(t) ? LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant() : parse(t);
    }

    /** As {@link #parseOrDate}, for a query parameter: a '+' of the offset that arrived as a space is put back. */
    public static Instant fromQuery(String text) {
        return parseOrDate(SPACED_OFFSET.matcher(text.strip()).replaceFirst("$1+$2"));
    }

    public static boolean isDate(String text) {
        return DATE.matcher(text.strip()).matches();
    }

    /** The same text parsed, or null when it is not an instant nor a date. */
    public static Instant parseOrDateOrNull(String text) {
        try {
            return parseOrDate(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
