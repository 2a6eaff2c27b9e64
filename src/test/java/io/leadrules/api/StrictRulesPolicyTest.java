package io.leadrules.api;

import io.leadrules.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.leadrules.support.Segment.ADMIN;
import static io.leadrules.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Candidate rulesets sent over HTTP are compiled under the strict rules policy: a payload is reported like any
 * compile error (file, line, column, what) and never runs.
 */
@QuarkusTest
class StrictRulesPolicyTest {

    private static final String PROPERTY = "leadrules.escaped";
    /** The policy's error among the others (the catalog also finds that those @points are not a number). */
    private static final String REFUSAL = "errors.find { it.message.contains('value of @points must be a number') }";

    @AfterEach
    void forgetTheProperty() {
        System.clearProperty(PROPERTY);
    }

    @Test
    void validateReportsAnExecPayloadWithItsFileLineAndColumnAndRunsNothing() throws IOException {
        Path marker = Files.createTempDirectory("escape").resolve("validate.marker");
        String drl = Fixtures.text("drl/escapes/consequence-runtime-exec.drl", Map.of("marker", marker.toString()));

        // Validation answers a bad ruleset with 200 and "valid": false (README "Validate a change").
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("files", Map.of("escape.drl", drl), "scenarios", List.of()))
                .post("/rules/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors[0].file", equalTo("escape.drl"))
                .body("errors[0].line", equalTo(13))
                .body("errors[0].column", equalTo(5))
                .body("errors[0].message", containsString("\"Runtime\" is not allowed"));
        assertThat(marker).doesNotExist();
    }

    @Test
    void previewAndBacktestAnswer422WithFileLineAndColumnAndRunNothing() {
        // This payload would run while Drools builds the candidate, before any lead is scored.
        String drl = Fixtures.text("drl/escapes/annotation-evaluated-at-build.drl", Map.of("marker", "http"));

        given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("files", Map.of("escape.drl", drl)))
                .post("/rules/preview").then().statusCode(422).contentType("application/problem+json")
                .body(REFUSAL + ".file", equalTo("escape.drl"))
                .body(REFUSAL + ".line", equalTo(9))
                .body(REFUSAL + ".column", equalTo(22));
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("rules", Map.of("escape.drl", drl),
                        "leads", List.of(Map.of("lead", Map.of("id", "a"), "won", true))))
                .post("/calibration/backtest").then().statusCode(422).contentType("application/problem+json")
                .body(REFUSAL + ".file", equalTo("escape.drl"))
                .body(REFUSAL + ".line", equalTo(9));
        assertThat(System.getProperty(PROPERTY)).isNull();
    }
}
