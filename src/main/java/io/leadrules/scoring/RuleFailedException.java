package io.leadrules.scoring;

/**
 * A rule broke while scoring (it looped past the fire limit, or its consequence threw). Names the rule so the
 * marketer who wrote it can fix it; the service and other leads are unaffected.
 */
public class RuleFailedException extends RuntimeException {

    private final String rule;
    private final String rulesetVersion;

    public RuleFailedException(String rule, String rulesetVersion, String message, Throwable cause) {
        super(message, cause);
        this.rule = rule;
        this.rulesetVersion = rulesetVersion;
    }

    public String rule() {
        return rule;
    }

    public String rulesetVersion() {
        return rulesetVersion;
    }
}
