package io.leadrules.rules;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A ruleset was not activated: it does not compile or validate, or one of its scenarios fails. The ruleset
 * that was active stays active.
 */
public class RulesetRejectedException extends RuntimeException {

    private final List<DrlProblem> errors;
    private final List<ScenarioResult> failedScenarios;

    public RulesetRejectedException(String what, List<DrlProblem> errors, List<ScenarioResult> failedScenarios) {
        super(what + " was not activated: " + Stream.concat(errors.stream().map(DrlProblem::toString),
                failedScenarios.stream().map(s -> "scenario " + s)).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
        this.failedScenarios = List.copyOf(failedScenarios);
    }

    public List<DrlProblem> errors() {
        return errors;
    }

    public List<ScenarioResult> failedScenarios() {
        return failedScenarios;
    }
}
