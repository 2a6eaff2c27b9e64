package io.leadrules.ingest.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The Kafka intake (README "Kafka intake"). The topic, dead-letter topic, group and switch also configure the SmallRye
 * channel {@code segment-in} ({@code mp.messaging.incoming.segment-in.*} in application.properties refers to them);
 * the broker is {@code kafka.bootstrap.servers}.
 */
@ConfigMapping(prefix = "leadrules.ingest.kafka")
public interface KafkaIntakeConfig {

    /** Off by default: the service starts and runs without a broker. */
    @WithDefault("false")
    boolean enabled();

    /** The topic of Segment messages, keyed by {@code userId} (else {@code anonymousId}). */
    @WithDefault("segment-events")
    String topic();

    /** Where a record that can never be stored goes, with the reason in its headers. */
    @WithDefault("segment-events-dead-letter")
    String deadLetterTopic();

    /** The consumer group: every replica uses the same one, so they share the topic's partitions. */
    @WithDefault("leadrules")
    String groupId();

    /** First wait before storing a record again after a failure that may pass (the database is down). */
    @WithDefault("PT0.5S")
    Duration retryInitialBackoff();

    /** Longest wait between two tries: the wait doubles after each failure, up to this. */
    @WithDefault("PT30S")
    Duration retryMaxBackoff();
}
