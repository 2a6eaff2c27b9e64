package io.leadrules.api;

import io.leadrules.rules.DrlProblem;
import io.leadrules.rules.RulesetCheck;
import io.leadrules.rules.ScenarioResult;

import java.util.List;

/** Answer of {@code POST /rules/validate}: a bad ruleset is a normal answer here ({@code valid: false}). */
public record ValidationReport(boolean valid, String version, List<DrlProblem> errors, List<ScenarioResult> scenarios) {

    static ValidationReport of(RulesetCheck check) {
        return new ValidationReport(check.valid(), check.version(), check.errors(), check.scenarios());
    }
}
