package io.leadrules.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One Segment call, validated and normalised.
 *
 * @param kind       identify, track, page, screen, group or alias
 * @param leadId     {@code userId}, else {@code anonymousId}
 * @param personIds  every id of a person the message names: {@code userId}, {@code anonymousId} and an alias'
 *                   {@code previousId}; a message naming an erased lead by any of them is dropped
 * @param eventType  what the rules see ("Pricing Page Viewed"); null for identify, group and alias
 * @param timestamp  when it happened: the message's own time, so late events land in their place
 * @param properties track/page/screen properties, identify/group traits, alias {@code previousId}
 * @param payload    the message as received (JSON), for audit
 */
public record SegmentMessage(String kind, String leadId, List<String> personIds, String messageId, String eventType,
                             Instant timestamp, Map<String, Object> properties, String payload) {

    public boolean isIdentify() {
        return "identify".equals(kind);
    }
}
