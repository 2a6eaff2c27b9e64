package io.leadrules.api;

import io.leadrules.rules.RulesetCompiler;
import io.leadrules.support.FailingStartupProfile;
import io.leadrules.support.TempRulesFolder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.leadrules.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** A start-up whose rules fail their scenarios serves the last good stored version instead, and says so. */
@QuarkusTest
@TestProfile(FailingStartupProfile.class)
class StartupRestoreTest {

    @Test
    void startupWithFailingScenariosServesTheLastGoodVersion() {
        String good = RulesetCompiler.version(RulesetCompiler.readFolder(TempRulesFolder.REPO_RULES));

        given().get("/rules/status").then().statusCode(200)
                .body("version", equalTo(good))
                .body("source", equalTo("rollback"))
                .body("stale", equalTo(true))
                .body("lastFailure.source", equalTo("startup"))
                .body("lastFailure.scenarioFailures.name", hasItem("Ideal buyer, fit only"));
        given().get("/rules").then().body("find { it.name == 'Title: ideal buyer' }.points", equalTo(20));
        given().contentType("application/json").body(RulesLifecycleTest.fixture("score-request.json"))
                .post("/score").then().statusCode(200).body("ruleset.version", equalTo(good));
    }
}
