package io.leadrules.ingest.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrules.ingest.IngestConfig;
import io.leadrules.ingest.PayloadReader;
import io.leadrules.ingest.SegmentMessage;
import io.leadrules.ingest.SegmentParser;
import io.leadrules.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Kafka record's value read as Segment messages: single or batch, ids made for messages without one, refusals. */
class SegmentRecordReaderTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-23T12:00:00Z");
    private static final SegmentRecordReader.Position AT = new SegmentRecordReader.Position("segment-events", 2, 41);

    private final SegmentRecordReader reader = reader();

    @Test
    void readsOneMessageNamingItsType() {
        List<SegmentMessage> messages = read(Fixtures.text("kafka/track.json", Map.of("lead", "lead-1", "msg", "m-1",
                "event", "Demo Requested", "ts", "2026-11-23T09:00:00Z")));

        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo("track");
            assertThat(m.leadId()).isEqualTo("lead-1");
            assertThat(m.messageId()).isEqualTo("m-1");
            assertThat(m.eventType()).isEqualTo("Demo Requested");
            assertThat(m.timestamp()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
        });
    }

    @Test
    void givesAMessageWithoutIdOneMadeOfTheRecordsPlace() {
        assertThat(read(Fixtures.text("kafka/track-without-message-id.json", Map.of("lead", "lead-1",
                "ts", "2026-11-23T09:00:00Z")))).extracting(SegmentMessage::messageId)
                .containsExactly("kafka:segment-events:2:41");
        assertThat(read("{\"batch\": [{\"type\": \"page\", \"userId\": \"lead-1\", \"name\": \"Pricing\"},"
                + " {\"type\": \"track\", \"userId\": \"lead-1\", \"event\": \"Demo Requested\", \"messageId\": \"m-9\"}]}"))
                .extracting(SegmentMessage::messageId).containsExactly("kafka:segment-events:2:41:0", "m-9");
    }

    @Test
    void readsAGzippedBatch() {
        byte[] gzipped = Fixtures.gzip("{\"batch\": [{\"type\": \"identify\", \"userId\": \"lead-1\","
                + " \"traits\": {\"email\": \"ana@brandco.com\"}}]}");

        assertThat(reader.read(gzipped, AT, RECEIVED)).extracting(SegmentMessage::kind).containsExactly("identify");
    }

    @Test
    void refusesWhatCanNeverBeStoredSayingWhy() {
        assertThatThrownBy(() -> read("{\"userId\": \"lead-1\", \"event\": \"Demo Requested\"}"))
                .isInstanceOf(UnstorableRecordException.class).hasMessageStartingWith("Invalid Segment message: A"
                        + " message needs \"type\"").hasMessageEndingWith("(field type)");
        assertThatThrownBy(() -> read("{\"type\": \"purchase\", \"userId\": \"lead-1\"}"))
                .hasMessage("Invalid Segment message: Unknown message type \"purchase\" (identify, track, page, screen,"
                        + " group or alias) (field type)");
        assertThatThrownBy(() -> read("{\"type\": \"track\", \"userId\": \"lead-1\"}"))
                .hasMessage("Invalid Segment message: A track call needs \"event\" (the event name) (field event)");
        assertThatThrownBy(() -> read("[1, 2]"))
                .hasMessage("Invalid Segment message: The request body must be a JSON object");
        assertThatThrownBy(() -> read("track lead-1")).hasMessageStartingWith("The record is not JSON: ");
        assertThatThrownBy(() -> reader.read(null, AT, RECEIVED)).hasMessageContaining("tombstone");
        assertThatThrownBy(() -> read("{\"type\": \"track\", \"userId\": \"lead-1\", \"event\": \"x\","
                + " \"properties\": {\"blob\": \"" + "x".repeat(40_000) + "\"}}"))
                .hasMessageStartingWith("Payload too large: The event is ");
    }

    private List<SegmentMessage> read(String value) {
        return reader.read(value.getBytes(StandardCharsets.UTF_8), AT, RECEIVED);
    }

    private static SegmentRecordReader reader() {
        IngestConfig config = new IngestConfig() {
            public Optional<List<String>> writeKeys() { return Optional.empty(); }
            public int maxEventBytes() { return 32768; }
            public int maxRequestBytes() { return 512000; }
            public Map<String, String> pageEvents() { return Map.of(); }
        };
        ObjectMapper mapper = new ObjectMapper();
        return new SegmentRecordReader(new PayloadReader(config, mapper), new SegmentParser(config, mapper));
    }
}
