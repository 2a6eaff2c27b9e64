package io.leadrules.api;

import io.leadrules.support.ReloadByApiProfile;
import io.leadrules.support.TempRulesFolder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.leadrules.support.Api.anonymous;
import static io.leadrules.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * The rules lifecycle through the real HTTP API, on a private copy of the rules folder that each test changes
 * and then restores.
 */
@QuarkusTest
@TestProfile(ReloadByApiProfile.class)
class RulesLifecycleTest {

    private static final String KEY = "dev-admin-key";

    @ConfigProperty(name = "leadrules.rules.dir")
    String rulesDir;

    @AfterEach
    void restoreRules() {
        TempRulesFolder.copyRepoRules(Path.of(rulesDir));
        admin().post("/rules/reload").then().statusCode(200);
    }

    @Test
    void adminCallsRefuseAMissingOrWrongKey() {
        anonymous().post("/rules/reload").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401)).body("title", equalTo("Unauthorized"));
        given().header("Authorization", "Bearer wrong-key").post("/rules/reload").then().statusCode(401);
        given().header("Authorization", "Bearer " + KEY + "x").post("/rules/versions/abc/activate").then().statusCode(401);
        given().header("Authorization", "Bearer wrong-key").contentType("application/json").body("{}")
                .post("/rules/validate").then().statusCode(401);
        // The key is checked whatever the body's type: a key-less call is 401, not 415.
        anonymous().body("{}").post("/rules/validate").then().statusCode(401);
    }

    @Test
    void adminCallsAcceptTheKey() {
        admin().post("/rules/reload").then().statusCode(200).body("changed", equalTo(false));
        given().get("/rules").then().statusCode(200);
        given().get("/rules/status").then().statusCode(200);
        given().get("/rules/versions").then().statusCode(200);
        given().contentType("application/json").body(fixture("score-request.json")).post("/score").then().statusCode(200);
    }

    @Test
    void listsEveryActiveRuleWithItsMetadata() {
        given().get("/rules").then().statusCode(200)
                .body("", hasSize(39))
                .body("find { it.name == 'Title: ideal buyer' }.file", equalTo("fit.drl"))
                .body("find { it.name == 'Title: ideal buyer' }.category", equalTo("fit"))
                .body("find { it.name == 'Title: ideal buyer' }.points", equalTo(20))
                .body("find { it.name == 'Title: ideal buyer' }.line", greaterThan(0))
                .body("find { it.name == 'Title: ideal buyer' }.description", containsString("Director of E-commerce"))
                .body("find { it.name == 'Blog post read' }.cap", equalTo(10));
    }

    @Test
    void brokenFileKeepsTheOldRulesetAndIsReportedWithItsPosition() {
        String before = activeVersion();
        write("broken.drl", fixture("broken.drl"));

        admin().post("/rules/reload").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/ruleset-rejected"))
                .body("errors.file", hasItem("broken.drl"))
                .body("errors.message", org.hamcrest.Matchers.not(hasItem(containsString("null Package"))));

        given().get("/rules/status").then().statusCode(200)
                .body("version", equalTo(before))
                .body("stale", equalTo(true))
                .body("lastAttempt.ok", equalTo(false))
                .body("lastFailure.errors[0].file", equalTo("broken.drl"))
                .body("lastFailure.errors[0].line", greaterThan(0))
                .body("lastFailure.errors[0].column", notNullValue())
                .body("lastFailure.errors[0].message", notNullValue());
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'rules' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'rules' }.data.stale", equalTo(true))
                .body("checks.find { it.name == 'rules' }.data.activeVersion", equalTo(before))
                .body("checks.find { it.name == 'rules' }.data.lastError", containsString("broken.drl"));
        score().then().statusCode(200).body("ruleset.version", equalTo(before));

        delete("broken.drl");
        admin().post("/rules/reload").then().statusCode(200);
        given().get("/rules/status").then().body("stale", equalTo(false)).body("lastAttempt.ok", equalTo(true));
        given().get("/q/health/ready").then().body("checks.find { it.name == 'rules' }.data.stale", equalTo(false));
    }

    @Test
    void failingScenarioBlocksActivation() {
        String before = activeVersion();
        String fit = read("fit.drl");
        write("fit.drl", fit.replace("@category(\"fit\") @points(20)", "@category(\"fit\") @points(21)"));

        admin().post("/rules/reload").then().statusCode(422)
                .body("errors.scenario", hasItem("Ideal buyer, fit only"));

        given().get("/rules/status").then()
                .body("version", equalTo(before))
                .body("stale", equalTo(true))
                .body("lastFailure.errors", hasSize(0))
                .body("lastFailure.scenarioFailures.name", hasItems("Ideal buyer, fit only", "Tracking opt-out keeps fit only"))
                .body("lastFailure.scenarioFailures.find { it.name == 'Ideal buyer, fit only' }.failures[0]",
                        equalTo("expected score 70 but was 71"));
        given().get("/rules").then().body("find { it.name == 'Title: ideal buyer' }.points", equalTo(20));
    }

    @Test
    void rollbackReactivatesAnEarlierVersionAndIsRecorded() {
        String original = activeVersion();
        write("extra.drl", fixture("extra.drl"));
        String added = admin().post("/rules/reload").then().statusCode(200)
                .body("changed", equalTo(true)).body("previousVersion", equalTo(original))
                .extract().path("version");
        score().then().body("ruleset.version", equalTo(added));

        given().get("/rules/versions").then().statusCode(200)
                .body("version", hasItems(original, added))
                .body("find { it.version == '" + added + "' }.active", equalTo(true))
                .body("find { it.version == '" + added + "' }.files", hasItem("extra.drl"))
                .body("find { it.version == '" + added + "' }.contentHash", startsWith(added));
        given().get("/rules/versions/" + added).then().statusCode(200)
                .body("version.version", equalTo(added))
                .body("version.active", equalTo(true))
                .body("files.path", hasItem("extra.drl"))
                .body("files.find { it.path == 'extra.drl' }.content", containsString("Country: New Zealand"))
                .body("scenarios.path", hasItem("tests/hot-buyer.yaml"));
        given().get("/rules/versions/0123456789ab").then().statusCode(404).contentType("application/problem+json");
        given().accept("text/x-diff").get("/rules/versions/" + original + "/diff/" + added).then().statusCode(200)
                .contentType(containsString("text/x-diff"))
                .body(startsWith("--- /dev/null\n+++ b/extra.drl\n@@ "));
        String fullHash = given().get("/rules/versions").then().extract()
                .path("find { it.version == '" + added + "' }.contentHash");
        given().get("/rules/versions/" + original.toUpperCase() + "/diff/" + fullHash).then().statusCode(200)
                .body("[0].file", equalTo("extra.drl"));
        given().get("/rules/versions/" + original + "/diff/" + added).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].file", equalTo("extra.drl"))
                .body("[0].change", equalTo("added"))
                .body("[0].diff", containsString("+rule \"Country: New Zealand\""))
                .body("[0].diff", startsWith("--- /dev/null\n+++ b/extra.drl\n@@ "));

        admin().post("/rules/versions/" + original + "/activate").then().statusCode(200)
                .body("version", equalTo(original)).body("changed", equalTo(true)).body("source", equalTo("rollback"));

        given().get("/rules/status").then().body("version", equalTo(original)).body("source", equalTo("rollback"))
                .body("origin", equalTo("version " + original));
        score().then().body("ruleset.version", equalTo(original));
        String loadedAt = score().then().extract().path("ruleset.loadedAt");
        given().get("/rules/status").then().body("loadedAt", equalTo(loadedAt)).body("activatedAt", notNullValue());
        given().get("/rules/versions").then()
                .body("[0].version", equalTo(original))
                .body("[0].active", equalTo(true))
                .body("find { it.version == '" + original + "' }.activations.source", hasItem("rollback"));

        // The source page shows a stored version's files (a report on that version links there), else the active.
        given().queryParam("file", "extra.drl").queryParam("version", added).get("/rules/source").then()
                .statusCode(200).body(containsString("Country: New Zealand")).body(containsString("not the active one"));
        given().queryParam("file", "extra.drl").get("/rules/source").then().statusCode(404);
        given().queryParam("file", "fit.drl").queryParam("version", "0123456789ab").get("/rules/source").then()
                .statusCode(404).contentType("application/problem+json");
        given().queryParam("file", "fit.drl").queryParam("from", "abc").get("/rules/source").then()
                .statusCode(400).body("field", equalTo("from"));
    }

    @Test
    void unknownVersionIsNotFound() {
        admin().post("/rules/versions/0123456789ab/activate").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("0123456789ab"));
        given().get("/rules/versions/0123456789ab/diff/" + activeVersion()).then().statusCode(404);
    }

    @Test
    void validateReportsErrorsWithPositionsWithoutActivating() {
        String before = activeVersion();
        String lastAttempt = given().get("/rules/status").then().extract().path("lastAttempt.at");
        admin().contentType("application/json").body(fixture("validate-broken.json")).post("/rules/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors.file", hasItems("fit.drl", "negative.drl"))
                .body("errors.find { it.file == 'fit.drl' }.line", greaterThan(0))
                .body("errors.message", hasItem(containsString("unknown category \"bonus\"")))
                .body("errors.message", hasItem(containsString("@points(lots) is not a number")))
                .body("scenarios", hasSize(0));
        given().get("/rules/status").then().body("version", equalTo(before)).body("lastAttempt.at", equalTo(lastAttempt));
    }

    @Test
    void validateRunsSubmittedScenariosAgainstSubmittedFiles() {
        admin().contentType("application/json").body(fixture("validate-scenarios.json")).post("/rules/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors", hasSize(0))
                .body("scenarios", hasSize(2))
                .body("scenarios[0].name", equalTo("Kiwi lead gets 4"))
                .body("scenarios[0].passed", equalTo(true))
                .body("scenarios[0].score", equalTo(4))
                .body("scenarios[1].name", equalTo("Wrong expectation"))
                .body("scenarios[1].file", equalTo("tests/wrong.yaml"))
                .body("scenarios[1].passed", equalTo(false))
                .body("scenarios[1].failures[0]", equalTo("expected score 10 but was 4"));
    }

    @Test
    void validateTakesFilesAsAListOrAsAnObjectFromNameToContent() {
        String drl = "package leadrules;\nimport io.leadrules.model.Lead;\nglobal io.leadrules.scoring.HitRecorder score;\n"
                + "rule \"Kiwi\" @category(\"fit\") @points(4) when Lead( country == \"NZ\" ) then score.award(drools, \"NZ\"); end\n";
        String asList = admin().contentType("application/json")
                .body(Map.of("files", List.of(Map.of("name", "nz.drl", "content", drl)), "scenarios", List.of()))
                .post("/rules/validate").then().statusCode(200).body("valid", equalTo(true))
                .extract().path("version");
        admin().contentType("application/json").body(Map.of("files", Map.of("nz.drl", drl), "scenarios", List.of()))
                .post("/rules/validate").then().statusCode(200)
                .body("valid", equalTo(true)).body("version", equalTo(asList));
        admin().contentType("application/json").body("{\"files\": {\"nz.drl\": 4}}")
                .post("/rules/validate").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("files"))
                .body("detail", containsString("the content of \"nz.drl\" must be the DRL text"));
        admin().contentType("application/json").body("{\"files\": \"fit.drl\"}")
                .post("/rules/validate").then().statusCode(400)
                .body("detail", containsString("or an object from file name to content"));
    }

    @Test
    void validateWithoutBodyChecksTheRulesFolderAndItsScenarios() {
        admin().post("/rules/validate").then().statusCode(200).body("valid", equalTo(true));
        admin().contentType("application/json").body("{}").post("/rules/validate").then().statusCode(200)
                .body("valid", equalTo(true))
                .body("version", equalTo(activeVersion()))
                .body("scenarios", hasSize(12))
                .body("scenarios.passed", org.hamcrest.Matchers.everyItem(equalTo(true)));
    }

    @Test
    void reloadUnderConcurrentScoringFailsNoRequestAndAnswersFromOneVersion() throws Exception {
        Set<String> activated = ConcurrentHashMap.newKeySet();
        activated.add(activeVersion());
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        String body = fixture("score-request.json");
        int threads = 4;
        CountDownLatch started = new CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                started.countDown();
                while (!stop.get()) {
                    Response r = given().contentType("application/json").body(body).post("/score");
                    if (r.statusCode() != 200) {
                        failures.add(r.statusCode() + " " + r.asString());
                    } else {
                        seen.computeIfAbsent(r.path("ruleset.version"), v -> new AtomicInteger()).incrementAndGet();
                    }
                }
            });
        }
        started.await();
        for (int i = 0; i < 6; i++) {
            write("extra.drl", fixture("extra.drl").replace("@points(4)", "@points(" + (i % 2 + 1) + ")"));
            activated.add(admin().post("/rules/reload").then().statusCode(200).extract().path("version"));
        }
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(failures).isEmpty();
        assertThat(seen.values().stream().mapToInt(AtomicInteger::get).sum()).isGreaterThan(0);
        assertThat(activated).containsAll(seen.keySet());
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + KEY);
    }

    private static Response score() {
        return given().contentType("application/json").body(fixture("score-request.json")).post("/score");
    }

    private static String activeVersion() {
        return given().get("/rules/status").then().statusCode(200).extract().path("version");
    }

    private void write(String name, String content) {
        try {
            Files.writeString(Path.of(rulesDir, name), content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String read(String name) {
        try {
            return Files.readString(Path.of(rulesDir, name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void delete(String name) {
        try {
            Files.deleteIfExists(Path.of(rulesDir, name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String fixture(String name) {
        try (var in = RulesLifecycleTest.class.getResourceAsStream("/lifecycle/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
