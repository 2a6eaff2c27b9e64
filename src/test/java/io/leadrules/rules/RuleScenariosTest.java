package io.leadrules.rules;

import io.leadrules.scoring.ScoringEngine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The marketers' scenario tests ({@code rules/tests/*.yaml}) as JUnit tests: one test per scenario, named after it,
 * run through the real scorer against the rules in {@code rules/}. {@code ./mvnw test -Dtest=RuleScenariosTest}
 * runs only these.
 */
@QuarkusTest
class RuleScenariosTest {

    private static final Path RULES = Path.of("rules");

    @Inject
    ActiveRuleset active;

    @Inject
    ScoringEngine engine;

    private final List<Ruleset> compiled = new ArrayList<>();

    @AfterEach
    void release() {
        compiled.forEach(Ruleset::release);
        compiled.clear();
    }

    @TestFactory
    Stream<DynamicTest> scenario() {
        Ruleset ruleset = compileRulesFolder();
        ScenarioRunner runner = new ScenarioRunner(engine);
        List<DrlProblem> problems = new ArrayList<>();
        List<Scenario> scenarios = ScenarioRunner.parse(ScenarioRunner.readFolder(RULES), problems);
        Stream<DynamicTest> unreadable = problems.stream()
                .map(p -> DynamicTest.dynamicTest(p.file(), () -> fail("Cannot read the scenario: " + p)));
        Stream<DynamicTest> runs = scenarios.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            ScenarioResult result = runner.run(ruleset, s);
            assertThat(result.failures()).as("scenario %s (%s)", s.name(), s.file()).isEmpty();
        }));
        return Stream.concat(unreadable, runs);
    }

    @Test
    void scenariosFireEveryRuleOfTheRulesFolder() {
        Ruleset ruleset = compileRulesFolder();
        List<DrlProblem> problems = new ArrayList<>();
        List<Scenario> scenarios = ScenarioRunner.parse(ScenarioRunner.readFolder(RULES), problems);
        Set<String> fired = new ScenarioRunner(engine).run(ruleset, scenarios).stream()
                .flatMap(r -> r.fired().stream()).collect(Collectors.toSet());
        Set<String> neverFired = ruleset.catalog().rules().stream().map(RuleInfo::name)
                .filter(name -> !fired.contains(name)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(problems).isEmpty();
        assertThat(neverFired).as("rules that no scenario in rules/tests makes fire").isEmpty();
    }

    private Ruleset compileRulesFolder() {
        Ruleset ruleset = active.compiler().compile(RulesetCompiler.readFolder(RULES), "rules/ (scenario suite)");
        compiled.add(ruleset);
        return ruleset;
    }
}
