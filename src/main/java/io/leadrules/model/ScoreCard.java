package io.leadrules.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An explained score: every hit with its points and reason; the hits add up exactly to {@code score}.
 *
 * @param scoreWithoutRule per rule that fired, the score the lead would have had without it (caps applied again);
 *                         stored with the decision for the rule-hit report's "decisive" count, not shown
 */
public record ScoreCard(String leadId, BigDecimal score, Breakdown breakdown, boolean mql, BigDecimal threshold,
                        RulesetRef ruleset, Instant asOf, List<RuleHit> hits,
                        @JsonIgnore Map<String, BigDecimal> scoreWithoutRule) {

    public ScoreCard {
        scoreWithoutRule = Map.copyOf(scoreWithoutRule);
    }

    /** Which ruleset produced the score. */
    public record RulesetRef(String version, Instant loadedAt) {
    }
}
