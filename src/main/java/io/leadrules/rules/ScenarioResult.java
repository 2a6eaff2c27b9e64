package io.leadrules.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of one scenario against one ruleset: what the scorer said and every expectation that did not hold.
 *
 * @param score null when scoring itself failed (the failure says why)
 * @param fired the rules that fired, in firing order
 */
public record ScenarioResult(String name, String file, boolean passed, BigDecimal score, Boolean mql,
                             List<String> fired, List<String> failures) {

    @Override
    public String toString() {
        return name + (file == null ? "" : " (" + file + ")") + (passed ? ": passed" : ": " + String.join("; ", failures));
    }
}
