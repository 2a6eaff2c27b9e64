package io.leadrules.ingest.kafka;

import io.leadrules.ingest.IngestService;
import io.leadrules.ingest.SegmentMessage;
import io.leadrules.store.StoreException;
import io.leadrules.store.UnstorableTextException;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Segment messages from a Kafka topic (README "Kafka intake"), stored the way {@code /v1/*} stores them: the same
 * parser and validation, then {@link IngestService#accept}, idempotent by {@code messageId} across both intakes.
 * Only active with {@code leadrules.ingest.kafka.enabled=true} (channel {@code segment-in}).
 * <p>
 * At least once: a record is acknowledged only after {@code accept} returns, that is once its events are committed,
 * and the throttled commit strategy commits an offset only when every record before it is acknowledged. Records
 * are handled one at a time on a worker thread, in the order of their partition, so a lead's events (records keyed
 * by its id) are stored in order.
 * <p>
 * Two kinds of failure. A record that can never be stored (not JSON, an invalid message, too large, a value the
 * database refuses) is nacked: the channel's {@code dead-letter-queue} strategy writes it to the dead-letter topic
 * with the reason in its headers, then acknowledges it, so it never holds up its partition. Any other failure (the
 * database unreachable, a deadlock) may pass: the record is tried again in place, waiting longer each time, for as
 * long as it takes. Sending it to the dead-letter topic would drop a good message, and failing the channel would
 * only restart the consumer against the same database. While it waits the partition waits too (the events after
 * it stay in order), and a record interrupted by shutdown is left unacknowledged: it is delivered again.
 */
@ApplicationScoped
public class KafkaIntake {

    private static final Logger LOG = Logger.getLogger(KafkaIntake.class);

    private final SegmentRecordReader reader;
    private final IngestService ingest;
    private final KafkaIntakeConfig config;
    private final Clock clock;
    private final CountDownLatch stopping = new CountDownLatch(1);

    public KafkaIntake(SegmentRecordReader reader, IngestService ingest, KafkaIntakeConfig config, Clock clock) {
        this.reader = reader;
        this.ingest = ingest;
        this.config = config;
        this.clock = clock;
    }

    @Incoming("segment-in")
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> record) {
        IncomingKafkaRecordMetadata<?, ?> kafka = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("Channel segment-in must use the Kafka connector"));
        SegmentRecordReader.Position position = new SegmentRecordReader.Position(kafka.getTopic(),
                kafka.getPartition(), kafka.getOffset());
        Instant receivedAt = receivedAt(kafka);
        List<SegmentMessage> messages;
        try {
            messages = reader.read(record.getPayload(), position, receivedAt);
        } catch (UnstorableRecordException e) {
            return deadLetter(record, position, e);
        }
        Duration wait = config.retryInitialBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                ingest.accept(messages, receivedAt);
                return record.ack();
            } catch (UnstorableTextException e) {
                return deadLetter(record, position, new UnstorableRecordException(e.getMessage(), e));
            } catch (StoreException e) {
                if (e.isDataError()) {
                    return deadLetter(record, position, new UnstorableRecordException(
                            "The database refuses a value of the message: " + e.getCause().getMessage(), e));
                }
                LOG.warnf("Kafka record %s not stored (attempt %d), trying again in %s: %s", where(position), attempt,
                        wait, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warnf(e, "Kafka record %s not stored (attempt %d), trying again in %s", where(position), attempt,
                        wait);
            }
            if (waitUnlessStopping(wait)) {
                LOG.infof("Kafka record %s left unacknowledged at shutdown: it will be delivered again",
                        where(position));
                return new CompletableFuture<>();
            }
            wait = wait.multipliedBy(2).compareTo(config.retryMaxBackoff()) > 0 ? config.retryMaxBackoff()
                    : wait.multipliedBy(2);
        }
    }

    /** Only a running intake needs telling (IF_EXISTS: a disabled one is not created for this). */
    void stop(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent event) {
        stopping.countDown();
    }

    /**
     * When the record reached Kafka: a message without a timestamp of its own is placed there, not at the (maybe much
     * later) moment a lagging consumer reads it. A record time in the future of this clock counts as now.
     */
    private Instant receivedAt(IncomingKafkaRecordMetadata<?, ?> kafka) {
        Instant now = clock.instant();
        Instant at = kafka.getTimestamp();
        return at == null || at.toEpochMilli() < 0 || at.isAfter(now) ? now : at;
    }

    private static CompletionStage<Void> deadLetter(Message<byte[]> record, SegmentRecordReader.Position position,
                                                    UnstorableRecordException reason) {
        LOG.warnf("Kafka record %s can never be stored, sent to the dead-letter topic: %s", where(position),
                reason.getMessage());
        return record.nack(reason);
    }

    /** True when the service is stopping (the wait is cut short then). */
    private boolean waitUnlessStopping(Duration wait) {
        try {
            return stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static String where(SegmentRecordReader.Position position) {
        return position.topic() + "-" + position.partition() + "@" + position.offset();
    }
}
