package io.leadrules.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.leadrules.api.Fixtures.request;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestProfile(LoopingRulesetTest.LoopingRules.class)
class LoopingRulesetTest {

    /** The service started on a ruleset with a rule that re-triggers itself. */
    public static class LoopingRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("leadrules.rules.dir", "src/test/resources/drl/looping",
                    "leadrules.engine.max-fires", "200");
        }
    }

    @Test
    void aLoopingRuleGetsAClearErrorNamingItAndTheServiceKeepsScoring() {
        given().contentType(ContentType.JSON).body(request("looping-lead.json"))
                .when().post("/score")
                .then().statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("Counts visits forever"))
                .body("detail", containsString("fire limit (200"));

        given().contentType(ContentType.JSON).body(request("plain-lead.json"))
                .when().post("/score")
                .then().statusCode(200).body("score", equalTo(5));
    }
}
