package io.leadrules.api;

import io.leadrules.rules.RuleFile;
import io.leadrules.rules.RulesetCompiler;
import io.leadrules.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.leadrules.support.Segment.client;
import static io.leadrules.support.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Drift and backtests on stored outcomes. Twenty MQLs (and one lead that never was MQL) close in a window of 2030
 * no other test uses: ten in February (6 won, the baseline), ten in May (3 won, the recent 90 days before July 1st).
 */
@QuarkusTest
@Tag("db")
class DriftAndStoredBacktestTest {

    static final String AS_OF = "2030-07-01T00:00:00Z";
    static final String BASELINE_FROM = "2030-01-01T00:00:00Z";

    static final String PREFIX = "drift-" + UUID.randomUUID() + "-";
    static boolean recorded;

    /** Once per class, but after Quarkus is up (a static @BeforeAll runs before the test port is known). */
    @BeforeEach
    void twentyMqlsCloseAndOneLeadThatNeverWasMql() {
        if (recorded) {
            return;
        }
        recorded = true;
        String prefix = PREFIX;
        StringBuilder csv = new StringBuilder("leadId,outcome,closedAt\n");
        for (int i = 0; i < 20; i++) {
            String lead = prefix + i;
            Instant now = Instant.now();
            client().body(Fixtures.segment("batch-identify-pricing-demo.json", Map.of("lead", lead,
                    "ts1", now.minus(Duration.ofMinutes(3)).toString(), "ts2", now.minus(Duration.ofMinutes(2)).toString(),
                    "ts3", now.minus(Duration.ofMinutes(1)).toString()))).post("/v1/batch").then().statusCode(200);
            boolean baseline = i < 10;
            boolean won = baseline ? i < 6 : i < 13;
            csv.append(lead).append(won ? ",won," : ",lost,").append(baseline ? "2030-02-1" : "2030-05-1")
                    .append(i % 10).append("T12:00:00Z\n");
        }
        String student = prefix + "student";
        client().body(SegmentIngestTest.identify(student, "Student", Instant.now(), student + "-id"))
                .post("/v1/identify").then().statusCode(200);
        csv.append(student).append(",won,2030-05-20T12:00:00Z\n");
        given().contentType("text/csv").body(csv.toString()).post("/outcomes").then().statusCode(200)
                .body("stored", equalTo(21));
    }

    @Test
    void flagsACloseRateOfMqlsThatFellMoreThanTenPoints() {
        given().queryParam("asOf", AS_OF).queryParam("baselineFrom", BASELINE_FROM)
                .get("/calibration/drift").then().statusCode(200)
                .body("status", equalTo("OK"))
                .body("flagged", equalTo(true))
                .body("recentCount", equalTo(10))          // the student never was MQL: not counted
                .body("recentWon", equalTo(3))
                .body("recentRate", equalTo(0.3f))
                .body("baselineCount", equalTo(10))
                .body("baselineWon", equalTo(6))
                .body("baselineRate", equalTo(0.6f))
                .body("deltaPoints", equalTo(-30.0f))
                .body("maxPoints", equalTo(10))
                .body("recentFrom", equalTo("2030-04-02T00:00:00Z"))
                .body("detail", containsString("more than 10"));
    }

    @Test
    void saysSoWhenAWindowHasTooFewOutcomes() {
        given().queryParam("asOf", AS_OF).queryParam("baselineFrom", "2030-03-01T00:00:00Z")
                .get("/calibration/drift").then().statusCode(200)
                .body("status", equalTo("NOT_ENOUGH_OUTCOMES"))
                .body("flagged", equalTo(false))
                .body("recentCount", equalTo(10))
                .body("baselineCount", equalTo(0))
                .body("detail", containsString("at least 10"));
    }

    @Test
    void refusesADateParameterThatIsNeitherAnInstantNorADate() {
        for (String field : List.of("asOf", "baselineFrom")) {
            given().queryParam(field, "July").get("/calibration/drift").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/invalid-query"))
                    .body("field", equalTo(field))
                    .body("detail", containsString("\"" + field + "\" must be an ISO-8601 instant"))
                    .body("detail", containsString("July"));
        }
        given().queryParam("asOf", "2030-01-01").queryParam("baselineFrom", "2030-02-01")
                .get("/calibration/drift").then().statusCode(400)
                .body("type", equalTo("/problems/invalid-query"))
                .body("field", equalTo("baselineFrom"));
    }

    @Test
    void readsBareDatesAsMidnightUtc() {
        given().queryParam("asOf", "2030-07-01").queryParam("baselineFrom", "2030-01-01")
                .get("/calibration/drift").then().statusCode(200)
                .body("asOf", equalTo(AS_OF))
                .body("baselineFrom", equalTo(BASELINE_FROM))
                .body("recentCount", equalTo(10))
                .body("baselineCount", equalTo(10))
                .body("flagged", equalTo(true));
    }

    @Test
    void backtestsACandidateOnTheStoredOutcomes() {
        List<Map<String, String>> rules = new ArrayList<>();
        for (RuleFile f : RulesetCompiler.readFolder(Path.of("rules"))) {
            rules.add(Map.of("path", f.path(), "content", f.content()));
        }
        rules.add(Map.of("path", "marker.drl", "content",
                Fixtures.text("calibration/lead-prefix.drl", Map.of("prefix", PREFIX))));
        Map<String, Object> body = new HashMap<>(Map.of("source", "stored", "rules", rules));
        given().contentType("application/json").body(body).post("/calibration/backtest").then().statusCode(200)
                .body("ruleLift.find { it.rule == 'Lead of this test run' }.firedCount", equalTo(21))
                .body("ruleLift.find { it.rule == 'Lead of this test run' }.firedWon", equalTo(10));
    }

    @Test
    void aStoredBacktestJudgesDriftByTheMqlsOfTheBacktestedRuleset() {
        // The candidate makes all 21 leads of this run MQL and no other stored lead (they score 0): unlike
        // GET /calibration/drift, the student counts. As of July 1st: recent = ten May closes (3 won) and the
        // student (won) = 4 of 11; baseline = ten February closes, 6 won. (4/11 - 6/10) = -23.64 points: flagged.
        List<Map<String, String>> rules = List.of(Map.of("path", "mql.drl", "content",
                Fixtures.text("calibration/lead-prefix-mql.drl", Map.of("prefix", PREFIX))));
        Map<String, Object> body = new HashMap<>(Map.of("source", "stored", "rules", rules, "asOf", AS_OF));
        given().contentType("application/json").body(body).post("/calibration/backtest").then().statusCode(200)
                .body("thresholdBand.atOrAbove.leads", equalTo(21))
                .body("drift.status", equalTo("OK"))
                .body("drift.asOf", equalTo(AS_OF))
                .body("drift.recentFrom", equalTo("2030-04-02T00:00:00Z"))
                .body("drift.recentCount", equalTo(11))
                .body("drift.recentWon", equalTo(4))
                .body("drift.recentRate", equalTo(0.3636f))
                .body("drift.baselineCount", equalTo(10))
                .body("drift.baselineWon", equalTo(6))
                .body("drift.deltaPoints", equalTo(-23.64f))
                .body("drift.flagged", equalTo(true));
    }

    @Test
    void refusesStoredTogetherWithLeads() {
        given().contentType("application/json").body(Map.of("source", "stored", "leads", List.of()))
                .post("/calibration/backtest").then().statusCode(400).contentType("application/problem+json");
    }
}
