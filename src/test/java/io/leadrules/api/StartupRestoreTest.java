package io.leadrules.api;

import io.leadrules.rules.RulesetCompiler;
import io.leadrules.support.FailingStartupProfile;
import io.leadrules.support.TempRulesFolder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.leadrules.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A start-up whose rules fail their scenarios keeps serving the database's active version (the last good one), and
 * says so. That version was kept on disk before versions moved to the database: imported at start-up, once.
 */
@QuarkusTest
@TestProfile(FailingStartupProfile.class)
class StartupRestoreTest {

    @ConfigProperty(name = "leadrules.data.dir")
    String dataDir;

    @Test
    void startupWithFailingScenariosServesTheLastGoodVersion() {
        String good = RulesetCompiler.version(RulesetCompiler.readFolder(TempRulesFolder.REPO_RULES));

        // Nothing was rolled back: the good version stayed the active one, as activated (by the folder) before.
        given().get("/rules/status").then().statusCode(200)
                .body("version", equalTo(good))
                .body("source", equalTo("folder"))
                .body("activatedAt", equalTo("2026-11-01T00:00:00Z"))
                .body("databaseVersion", equalTo(good))
                .body("inSync", equalTo(true))
                .body("stale", equalTo(true))
                .body("lastFailure.source", equalTo("startup"))
                .body("lastFailure.scenarioFailures.name", hasItem("Ideal buyer, fit only"));
        given().get("/rules").then().body("find { it.name == 'Title: ideal buyer' }.points", equalTo(20));
        given().contentType("application/json").body(RulesLifecycleTest.fixture("score-request.json"))
                .post("/score").then().statusCode(200).body("ruleset.version", equalTo(good));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'rules' }.data.stale", equalTo(true));
    }

    @Test
    void versionsKeptOnDiskAreImportedIntoTheDatabaseOnce() {
        String good = RulesetCompiler.version(RulesetCompiler.readFolder(TempRulesFolder.REPO_RULES));

        given().get("/rules/versions").then().statusCode(200)
                .body("find { it.version == '" + good + "' }.activations.at", hasItem("2026-11-01T00:00:00Z"))
                .body("find { it.version == '" + good + "' }.active", equalTo(true));
        given().get("/rules/versions/" + good).then().statusCode(200)
                .body("files.path", hasItem("fit.drl")).body("scenarios.path", hasItem("tests/hot-buyer.yaml"));
        Path rulesets = Path.of(dataDir, "rulesets");
        assertThat(rulesets.resolve("index.json")).doesNotExist();
        assertThat(rulesets.resolve("index.json.migrated")).exists();
        assertThat(Files.isDirectory(rulesets.resolve(good))).as("version folders are left as they were").isTrue();
    }
}
