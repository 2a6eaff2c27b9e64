package io.leadrules.rules;

import io.leadrules.support.Fixtures;
import io.leadrules.support.TempRulesFolder;
import io.leadrules.support.WatchedRulesProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.leadrules.support.Api.given;
import static io.leadrules.support.Segment.client;
import static org.assertj.core.api.Assertions.assertThat;

/** A marketer edits a row of the shipped point table while the service runs: the row goes live and hits name it. */
@QuarkusTest
@TestProfile(WatchedRulesProfile.class)
class PointTableReloadTest {

    private static final String TABLE = "fit-points.drl.csv";

    @ConfigProperty(name = "leadrules.rules.dir")
    String rulesDir;

    @Inject
    RulesetReloader reloader;

    @AfterEach
    void restoreRules() throws InterruptedException {
        TempRulesFolder.copyRepoRules(Path.of(rulesDir));
        awaitActive(RulesetCompiler.version(RulesetCompiler.readFolder(TempRulesFolder.REPO_RULES)));
    }

    @Test
    void anEditedRowGoesLiveAndItsHitsNameTheFileAndRow() throws Exception {
        // New Zealand joins the core markets (a points change would break the shipped scenarios, and not go live).
        Path table = Path.of(rulesDir, TABLE);
        Files.writeString(table, Files.readString(table)
                .replace("\"US, CA, GB, AU\",fit,5,", "\"US, CA, GB, AU, NZ\",fit,5,"));
        awaitActive(RulesetCompiler.version(RulesetCompiler.readFolder(Path.of(rulesDir))));

        JsonPath score = given().contentType(ContentType.JSON)
                .body("{\"lead\": {\"id\": \"lead-nz\", \"country\": \"NZ\"}, \"asOf\": \"2026-11-23T00:00:00Z\"}")
                .post("/score").then().statusCode(200).extract().jsonPath();

        Map<String, Object> hit = score.getMap("hits.find { it.rule == 'Country: core market' }");
        assertThat(hit).containsEntry("file", TABLE).containsEntry("row", 13).containsEntry("points", 5);
    }

    @Test
    void anExplanationAndTheRuleHitReportPointAtTheRow() {
        String lead = Fixtures.uniqueLead("table");
        String today = Instant.now().toString();
        client().body(Fixtures.segment("identify-ideal-buyer.json", Map.of("lead", lead, "msg", lead + "-id",
                "ts", today))).post("/v1/identify").then().statusCode(200);

        JsonPath explanation = given().get("/leads/{id}/explanation", lead).then().statusCode(200).extract().jsonPath();
        Map<String, Object> hit = explanation.getMap("live.hits.find { it.rule == 'Industry: target vertical' }");
        assertThat(hit).containsEntry("file", TABLE).containsEntry("row", 11).containsEntry("line", 11);

        JsonPath report = given().queryParam("from", today.substring(0, 10)).queryParam("to", today.substring(0, 10))
                .get("/reports/rule-hits").then().statusCode(200).extract().jsonPath();
        Map<String, Object> stats = report.getMap("rules.find { it.rule == 'Industry: target vertical' }");
        assertThat(stats).containsEntry("file", TABLE).containsEntry("line", 11);

        String page = given().queryParam("file", TABLE).queryParam("from", 11).queryParam("to", 11)
                .get("/rules/source").then().statusCode(200).extract().asString();
        assertThat(page).contains("Industry: target vertical");
    }

    private void awaitActive(String version) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!version.equals(reloader.status().version()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(reloader.status().version()).as("active version, status %s", reloader.status()).isEqualTo(version);
    }
}
