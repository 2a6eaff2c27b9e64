package io.leadrules.store;

import io.leadrules.model.RuleHit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One decision's hits folded per rule, as the rule-hit report counts them (a row of {@code decision_rule}).
 *
 * @param fires           hits of the rule in the decision
 * @param points          the rule's own points
 * @param net             own points plus the decay and cap adjustments that name it in {@code appliesTo}: what the
 *                        score would lose without the rule (the "decisive" test)
 * @param firstOfCategory true on exactly one tally per category of the decision (the first by rule name), so
 *                        "leads with a hit in the category" is a sum
 */
public record RuleTally(String rule, String category, int fires, BigDecimal points, BigDecimal net,
                        boolean firstOfCategory) {

    /** Tallies in rule name order; cap adjustments are tallies too (category {@code cap}). */
    public static List<RuleTally> of(List<RuleHit> hits) {
        Map<String, List<RuleHit>> byRule = new TreeMap<>();
        Map<String, BigDecimal> adjustments = new TreeMap<>();
        for (RuleHit hit : hits) {
            byRule.computeIfAbsent(hit.rule(), r -> new ArrayList<>()).add(hit);
            if (hit.appliesTo() != null) {
                adjustments.merge(hit.appliesTo(), hit.points(), BigDecimal::add);
            }
        }
        List<RuleTally> tallies = new ArrayList<>();
        Set<String> categoriesSeen = new HashSet<>();
        byRule.forEach((rule, own) -> {
            String category = own.stream().map(RuleHit::category).min(String::compareTo).orElseThrow();
            BigDecimal points = own.stream().map(RuleHit::points).reduce(BigDecimal.ZERO, BigDecimal::add);
            tallies.add(new RuleTally(rule, category, own.size(), points,
                    points.add(adjustments.getOrDefault(rule, BigDecimal.ZERO)), categoriesSeen.add(category)));
        });
        return tallies;
    }
}
