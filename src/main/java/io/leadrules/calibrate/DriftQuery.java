package io.leadrules.calibrate;

import io.leadrules.model.Instants;
import io.leadrules.store.InvalidQueryException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The query of {@code GET /calibration/drift}, read and checked: {@code asOf} and {@code baselineFrom} are ISO-8601
 * instants with an offset or bare dates read as midnight UTC, as {@code POST /outcomes} reads {@code closedAt}.
 * Null parts take their defaults (now; all outcomes).
 */
public record DriftQuery(Instant asOf, Instant baselineFrom) {

    public static DriftQuery parse(String asOf, String baselineFrom) {
        return new DriftQuery(instant("asOf", asOf), instant("baselineFrom", baselineFrom));
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instants.fromQuery(text);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(field, "\"" + field + "\" must be an ISO-8601 instant such as"
                    + " 2026-11-23T00:00:00Z, or a date (2026-11-23, read as midnight UTC); got \"" + text + "\"");
        }
    }
}
