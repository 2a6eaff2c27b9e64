package io.leadrules.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadrules.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.leadrules.support.Segment.client;
import static io.leadrules.support.Api.anonymous;
import static io.leadrules.support.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** The Segment HTTP Tracking API: auth, idempotency, encodings, limits, ordering, trait and page mapping. */
@QuarkusTest
@Tag("db")
class SegmentIngestTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void identifyThenTrackBuildsAProfileAndScoresIt() {
        String lead = Fixtures.uniqueLead("ana");
        client().body(identify(lead, "Director of E-commerce", NOW.minus(Duration.ofHours(2)), lead + "-id"))
                .post("/v1/identify").then().statusCode(200).body("success", is(true));
        client().body(track(lead, "Demo Requested", NOW.minus(Duration.ofHours(1)), lead + "-t"))
                .post("/v1/track").then().statusCode(200).body("success", is(true));

        given().get("/leads/{id}", lead).then().statusCode(200)
                .body("profile.email", equalTo("ana@brandco.com"))
                .body("profile.jobTitle", equalTo("Director of E-commerce"))
                .body("profile.gmv", equalTo(10000000))
                .body("profile.country", equalTo("US"))
                .body("profile.region", equalTo("CA"))
                .body("profile.attributes.plan", equalTo("growth"))
                .body("events", hasSize(2))
                .body("events[1].eventType", equalTo("Demo Requested"))
                .body("score.hits.rule", hasItem("Demo requested"))
                .body("score.hits.rule", hasItem("Title: ideal buyer"))
                .body("score.breakdown.fit", equalTo(65))
                .body("score.mql", is(true));
    }

    @Test
    void pageCallsNamedPricingFireThePricingRules() {
        String lead = Fixtures.uniqueLead("visitor");
        client().body(Fixtures.segment("page.json", Map.of("lead", lead, "msg", lead + "-p", "name", "Pricing",
                        "path", "/pricing", "ts", NOW.minus(Duration.ofDays(1)).toString())))
                .post("/v1/page").then().statusCode(200);

        given().get("/leads/{id}", lead).then().statusCode(200)
                .body("events[0].eventType", equalTo("Pricing Page Viewed"))
                .body("events[0].properties.name", equalTo("Pricing"))
                .body("score.hits.rule", hasItem("Pricing page in the last 7 days"));

        // Another page name, but the path in one of the spellings sites send: still the pricing page.
        client().body(Fixtures.segment("page.json", Map.of("lead", lead, "msg", lead + "-p2", "name", "Plans",
                        "path", "/Pricing/?plan=pro", "ts", NOW.minus(Duration.ofHours(1)).toString())))
                .post("/v1/page").then().statusCode(200);
        given().get("/leads/{id}", lead).then().body("events.eventType", everyItem(equalTo("Pricing Page Viewed")));
    }

    @Test
    void screenGroupAndAliasCallsAreStoredButOnlyScreensAreScored() {
        String lead = Fixtures.uniqueLead("app");
        client().body(Fixtures.segment("page.json", Map.of("lead", lead, "msg", lead + "-s", "name", "Home",
                "path", "/", "ts", NOW.minus(Duration.ofHours(3)).toString()))).post("/v1/screen").then().statusCode(200);
        client().body("{\"userId\":\"" + lead + "\",\"groupId\":\"brandco\",\"messageId\":\"" + lead + "-g\"}")
                .post("/v1/group").then().statusCode(200);
        client().body("{\"userId\":\"" + lead + "\",\"previousId\":\"anon-1\",\"messageId\":\"" + lead + "-a\"}")
                .post("/v1/alias").then().statusCode(200);

        given().get("/leads/{id}", lead).then().statusCode(200)
                .body("events.kind", equalTo(java.util.List.of("screen", "group", "alias")))
                .body("events[0].eventType", equalTo("Screen Viewed"))
                .body("events[2].properties.previousId", equalTo("anon-1"));
    }

    @Test
    void aRetriedBatchIsStoredOnce() {
        String lead = Fixtures.uniqueLead("retry");
        String batch = batch(lead);
        client().body(batch).post("/v1/batch").then().statusCode(200).body("success", is(true));
        client().body(batch).post("/v1/batch").then().statusCode(200).body("success", is(true));

        given().get("/leads/{id}", lead).then().statusCode(200)
                .body("events", hasSize(3))
                .body("events.messageId", equalTo(java.util.List.of(lead + "-m1", lead + "-m2", lead + "-m3")));
        given().get("/leads/{id}/history", lead).then().statusCode(200)
                .body("cause.type", equalTo(java.util.List.of("event", "event", "event")))
                .body("cause.eventId", equalTo(java.util.List.of(lead + "-m1", lead + "-m2", lead + "-m3")));
    }

    @Test
    void acceptsGzipBodiesWhateverTheContentType() {
        String lead = Fixtures.uniqueLead("gzip");
        given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.BINARY)))
                .auth().preemptive().basic("dev-write-key", "")
                .contentType("application/x-www-form-urlencoded").header("Content-Encoding", "gzip")
                .body(Fixtures.gzip(batch(lead)))
                .post("/v1/batch").then().statusCode(200).body("success", is(true));

        given().get("/leads/{id}", lead).then().statusCode(200).body("events", hasSize(3));
    }

    @Test
    void acceptsJsonSentAsFormOrPlainTextWhateverTheAcceptHeader() {
        String lead = Fixtures.uniqueLead("form");
        given().auth().preemptive().basic("dev-write-key", "").contentType("application/x-www-form-urlencoded")
                .body(track(lead, "Webinar Attended", NOW.minus(Duration.ofHours(3)), lead + "-a"))
                .post("/v1/track").then().statusCode(200);
        given().auth().preemptive().basic("dev-write-key", "").contentType("text/plain")
                .body(track(lead, "Case Study Downloaded", NOW.minus(Duration.ofHours(2)), lead + "-b"))
                .post("/v1/track").then().statusCode(200);
        // An Accept the answer cannot honour does not cost the event: the answer is JSON anyway.
        given().auth().preemptive().basic("dev-write-key", "").contentType("application/json").accept("text/plain")
                .body(track(lead, "Email Opened", NOW.minus(Duration.ofHours(1)), lead + "-c"))
                .post("/v1/track").then().statusCode(200).contentType("application/json").body("success", is(true));

        given().get("/leads/{id}", lead).then().statusCode(200).body("events", hasSize(3));
    }

    @Test
    void rejectsAWrongOrMissingWriteKey() {
        String body = track(Fixtures.uniqueLead("intruder"), "Email Opened", NOW, "x-" + NOW.toEpochMilli());
        given().auth().preemptive().basic("not-a-key", "").contentType("application/json").body(body)
                .post("/v1/track").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Basic"))
                .body("title", equalTo("Unauthorized"))
                .body("detail", containsString("write key"));
        anonymous().contentType("application/json").body(body)
                .post("/v1/batch").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void rejectsAnEventOver32KbNamingIt() {
        String lead = Fixtures.uniqueLead("big");
        ObjectNode batch = new ObjectMapper().createObjectNode();
        ArrayNode items = batch.putArray("batch");
        items.add(padded(lead, 1, 100));
        items.add(padded(lead, 2, 33_000));
        client().body(batch.toString()).post("/v1/batch").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/payload-too-large"))
                .body("field", equalTo("batch[1]"))
                .body("detail", containsString("32768"));
        given().get("/leads/{id}", lead).then().statusCode(404);
    }

    @Test
    void rejectsABatchOver500Kb() {
        String lead = Fixtures.uniqueLead("huge");
        ObjectNode batch = new ObjectMapper().createObjectNode();
        ArrayNode items = batch.putArray("batch");
        for (int i = 0; i < 18; i++) {
            items.add(padded(lead, i, 30_000));
        }
        client().body(batch.toString()).post("/v1/batch").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/payload-too-large"))
                .body("detail", containsString("512000"));
    }

    @Test
    void rejectsAMessageWithoutUserIdOrAnonymousIdAndStoresNothingOfTheBatch() {
        String lead = Fixtures.uniqueLead("nouser");
        client().body(Fixtures.segment("batch-no-user.json", Map.of("lead", lead)))
                .post("/v1/batch").then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("batch[1].userId"))
                .body("detail", containsString("anonymousId"));
        given().get("/leads/{id}", lead).then().statusCode(404);
    }

    @Test
    void rejectsABadTimestampAndMalformedJson() {
        client().body(Fixtures.segment("track-bad-timestamp.json", Map.of("lead", Fixtures.uniqueLead("ts"))))
                .post("/v1/track").then().statusCode(400)
                .body("field", equalTo("timestamp"))
                .body("detail", containsString("ISO-8601"));
        client().body("{\"userId\": ").post("/v1/track").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-json"));
    }

    @Test
    void placesLateEventsByTheirOwnTimestamp() {
        String lead = Fixtures.uniqueLead("late");
        Instant older = NOW.minus(Duration.ofDays(3));
        Instant newer = NOW.minus(Duration.ofDays(1));
        client().body(identify(lead, "Growth Lead", newer, lead + "-new")).post("/v1/identify").then().statusCode(200);
        client().body(track(lead, "Email Opened", newer, lead + "-e2")).post("/v1/track").then().statusCode(200);
        // Sent last but happened first: must not undo the newer title, and sorts before the newer event.
        client().body(Fixtures.segment("identify-title.json", Map.of("lead", lead, "msg", lead + "-old",
                "ts", older.toString(), "title", "Intern"))).post("/v1/identify").then().statusCode(200);
        client().body(track(lead, "Email Opened", older, lead + "-e1")).post("/v1/track").then().statusCode(200);

        given().get("/leads/{id}", lead).then().statusCode(200)
                .body("profile.jobTitle", equalTo("Growth Lead"))
                .body("events.messageId", equalTo(java.util.List.of(lead + "-old", lead + "-e1", lead + "-new",
                        lead + "-e2")));
    }

    @Test
    void aLeadThatOptedOutOfTrackingGetsNoIntentPointsAndIsToldWhy() {
        String lead = Fixtures.uniqueLead("optout");
        client().body(Fixtures.segment("identify-opted-out.json", Map.of("lead", lead, "msg", lead + "-id",
                "ts", NOW.minus(Duration.ofHours(2)).toString()))).post("/v1/identify").then().statusCode(200);
        client().body(track(lead, "Demo Requested", NOW.minus(Duration.ofHours(1)), lead + "-t"))
                .post("/v1/track").then().statusCode(200);

        given().get("/leads/{id}", lead).then().statusCode(200)
                .body("profile.trackingOptOut", is(true))
                .body("score.breakdown.intent", equalTo(0))
                .body("score.hits.findAll { it.category == 'intent' }.points", everyItem(equalTo(0)))
                .body("score.hits.find { it.rule == 'Demo requested' }.reason",
                        containsString("opted out of behavioural tracking"));
    }

    private static ObjectNode padded(String lead, int i, int size) {
        try {
            return (ObjectNode) new ObjectMapper().readTree(Fixtures.segment("track-padded.json", Map.of(
                    "lead", lead, "msg", lead + "-" + i, "ts", NOW.toString(), "padding", "x".repeat(size))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String identify(String lead, String title, Instant at, String messageId) {
        return Fixtures.segment("identify-ideal-buyer.json", Map.of("lead", lead, "msg", messageId,
                "ts", at.toString())).replace("Director of E-commerce", title);
    }

    @Test
    void textWithANulCharacterIsAClientErrorOnEveryDatabase() {
        String lead = Fixtures.uniqueLead("nul");
        client().body(track(lead, "Pricing\\u0000Page", NOW, lead + "-a")).post("/v1/track").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("NUL"));
        client().body(track(lead + "\\u0000x", "Email Opened", NOW, lead + "-b")).post("/v1/track").then()
                .statusCode(400);
        given().get("/leads/{id}", lead).then().statusCode(404);
        given().urlEncodingEnabled(false).get("/leads/" + lead + "%00x").then().statusCode(400);
    }

    static String track(String lead, String event, Instant at, String messageId) {
        return Fixtures.segment("track.json", Map.of("lead", lead, "msg", messageId, "event", event,
                "ts", at.toString()));
    }

    static String batch(String lead) {
        return Fixtures.segment("batch-identify-pricing-demo.json", Map.of("lead", lead,
                "ts1", NOW.minus(Duration.ofHours(3)).toString(), "ts2", NOW.minus(Duration.ofHours(2)).toString(),
                "ts3", NOW.minus(Duration.ofHours(1)).toString()));
    }
}
