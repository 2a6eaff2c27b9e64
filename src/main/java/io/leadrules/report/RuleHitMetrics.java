package io.leadrules.report;

import io.leadrules.model.RuleHit;
import io.leadrules.model.ScoreCard;
import io.leadrules.profile.DecisionStored;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.List;

/**
 * Per-rule Prometheus metrics: {@code leadrules_rule_fires_total} and {@code leadrules_rule_points_total}, tagged
 * rule, category, ruleset_version and source: {@code stored} for decisions of continuous scoring (counted once
 * committed), {@code api} for answers of {@code POST /score}. Reads of a profile's current score are not
 * decisions and do not count. Prometheus counters only grow, so points count their magnitude: for negative, decay
 * and cap hits it is the points taken away.
 */
@ApplicationScoped
public class RuleHitMetrics {

    private final MeterRegistry registry;

    public RuleHitMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** An answer of {@code POST /score}. */
    public void scored(ScoreCard card) {
        count("api", card.ruleset().version(), card.hits());
    }

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) DecisionStored decision) {
        count("stored", decision.rulesetVersion(), decision.hits());
    }

    private void count(String source, String version, List<RuleHit> hits) {
        for (RuleHit hit : hits) {
            String[] tags = {"rule", hit.rule(), "category", hit.category(), "ruleset_version", version,
                    "source", source};
            Counter.builder("leadrules.rule.fires").description("Rule firings in scoring decisions")
                    .tags(tags).register(registry).increment();
            Counter.builder("leadrules.rule.points").description("Points (magnitude) given or taken by rule hits")
                    .tags(tags).register(registry).increment(hit.points().abs().doubleValue());
        }
    }
}
