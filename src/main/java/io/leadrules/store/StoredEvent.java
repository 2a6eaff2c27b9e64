package io.leadrules.store;

import java.time.Instant;
import java.util.Map;

/**
 * One accepted Segment message as stored.
 *
 * @param kind       the Segment call: identify, track, page, screen, group, alias
 * @param eventType  the event type rules see ("Pricing Page Viewed"), null for calls that are not behaviour
 * @param occurredAt when it happened (the message's own timestamp), which places it on the lead's timeline
 * @param properties track/page properties, or the traits of an identify/group call
 * @param payload    the message as received (JSON text), kept for audit
 */
public record StoredEvent(String messageId, String leadId, String kind, String eventType, Instant occurredAt,
                          Instant receivedAt, Map<String, Object> properties, String payload) {

    public boolean scored() {
        return eventType != null;
    }
}
