package io.leadrules.limits;

/** A request asks for more than a configured limit allows (leads, events, rows, files, bytes): a 413 problem. */
public class LimitExceededException extends RuntimeException {

    private final String field;

    /** @param field the request field that is too large ({@code leads}, {@code csv}, {@code files}) */
    public LimitExceededException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
