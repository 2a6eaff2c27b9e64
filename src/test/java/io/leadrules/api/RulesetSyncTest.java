package io.leadrules.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrules.rules.RuleFile;
import io.leadrules.rules.RulesetCompiler;
import io.leadrules.rules.RulesetVersionStore;
import io.leadrules.rules.ScenarioFile;
import io.leadrules.rules.ScenarioRunner;
import io.leadrules.store.RulesetActivationRow;
import io.leadrules.store.RulesetRepository;
import io.leadrules.store.RulesetVersionRow;
import io.leadrules.support.Fixtures;
import io.leadrules.support.RulesetEvents;
import io.leadrules.support.RulesetSyncProfile;
import io.leadrules.support.TempRulesFolder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.leadrules.support.Api.given;
import static io.leadrules.support.Segment.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Several replicas on one database: the versions and the active one live there. "Another replica" is this test
 * writing through {@link RulesetRepository}, as that replica's reload or rollback would.
 */
@QuarkusTest
@TestProfile(RulesetSyncProfile.class)
@Tag("db")
class RulesetSyncTest {

    /** The promise of the README: every replica serves a version activated elsewhere within 5 seconds. */
    private static final Duration SWITCH = Duration.ofSeconds(5);
    private static final String KEPT = RulesetCompiler.version(RulesetSyncProfile.KEPT_VERSION);

    @ConfigProperty(name = "leadrules.rules.dir")
    String rulesDir;

    @ConfigProperty(name = "leadrules.data.dir")
    String dataDir;

    @Inject
    RulesetRepository repository;

    @Inject
    RulesetVersionStore store;

    @Inject
    RulesetEvents events;

    @AfterEach
    void backToTheKeptVersion() {
        if (!repository.activeVersion().orElseThrow().equals(KEPT)) {
            activateElsewhere(RulesetSyncProfile.KEPT_VERSION, "rollback", "replica-b");
        }
        awaitStatus("serving " + KEPT, s -> KEPT.equals(s.getString("version")) && s.getBoolean("inSync"));
    }

    @Test
    void aReplicaThatDoesNotWatchItsFolderStartsOnTheDatabaseVersionImportedFromItsDisk() {
        String folder = RulesetCompiler.version(RulesetCompiler.readFolder(Path.of(rulesDir)));

        given().get("/rules/status").then().statusCode(200)
                .body("version", equalTo(KEPT)).body("databaseVersion", equalTo(KEPT)).body("inSync", equalTo(true))
                .body("stale", equalTo(false)).body("syncFailure", nullValue());
        given().get("/rules/versions").then().statusCode(200)
                .body("version", not(hasItem(folder)))
                .body("find { it.version == '" + KEPT + "' }.activations.activatedBy", hasItem("ops"))
                .body("find { it.version == '" + KEPT + "' }.activations.at", hasItem("2026-11-01T00:00:00Z"));
        assertThat(Path.of(dataDir, "rulesets", "index.json.migrated")).exists();
        assertThat(store.importLocalVersions()).as("the index was imported once, at start-up").isZero();
    }

    @Test
    void versionsKeptOnAnotherReplicasDiskAreImportedWithoutMovingTheActiveVersion() throws IOException {
        Path rulesets = Path.of(dataDir).resolveSibling("replica-b-data").resolve("rulesets");
        List<RuleFile> onlyThere = newZealandPoints(11);
        String version = RulesetCompiler.version(onlyThere);
        writeVersion(rulesets, RulesetSyncProfile.KEPT_VERSION);
        writeVersion(rulesets, onlyThere);
        new ObjectMapper().writeValue(rulesets.resolve("index.json").toFile(), List.of(
                Map.of("version", KEPT, "activatedAt", "2026-10-01T00:00:00Z", "source", "startup",
                        "origin", "rules folder rules"),
                Map.of("version", version, "activatedAt", "2026-10-15T00:00:00Z", "source", "api",
                        "origin", "rules folder rules", "activatedBy", "ops-b")));

        assertThat(store.importLocalVersions(rulesets)).isEqualTo(2);
        assertThat(store.importLocalVersions(rulesets)).as("once").isZero();

        assertThat(rulesets.resolve("index.json.migrated")).exists();
        assertThat(repository.activeVersion()).as("the version every replica serves stays").contains(KEPT);
        given().get("/rules/versions").then().statusCode(200)
                .body("find { it.version == '" + version + "' }.active", equalTo(false))
                .body("find { it.version == '" + version + "' }.activations.activatedBy", hasItem("ops-b"))
                .body("find { it.version == '" + KEPT + "' }.activations.at",
                        hasItems("2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z"));
        given().get("/rules/versions/" + version).then().statusCode(200)
                .body("files.find { it.path == 'extra.drl' }.content", containsString("@points(11)"));
    }

    @Test
    void aVersionActivatedOnAnotherReplicaIsServedHereWithinFiveSeconds() {
        String other = activateElsewhere(newZealandPoints(7), "api", "replica-b");

        awaitStatus("serving " + other, s -> other.equals(s.getString("version")) && s.getBoolean("inSync"));

        given().get("/rules/status").then()
                .body("databaseVersion", equalTo(other)).body("source", equalTo("api"))
                .body("ruleCount", equalTo(40)).body("outOfSyncSince", nullValue())
                .body("databaseCheckedAt", notNullValue());
        given().contentType(ContentType.JSON).body(Fixtures.text("sync/nz-lead.json", Map.of())).post("/score")
                .then().statusCode(200).body("ruleset.version", equalTo(other))
                .body("hits.find { it.rule == 'Country: New Zealand' }.points", equalTo(7));
        given().get("/rules/versions").then().statusCode(200)
                .body("find { it.version == '" + other + "' }.active", equalTo(true))
                .body("find { it.version == '" + other + "' }.activatedBy", equalTo("replica-b"))
                .body("find { it.version == '" + KEPT + "' }.active", equalTo(false));
        given().get("/q/health/ready").then().statusCode(200);
        // The replica that activated it rescores stored leads; this one only follows.
        assertThat(events.followedVersions()).contains(other);
        assertThat(events.activatedVersions()).doesNotContain(other);
    }

    @Test
    void aVersionStoredByAnotherReplicaIsActivatedHereByItsName() {
        String other = activateElsewhere(newZealandPoints(9), "folder", null);
        activateElsewhere(RulesetSyncProfile.KEPT_VERSION, "rollback", "replica-b");
        awaitStatus("serving " + KEPT + " again", s -> KEPT.equals(s.getString("version")) && s.getBoolean("inSync"));
        given().get("/rules/versions").then().statusCode(200).body("version", hasItems(other, KEPT));

        given().post("/rules/versions/" + other + "/activate").then().statusCode(200)
                .body("version", equalTo(other)).body("previousVersion", equalTo(KEPT))
                .body("changed", equalTo(true)).body("source", equalTo("rollback"));

        assertThat(repository.activeVersion()).contains(other);
        given().get("/rules/status").then().body("version", equalTo(other)).body("inSync", equalTo(true))
                .body("source", equalTo("rollback")).body("databaseVersion", equalTo(other));
        given().get("/rules/versions").then()
                .body("find { it.version == '" + other + "' }.activations.activatedBy", hasItem("admin"));
        assertThat(events.activatedVersions()).contains(other);
    }

    @Test
    void aVersionThatDoesNotCompileHereKeepsTheOldOneServingStoresNothingAndIsNotReady() {
        // Replica B runs the open policy: a DRL function builds there, not under this replica's strict policy.
        List<RuleFile> files = new ArrayList<>(RulesetCompiler.readFolder(TempRulesFolder.REPO_RULES));
        files.add(0, new RuleFile("company-size.drl", Fixtures.text("drl/policy/open/fit.drl", Map.of())));
        String open = activateElsewhere(files, "api", "replica-b");

        awaitStatus("the failure to load " + open, s -> s.get("syncFailure") != null);
        given().get("/rules/status").then()
                .body("version", equalTo(KEPT)).body("databaseVersion", equalTo(open))
                .body("inSync", equalTo(false)).body("outOfSyncSince", notNullValue())
                .body("syncFailure.version", equalTo(open)).body("syncFailure.source", equalTo("sync"))
                .body("syncFailure.errors[0].file", equalTo("company-size.drl"))
                .body("syncFailure.errors[0].message", containsString("perThousandEmployees"));
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'rules' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'rules' }.data.inSync", equalTo(false))
                .body("checks.find { it.name == 'rules' }.data.notReady", containsString(open));
        // Scoring answers on the rules it has; storing a decision under them is refused, retryably.
        given().contentType(ContentType.JSON).body(Fixtures.text("sync/nz-lead.json", Map.of())).post("/score")
                .then().statusCode(200).body("ruleset.version", equalTo(KEPT));
        String lead = Fixtures.uniqueLead("out-of-sync");
        String track = Fixtures.segment("track.json", Map.of("lead", lead, "msg", lead + "-1",
                "event", "Pricing Page Viewed", "ts", "2026-11-20T10:00:00Z"));
        client().body(track).post("/v1/track").then().statusCode(503).header("Retry-After", "5")
                .contentType("application/problem+json").body("type", equalTo("/problems/ruleset-switching"))
                .body("detail", containsString(open));
        given().get("/leads/{id}", lead).then().statusCode(404);

        activateElsewhere(RulesetSyncProfile.KEPT_VERSION, "rollback", "replica-b");
        awaitStatus("serving " + KEPT, s -> s.getBoolean("inSync"));
        given().get("/rules/status").then().body("syncFailure", nullValue());
        given().get("/q/health/ready").then().statusCode(200);
        client().body(track).post("/v1/track").then().statusCode(200);
        given().get("/leads/{id}/history", lead).then().statusCode(200).body("[0].rulesetVersion", equalTo(KEPT));
    }

    /** What another replica's reload or rollback writes: the version (if new), an activation, the active pointer. */
    private String activateElsewhere(List<RuleFile> files, String source, String by) {
        String version = RulesetCompiler.version(files);
        List<ScenarioFile> scenarios = ScenarioRunner.readFolder(TempRulesFolder.REPO_RULES);
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            repository.saveVersion(new RulesetVersionRow(version, RulesetCompiler.contentHash(files), ruleCount(files),
                    files.stream().map(f -> new RulesetVersionRow.StoredFile(f.path(), f.content())).toList(),
                    scenarios.stream().map(f -> new RulesetVersionRow.StoredFile(f.path(), f.content())).toList(),
                    now, by));
            repository.lockActive();
            repository.setActive(repository.insertActivation(new RulesetActivationRow(0, version, now, source,
                    "rules folder rules", by, null, List.of(), 0)));
        });
        return version;
    }

    /** A version folder as replicas kept them before the database: the DRL files and the repository's scenarios. */
    private static void writeVersion(Path rulesets, List<RuleFile> files) throws IOException {
        Path dir = rulesets.resolve(RulesetCompiler.version(files));
        TempRulesFolder.copyRepoRules(dir);
        for (RuleFile f : files) {
            Files.writeString(dir.resolve(f.path()), f.content());
        }
    }

    /** The kept version with its New Zealand rule worth {@code points}. */
    private static List<RuleFile> newZealandPoints(int points) {
        return RulesetSyncProfile.KEPT_VERSION.stream().map(f -> f.path().equals("extra.drl")
                ? new RuleFile(f.path(), f.content().replace("@points(4)", "@points(" + points + ")")) : f).toList();
    }

    /** As the replica that stored the version counted them: DRL rules and point-table rows alike. */
    private static int ruleCount(List<RuleFile> files) {
        io.leadrules.rules.Ruleset compiled = io.leadrules.TestRulesets.compileTrusted(files);
        try {
            return compiled.catalog().rules().size();
        } finally {
            compiled.release();
        }
    }

    /** Polls {@code GET /rules/status} until it shows {@code what}, for at most {@link #SWITCH}. */
    private static void awaitStatus(String what, Predicate<JsonPath> shows) {
        Instant deadline = Instant.now().plus(SWITCH);
        JsonPath status = status();
        while (!shows.test(status)) {
            assertThat(Instant.now()).as("waiting for %s; /rules/status: %s", what, status.prettify()).isBefore(deadline);
            sleep();
            status = status();
        }
    }

    private static JsonPath status() {
        return given().get("/rules/status").then().statusCode(200).extract().jsonPath();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
