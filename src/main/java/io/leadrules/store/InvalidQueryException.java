package io.leadrules.store;

/**
 * A query parameter of a read (a report filter, a feed's {@code since}, a page size) that cannot be used: answered
 * as a 400 problem naming it in {@code field}.
 */
public class InvalidQueryException extends RuntimeException {

    private final String field;

    public InvalidQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
