package io.leadrules.profile;

/**
 * Why a lead was rescored: the event that arrived (for a batch, the last of the lead's new events).
 *
 * @param type "event" for new events
 */
public record DecisionCause(String type, String eventId, String eventType) {

    public static DecisionCause event(String messageId, String eventType) {
        return new DecisionCause("event", messageId, eventType);
    }
}
