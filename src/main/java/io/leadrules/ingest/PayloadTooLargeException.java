package io.leadrules.ingest;

/** A request or one of its events exceeds Segment's limits (32 KB per event, 500 KB per request). */
public class PayloadTooLargeException extends RuntimeException {

    private final String field;
    private final int limit;

    public PayloadTooLargeException(String field, int limit, String detail) {
        super(detail);
        this.field = field;
        this.limit = limit;
    }

    public String field() {
        return field;
    }

    public int limit() {
        return limit;
    }
}
