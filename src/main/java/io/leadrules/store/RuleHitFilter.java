package io.leadrules.store;

import java.time.Instant;

/**
 * Which decisions a rule-hit report counts: per lead, its latest decision with {@code from <= decidedAt < to},
 * of ruleset {@code version}, for leads whose field {@code segmentField} equals {@code segmentValue}. Null parts
 * do not filter.
 */
public record RuleHitFilter(Instant from, Instant to, String version, String segmentField, String segmentValue) {
}
