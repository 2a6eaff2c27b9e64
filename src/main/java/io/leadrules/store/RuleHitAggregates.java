package io.leadrules.store;

import java.math.BigDecimal;
import java.util.List;

/** What the database aggregates for a rule-hit report; the report service turns it into shares and averages. */
public record RuleHitAggregates(Totals totals, List<RuleRow> rules, List<CategoryRow> categories,
                                List<BucketRow> buckets, List<PairRow> pairs) {

    /** Leads counted (one latest decision each), how many are MQL, and their average score. */
    public record Totals(long leads, long mqls, BigDecimal averageScore) {
    }

    /**
     * One rule: leads it fired for, firings, its own points, its net points (own plus the decay and cap
     * adjustments applied to it), for how many MQL leads it was decisive, and for how many leads its tally was
     * the one marked first of its category (see {@link RuleTally}).
     */
    public record RuleRow(String rule, String category, long leads, long fires, BigDecimal points,
                          BigDecimal netPoints, long decisive, long firstOfCategory) {

        /** The same rule tallied under another category too: counts add up, the first category (by name) stays. */
        RuleRow plus(RuleRow other) {
            return new RuleRow(rule, category.compareTo(other.category) <= 0 ? category : other.category,
                    leads + other.leads, fires + other.fires, points.add(other.points),
                    netPoints.add(other.netPoints), decisive + other.decisive, firstOfCategory + other.firstOfCategory);
        }
    }

    public record CategoryRow(String category, long leads, long hits, BigDecimal points) {

        CategoryRow plus(CategoryRow other) {
            return new CategoryRow(category, leads + other.leads, hits + other.hits, points.add(other.points));
        }
    }

    /** Leads whose score is in {@code [from, from + width)}. */
    public record BucketRow(BigDecimal from, long leads) {
    }

    /** Leads two rules both fired for. */
    public record PairRow(String first, String second, long together) {
    }
}
