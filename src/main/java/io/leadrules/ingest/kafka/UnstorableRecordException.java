package io.leadrules.ingest.kafka;

/**
 * A Kafka record that can never be stored, however often it is tried: not JSON, not a valid Segment message, too
 * large, or holding a value the database refuses. Its message is the reason the dead-letter record carries (header
 * {@code dead-letter-reason}).
 */
public class UnstorableRecordException extends RuntimeException {

    public UnstorableRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
