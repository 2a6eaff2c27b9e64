package io.leadrules.report;

import io.leadrules.store.DecisionRepository;
import io.leadrules.store.DecisionRow;
import io.leadrules.support.ControlledClockProfile;
import io.leadrules.support.Fixtures;
import io.leadrules.support.TestClock;
import io.leadrules.rules.ActiveRuleset;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.leadrules.support.Segment.client;
import static io.leadrules.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A lead's explanation from real ingestion on a clock the test moves: the live score's waterfall and hits add up
 * to it, the timeline has every stored decision with its cause, and every stored decision in the database adds up.
 */
@QuarkusTest
@TestProfile(ControlledClockProfile.class)
@Tag("db")
class LeadExplanationTest {

    private static final Instant T0 = Instant.parse("2026-07-01T09:00:00Z");
    /**
     * Decisions made by a ruleset carry its 12-hex version; the storage tests (LeadStoreTest) also store opaque
     * made-up rows ("v1", "v2") to check the columns round-trip, which no scoring produced.
     */
    private static final java.util.regex.Pattern SCORED = java.util.regex.Pattern.compile("[0-9a-f]{12}");

    @Inject
    TestClock clock;
    @Inject
    DecisionRepository decisions;
    @Inject
    ExplanationService explanations;
    @Inject
    ActiveRuleset active;

    private String ingestIdealBuyerWhoSawPricing() {
        clock.set(T0);
        String lead = Fixtures.uniqueLead("explain");
        client().body(Fixtures.segment("identify-ideal-buyer.json", Map.of("lead", lead, "msg", lead + "-id",
                "ts", T0.minusSeconds(60).toString()))).post("/v1/identify").then().statusCode(200);
        clock.advance(Duration.ofMinutes(5));
        client().body(Fixtures.segment("page.json", Map.of("lead", lead, "msg", lead + "-pricing", "name", "Pricing",
                "path", "/pricing", "ts", clock.instant().toString()))).post("/v1/page").then().statusCode(200);
        return lead;
    }

    @Test
    void theLiveWaterfallAndHitsAddUpToTheLiveScore() {
        String lead = ingestIdealBuyerWhoSawPricing();
        clock.advance(Duration.ofDays(30));
        JsonPath json = given().get("/leads/{id}/explanation", lead).then().statusCode(200).extract().jsonPath();
        BigDecimal score = new BigDecimal(json.getString("live.score"));
        BigDecimal hits = json.getList("live.hits.points", String.class).stream().map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(hits).isEqualByComparingTo(score);
        assertThat(new BigDecimal(json.getString("live.waterfall.total"))).isEqualByComparingTo(score);
        assertThat(json.getList("live.waterfall.steps.category")).containsExactly("fit", "intent", "negative", "disqualify", "decay", "cap");
        assertThat(new BigDecimal(json.getString("live.waterfall.steps[4].end"))).isEqualByComparingTo(score);
        // Thirty days on, the pricing visit has decayed: the live score is below the stored one.
        assertThat(json.getDouble("latestDecision.score")).isGreaterThan(score.doubleValue());
        assertThat(json.getList("live.hits.rule")).contains("Intent fades by a quarter per quarter");
        assertThat(json.getString("live.asOf")).isEqualTo(T0.plus(Duration.ofMinutes(5)).plus(Duration.ofDays(30)).toString());
    }

    @Test
    void eachHitNamesItsRuleLinesAndTheEventsBehindIt() {
        String lead = ingestIdealBuyerWhoSawPricing();
        JsonPath json = given().get("/leads/{id}/explanation", lead).then().statusCode(200).extract().jsonPath();
        Map<String, Object> pricing = json.getMap("live.hits.find { it.rule == 'Pricing page in the last 7 days' }");
        assertThat(pricing).containsEntry("file", "intent.drl").containsEntry("category", "intent")
                .containsEntry("line", active.current().catalog().rule("Pricing page in the last 7 days").orElseThrow().line());
        assertThat(json.getList("live.hits.find { it.rule == 'Pricing page in the last 7 days' }.events.id"))
                .containsExactly(lead + "-pricing");
    }

    @Test
    void theTimelineListsEveryStoredDecisionWithItsCauseAndTheThreshold() {
        String lead = ingestIdealBuyerWhoSawPricing();
        JsonPath json = given().get("/leads/{id}/explanation", lead).then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("timeline")).hasSize(2);
        assertThat(json.getString("timeline[1].cause")).contains(lead + "-pricing");
        assertThat(json.getDouble("timeline[1].change")).isEqualTo(json.getDouble("timeline[1].score")
                - json.getDouble("timeline[0].score"));
        assertThat(json.getDouble("threshold")).isEqualTo(70);
        assertThat(json.getLong("latestDecision.id")).isEqualTo(json.getLong("timeline[1].decisionId"));
    }

    @Test
    void theNearestRulesAreUnfiredPositiveRulesLargestFirstWithTheGap() {
        clock.set(T0);
        String lead = Fixtures.uniqueLead("near");
        client().body(Fixtures.segment("identify-ideal-buyer.json", Map.of("lead", lead, "msg", lead + "-id",
                "ts", T0.toString()))).post("/v1/identify").then().statusCode(200);
        JsonPath json = given().get("/leads/{id}/explanation", lead).then().statusCode(200).extract().jsonPath();
        double score = json.getDouble("live.score");
        assertThat(score).isLessThan(70);
        assertThat(json.getDouble("nearest.gap")).isEqualTo(70 - score);
        List<Float> points = json.getList("nearest.rules.points", Float.class);
        assertThat(points).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        assertThat(json.getList("nearest.rules.rule")).doesNotContainAnyElementsOf(json.getList("live.hits.rule"));
        assertThat(json.getString("nearest.rules[0].rule")).isEqualTo("Live demo attended");
        assertThat(json.getBoolean("nearest.rules[0].wouldCross")).isEqualTo(30 >= 70 - score);
    }

    @Test
    void aLeadThatOptedOutOfTrackingIsOfferedNoIntentRuleAsAWayUp() {
        clock.set(T0);
        String lead = Fixtures.uniqueLead("near-opted-out");
        String identify = Fixtures.segment("identify-ideal-buyer.json", Map.of("lead", lead, "msg", lead + "-id",
                "ts", T0.toString())).replace("\"plan\": \"growth\"", "\"plan\": \"growth\", \"trackingOptOut\": true");
        client().body(identify).post("/v1/identify").then().statusCode(200);
        JsonPath json = given().get("/leads/{id}/explanation", lead).then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("nearest.rules")).isNotEmpty();
        assertThat(json.getList("nearest.rules.category")).doesNotContain("intent");
    }

    @Test
    void everyStoredDecisionAddsUpToItsScore() {
        ingestIdealBuyerWhoSawPricing();
        long after = 0;
        int checked = 0;
        for (List<DecisionRow> page = decisions.page(after, 500); !page.isEmpty(); page = decisions.page(after, 500)) {
            for (DecisionRow row : page) {
                after = row.id();
                if (!SCORED.matcher(row.rulesetVersion()).matches()) {
                    continue;
                }
                LeadExplanation.StoredDecision d = explanations.stored(row);
                assertThat(d.hitsTotal()).as("hits of decision %d", row.id()).isEqualByComparingTo(row.score());
                assertThat(d.waterfall().total()).as("waterfall of decision %d", row.id()).isEqualByComparingTo(row.score());
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theExplanationPageShowsTheScoreAndTheRuleSourceIsLinked() {
        String lead = ingestIdealBuyerWhoSawPricing();
        String score = given().get("/leads/{id}/explanation", lead).then().extract().jsonPath().getString("live.score");
        given().get("/leads/{id}/explanation.html", lead).then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("id=\"live-score\">" + score + "<"))
                .body(containsString("/rules/source?file=intent.drl"));
        given().accept("text/html").get("/leads/{id}/explanation", lead).then().statusCode(200)
                .body(containsString("<canvas id=\"waterfall\""));
        given().queryParam("format", "html").get("/leads/{id}/explanation", lead).then().statusCode(200)
                .contentType(containsString("text/html"));
        given().accept("application/json").get("/leads/{id}/explanation.html", lead).then().statusCode(200)
                .contentType(containsString("text/html"));
        given().queryParam("format", "csv").get("/leads/{id}/explanation", lead).then().statusCode(400)
                .body("field", equalTo("format"));
        int line = active.current().catalog().rule("Title: ideal buyer").orElseThrow().line();
        given().queryParam("file", "fit.drl").queryParam("from", line).queryParam("to", line + 7)
                .get("/rules/source").then().statusCode(200)
                .body(containsString("<span class=\"line marked\" id=\"L" + line + "\">"))
                .body(containsString("rule &quot;Title: ideal buyer&quot;"));
    }

    @Test
    void unknownLeadsAndFilesAre404Problems() {
        given().get("/leads/{id}/explanation", "no-such-lead").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().queryParam("file", "../secrets.drl").get("/rules/source").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("fit.drl"));
    }

    @Test
    void storedDecisionsCountPerRuleMetricsTaggedWithTheRulesetVersion() {
        ingestIdealBuyerWhoSawPricing();
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        String version = active.current().version();
        assertThat(metrics).containsPattern("leadrules_rule_fires_total\\{[^}]*rule=\"Title: ideal buyer\"[^}]*\\} [1-9]");
        assertThat(metrics).containsPattern("leadrules_rule_points_total\\{category=\"intent\",rule=\"Pricing page in the last 7 days\",ruleset_version=\""
                + version + "\",source=\"stored\"\\} [1-9]");
    }
}
