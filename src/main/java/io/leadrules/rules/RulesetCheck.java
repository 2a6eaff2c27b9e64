package io.leadrules.rules;

import java.util.List;

/**
 * A candidate ruleset after compiling, validating and running its scenarios. {@code ruleset} is null when it did
 * not compile; the caller either activates it or releases it.
 */
public record RulesetCheck(Ruleset ruleset, String version, List<DrlProblem> errors, List<ScenarioResult> scenarios) {

    public boolean valid() {
        return errors.isEmpty() && scenarios.stream().allMatch(ScenarioResult::passed);
    }

    public List<ScenarioResult> failedScenarios() {
        return scenarios.stream().filter(s -> !s.passed()).toList();
    }

    /** Frees the compiled candidate; only for one that never became active. */
    void discard() {
        if (ruleset != null) {
            ruleset.release();
        }
    }
}
