package io.leadrules.store;

import java.time.Instant;
import java.util.Map;

/** A stored lead profile: its merged identify traits and the MQL state of its latest decision. */
public record LeadRow(String leadId, Map<String, Object> traits, boolean mql, String rulesetVersion,
                      Instant createdAt, Instant updatedAt) {
}
