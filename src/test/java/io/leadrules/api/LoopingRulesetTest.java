package io.leadrules.api;

import io.leadrules.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.leadrules.api.Fixtures.request;
import static io.leadrules.support.Segment.client;
import static io.leadrules.support.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@TestProfile(LoopingRulesetTest.LoopingRules.class)
class LoopingRulesetTest {

    /** The service started on a ruleset with a rule that re-triggers itself (a modify: trusted, open policy). */
    public static class LoopingRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("leadrules.rules.dir", "src/test/resources/drl/looping",
                    "leadrules.rules.policy", "open",
                    "leadrules.engine.max-fires", "200");
        }
    }

    @Test
    void aLoopingRuleGetsAClearErrorNamingItAndTheServiceKeepsScoring() {
        given().contentType(ContentType.JSON).body(request("looping-lead.json"))
                .when().post("/score")
                .then().statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("Counts visits forever"))
                .body("leadId", equalTo("lead-loop"))
                .body("detail", containsString("fire limit (200"));

        given().contentType(ContentType.JSON).body(request("plain-lead.json"))
                .when().post("/score")
                .then().statusCode(200).body("score", equalTo(5));
    }

    @Test
    void aRuleFailingForOneLeadLosesNoIngestedEventOfAnyLead() {
        String plain = Fixtures.uniqueLead("plain");
        String looping = Fixtures.uniqueLead("looping");
        String batch = """
                {"batch":[
                  {"type":"track","userId":"%s","messageId":"%s-1","event":"Email Opened","timestamp":"2026-11-20T00:00:00Z"},
                  {"type":"identify","userId":"%s","messageId":"%s-1","traits":{"industry":"Loop"},"timestamp":"2026-11-20T00:00:00Z"},
                  {"type":"track","userId":"%s","messageId":"%s-2","event":"Email Opened","timestamp":"2026-11-21T00:00:00Z"}]}"""
                .formatted(plain, plain, looping, looping, looping, looping);

        client().body(batch).post("/v1/batch").then().statusCode(200).body("success", equalTo(true));

        given().get("/leads/{id}", plain).then().statusCode(200).body("events", hasSize(1)).body("score.score", equalTo(5));
        given().get("/leads/{id}/history", plain).then().statusCode(200).body("", hasSize(1));
        // The looping lead's events are stored; it has no decision, and reading its live score names the rule.
        given().get("/leads/{id}/history", looping).then().statusCode(200).body("", hasSize(0));
        given().get("/leads/{id}", looping).then().statusCode(422).body("rule", equalTo("Counts visits forever"));
        client().body(batch).post("/v1/batch").then().statusCode(200);   // a retry stores nothing twice
        given().get("/leads/{id}", plain).then().body("events", hasSize(1));
    }
}
