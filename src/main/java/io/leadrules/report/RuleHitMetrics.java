package io.leadrules.report;

import io.leadrules.model.RuleHit;
import io.leadrules.profile.DecisionStored;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Per-rule Prometheus metrics, counted when a decision is stored (and committed): {@code leadrules_rule_fires_total}
 * and {@code leadrules_rule_points_total}, tagged rule, category and ruleset_version. Prometheus counters only
 * grow, so points count their magnitude: for negative, decay and cap hits it is the points taken away.
 */
@ApplicationScoped
public class RuleHitMetrics {

    private final MeterRegistry registry;

    public RuleHitMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) DecisionStored decision) {
        for (RuleHit hit : decision.hits()) {
            String[] tags = {"rule", hit.rule(), "category", hit.category(), "ruleset_version", decision.rulesetVersion()};
            Counter.builder("leadrules.rule.fires").description("Rule firings in stored decisions")
                    .tags(tags).register(registry).increment();
            Counter.builder("leadrules.rule.points").description("Points (magnitude) given or taken by rule hits in stored decisions")
                    .tags(tags).register(registry).increment(hit.points().abs().doubleValue());
        }
    }
}
