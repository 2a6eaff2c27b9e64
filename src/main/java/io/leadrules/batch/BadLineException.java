package io.leadrules.batch;

/** A batch line that cannot be scored: which field, and what is wrong. The batch goes on with the next line. */
public class BadLineException extends RuntimeException {

    private final String field;

    public BadLineException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
