package io.leadrules.api;

import io.leadrules.rules.ActiveRuleset;
import io.leadrules.rules.RuleFile;
import io.leadrules.rules.Ruleset;
import io.leadrules.rules.RulesetCompiler;
import io.leadrules.rules.RulesetReloader;
import io.leadrules.rules.RulesetVersionStore;
import io.leadrules.rules.ScenarioRunner;
import io.leadrules.support.ControlledClockProfile;
import io.leadrules.support.Fixtures;
import io.leadrules.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.leadrules.support.Segment.client;
import static io.leadrules.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The score over time, on a clock the test moves: decay between reads, the decision history, and MQL
 * transitions with a 10-point hysteresis band (threshold 70: enter at 70, leave below 60).
 */
@QuarkusTest
@TestProfile(ControlledClockProfile.class)
@Tag("db")
class LeadScoreOverTimeTest {

    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    ActiveRuleset active;
    @Inject
    RulesetVersionStore versions;
    @Inject
    RulesetReloader reloader;
    @Inject
    javax.sql.DataSource dataSource;

    @Test
    void theLiveScoreDecaysBetweenReadsWithoutAnyNewEvent() {
        clock.set(T0);
        String lead = Fixtures.uniqueLead("decay");
        client().body(SegmentIngestTest.identify(lead, "Director of E-commerce", T0.minusSeconds(60), lead + "-id"))
                .post("/v1/identify").then().statusCode(200);
        client().body(page(lead, "Pricing", "/pricing", T0, "-pricing")).post("/v1/page").then().statusCode(200);
        clock.advance(Duration.ofDays(1));
        double dayOne = given().get("/leads/{id}", lead).then().statusCode(200)
                .body("score.asOf", equalTo(T0.plus(Duration.ofDays(1)).toString()))
                .extract().jsonPath().getDouble("score.score");
        clock.advance(Duration.ofDays(5));
        double daySix = given().get("/leads/{id}", lead).then().statusCode(200)
                .body("score.hits.rule", hasItem("Intent fades by a quarter per quarter"))
                .extract().jsonPath().getDouble("score.score");

        assertThat(dayOne).isLessThan(90).isGreaterThan(89);
        assertThat(daySix).isLessThan(dayOne);
        given().get("/leads/{id}/history", lead).then().body("", hasSize(2)).body("[1].score", equalTo(90));
    }

    @Test
    void historyListsEveryDecisionWithItsCause() {
        clock.set(T0);
        String lead = Fixtures.uniqueLead("history");
        client().body(SegmentIngestTest.identify(lead, "Director of E-commerce", T0.minusSeconds(60), lead + "-id"))
                .post("/v1/identify").then().statusCode(200);
        clock.advance(Duration.ofMinutes(5));
        client().body(SegmentIngestTest.track(lead, "Demo Requested", clock.instant(), lead + "-demo"))
                .post("/v1/track").then().statusCode(200);

        given().get("/leads/{id}/history", lead).then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].score", equalTo(65))
                .body("[0].mql", is(false))
                .body("[0].cause.type", equalTo("event"))
                .body("[0].cause.eventType", equalTo("identify"))
                .body("[0].cause.eventId", equalTo(lead + "-id"))
                .body("[0].cause.rulesetChange", nullValue())
                .body("[0].rulesetVersion", notNullValue())
                .body("[1].decidedAt", equalTo(T0.plus(Duration.ofMinutes(5)).toString()))
                .body("[1].score", equalTo(85))
                .body("[1].mql", is(true))
                .body("[1].cause.eventType", equalTo("Demo Requested"))
                .body("[1].cause.detail", containsString("Demo Requested"))
                .body("[1].hits.rule", hasItem("Demo requested"))
                .body("[1].breakdown.intent", equalTo(20));
        // A page at a time: after = the decisionId of the last entry of the previous page.
        Integer first = given().queryParam("limit", 1).get("/leads/{id}/history", lead).then().statusCode(200)
                .body("", hasSize(1)).body("[0].score", equalTo(65)).extract().path("[0].decisionId");
        given().queryParam("limit", 1).queryParam("after", first).get("/leads/{id}/history", lead).then()
                .body("", hasSize(1)).body("[0].score", equalTo(85));
        given().queryParam("after", "latest").get("/leads/{id}/history", lead).then().statusCode(400)
                .body("field", equalTo("after"));
        given().queryParam("limit", 0).get("/leads/{id}/history", lead).then().statusCode(400)
                .body("field", equalTo("limit"));
        given().get("/leads/{id}/history", "nobody-" + lead).then().statusCode(404)
                .contentType("application/problem+json").body("title", equalTo("Lead not found"));
        given().get("/leads/{id}", "nobody-" + lead).then().statusCode(404);
    }

    @Test
    void entersMqlAtTheThresholdAndLeavesOnlyBelowTheHysteresisBand() {
        clock.set(T0);
        String lead = Fixtures.uniqueLead("mql");
        Instant since = clock.instant();
        client().body(SegmentIngestTest.identify(lead, "Director of E-commerce", T0.minusSeconds(60), lead + "-id"))
                .post("/v1/identify").then().statusCode(200);                              // 65: not MQL
        client().body(page(lead, "Pricing", "/pricing", clock.instant(), "-pricing"))
                .post("/v1/page").then().statusCode(200);                                  // 90: enters
        clock.advance(Duration.ofDays(40));
        client().body(SegmentIngestTest.track(lead, "Email Opened", clock.instant(), lead + "-open"))
                .post("/v1/track").then().statusCode(200);                                 // 65: inside the band, stays
        clock.advance(Duration.ofHours(1));
        client().body(page(lead, "Careers", "/careers", clock.instant(), "-careers"))
                .post("/v1/page").then().statusCode(200);                                  // 55: leaves

        given().get("/leads/{id}/history", lead).then()
                .body("score", equalTo(java.util.List.of(65, 90, 65, 55)))
                .body("mql", equalTo(java.util.List.of(false, true, true, false)));
        given().queryParam("since", since.toString()).get("/mql/transitions").then().statusCode(200)
                .body("findAll { it.leadId == '" + lead + "' }.direction", equalTo(java.util.List.of("entered", "left")))
                .body("findAll { it.leadId == '" + lead + "' }.score", equalTo(java.util.List.of(90, 55)))
                .body("find { it.leadId == '" + lead + "' }.at", equalTo(T0.toString()));
        given().queryParam("since", clock.instant().plusSeconds(1).toString()).get("/mql/transitions").then()
                .statusCode(200).body("findAll { it.leadId == '" + lead + "' }", hasSize(0));
        // A bare date is its midnight UTC (T0 is later on the same day: both transitions are since then).
        given().queryParam("since", T0.toString().substring(0, 10)).get("/mql/transitions").then().statusCode(200)
                .body("findAll { it.leadId == '" + lead + "' }.direction", equalTo(java.util.List.of("entered", "left")));
    }

    @Test
    void theLiveScoreJudgesMqlWithTheSameHysteresisAsStoredDecisions() {
        clock.set(T0);
        String mql = Fixtures.uniqueLead("band");
        client().body(SegmentIngestTest.identify(mql, "Director of E-commerce", T0.minusSeconds(60), mql + "-id"))
                .post("/v1/identify").then().statusCode(200);                              // 65
        client().body(page(mql, "Pricing", "/pricing", clock.instant(), "-pricing"))
                .post("/v1/page").then().statusCode(200);                                  // 90: enters
        String never = Fixtures.uniqueLead("below");
        client().body(SegmentIngestTest.identify(never, "Director of E-commerce", T0.minusSeconds(60), never + "-id"))
                .post("/v1/identify").then().statusCode(200);                              // 65: never MQL
        clock.advance(Duration.ofDays(40));                                                // pricing gone: 65

        given().get("/leads/{id}", mql).then().statusCode(200)
                .body("score.score", equalTo(65))
                .body("mql", is(true))
                .body("score.mql", is(true));                                              // inside the band
        given().get("/leads/{id}", never).then().statusCode(200)
                .body("score.score", equalTo(65))
                .body("mql", is(false))
                .body("score.mql", is(false));
    }

    @Test
    void aDecisionAfterARulesetChangeSaysSo() {
        clock.set(T0);
        String lead = Fixtures.uniqueLead("ruleset");
        client().body(SegmentIngestTest.track(lead, "Webinar Attended", T0.minusSeconds(60), lead + "-w"))
                .post("/v1/track").then().statusCode(200);
        Ruleset original = active.current();
        List<RuleFile> files = RulesetCompiler.readFolder(active.rulesDir()).stream()
                .map(f -> f.path().endsWith("intent.drl")
                        ? new RuleFile(f.path(), f.content().replace("@points(10)", "@points(12)")) : f)
                .toList();
        // A decision is stored only under the database's active version: activate it there, as a rollback would.
        activateEverywhere(files);
        try {
            client().body(SegmentIngestTest.track(lead, "Email Opened", T0, lead + "-e"))
                    .post("/v1/track").then().statusCode(200);
        } finally {
            activateEverywhere(original.files());
        }

        given().get("/leads/{id}/history", lead).then().statusCode(200)
                .body("[0].cause.rulesetChange", nullValue())
                .body("[1].cause.rulesetChange.from", equalTo(original.version()))
                .body("[1].cause.rulesetChange.to", not(equalTo(original.version())))
                .body("[1].cause.detail", containsString("ruleset changed from " + original.version()))
                .body("[1].rulesetVersion", not(equalTo(original.version())));
        String changed = given().get("/leads/{id}/history", lead).then().extract().path("[1].rulesetVersion");
        assertThat(latestDecisions(lead)).as("the rule-hit report's latest decision per version")
                .containsExactlyInAnyOrder(original.version() + ":false", changed + ":true");

        client().body(SegmentIngestTest.track(lead, "Email Opened", T0.plusSeconds(1), lead + "-e2"))
                .post("/v1/track").then().statusCode(200);
        assertThat(latestDecisions(lead)).as("back on the original ruleset")
                .containsExactlyInAnyOrder(original.version() + ":true", changed + ":false");
    }

    /** "version:latest" for each row of the lead in latest_decision. */
    private List<String> latestDecisions(String lead) {
        List<String> rows = new java.util.ArrayList<>();
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement(
                     "select ruleset_version, latest from latest_decision where lead_id = ?")) {
            ps.setString(1, lead);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + ":" + rs.getBoolean(2));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    @Test
    void theTransitionsFeedRejectsABadInstant() {
        given().queryParam("since", "last tuesday").get("/mql/transitions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("since"))
                .body("detail", containsString("ISO-8601"));
    }

    private static String page(String lead, String name, String path, Instant at, String suffix) {
        return Fixtures.segment("page.json", Map.of("lead", lead, "msg", lead + suffix, "name", name, "path", path,
                "ts", at.toString()));
    }

    /** Makes {@code files} the database's active version and this replica serve it (without waiting for the poll). */
    private void activateEverywhere(List<RuleFile> files) {
        versions.activate(new RulesetVersionStore.Activation(0, RulesetCompiler.version(files), Instant.now(),
                "rollback", "test", RulesetCompiler.contentHash(files), files.stream().map(RuleFile::path).toList(),
                0, null), files, ScenarioRunner.readFolder(active.rulesDir()));
        reloader.followDatabase();
    }
}
