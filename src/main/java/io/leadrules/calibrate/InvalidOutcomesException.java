package io.leadrules.calibrate;

import java.util.List;

/** A batch of outcomes with bad records; nothing of the batch is stored. {@code errors} locate each fault. */
public class InvalidOutcomesException extends RuntimeException {

    /**
     * One bad value.
     *
     * @param record the record's position in the batch, 1-based (null for the body or CSV header as a whole)
     * @param line   the line of the body it starts on, 1-based, where lines mean something (JSONL, CSV, JSON)
     * @param field  leadId, outcome or closedAt; null when the record as a whole is unreadable
     */
    public record Error(Integer record, Integer line, String field, String value, String message) {
    }

    private final List<Error> errors;

    public InvalidOutcomesException(String message, List<Error> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<Error> errors() {
        return errors;
    }
}
