package io.leadrules.api;

import io.leadrules.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.leadrules.support.Segment.client;
import static io.leadrules.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

/**
 * A messageId is stored once however it repeats (inside one batch, across leads, in concurrent requests), and every
 * accepted event of a batch gets a decision of its own, citing it.
 */
@QuarkusTest
@Tag("db")
class SegmentBatchTest {

    @Inject
    DataSource dataSource;

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aMessageIdTwiceInOneBatchIsStoredOnce() {
        String lead = Fixtures.uniqueLead("twice");
        String batch = batch(track(lead, "Email Opened", 3, lead + "-a"), track(lead, "Email Opened", 3, lead + "-a"),
                track(lead, "Webinar Attended", 2, lead + "-b"));
        client().body(batch).post("/v1/batch").then().statusCode(200).body("success", is(true));

        given().get("/leads/{id}", lead).then().statusCode(200)
                .body("events.messageId", equalTo(List.of(lead + "-a", lead + "-b")));
        given().get("/leads/{id}/history", lead).then().statusCode(200)
                .body("cause.eventId", equalTo(List.of(lead + "-a", lead + "-b")));
    }

    @Test
    void eventsOfTheSameInstantAreListedInTheOrderTheBatchSentThem() {
        String lead = Fixtures.uniqueLead("tie");
        client().body(batch(track(lead, "Email Opened", 1, lead + "-z1"), track(lead, "Blog Post Read", 1, lead + "-a2"),
                track(lead, "Email Opened", 1, lead + "-m3"))).post("/v1/batch").then().statusCode(200);

        List<String> sent = List.of(lead + "-z1", lead + "-a2", lead + "-m3");
        given().get("/leads/{id}", lead).then().statusCode(200).body("events.messageId", equalTo(sent));
        given().get("/leads/{id}/history", lead).then().statusCode(200).body("cause.eventId", equalTo(sent));
    }

    @Test
    void aMessageIdRepeatedUnderAnotherUserIdStaysWithItsFirstLeadAndCreatesNoEmptyLead() {
        String first = Fixtures.uniqueLead("first");
        String other = Fixtures.uniqueLead("other");
        String third = Fixtures.uniqueLead("third");
        client().body(batch(track(first, "Email Opened", 3, first + "-m"), track(other, "Email Opened", 3, first + "-m")))
                .post("/v1/batch").then().statusCode(200).body("success", is(true));
        client().body(track(third, "Email Opened", 2, first + "-m")).post("/v1/track").then().statusCode(200)
                .body("success", is(true));

        given().get("/leads/{id}", first).then().statusCode(200).body("events", hasSize(1));
        given().get("/leads/{id}", other).then().statusCode(404);
        given().get("/leads/{id}", third).then().statusCode(404);
    }

    @Test
    void concurrentRequestsWithTheSameMessageIdNeverFailAndStoreItOnce() throws Exception {
        String messageId = Fixtures.uniqueLead("shared-message");
        List<String> leads = new ArrayList<>();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String lead = Fixtures.uniqueLead("racer" + i);
            leads.add(lead);
            String body = i % 2 == 0 ? track(lead, "Email Opened", 1, messageId)
                    : batch(track(lead, "Blog Post Read", 1, lead + "-own"), track(lead, "Email Opened", 1, messageId));
            String path = i % 2 == 0 ? "/v1/track" : "/v1/batch";
            calls.add(() -> client().body(body).post(path).then().extract().statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Integer> status : pool.invokeAll(calls)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        int holders = 0;
        for (String lead : leads) {
            List<String> ids = given().get("/leads/{id}", lead).then().extract().jsonPath().getList("events.messageId");
            if (ids != null && ids.contains(messageId)) {
                holders++;
            }
        }
        assertThat(holders).as("leads holding the shared message").isEqualTo(1);
    }

    @Test
    void eventsSentAtOnceForOneLeadAreEachScoredWithEveryEventStoredBeforeThem() throws Exception {
        String lead = Fixtures.uniqueLead("together");
        Instant since = Instant.now().minusSeconds(1);
        client().body(SegmentIngestTest.identify(lead, "Software Engineer", NOW.minus(Duration.ofMinutes(30)),
                lead + "-id")).post("/v1/identify").then().statusCode(200);
        List<String> events = List.of("Pricing Page Viewed", "Demo Requested", "Email Opened", "Email Opened",
                "Email Opened", "Email Opened", "Blog Post Read", "Blog Post Read");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String body = SegmentIngestTest.track(lead, events.get(i), NOW.minus(Duration.ofMinutes(20 - i)), lead + "-" + i);
            calls.add(() -> client().body(body).post("/v1/track").then().extract().statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(events.size());
        try {
            for (Future<Integer> status : pool.invokeAll(calls)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        // Every event only adds points: a decision that scored fewer than the events stored before it would drop.
        List<Float> scores = given().get("/leads/{id}/history", lead).then().statusCode(200)
                .extract().jsonPath().getList("score", Float.class);
        assertThat(scores).hasSize(events.size() + 1);
        for (int i = 1; i < scores.size(); i++) {
            assertThat(scores.get(i)).as("decision %d of %s", i, scores).isGreaterThanOrEqualTo(scores.get(i - 1) - 0.01f);
        }
        given().queryParam("since", since.toString()).get("/mql/transitions").then().statusCode(200)
                .body("findAll { it.leadId == '" + lead + "' }.direction", equalTo(List.of("entered")));
    }

    @Test
    void everyEventOfABatchGetsItsOwnDecisionAndTheMqlTransitionCitesTheEventThatCausedIt() {
        String lead = Fixtures.uniqueLead("per-event");
        Instant since = Instant.now().minusSeconds(1);
        client().body(SegmentIngestTest.batch(lead)).post("/v1/batch").then().statusCode(200);

        given().get("/leads/{id}/history", lead).then().statusCode(200)
                .body("cause.type", equalTo(List.of("event", "event", "event")))
                .body("cause.eventId", equalTo(List.of(lead + "-m1", lead + "-m2", lead + "-m3")))
                .body("cause.eventType", equalTo(List.of("identify", "Pricing Page Viewed", "Demo Requested")))
                .body("breakdown.fit", equalTo(List.of(65, 65, 65)))
                .body("breakdown.intent", equalTo(List.of(0, 25, 45)))
                .body("mql", equalTo(List.of(false, true, true)));
        int pricingDecision = given().get("/leads/{id}/history", lead).then().extract().path("[1].decisionId");
        given().queryParam("since", since.toString()).get("/mql/transitions").then().statusCode(200)
                .body("findAll { it.leadId == '" + lead + "' }.direction", equalTo(List.of("entered")))
                .body("findAll { it.leadId == '" + lead + "' }.decisionId", equalTo(List.of(pricingDecision)));
    }

    @Test
    void theReportsLatestRowsAreTheBatchsLastDecisionOfTheLead() throws Exception {
        String lead = Fixtures.uniqueLead("latest-rows");
        client().body(SegmentIngestTest.batch(lead)).post("/v1/batch").then().statusCode(200);
        int last = given().get("/leads/{id}/history", lead).then().statusCode(200).extract().path("[2].decisionId");

        assertThat(rows("select decision_id, ruleset_version from latest_decision where lead_id = ? and latest", lead))
                .as("one latest row, the last decision's").hasSize(1).allMatch(r -> r.startsWith(last + ":"));
        assertThat(rows("select decision_id, rule from latest_decision_rule where lead_id = ? order by rule", lead))
                .as("the last decision's tallies, as decision_rule holds them")
                .isNotEmpty()
                .isEqualTo(rows("select decision_id, rule from decision_rule where lead_id = ? and decision_id = "
                        + last + " order by rule", lead));
    }

    /** Each row of the query (one parameter: the lead id) as its two columns joined by ':'. */
    private List<String> rows(String sql, String lead) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, lead);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + ":" + rs.getString(2));
                }
            }
        }
        return rows;
    }

    @Test
    void eachDecisionScoresTheEventsUpToItInBatchOrder() {
        String lead = Fixtures.uniqueLead("batch-order");
        // The pricing view comes first in the batch though it happened after the identify.
        String pricing = "{\"type\":\"page\",\"userId\":\"" + lead + "\",\"messageId\":\"" + lead + "-p\","
                + "\"name\":\"Pricing\",\"timestamp\":\"" + NOW.minus(Duration.ofHours(1)) + "\"}";
        String identify = SegmentIngestTest.identify(lead, "Director of E-commerce", NOW.minus(Duration.ofHours(2)),
                lead + "-i").replaceFirst("\\{", "{\"type\":\"identify\",");
        client().body("{\"batch\":[" + pricing + "," + identify + "]}").post("/v1/batch").then().statusCode(200);

        given().get("/leads/{id}/history", lead).then().statusCode(200)
                .body("cause.eventId", equalTo(List.of(lead + "-p", lead + "-i")))
                .body("[0].breakdown.fit", equalTo(0))
                .body("[0].score", equalTo(25))
                .body("[1].breakdown.fit", equalTo(65))
                .body("[1].score", equalTo(90))
                .body("mql", equalTo(List.of(false, true)));
    }

    private static String track(String lead, String event, int hoursAgo, String messageId) {
        return SegmentIngestTest.track(lead, event, NOW.minus(Duration.ofHours(hoursAgo)), messageId);
    }

    /** Single-call bodies as batch items (a batch item names its type). */
    private static String batch(String... tracks) {
        List<String> items = new ArrayList<>();
        for (String t : tracks) {
            items.add(t.replaceFirst("\\{", "{\"type\":\"track\","));
        }
        return "{\"batch\":[" + String.join(",", items) + "]}";
    }
}
