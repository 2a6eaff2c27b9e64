package io.leadrules.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An explained score: every hit with its points and reason; the hits add up exactly to {@code score}.
 *
 * @param disqualifiedBy the disqualify rules that fired: while any did, the lead is no MQL whatever its score
 * @param notMqlBecause  when {@code mql} is false, every condition that failed, in words (score under the threshold,
 *                       a minimum not met, a disqualifier); empty for an MQL
 * @param eligible       no disqualifier fired and every configured minimum is met: an MQL as soon as the score
 *                       reaches the line (the threshold, or lower for a lead already MQL with hysteresis)
 * @param scoreWithoutRule per rule that fired, the score the lead would have had without it (caps applied again);
 *                         stored with the decision for the rule-hit report's "decisive" count, not shown
 */
public record ScoreCard(String leadId, BigDecimal score, Breakdown breakdown, boolean mql, BigDecimal threshold,
                        List<String> disqualifiedBy, List<String> notMqlBecause, RulesetRef ruleset, Instant asOf,
                        List<RuleHit> hits, @JsonIgnore Map<String, BigDecimal> scoreWithoutRule,
                        @JsonIgnore boolean eligible) {

    public ScoreCard {
        disqualifiedBy = List.copyOf(disqualifiedBy);
        notMqlBecause = List.copyOf(notMqlBecause);
        scoreWithoutRule = Map.copyOf(scoreWithoutRule);
    }

    /**
     * The same card with another verdict, as the hand-off decides it with hysteresis (an MQL stays one a little below
     * the threshold): then nothing failed.
     */
    public ScoreCard withMql(boolean isMql) {
        if (isMql == mql) {
            return this;
        }
        return new ScoreCard(leadId, score, breakdown, isMql, threshold, disqualifiedBy,
                isMql ? List.of() : List.of("the score " + score.toPlainString() + " is under the MQL line"), ruleset,
                asOf, hits, scoreWithoutRule, eligible);
    }

    /** Which ruleset produced the score. */
    public record RulesetRef(String version, Instant loadedAt) {
    }
}
