package io.leadrules.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One stored score decision: the score at {@code decidedAt}, how it splits, every hit, and what caused it.
 *
 * @param causeType        "event" (new events), or "ruleset" when only the ruleset changed
 * @param previousRuleset  the ruleset of the lead's previous decision when it differs from this one, else null
 */
public record DecisionRow(long id, String leadId, Instant decidedAt, BigDecimal score, boolean mql,
                          String rulesetVersion, String causeType, String causeEventId, String causeEventType,
                          String previousRuleset, JsonNode breakdown, JsonNode hits) {
}
