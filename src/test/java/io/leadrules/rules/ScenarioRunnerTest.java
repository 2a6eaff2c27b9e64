package io.leadrules.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading scenario files: mistakes are reported with their position, conveniences expand as documented. */
class ScenarioRunnerTest {

    @Test
    void unknownFieldIsAnErrorWithItsLineAndColumn() throws IOException {
        List<DrlProblem> problems = new ArrayList<>();
        List<Scenario> scenarios = ScenarioRunner.parse(List.of(file("typo.yaml")), problems);

        assertThat(scenarios).isEmpty();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("tests/typo.yaml");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isGreaterThan(0);
            assertThat(p.message()).contains("Unknown field \"jobTitel\"");
        });
    }

    @Test
    void missingAsOfIsAnErrorAndTheFileNameNamesTheScenario() throws IOException {
        List<DrlProblem> problems = new ArrayList<>();
        ScenarioRunner.parse(List.of(file("no-as-of.yaml")), problems);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("tests/no-as-of.yaml");
            assertThat(p.message()).contains("Scenario \"no-as-of\" needs asOf");
        });
    }

    @Test
    void daysAgoAndCountExpandIntoEvents() throws IOException {
        List<DrlProblem> problems = new ArrayList<>();
        Scenario scenario = ScenarioRunner.parse(List.of(file("repeated-events.yaml")), problems).get(0);

        assertThat(problems).isEmpty();
        assertThat(scenario.name()).isEqualTo("repeated-events");
        assertThat(scenario.toEvents()).hasSize(4)
                .extracting(e -> e.getType() + "@" + e.getTimestamp())
                .containsExactly("Email Opened@2026-10-30T00:00:00Z", "Email Opened@2026-10-30T00:00:00Z",
                        "Email Opened@2026-10-30T00:00:00Z", "Demo Requested@" + Instant.parse("2026-10-01T12:00:00Z"));
    }

    @Test
    void leadFieldsTakeTheSameAliasesAsTheScoreApi() throws IOException {
        List<DrlProblem> problems = new ArrayList<>();
        List<Scenario> scenarios = ScenarioRunner.parse(List.of(file("crm-field-names.yaml")), problems);

        assertThat(problems).isEmpty();
        Scenario scenario = scenarios.get(0);
        assertThat(scenario.lead().getJobTitle()).isEqualTo("Head of Growth");
        assertThat(scenario.lead().getEmployees()).isEqualTo(120);
        assertThat(scenario.lead().getGmv()).isEqualByComparingTo("8000000");
        assertThat(scenario.lead().getRegion()).isEqualTo("CA");
    }

    @Test
    void aWrongValueIsNamedByItsPathInTheFileNotByAJavaType() {
        List<DrlProblem> problems = new ArrayList<>();
        ScenarioRunner.parse(List.of(new ScenarioFile("tests/bad.yaml",
                "lead: {id: x}\nasOf: 2026-11-01T00:00:00Z\nexpect:\n  score: lots\n")), problems);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).isEqualTo("Invalid value \"lots\" at \"expect.score\": expected a number");
        });
    }

    @Test
    void readsOnlyScenarioFilesUnderTests() {
        assertThat(ScenarioRunner.readFolder(Path.of("rules"))).isNotEmpty()
                .allSatisfy(f -> assertThat(f.path()).startsWith("tests/").endsWith(".yaml"));
    }

    private static ScenarioFile file(String name) throws IOException {
        return new ScenarioFile("tests/" + name, Files.readString(Path.of("src/test/resources/scenarios", name)));
    }
}
