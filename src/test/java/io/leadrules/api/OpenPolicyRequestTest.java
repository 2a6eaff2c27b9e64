package io.leadrules.api;

import io.leadrules.support.Api;
import io.leadrules.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.leadrules.support.Segment.ADMIN;
import static io.leadrules.support.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

/** With {@code leadrules.rules.policy=open} the folder is trusted, but DRL sent in a request body is still strict. */
@QuarkusTest
@TestProfile(OpenPolicyRequestTest.OpenPolicy.class)
class OpenPolicyRequestTest {

    public static class OpenPolicy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("leadrules.rules.policy", "open");
        }
    }

    @Test
    void aFunctionSentForValidationIsRefusedEvenWhenTheFolderPolicyIsOpenUnlessTheCallerIsAdmin() {
        String drl = Fixtures.text("drl/policy/open/fit.drl", Map.of());

        Api.as(Api.ANALYST_KEY).contentType("application/json")
                .body(Map.of("files", Map.of("fit.drl", drl), "scenarios", List.of()))
                .post("/rules/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors[0].file", equalTo("fit.drl"))
                .body("errors[0].line", equalTo(8))
                .body("errors[0].column", equalTo(1))
                .body("errors[0].message", containsString("function \"perThousandEmployees\" is not allowed"));
        // An admin is trusted as the folder is: the same file is held to the open policy.
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("files", Map.of("fit.drl", drl), "scenarios", List.of()))
                .post("/rules/validate").then().statusCode(200)
                .body("errors.message", everyItem(not(containsString("is not allowed"))));
        // The folder itself (the shipped rules) loaded under the open policy, and validates as it is.
        given().header("Authorization", ADMIN).post("/rules/validate").then().statusCode(200).body("valid", equalTo(true));
    }
}
