package io.leadrules.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A ruleset that does not compile or validate; carries every problem found, not just the first. */
public class RulesetInvalidException extends RuntimeException {

    private final List<DrlProblem> problems;

    public RulesetInvalidException(List<DrlProblem> problems) {
        super("The ruleset has " + problems.size() + " error(s):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<DrlProblem> problems() {
        return problems;
    }
}
