package io.leadrules.scoring;

/**
 * Work stopped because its {@link Deadline} passed. A kind of {@link RuleFailedException}: where one lead's
 * failing rules must not fail the rest (ingestion stores the events and rescores the lead later), a lead whose
 * rules take too long is handled the same way. {@code rule} is the rule that fired last when one score was stopped;
 * null when a many-lead call ran out of time between leads.
 */
public class DeadlineExceededException extends RuleFailedException {

    DeadlineExceededException(String rule, String message) {
        super(rule, null, null, message, null);
    }

    private DeadlineExceededException(String rule, String rulesetVersion, String leadId, String message) {
        super(rule, rulesetVersion, leadId, message, null);
    }

    /** The same stop, naming the ruleset it ran and the lead it ran on. */
    DeadlineExceededException on(String rulesetVersion, String leadId) {
        return new DeadlineExceededException(rule(), rulesetVersion, leadId, getMessage() + " (lead \"" + leadId + "\")");
    }

    @Override
    public RuleFailedException forLead(String id) {
        return leadId() != null ? this : on(rulesetVersion(), id);
    }
}
