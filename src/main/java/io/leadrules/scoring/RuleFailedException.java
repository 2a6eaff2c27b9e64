package io.leadrules.scoring;

/**
 * A rule broke while scoring (it looped past the fire limit, or its consequence threw). Names the rule so the
 * marketer who wrote it can fix it; the service and other leads are unaffected.
 */
public class RuleFailedException extends RuntimeException {

    private final String rule;
    private final String rulesetVersion;
    private final String leadId;

    public RuleFailedException(String rule, String rulesetVersion, String message, Throwable cause) {
        this(rule, rulesetVersion, null, message, cause);
    }

    protected RuleFailedException(String rule, String rulesetVersion, String leadId, String message, Throwable cause) {
        super(message, cause);
        this.rule = rule;
        this.rulesetVersion = rulesetVersion;
        this.leadId = leadId;
    }

    /**
     * The same failure naming the lead it happened on: among thousands of leads (a preview, a backtest) "this lead"
     * must say which.
     */
    public RuleFailedException forLead(String id) {
        return new RuleFailedException(rule, rulesetVersion, id, getMessage() + " (lead \"" + id + "\")", getCause());
    }

    /** The lead being scored, or null where it was not known. */
    public String leadId() {
        return leadId;
    }

    public String rule() {
        return rule;
    }

    public String rulesetVersion() {
        return rulesetVersion;
    }
}
