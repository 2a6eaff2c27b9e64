package io.leadrules.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.leadrules.api.Fixtures.request;
import static io.leadrules.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ScoreResourceTest {

    @Test
    void scoresALeadWithBreakdownVerdictVersionAndHits() {
        JsonPath body = given().contentType(ContentType.JSON).body(request("ideal-lead.json"))
                .when().post("/score")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("leadId", equalTo("lead-42"))
                .body("mql", equalTo(true))
                .body("threshold", equalTo(70))
                .body("asOf", equalTo("2026-11-23T00:00:00Z"))
                .body("ruleset.version", matchesPattern("[0-9a-f]{12}"))
                .body("ruleset.loadedAt", notNullValue())
                .body("breakdown.fit", equalTo(65))
                .body("hits.rule", hasItem("Pricing page in the last 7 days"))
                .body("hits.find { it.rule == 'Live demo attended' }.events[0].type", equalTo("Demo Attended"))
                .body("hits.find { it.rule == 'Live demo attended' }.file", equalTo("intent.drl"))
                .extract().jsonPath();

        BigDecimal score = new BigDecimal(body.getString("score"));
        List<Map<String, Object>> hits = body.getList("hits");
        BigDecimal sum = hits.stream().map(h -> new BigDecimal(h.get("points").toString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(score);
        assertThat(hits).allSatisfy(h -> assertThat(h).containsKeys("rule", "category", "points", "reason", "file", "events"));
    }

    @Test
    void crmFieldNamesScoreLikeTheCanonicalOnes() {
        String canonical = """
                {"lead":{"id":"a","jobTitle":"CMO","employees":220,"gmv":25000000,"region":"CA","country":"US",
                         "industry":"Apparel"},"asOf":"2026-11-23T00:00:00Z"}""";
        String crm = """
                {"lead":{"id":"a","title":"CMO","companySize":220,"annualRevenue":25000000,"state":"CA","country":"US",
                         "industry":"Apparel"},"asOf":"2026-11-23T00:00:00Z"}""";

        List<String> expected = given().contentType(ContentType.JSON).body(canonical).post("/score")
                .then().statusCode(200).body("score", equalTo(65)).extract().path("hits.rule");
        given().contentType(ContentType.JSON).body(crm).post("/score")
                .then().statusCode(200).body("score", equalTo(65)).body("hits.rule", equalTo(expected));
        // The domain on its own (as GET /leads/{id} shows it in the profile) is enough for the domain rules.
        given().contentType(ContentType.JSON).body("{\"lead\":{\"id\":\"d\",\"emailDomain\":\"gmail.com\"}}")
                .post("/score").then().statusCode(200).body("hits.rule", hasItem("Free email domain"));
    }

    @Test
    void anEventNamedTwiceDifferentlyIsRefusedAndASegmentTrackMessageIsTheEventItNames() {
        given().contentType(ContentType.JSON).body("""
                {"lead":{"id":"t"},"events":[{"type":"Order Completed","event":"Pricing Page Viewed",
                 "timestamp":"2026-11-20T00:00:00Z"}],"asOf":"2026-11-23T00:00:00Z"}""")
                .post("/score").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("events[0].type"))
                .body("detail", containsString("give one of them"));
        given().contentType(ContentType.JSON).body("""
                {"lead":{"id":"t"},"events":[{"event":"Pricing Page Viewed","type":"track",
                 "timestamp":"2026-11-20T00:00:00Z"}],"asOf":"2026-11-23T00:00:00Z"}""")
                .post("/score").then().statusCode(200)
                .body("hits.rule", hasItem("Pricing page in the last 7 days"));
        given().contentType(ContentType.JSON).body("""
                {"lead":{"id":"t"},"events":[{"type":"Pricing Page Viewed","id":"a","messageId":"b",
                 "timestamp":"2026-11-20T00:00:00Z"}],"asOf":"2026-11-23T00:00:00Z"}""")
                .post("/score").then().statusCode(400).body("field", equalTo("events[0].id"));
    }

    @Test
    void wrongShapesAreNamedInJsonTermsAndAFractionIsNoHeadcount() {
        given().contentType(ContentType.JSON).body("{\"lead\":{\"id\":\"f\",\"employees\":49.9}}")
                .post("/score").then().statusCode(400).body("field", equalTo("lead.employees"));
        given().contentType(ContentType.JSON).body("{\"lead\":\"x\"}")
                .post("/score").then().statusCode(400).body("field", equalTo("lead"))
                .body("detail", equalTo("The value at \"lead\" has the wrong shape: expected an object"));
        given().contentType(ContentType.JSON).body("[]")
                .post("/score").then().statusCode(400)
                .body("detail", equalTo("The body has the wrong shape: expected an object"));
        given().contentType(ContentType.JSON).body("")
                .post("/score").then().statusCode(400).body("field", equalTo("body"))
                .body("detail", equalTo("body is required: send a JSON object"));
    }

    @Test
    void aJsonBodySentWithoutSayingItIsJsonIsReadAsJson() {
        String lead = "{\"lead\":{\"id\":\"curl\",\"jobTitle\":\"CMO\"},\"asOf\":\"2026-11-23T00:00:00Z\"}";
        given().config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig
                        .encoderConfig().encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.TEXT)))
                .contentType("application/x-www-form-urlencoded").body(lead)
                .post("/score").then().statusCode(200).body("score", equalTo(20));
        given().contentType("text/plain").body(lead).post("/score").then().statusCode(200).body("score", equalTo(20));
        given().contentType("text/plain").body("lead=curl").post("/score").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void eachHitNamesOnlyTheEventsItsRuleUsed() {
        // An open from 2025 is outside "3+ email opens in 30 days": the hit and its decay name the three of November.
        String body = """
                {"lead":{"id":"w"},"events":[
                  {"type":"Email Opened","timestamp":"2025-01-01T00:00:00Z","id":"old"},
                  {"type":"Email Opened","timestamp":"2026-11-20T00:00:00Z","id":"n20"},
                  {"type":"Email Opened","timestamp":"2026-11-12T00:00:00Z","id":"n12"},
                  {"type":"Email Opened","timestamp":"2026-11-10T00:00:00Z","id":"n10"},
                  {"type":"Pricing Page Viewed","timestamp":"2026-06-02T00:00:00Z","id":"june"},
                  {"type":"Pricing Page Viewed","timestamp":"2026-11-18T00:00:00Z","id":"p18"},
                  {"type":"Demo Attended","timestamp":"2026-11-21T00:00:00Z","id":"d21"}],
                 "asOf":"2026-11-23T00:00:00Z"}""";

        JsonPath hits = given().contentType(ContentType.JSON).body(body)
                .when().post("/score")
                .then().statusCode(200).extract().jsonPath();

        assertThat(hits.getList("hits.find { it.rule == '3+ email opens in 30 days' && it.appliesTo == null }.events.id"))
                .containsExactly("n10", "n12", "n20");
        assertThat(hits.getList("hits.find { it.appliesTo == '3+ email opens in 30 days' }.events.id"))
                .containsExactly("n10", "n12", "n20");
        assertThat(hits.getList("hits.find { it.rule == 'Pricing page in the last 7 days' }.events.id"))
                .containsExactly("p18");
        assertThat(hits.getList("hits.find { it.rule == 'Pricing page then demo within 7 days' && it.appliesTo == null }.events.id"))
                .containsExactly("p18", "d21");
        assertThat(hits.getString("hits.find { it.rule == 'Pricing page then demo within 7 days' && it.appliesTo == null }.lastEventAt"))
                .isEqualTo("2026-11-21T00:00:00Z");
    }

    @Test
    void eachScoreCountsPerRuleMetricsTaggedWithItsVersionAndSourceApi() {
        String version = given().contentType(ContentType.JSON).body(request("ideal-lead.json"))
                .when().post("/score").then().statusCode(200).extract().path("ruleset.version");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("leadrules_rule_fires_total\\{category=\"fit\",rule=\"Title: ideal buyer\","
                + "ruleset_version=\"" + version + "\",source=\"api\"\\} [1-9]");
        assertThat(metrics).containsPattern("leadrules_rule_points_total\\{category=\"fit\",rule=\"Title: ideal buyer\","
                + "ruleset_version=\"" + version + "\",source=\"api\"\\} [1-9]");
    }

    @Test
    void scoresAsOfNowWhenNoInstantIsGiven() {
        Instant before = Instant.now();
        String asOf = given().contentType(ContentType.JSON).body(request("lead-without-asof.json"))
                .when().post("/score")
                .then().statusCode(200).body("score", equalTo(20))
                .extract().path("asOf");

        assertThat(Instant.parse(asOf)).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().contentType(ContentType.JSON).body(request("malformed.json"))
                .when().post("/score")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("title", equalTo("Malformed JSON"))
                .body("detail", containsString("line"));
    }

    @Test
    void contentAfterTheJsonAndAKeyGivenTwiceAreMalformed() {
        for (String body : new String[]{"{\"lead\":{\"id\":\"x\"}}}", "{\"lead\":{\"id\":\"x\"}}{\"a\":1}",
                "{\"lead\":{\"id\":\"a\",\"id\":\"b\"}}"}) {
            given().contentType(ContentType.JSON).body(body).when().post("/score")
                    .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        }
    }

    @Test
    void aNumberWhereTextIsExpectedIsA400NamingTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"lead\":{\"id\":\"x\"},\"events\":[{\"type\":5,\"timestamp\":\"2026-11-01T00:00:00Z\"}]}")
                .when().post("/score")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("events[0].type"));
        given().contentType(ContentType.JSON).body("{\"lead\":{\"id\":\"x\"},\"events\":[null]}").when().post("/score")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("events[0]"));
        given().contentType(ContentType.JSON).body("{\"lead\":{\"id\":true}}").when().post("/score")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("lead.id"));
    }

    @Test
    void aMissingLeadIdIsA400NamingTheField() {
        given().contentType(ContentType.JSON).body(request("missing-lead-id.json"))
                .when().post("/score")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("lead.id")).body("detail", containsString("lead.id is required"));
    }

    @Test
    void aBadTimestampIsA400NamingTheField() {
        given().contentType(ContentType.JSON).body(request("bad-timestamp.json"))
                .when().post("/score")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("events[1].timestamp"))
                .body("detail", containsString("ISO-8601"));
    }

    @Test
    void epochNumbersAndYearsBeyondIso8601AreNotInstants() {
        String[][] cases = {
                {"{\"lead\":{\"id\":\"t\"},\"events\":[{\"type\":\"Demo Attended\",\"timestamp\":1763856000}]}",
                        "events[0].timestamp"},
                {"{\"lead\":{\"id\":\"t\"},\"events\":[{\"type\":\"Demo Attended\",\"timestamp\":\"1763856000\"}]}",
                        "events[0].timestamp"},
                {"{\"lead\":{\"id\":\"t\"},\"asOf\":\"+999999999-12-31T23:59:59Z\"}", "asOf"},
                {"{\"lead\":{\"id\":\"t\"},\"events\":[{\"type\":\"Demo Attended\","
                        + "\"timestamp\":\"-999999999-01-01T00:00:00Z\"}]}", "events[0].timestamp"}};
        for (String[] c : cases) {
            given().contentType(ContentType.JSON).body(c[0]).when().post("/score")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("field", equalTo(c[1])).body("detail", containsString("ISO-8601"));
        }
        given().contentType(ContentType.JSON).body("{\"lead\":{\"id\":\"t\"},\"events\":[{\"type\":\"Demo Attended\","
                        + "\"timestamp\":\"2026-11-20T10:00:00+01:00\"}],\"asOf\":\"2026-11-23T00:00:00Z\"}")
                .when().post("/score").then().statusCode(200).body("hits.rule", hasItem("Live demo attended"));
    }

    @Test
    void anUnknownEventFieldIsA400NamingTheField() {
        given().contentType(ContentType.JSON).body(request("unknown-event-field.json"))
                .when().post("/score")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("events[0].timestmp"))
                .body("detail", containsString("Unknown field \"timestmp\""));
    }

    @Test
    void anEventWithoutTypeIsA400NamingTheField() {
        given().contentType(ContentType.JSON).body(request("event-without-type.json"))
                .when().post("/score")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("events[0].type"));
    }

    @Test
    void anEmptyBodyIsA400() {
        given().contentType(ContentType.JSON).body("")
                .when().post("/score")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aWrongContentTypeIsA415Problem() {
        given().contentType("application/xml").body("<lead/>")
                .when().post("/score")
                .then().statusCode(415).contentType("application/problem+json");
    }
}
