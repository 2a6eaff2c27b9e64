package io.leadrules.batch;

import io.leadrules.model.Breakdown;
import io.leadrules.model.RuleHit;
import io.leadrules.model.ScoreCard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A score card without its hits ({@code detail=summary}): the figures and verdict, and the rules that weighed most,
 * which is what a CRM import needs per lead.
 *
 * @param topRules the rules with the most points either way, most first (at most {@link #TOP})
 */
public record CardSummary(String leadId, BigDecimal score, Breakdown breakdown, boolean mql, BigDecimal threshold,
                          List<String> disqualifiedBy, List<String> notMqlBecause, ScoreCard.RulesetRef ruleset,
                          Instant asOf, List<String> topRules) {

    static final int TOP = 3;

    public static CardSummary of(ScoreCard card) {
        return new CardSummary(card.leadId(), card.score(), card.breakdown(), card.mql(), card.threshold(),
                card.disqualifiedBy(), card.notMqlBecause(), card.ruleset(), card.asOf(), topRules(card));
    }

    static List<String> topRules(ScoreCard card) {
        return card.hits().stream().filter(h -> h.points().signum() != 0)
                .sorted(Comparator.comparing((RuleHit h) -> h.points().abs()).reversed())
                .map(RuleHit::rule).distinct().limit(TOP).toList();
    }
}
