package io.leadrules.profile;

import io.leadrules.model.Lead;
import io.leadrules.model.ScoreCard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /leads/{id}}: the profile (raw traits and the fields rules see), the events in the order they
 * happened, the score as of now, and how the deal ended if an outcome was recorded.
 *
 * @param mql whether the lead is an MQL per its latest decision (the live score may since have decayed)
 * @param outcome the lead's current outcome ({@code POST /outcomes}); null when none is recorded
 */
public record LeadView(String id, Instant createdAt, Instant updatedAt, Map<String, Object> traits, Lead profile,
                       boolean mql, List<EventView> events, ScoreCard score, OutcomeView outcome) {

    /**
     * @param outcome    {@code won} or {@code lost}
     * @param closedAt   when the deal closed
     * @param recordedAt when Leadrules was told (a later record replaces this one)
     */
    public record OutcomeView(String outcome, Instant closedAt, Instant recordedAt) {
    }

    /** One stored message: its Segment call, the event type rules see (null if not scored), its time. */
    public record EventView(String messageId, String kind, String eventType, Instant timestamp, Instant receivedAt,
                            Map<String, Object> properties) {
    }
}
