package io.leadrules.profile;

/**
 * Why a lead was rescored: the event that arrived (each new event of a batch is a decision of its own).
 *
 * @param type "event" for new events, "decay" when the periodic MQL re-check found the verdict changed with time alone
 */
public record DecisionCause(String type, String eventId, String eventType) {

    public static DecisionCause event(String messageId, String eventType) {
        return new DecisionCause("event", messageId, eventType);
    }

    /** No new event: the signals aged past the MQL line (found by {@link MqlRecheck}). */
    public static DecisionCause decay() {
        return new DecisionCause("decay", null, null);
    }
}
