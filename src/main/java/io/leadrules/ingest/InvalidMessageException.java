package io.leadrules.ingest;

/** A Segment message the service cannot accept; {@code field} locates it ("batch[3].userId"). */
public class InvalidMessageException extends RuntimeException {

    private final String field;

    public InvalidMessageException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
