package io.leadrules.report;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /reports/rule-hits}: which rules do the work, over each lead's latest decision within the filters.
 *
 * @param leads          leads counted (one decision each)
 * @param deadRules      rules of {@code catalogVersion} that fired for no lead; null when that version's files are
 *                       not stored (it is known from decisions only)
 * @param pairs          rules that nearly always fire together (see README, leadrules.reports.pair-*)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleHitReport(Filter filter, Instant generatedAt, BigDecimal threshold, String catalogVersion,
                            long leads, long mqls, BigDecimal mqlShare, BigDecimal averageScore,
                            List<RuleStats> rules, List<DeadRule> deadRules, List<Pair> pairs,
                            List<CategoryTotal> categories, List<Bucket> scoreDistribution) {

    public record Filter(Instant from, Instant to, String version, String segment) {
    }

    /**
     * One rule: leads it fired for and their share of all leads, firings, the points its own hits gave, its net
     * points (after decay and caps applied to it), points per lead, and for how many MQL leads it was decisive.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RuleStats(String rule, String category, String file, Integer line, Integer endLine, long leads,
                            BigDecimal share, long fires, BigDecimal points, BigDecimal netPoints,
                            BigDecimal averagePointsPerLead, long decisive, BigDecimal decisiveShare) {
    }

    public record DeadRule(String rule, String category, String file, int line, int endLine, BigDecimal points) {
    }

    /** {@code share} = together / min(firstLeads, secondLeads). */
    public record Pair(String first, String second, long together, long firstLeads, long secondLeads,
                       BigDecimal share) {
    }

    public record CategoryTotal(String category, long leads, long hits, BigDecimal points) {
    }

    /** Leads scoring in {@code [from, to)}. */
    public record Bucket(BigDecimal from, BigDecimal to, long leads) {
    }
}
