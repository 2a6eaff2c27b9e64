package io.leadrules.rules;

/**
 * One thing wrong with a ruleset, located for the person who must fix it. Line and column are 1-based;
 * 0 when Drools could not say.
 */
public record DrlProblem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
