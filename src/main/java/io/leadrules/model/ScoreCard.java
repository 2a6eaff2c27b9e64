package io.leadrules.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An explained score: every hit with its points and reason; the hits add up exactly to {@code score}.
 */
public record ScoreCard(String leadId, BigDecimal score, Breakdown breakdown, boolean mql, BigDecimal threshold,
                        RulesetRef ruleset, Instant asOf, List<RuleHit> hits) {

    /** Which ruleset produced the score. */
    public record RulesetRef(String version, Instant loadedAt) {
    }
}
