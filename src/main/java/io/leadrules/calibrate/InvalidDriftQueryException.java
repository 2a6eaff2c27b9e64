package io.leadrules.calibrate;

/** A {@code GET /calibration/drift} query parameter that cannot be used: a bad date, a baseline after asOf. */
public class InvalidDriftQueryException extends RuntimeException {

    private final String field;

    public InvalidDriftQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
