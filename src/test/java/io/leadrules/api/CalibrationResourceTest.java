package io.leadrules.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.leadrules.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CalibrationResourceTest {

    static final Path DIR = Path.of("src/test/resources/calibration");

    static String read(String file) throws IOException {
        return Files.readString(DIR.resolve(file));
    }

    @Test
    void backtestsTheLiveRulesetOnJsonLeads() throws IOException {
        // live rules: the CMO at an apparel brand scores high, the founder 10, nobody 0, the student -50
        given().contentType("application/json").body(read("live-leads.json"))
                .when().post("/calibration/backtest")
                .then().statusCode(200)
                .body("count", equalTo(5))
                .body("labelled", equalTo(4))
                .body("positives", equalTo(2))
                .body("baseRate", equalTo(0.5f))
                .body("auc", equalTo(1.0f))
                .body("rulesetVersion", notNullValue())
                .body("thresholdBand.threshold", equalTo(70))
                .body("ruleLift.find { it.rule == 'Student email domain' }.firedCount", equalTo(1))
                .body("ruleLift.find { it.rule == 'Student email domain' }.firedRate", equalTo(0.0f));
    }

    @Test
    void backtestsACandidateRulesetOnACsvWithItsMapping() throws IOException {
        Map<String, Object> body = Map.of(
                "rules", List.of(Map.of("path", "points.drl", "content", read("rules/points.drl"))),
                "csv", read("small.csv"),
                "mapping", read("small.yaml"),
                "targetCloseRate", Map.of("min", 0.6, "max", 0.7));
        given().contentType("application/json").body(body)
                .when().post("/calibration/backtest")
                .then().statusCode(200)
                .body("count", equalTo(10))
                .body("auc", equalTo(0.74f))
                .body("asOf", equalTo("2026-06-01T00:00:00Z"))
                .body("deciles", hasSize(10))
                .body("deciles.won", contains(1, 1, 0, 1, 0, 1, 0, 0, 1, 0))
                .body("suggestedThresholds.status", equalTo("OK"))
                .body("suggestedThresholds.suggested.score", equalTo(5))
                .body("suggestedThresholds.suggested.leads", equalTo(6))
                .body("bandCutoffs.minScore", contains(9, 8, 7, 6));
    }

    @Test
    void aRequestMaySetTheBandSharesAndTheThresholdItIsReadAt() throws IOException {
        Map<String, Object> body = Map.of(
                "rules", List.of(Map.of("path", "points.drl", "content", read("rules/points.drl"))),
                "csv", read("small.csv"), "mapping", read("small.yaml"),
                "bandShares", List.of(0.5), "threshold", 5);
        given().contentType("application/json").body(body)
                .when().post("/calibration/backtest")
                .then().statusCode(200)
                .body("thresholdBand.threshold", equalTo(5))
                .body("bandCutoffs", hasSize(1))
                .body("bandCutoffs[0].share", equalTo(0.5f));
        given().contentType("application/json").body(Map.of("csv", read("small.csv"), "mapping", read("small.yaml"),
                        "bandShares", List.of(0, 2)))
                .when().post("/calibration/backtest")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("bandShares[0]", "bandShares[1]"));
    }

    @Test
    void takesTheMappingAsAJsonObjectToo() throws IOException {
        Map<String, Object> mapping = Map.of("id", "id", "label", Map.of("column", "won", "won", List.of("1"),
                        "lost", List.of("0")), "asOf", "2026-06-01T00:00:00Z", "fields", Map.of("flag", "flag"),
                "events", List.of(Map.of("column", "points", "type", "Point", "daysAgo", 2)));
        given().contentType("application/json").body(Map.of(
                        "rules", List.of(Map.of("path", "points.drl", "content", read("rules/points.drl"))),
                        "csv", read("small.csv"), "mapping", mapping))
                .when().post("/calibration/backtest")
                .then().statusCode(200).body("count", equalTo(10)).body("auc", equalTo(0.74f));
    }

    @Test
    void answers422WithFileAndLineForACandidateThatDoesNotCompile() throws IOException {
        Map<String, Object> body = Map.of(
                "rules", List.of(Map.of("path", "broken.drl", "content", read("broken.drl"))),
                "csv", read("small.csv"), "mapping", read("small.yaml"));
        given().contentType("application/json").body(body)
                .when().post("/calibration/backtest")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-rules"))
                .body("errors[0].file", equalTo("broken.drl"))
                .body("errors[0].line", equalTo(10));
    }

    @Test
    void answers400ForAnEmptySet() {
        given().contentType("application/json").body(Map.of("leads", List.of()))
                .when().post("/calibration/backtest")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-backtest"))
                .body("detail", containsString("empty"));
    }

    @Test
    void takesABareDateAsClosedAtAndRefusesALeadSentTwiceOrAnEmptyCandidate() {
        given().contentType("application/json")
                .body(Map.of("leads", List.of(Map.of("lead", Map.of("id", "a"), "won", true, "closedAt", "2026-01-10"),
                        Map.of("lead", Map.of("id", "b"), "won", false, "closedAt", "2026-01-11T09:00:00Z"))))
                .when().post("/calibration/backtest")
                .then().statusCode(200).body("count", equalTo(2)).body("labelled", equalTo(2));
        given().contentType("application/json")
                .body(Map.of("leads", List.of(Map.of("lead", Map.of("id", "a"), "closedAt", "10 January"))))
                .when().post("/calibration/backtest")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("closedAt"));
        given().contentType("application/json")
                .body(Map.of("leads", List.of(Map.of("lead", Map.of("id", "a"), "won", true),
                        Map.of("lead", Map.of("id", "a"), "won", false))))
                .when().post("/calibration/backtest")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Duplicate lead id \"a\""));
        given().contentType("application/json")
                .body(Map.of("rules", List.of(), "leads", List.of(Map.of("lead", Map.of("id", "a"), "won", true))))
                .when().post("/calibration/backtest")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("rules"));
    }

    @Test
    void takesTheOutcomeAsPostOutcomesWritesItAndTheCandidateAsValidateNamesIt() {
        String drl = io.leadrules.support.Fixtures.text("calibration/lead-prefix.drl", Map.of("prefix", "a"));
        Map<String, Object> asWon = Map.of("files", Map.of("prefix.drl", drl), "leads", List.of(
                Map.of("lead", Map.of("id", "a"), "won", true), Map.of("lead", Map.of("id", "b"), "won", false)));
        Map<String, Object> asOutcome = Map.of("files", Map.of("prefix.drl", drl), "leads", List.of(
                Map.of("lead", Map.of("id", "a"), "outcome", "won"), Map.of("lead", Map.of("id", "b"), "outcome", "LOST")));
        Object expected = given().contentType("application/json").body(asWon).post("/calibration/backtest")
                .then().statusCode(200).body("labelled", equalTo(2)).extract().path("auc");
        given().contentType("application/json").body(asOutcome).post("/calibration/backtest")
                .then().statusCode(200).body("labelled", equalTo(2)).body("auc", equalTo(expected));
        given().contentType("application/json")
                .body(Map.of("leads", List.of(Map.of("lead", Map.of("id", "a"), "outcome", "won", "won", false))))
                .post("/calibration/backtest").then().statusCode(400).body("field", equalTo("leads[0].won"));
        given().contentType("application/json")
                .body(Map.of("leads", List.of(Map.of("lead", Map.of("id", "a"), "outcome", "maybe"))))
                .post("/calibration/backtest").then().statusCode(400).body("field", equalTo("leads[0].outcome"));
    }

    @Test
    void answersAReportWithNoLabelsWhenNoLeadHasAnOutcome() {
        given().contentType("application/json")
                .body(Map.of("leads", List.of(Map.of("lead", Map.of("id", "a")), Map.of("lead", Map.of("id", "b")))))
                .when().post("/calibration/backtest")
                .then().statusCode(200).contentType("application/json")
                .body("count", equalTo(2))
                .body("labelled", equalTo(0))
                .body("auc", nullValue())
                .body("suggestedThresholds.status", equalTo("NO_LABELS"))
                .body("note", containsString("None of the 2 leads has an outcome"))
                .body("drift.status", equalTo("NO_LABELS"));
    }

    @Test
    void theReportCarriesTheDriftOfTheLeadsItMakesMql() throws IOException {
        // Live rules: the two ideal buyers score about 90 (MQL), the nobody 0. One buyer won last week, one lost
        // half a year ago; the nobody's close is not an MQL's. Ten a window are needed, so nothing is judged.
        List<Map<String, Object>> events = List.of(Map.of("type", "Pricing Page Viewed", "timestamp", "2026-05-30T10:00:00Z"));
        Map<String, Object> body = Map.of("asOf", "2026-06-01T00:00:00Z", "leads", List.of(
                Map.of("lead", idealBuyer("buyer-1"), "events", events, "won", true, "closedAt", "2026-05-25T00:00:00Z"),
                Map.of("lead", idealBuyer("buyer-2"), "events", events, "won", false, "closedAt", "2025-12-01T00:00:00Z"),
                Map.of("lead", Map.of("id", "nobody"), "won", true, "closedAt", "2026-05-20T00:00:00Z")));
        given().contentType("application/json").body(body)
                .when().post("/calibration/backtest")
                .then().statusCode(200)
                .body("thresholdBand.atOrAbove.leads", equalTo(2))
                .body("drift.status", equalTo("NOT_ENOUGH_OUTCOMES"))
                .body("drift.flagged", equalTo(false))
                .body("drift.asOf", equalTo("2026-06-01T00:00:00Z"))
                .body("drift.recentCount", equalTo(1))
                .body("drift.recentRate", equalTo(1.0f))
                .body("drift.baselineCount", equalTo(1))
                .body("drift.baselineRate", equalTo(0.0f))
                .body("drift.minOutcomes", equalTo(10))
                .body("note", nullValue());
        given().contentType("application/json").body(read("live-leads.json"))
                .when().post("/calibration/backtest")
                .then().statusCode(200)
                .body("drift.status", equalTo("NO_CLOSE_DATES"))
                .body("drift.detail", containsString("closedAt"));
    }

    static Map<String, Object> idealBuyer(String id) {
        return Map.of("id", id, "jobTitle", "CMO", "industry", "Apparel", "gmv", 10000000, "employees", 200,
                "country", "US");
    }

    @Test
    void answers400WithRowAndColumnForABadCsvValue() throws IOException {
        given().contentType("application/json").body(Map.of("csv", read("bad-number.csv"), "mapping", read("small.yaml")))
                .when().post("/calibration/backtest")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-csv-mapping"))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].column", equalTo("points"))
                .body("errors[0].value", equalTo("eight"));
    }

    @Test
    void answers400ForAnImpossibleTargetCloseRate() throws IOException {
        given().contentType("application/json")
                .body(Map.of("csv", read("small.csv"), "mapping", read("small.yaml"), "targetCloseRate", Map.of("min", 0.5, "max", 0.2)))
                .when().post("/calibration/backtest")
                .then().statusCode(400)
                .body("detail", containsString("0 <= min <= max <= 1"));
    }
}
