package io.leadrules.api;

import io.leadrules.profile.RulesetRescore;
import io.leadrules.support.Fixtures;
import io.leadrules.support.RulesetRescoreProfile;
import io.leadrules.support.TempRulesFolder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.leadrules.support.Segment.client;
import static io.leadrules.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A newly activated ruleset rescores stored leads in the background, with no new event: the history gains a
 * decision whose cause is the ruleset change, and a lead pushed over (or under) the MQL line is recorded then.
 */
@QuarkusTest
@TestProfile(RulesetRescoreProfile.class)
@Tag("db")
class RulesetRescoreTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @ConfigProperty(name = "leadrules.rules.dir")
    String rulesDir;

    @Inject
    RulesetRescore rescore;

    @AfterEach
    void restoreRules() {
        TempRulesFolder.copyRepoRules(Path.of(rulesDir));
        admin().post("/rules/reload").then().statusCode(200);
    }

    @Test
    void anActivatedRulesetRescoresStoredLeadsAndRecordsTheirMqlTransitions() {
        Instant since = Instant.now().minusSeconds(1);
        String leaving = lead("leaving", "churned-rescore-test", true);     // 65 + 25 = 90: MQL
        String entering = lead("entering", "enterprise-rescore-test", false); // 65: not MQL
        String original = given().get("/rules/status").then().extract().path("version");

        write("plan-rules.drl", RulesLifecycleTest.fixture("plan-rules.drl"));
        String changed = admin().post("/rules/reload").then().statusCode(200).body("changed", equalTo(true))
                .extract().path("version");

        JsonPath left = awaitHistory(leaving, 3);
        assertThat(left.getString("[2].cause.type")).isEqualTo("ruleset");
        assertThat(left.getString("[2].cause.eventId")).isNull();
        assertThat(left.getString("[2].cause.rulesetChange.from")).isEqualTo(original);
        assertThat(left.getString("[2].cause.rulesetChange.to")).isEqualTo(changed);
        assertThat(left.getString("[2].cause.detail")).contains("ruleset changed from " + original + " to " + changed);
        assertThat(left.getString("[2].rulesetVersion")).isEqualTo(changed);
        assertThat(left.getDouble("[2].breakdown.negative")).isEqualTo(-40);
        assertThat(left.getBoolean("[2].mql")).isFalse();
        JsonPath entered = awaitHistory(entering, 2);
        assertThat(entered.getString("[1].cause.type")).isEqualTo("ruleset");
        assertThat(entered.getBoolean("[1].mql")).isTrue();

        JsonPath transitions = given().queryParam("since", since.toString()).get("/mql/transitions").then()
                .statusCode(200).extract().jsonPath();
        assertThat(transitions.getList("findAll { it.leadId == '" + leaving + "' }.direction"))
                .containsExactly("entered", "left");
        assertThat(transitions.getLong("find { it.leadId == '" + leaving + "' && it.direction == 'left' }.decisionId"))
                .isEqualTo(left.getLong("[2].decisionId"));
        assertThat(transitions.getList("findAll { it.leadId == '" + entering + "' }.direction"))
                .containsExactly("entered");
        assertThat(transitions.getString("find { it.leadId == '" + entering + "' }.rulesetVersion")).isEqualTo(changed);

        assertThat(rescore.rescore(leaving)).as("a lead already on the active version is left alone").isFalse();
        assertThat(history(leaving).getList("")).hasSize(3);
    }

    /** A lead (ideal buyer, fit 65) on a plan, with a pricing-page view (+25) if {@code pricing}. */
    private static String lead(String prefix, String plan, boolean pricing) {
        String lead = Fixtures.uniqueLead(prefix);
        client().body(SegmentIngestTest.identify(lead, "Director of E-commerce", NOW.minus(Duration.ofHours(2)),
                lead + "-id").replace("\"growth\"", "\"" + plan + "\"")).post("/v1/identify").then().statusCode(200);
        if (pricing) {
            client().body(Fixtures.segment("page.json", Map.of("lead", lead, "msg", lead + "-p", "name", "Pricing",
                    "path", "/pricing", "ts", NOW.minus(Duration.ofHours(1)).toString())))
                    .post("/v1/page").then().statusCode(200);
        }
        return lead;
    }

    private static JsonPath history(String lead) {
        return given().get("/leads/{id}/history", lead).then().statusCode(200).extract().jsonPath();
    }

    /** The lead's history once it has {@code entries} decisions (the rescoring runs in the background). */
    private static JsonPath awaitHistory(String lead, int entries) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonPath history = history(lead);
        while (history.getList("").size() < entries && System.nanoTime() < deadline) {
            sleep();
            history = history(lead);
        }
        assertThat(history.getList("")).as("decisions of " + lead).hasSize(entries);
        return history;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void write(String name, String content) {
        try {
            Files.writeString(Path.of(rulesDir, name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().header("Authorization", "Bearer dev-admin-key");
    }
}
