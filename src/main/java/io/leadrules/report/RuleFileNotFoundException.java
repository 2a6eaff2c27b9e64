package io.leadrules.report;

/** A rule file was asked for that the active ruleset does not have. */
public class RuleFileNotFoundException extends RuntimeException {

    public RuleFileNotFoundException(String message) {
        super(message);
    }
}
