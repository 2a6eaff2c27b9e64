package io.leadrules.scoring;

/**
 * Work stopped because its {@link Deadline} passed. A kind of {@link RuleFailedException}: where one lead's
 * failing rules must not fail the rest (ingestion stores the events and rescores the lead later), a lead whose
 * rules take too long is handled the same way. {@code rule} is the rule that fired last when a score was stopped,
 * and {@code leadId} its lead; both null when a many-lead call ran out of time between leads.
 */
public class DeadlineExceededException extends RuleFailedException {

    DeadlineExceededException(String rule, String rulesetVersion, String leadId, String message) {
        super(rule, rulesetVersion, leadId, message, null);
    }

    /** The message names the lead already when there is one. */
    @Override
    public RuleFailedException forLead(String id) {
        return this;
    }
}
