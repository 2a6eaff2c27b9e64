package io.leadrules.profile;

/**
 * Why a lead was rescored: the event that arrived (each new event of a batch is a decision of its own).
 *
 * @param type "event" for new events, "decay" when the periodic MQL re-check found the verdict changed with time
 *             alone, "ruleset" when a newly activated ruleset rescored the lead with no new event
 */
public record DecisionCause(String type, String eventId, String eventType) {

    public static final String RULESET = "ruleset";

    public static DecisionCause event(String messageId, String eventType) {
        return new DecisionCause("event", messageId, eventType);
    }

    /** No new event: the signals aged past the MQL line (found by {@link MqlRecheck}). */
    public static DecisionCause decay() {
        return new DecisionCause("decay", null, null);
    }

    /**
     * No new event: another ruleset went live ({@link RulesetRescore}). The decision's previous and new version
     * are stored with it, as for any decision on a version other than the lead's last.
     */
    public static DecisionCause rulesetChange() {
        return new DecisionCause(RULESET, null, null);
    }
}
