package io.leadrules.ingest.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadrules.ingest.InvalidMessageException;
import io.leadrules.ingest.PayloadReader;
import io.leadrules.ingest.PayloadTooLargeException;
import io.leadrules.ingest.SegmentMessage;
import io.leadrules.ingest.SegmentParser;
import io.leadrules.json.JsonErrors;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Reads the value of a Kafka record into Segment messages, with the parser and limits of HTTP intake: one message
 * with its {@code type} (as in a {@code /v1/batch} item or Segment's own JSON), or a whole batch
 * ({@code {"batch": [...]}}); gzip or not. A message without {@code messageId} gets one made of where the record
 * sits, {@code kafka:<topic>:<partition>:<offset>} (a batch item: {@code ...:<offset>:<index>}), so a redelivered
 * record is still stored once.
 */
@ApplicationScoped
public class SegmentRecordReader {

    private final PayloadReader payloads;
    private final SegmentParser parser;

    public SegmentRecordReader(PayloadReader payloads, SegmentParser parser) {
        this.payloads = payloads;
        this.parser = parser;
    }

    /** Where a record sits in its topic: what makes a message id for messages that have none. */
    public record Position(String topic, int partition, long offset) {
        String messageId() {
            return "kafka:" + topic + ":" + partition + ":" + offset;
        }
    }

    /**
     * The record's messages, validated.
     *
     * @throws UnstorableRecordException when they can never be stored; the message says why, as an HTTP client
     *                                   would be told
     */
    public List<SegmentMessage> read(byte[] value, Position position, Instant receivedAt) {
        if (value == null) {
            throw new UnstorableRecordException("The record has no value (a tombstone); a Segment message is"
                    + " required", null);
        }
        try {
            JsonNode json = payloads.read(new ByteArrayInputStream(value), null);
            if (json.has("batch")) {
                JsonNode batch = json.get("batch");
                for (int i = 0; batch.isArray() && i < batch.size(); i++) {
                    withMessageId(batch.get(i), position.messageId() + ":" + i);
                }
                return parser.parseBatch(json, receivedAt);
            }
            return List.of(parser.parseSingle(withMessageId(json, position.messageId()), kind(json), receivedAt));
        } catch (InvalidMessageException e) {
            throw new UnstorableRecordException("Invalid Segment message: " + e.getMessage()
                    + (e.field() != null ? " (field " + e.field() + ")" : ""), e);
        } catch (PayloadTooLargeException e) {
            throw new UnstorableRecordException("Payload too large: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new UnstorableRecordException("The record is not JSON: " + JsonErrors.describe(e, "The record"), e);
        } catch (IOException e) {
            // A byte array cannot fail to be read but as JSON (or gzip, reported above as an invalid message).
            throw new UncheckedIOException(e);
        }
    }

    /** A single message names its kind itself: there is no path to say it. */
    private static String kind(JsonNode message) {
        JsonNode type = message.get("type");
        if (type == null || !type.isTextual() || type.asText().isBlank()) {
            throw new InvalidMessageException("type", "A message needs \"type\" (identify, track, page, screen,"
                    + " group or alias), or the record must be a batch ({\"batch\": [...]})");
        }
        String kind = type.asText().trim().toLowerCase(Locale.ROOT);
        if (!SegmentParser.KINDS.contains(kind)) {
            throw new InvalidMessageException("type", "Unknown message type \"" + type.asText()
                    + "\" (identify, track, page, screen, group or alias)");
        }
        return kind;
    }

    private static JsonNode withMessageId(JsonNode message, String id) {
        if (message instanceof ObjectNode object) {
            JsonNode current = object.get("messageId");
            if (current == null || current.isNull() || (current.isTextual() && current.asText().isBlank())) {
                object.put("messageId", id);
            }
        }
        return message;
    }
}
