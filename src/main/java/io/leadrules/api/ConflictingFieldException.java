package io.leadrules.api;

/**
 * Two fields of a request object that say the same thing say it differently ({@code type} and {@code event}).
 * Thrown while the object is read; the problem answer names the field inside the object's JSON path.
 */
public class ConflictingFieldException extends IllegalArgumentException {

    private final String field;

    public ConflictingFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
