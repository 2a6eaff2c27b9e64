package io.leadrules.ingest.kafka;

import io.leadrules.support.CapturedLog;
import io.leadrules.support.Fixtures;
import io.leadrules.support.KafkaBroker;
import io.leadrules.support.KafkaIntakeProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import static io.leadrules.support.Api.anonymous;
import static io.leadrules.support.Api.given;
import static io.leadrules.support.Segment.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/**
 * Kafka intake against a real broker (KRaft, in this JVM): records produced by a plain KafkaProducer, keyed by the
 * lead's id, are stored and scored; a record that can never be stored goes to the dead-letter topic with its reason
 * and does not hold up the next; a message delivered twice is stored once (also across HTTP); a broker restart while
 * records flow loses none and stores none twice.
 */
@QuarkusTest
@TestProfile(KafkaIntakeProfile.class)
class KafkaIntakeTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Duration STORED_WITHIN = Duration.ofSeconds(30);

    private static KafkaProducer<String, String> producer;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void producer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000",
                ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "100",
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500"),
                new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void identifyAndTrackRecordsKeyedByTheLeadBuildAScoredLead() throws Exception {
        String lead = Fixtures.uniqueLead("kafka");
        send(lead, Fixtures.text("kafka/identify.json", Map.of("lead", lead, "msg", lead + "-id",
                "ts", NOW.minus(Duration.ofHours(2)).toString())));
        send(lead, track(lead, lead + "-demo", "Demo Requested", NOW.minus(Duration.ofHours(1))));

        awaitEvents(lead, 2);
        anonymous().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name.startsWith('SmallRye Reactive Messaging') }.data.'segment-in'",
                        equalTo("[OK]"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max"));
        given().get("/leads/{id}", lead).then().statusCode(200)
                .body("profile.jobTitle", equalTo("Director of E-commerce"))
                .body("profile.country", equalTo("US"))
                .body("events[1].eventType", equalTo("Demo Requested"))
                .body("events[1].properties.source", equalTo("kafka"))
                .body("score.mql", is(true));
    }

    @Test
    void aRecordThatCanNeverBeStoredGoesToTheDeadLetterTopicAndTheNextIsStored() throws Exception {
        String lead = Fixtures.uniqueLead("poison");
        send(lead, "{\"type\": \"track\", \"userId\": ");
        send(lead, Fixtures.text("kafka/track-without-user.json", Map.of("msg", lead + "-anon",
                "ts", NOW.toString())));
        send(lead, track(lead, lead + "-ok", "Webinar Attended", NOW.minus(Duration.ofMinutes(5))));

        awaitEvents(lead, 1);
        List<ConsumerRecord<String, String>> dead = awaitDeadLetters(lead, 2);
        assertThat(header(dead.get(0), "dead-letter-reason")).startsWith("The record is not JSON: ");
        assertThat(dead.get(0).value()).isEqualTo("{\"type\": \"track\", \"userId\": ");
        assertThat(header(dead.get(1), "dead-letter-reason")).isEqualTo("Invalid Segment message: userId or"
                + " anonymousId is required (field userId)");
        assertThat(header(dead.get(1), "dead-letter-topic")).isEqualTo(KafkaBroker.TOPIC);
        assertThat(header(dead.get(1), "dead-letter-offset")).isNotBlank();
        given().get("/leads/{id}", lead).then().body("events[0].messageId", equalTo(lead + "-ok"));
    }

    @Test
    void aMessageDeliveredTwiceIsStoredOnceAcrossKafkaAndHttp() throws Exception {
        String lead = Fixtures.uniqueLead("twice");
        String demo = track(lead, lead + "-demo", "Demo Requested", NOW.minus(Duration.ofMinutes(10)));
        send(lead, demo);
        send(lead, demo);
        // No messageId: the one made of the record's place is the same at each delivery of that record.
        send(lead, Fixtures.text("kafka/track-without-message-id.json", Map.of("lead", lead,
                "ts", NOW.minus(Duration.ofMinutes(5)).toString())));
        send(lead, track(lead, lead + "-last", "Email Opened", NOW.minus(Duration.ofMinutes(1))));

        JsonPath stored = awaitEvents(lead, 3);
        assertThat(stored.getList("events.messageId", String.class))
                .containsExactly(lead + "-demo", stored.getString("events[1].messageId"), lead + "-last");
        assertThat(stored.getString("events[1].messageId")).startsWith("kafka:" + KafkaBroker.TOPIC + ":");
        client().body(demo).post("/v1/track").then().statusCode(200).body("stored", equalTo(0));
        given().get("/leads/{id}", lead).then().body("events.size()", equalTo(3));
    }

    @Test
    void aFailureThatMayPassIsRetriedUntilTheRecordIsStoredNotDeadLettered() throws Exception {
        String lead = Fixtures.uniqueLead("locked");
        send(lead, track(lead, lead + "-1", "Email Opened", NOW.minus(Duration.ofMinutes(2))));
        awaitEvents(lead, 1);

        // Another transaction holds the lead's row: storing the next record times out waiting for it (H2: after
        // 2 s), a database failure that passes once that transaction ends.
        try (CapturedLog log = new CapturedLog(); Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement(
                    "select lead_id from lead_profile where lead_id = ? for update")) {
                lock.setString(1, lead);
                lock.executeQuery().close();
            }
            send(lead, track(lead, lead + "-2", "Webinar Attended", NOW.minus(Duration.ofMinutes(1))));
            awaitLine(log, "not stored (attempt 1), trying again");
            other.rollback();

            awaitEvents(lead, 2);
            assertThat(log.lines()).noneMatch(line -> line.contains("can never be stored"));
        }
    }

    @Test
    void aBrokerRestartWhileRecordsFlowLosesNoneAndStoresNoneTwice() throws Exception {
        List<String> leads = List.of(Fixtures.uniqueLead("restart-a"), Fixtures.uniqueLead("restart-b"),
                Fixtures.uniqueLead("restart-c"));
        int perLead = 30;
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            Future<?> sending = sender.submit(() -> {
                for (int i = 0; i < perLead; i++) {
                    for (String lead : leads) {
                        producer.send(new ProducerRecord<>(KafkaBroker.TOPIC, lead, track(lead, lead + "-" + i,
                                "Email Opened", NOW.minus(Duration.ofMinutes(perLead - i)))));
                    }
                    Thread.sleep(60);
                }
                return null;
            });
            Thread.sleep(500);
            KafkaBroker.shutDown();
            // Without the broker the service stays ready, and HTTP intake works.
            anonymous().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            String viaHttp = leads.get(0);
            client().body(Fixtures.segment("track.json", Map.of("lead", viaHttp, "msg", viaHttp + "-http",
                    "event", "Demo Requested", "ts", NOW.toString())))
                    .post("/v1/track").then().statusCode(200).body("stored", equalTo(1));
            KafkaBroker.startAgain();
            sending.get(60, TimeUnit.SECONDS);
            producer.flush();
        } finally {
            sender.shutdownNow();
        }

        for (String lead : leads) {
            int expected = perLead + (lead.equals(leads.get(0)) ? 1 : 0);
            List<String> ids = awaitEvents(lead, expected).getList("events.messageId", String.class);
            assertThat(ids).hasSize(expected).doesNotHaveDuplicates();
        }
    }

    private static String track(String lead, String messageId, String event, Instant at) {
        return Fixtures.text("kafka/track.json", Map.of("lead", lead, "msg", messageId, "event", event,
                "ts", at.toString()));
    }

    private static void send(String key, String value) throws ExecutionException, InterruptedException,
            TimeoutException {
        producer.send(new ProducerRecord<>(KafkaBroker.TOPIC, key, value)).get(10, TimeUnit.SECONDS);
    }

    /** The lead once it has {@code count} events; fails if it gets there not in time, or passes it. */
    private static JsonPath awaitEvents(String lead, int count) throws InterruptedException {
        long deadline = System.nanoTime() + STORED_WITHIN.toNanos();
        JsonPath last = null;
        while (System.nanoTime() < deadline) {
            var response = given().get("/leads/{id}", lead);
            if (response.statusCode() == 200) {
                last = response.jsonPath();
                int events = last.getList("events").size();
                assertThat(events).as("events of " + lead).isLessThanOrEqualTo(count);
                if (events == count) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(lead + " did not get " + count + " events within " + STORED_WITHIN + ": "
                + (last == null ? "no lead" : last.prettify()));
    }

    /** The dead-letter records keyed by {@code key}, in order, once there are {@code count}. */
    private static List<ConsumerRecord<String, String>> awaitDeadLetters(String key, int count) {
        Predicate<ConsumerRecord<String, String>> ours = r -> key.equals(r.key());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(KafkaBroker.DEAD_LETTER_TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            long deadline = System.nanoTime() + STORED_WITHIN.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (ours.test(r)) {
                        found.add(r);
                    }
                });
            }
            assertThat(found).as("dead letters keyed " + key).hasSize(count);
            return found;
        }
    }

    private static void awaitLine(CapturedLog log, String text) throws InterruptedException {
        long deadline = System.nanoTime() + STORED_WITHIN.toNanos();
        while (log.lines().stream().noneMatch(line -> line.contains(text))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No log line with \"" + text + "\" within " + STORED_WITHIN + ": "
                        + log.lines());
            }
            Thread.sleep(100);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
