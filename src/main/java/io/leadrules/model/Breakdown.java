package io.leadrules.model;

import java.math.BigDecimal;
import java.util.List;

/** The score split by category; the six parts add up to the score. */
public record Breakdown(BigDecimal fit, BigDecimal intent, BigDecimal negative, BigDecimal disqualify,
                        BigDecimal decay, BigDecimal cap) {

    public static Breakdown of(List<RuleHit> hits) {
        return new Breakdown(sum(hits, Category.FIT), sum(hits, Category.INTENT), sum(hits, Category.NEGATIVE),
                sum(hits, Category.DISQUALIFY), sum(hits, Category.DECAY), sum(hits, Category.CAP));
    }

    public BigDecimal total() {
        return Points.normalize(fit.add(intent).add(negative).add(disqualify).add(decay).add(cap));
    }

    private static BigDecimal sum(List<RuleHit> hits, Category category) {
        BigDecimal total = BigDecimal.ZERO;
        for (RuleHit hit : hits) {
            if (hit.category().equals(category.label())) {
                total = total.add(hit.points());
            }
        }
        return Points.normalize(total);
    }
}
