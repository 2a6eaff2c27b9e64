package io.leadrules.report;

/** A report query parameter that cannot be read (a bad date, a segment without a value). */
public class InvalidReportQueryException extends RuntimeException {

    private final String field;

    public InvalidReportQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
