package io.leadrules.batch;

/** A batch body that is not a stream of leads at all (a JSON array, one object over many lines): nothing scored. */
public class NotAStreamException extends RuntimeException {

    public NotAStreamException(String message) {
        super(message);
    }
}
