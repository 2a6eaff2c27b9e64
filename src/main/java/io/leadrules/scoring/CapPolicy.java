package io.leadrules.scoring;

import io.leadrules.model.Category;
import io.leadrules.model.Points;
import io.leadrules.model.RuleHit;
import io.leadrules.rules.RuleCatalog;
import io.leadrules.rules.RuleInfo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trims points that exceed a cap, in three steps: per rule ({@code @cap(10)}), per category (config
 * {@code leadrules.caps.category.<name>}), then the total ({@code leadrules.caps.total}). Each trim is a hit of
 * category {@code cap} with a negative amount, so the explanation shows what was capped and the hits still add up.
 * Caps apply to net points: a rule's or category's points after their decay.
 */
final class CapPolicy {

    private final Map<String, BigDecimal> categoryCaps;
    private final Optional<BigDecimal> totalCap;

    CapPolicy(Map<String, BigDecimal> categoryCaps, Optional<BigDecimal> totalCap) {
        this.categoryCaps = categoryCaps;
        this.totalCap = totalCap;
    }

    /**
     * The capped hits and, per rule that fired, the score without it.
     *
     * @param hits             the hits plus one adjustment per cap that bit
     * @param scoreWithoutRule per rule that fired (cap adjustments aside), the score the lead would have had without
     *                         it: its hits and the adjustments naming it removed, the category and total caps applied
     *                         again (a capped total can lose nothing when one rule goes); what "decisive for an MQL
     *                         verdict" is tested against
     */
    record Capped(List<RuleHit> hits, Map<String, BigDecimal> scoreWithoutRule) {
    }

    /** Rule caps are applied once and shared by the capped hits and the scores without each rule. */
    Capped apply(List<RuleHit> fired, RuleCatalog catalog) {
        List<RuleHit> ruleCapped = new ArrayList<>(fired);
        capRules(ruleCapped, catalog);
        List<RuleHit> hits = new ArrayList<>(ruleCapped);
        capCategories(hits);
        capTotal(hits);
        return new Capped(hits, categoryCaps.isEmpty() ? withoutEachRuleByDifference(fired, ruleCapped)
                : withoutEachRuleRecomputed(fired, ruleCapped));
    }

    /**
     * Without category caps the score without a rule is the rule-capped sum less what names the rule (its hits,
     * hits of its own adjustments), then the total cap: one pass instead of one recomputation per rule, which was
     * about a tenth of the scoring time (see bench/README.md).
     */
    private Map<String, BigDecimal> withoutEachRuleByDifference(List<RuleHit> fired, List<RuleHit> ruleCapped) {
        BigDecimal total = BigDecimal.ZERO;
        Map<String, BigDecimal> naming = new HashMap<>();
        for (RuleHit hit : ruleCapped) {
            total = total.add(hit.points());
            naming.merge(hit.rule(), hit.points(), BigDecimal::add);
            if (hit.appliesTo() != null && !hit.appliesTo().equals(hit.rule())) {
                naming.merge(hit.appliesTo(), hit.points(), BigDecimal::add);
            }
        }
        Map<String, BigDecimal> without = new LinkedHashMap<>();
        for (RuleHit hit : fired) {
            if (!without.containsKey(hit.rule())) {
                BigDecimal rest = total.subtract(naming.getOrDefault(hit.rule(), BigDecimal.ZERO));
                without.put(hit.rule(), totalCap.map(rest::min).orElse(rest));
            }
        }
        return without;
    }

    private Map<String, BigDecimal> withoutEachRuleRecomputed(List<RuleHit> fired, List<RuleHit> ruleCapped) {
        Map<String, BigDecimal> without = new LinkedHashMap<>();
        for (RuleHit hit : fired) {
            without.computeIfAbsent(hit.rule(), rule -> {
                List<RuleHit> rest = new ArrayList<>(ruleCapped.stream()
                        .filter(h -> !rule.equals(h.rule()) && !rule.equals(h.appliesTo())).toList());
                capCategories(rest);
                capTotal(rest);
                return rest.stream().map(RuleHit::points).reduce(BigDecimal.ZERO, BigDecimal::add);
            });
        }
        return without;
    }

    private void capRules(List<RuleHit> hits, RuleCatalog catalog) {
        Map<String, BigDecimal> netByRule = new LinkedHashMap<>();
        for (RuleHit hit : hits) {
            String owner = hit.appliesTo() != null ? hit.appliesTo() : hit.rule();
            netByRule.merge(owner, hit.points(), BigDecimal::add);
        }
        netByRule.forEach((rule, net) -> catalog.rule(rule).map(RuleInfo::cap).ifPresent(cap ->
                trim(net, cap).ifPresent(cut -> hits.add(capHit("Cap on rule " + rule, cut, rule,
                        "\"" + rule + "\" gives at most " + Points.normalize(cap) + " points")))));
    }

    private void capCategories(List<RuleHit> hits) {
        if (categoryCaps.isEmpty()) {
            return;
        }
        Map<String, String> ruleCategory = new LinkedHashMap<>();
        hits.forEach(h -> ruleCategory.putIfAbsent(h.rule(), h.category()));
        Map<String, BigDecimal> netByCategory = new LinkedHashMap<>();
        for (RuleHit hit : hits) {
            String owner = hit.appliesTo() == null ? hit.category() : ruleCategory.getOrDefault(hit.appliesTo(), hit.category());
            netByCategory.merge(owner, hit.points(), BigDecimal::add);
        }
        netByCategory.forEach((category, net) -> {
            BigDecimal cap = categoryCaps.get(category);
            if (cap != null) {
                trim(net, cap).ifPresent(cut -> hits.add(capHit("Cap on " + category, cut, category,
                        "The " + category + " category gives at most " + Points.normalize(cap) + " points")));
            }
        });
    }

    private void capTotal(List<RuleHit> hits) {
        totalCap.ifPresent(cap -> {
            BigDecimal total = hits.stream().map(RuleHit::points).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.compareTo(cap) > 0) {
                hits.add(capHit("Cap on total score", cap.subtract(total), "total",
                        "The score is capped at " + Points.normalize(cap) + " points"));
            }
        });
    }

    /** The (signed) cut that brings {@code net} within {@code cap} in absolute value, if it is over. */
    private static Optional<BigDecimal> trim(BigDecimal net, BigDecimal cap) {
        if (net.abs().compareTo(cap) <= 0) {
            return Optional.empty();
        }
        BigDecimal limit = net.signum() > 0 ? cap : cap.negate();
        return Optional.of(limit.subtract(net));
    }

    private static RuleHit capHit(String name, BigDecimal cut, String appliesTo, String reason) {
        return new RuleHit(name, Category.CAP.label(), Points.normalize(cut), reason, null, List.of(), null, 0, appliesTo);
    }
}
