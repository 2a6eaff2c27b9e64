package io.leadrules.store;

import java.math.BigDecimal;
import java.util.List;

/** What the database aggregates for a rule-hit report; the report service turns it into shares and averages. */
public record RuleHitAggregates(Totals totals, List<RuleRow> rules, List<CategoryRow> categories,
                                List<BucketRow> buckets, List<PairRow> pairs) {

    /** Leads counted (one latest decision each), how many are MQL, and their score range. */
    public record Totals(long leads, long mqls, BigDecimal averageScore) {
    }

    /**
     * One rule: leads it fired for, firings, its own points, its net points (own plus the decay and cap
     * adjustments applied to it), and for how many MQL leads it was decisive.
     */
    public record RuleRow(String rule, String category, long leads, long fires, BigDecimal points,
                          BigDecimal netPoints, long decisive) {
    }

    public record CategoryRow(String category, long leads, long hits, BigDecimal points) {
    }

    /** Leads whose score is in {@code [from, from + width)}. */
    public record BucketRow(BigDecimal from, long leads) {
    }

    /** Leads two rules both fired for. */
    public record PairRow(String first, String second, long together) {
    }
}
