package io.leadrules.api;

import io.leadrules.rules.RuleFile;
import io.leadrules.rules.RulesetCompiler;
import io.leadrules.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.leadrules.support.Segment.ADMIN;
import static io.leadrules.support.Segment.client;
import static io.leadrules.support.Api.anonymous;
import static io.leadrules.support.Api.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * {@code POST /rules/preview}: the live rules plus a candidate rule giving +30 to an industry only this test's
 * leads have. Three strong-fit leads there (50 points live) enter MQL; a weak one (30) moves up without entering.
 */
@QuarkusTest
@Tag("db")
class RulesPreviewTest {

    static String lead(String title, String industry) {
        String lead = Fixtures.uniqueLead("preview");
        client().body(Fixtures.segment("identify-company.json", Map.of("lead", lead, "msg", lead + "-id",
                "ts", Instant.now().minusSeconds(60).toString(), "title", title, "industry", industry)))
                .post("/v1/identify").then().statusCode(200);
        return lead;
    }

    static List<Map<String, String>> liveFilesPlus(String path, String content) {
        List<Map<String, String>> files = new ArrayList<>();
        for (RuleFile f : RulesetCompiler.readFolder(Path.of("rules"))) {
            files.add(Map.of("path", f.path(), "content", f.content()));
        }
        files.add(Map.of("path", path, "content", content));
        return files;
    }

    @Test
    void leadsOfANewlyRewardedIndustryEnterMqlAndTheNewRuleShowsItsHits() {
        String industry = "Vertical " + UUID.randomUUID();
        String a = lead("Director of E-commerce", industry);
        String b = lead("Director of E-commerce", industry);
        String c = lead("Director of E-commerce", industry);
        String weak = lead("Office Manager", industry);
        given().get("/leads/{id}", a).then().body("score.score", equalTo(50));
        given().get("/leads/{id}", weak).then().body("score.score", equalTo(30));

        String drl = Fixtures.text("preview/industry-bonus.drl", Map.of("industry", industry));
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("files", liveFilesPlus("new-vertical.drl", drl)))
                .post("/rules/preview").then().statusCode(200)
                .body("leads", greaterThanOrEqualTo(4))
                .body("enterMql.count", equalTo(3))
                .body("enterMql.sample", containsInAnyOrder(a, b, c))
                .body("leaveMql.count", equalTo(0))
                .body("scoreShift.up", equalTo(4))
                .body("scoreShift.down", equalTo(0))
                .body("scoreShift.max", equalTo(30))
                .body("scoreShift.histogram.find { it.from == 30 }.leads", equalTo(4))
                .body("ruleChanges.find { it.rule == 'Industry: new vertical' }.status", equalTo("added"))
                .body("ruleChanges.find { it.rule == 'Industry: new vertical' }.firedLive", equalTo(0))
                .body("ruleChanges.find { it.rule == 'Industry: new vertical' }.firedCandidate", equalTo(4))
                .body("ruleChanges.find { it.rule == 'Industry: new vertical' }.difference", equalTo(4))
                .body("ruleChanges.findAll { it.rule != 'Industry: new vertical' }.status", everyItem(equalTo("unchanged")))
                .body("ruleChanges.findAll { it.rule != 'Industry: new vertical' }.difference", everyItem(equalTo(0)));

        // nothing was activated: the live score is unchanged
        given().get("/leads/{id}", a).then().body("score.score", equalTo(50)).body("mql", equalTo(false));
    }

    @Test
    void aCandidateThatDoesNotCompileIs422WithFileAndLine() {
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("files", liveFilesPlus("broken.drl", Fixtures.text("preview/broken.drl", Map.of()))))
                .post("/rules/preview").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-rules"))
                .body("errors.file", hasItems("broken.drl"))
                .body("errors.find { it.file == 'broken.drl' }.line", equalTo(10));
    }

    @Test
    void needsTheAdminKey() {
        anonymous().contentType("application/json").body(Map.of("files", liveFilesPlus("x.drl", "package leadrules;")))
                .post("/rules/preview").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer wrong").contentType("application/json").body("{}")
                .post("/rules/preview").then().statusCode(401);
    }
}
