package io.leadrules.privacy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * {@code leadrules_ingest_suppressed_total{kind}}: messages dropped because they name an erased lead, by kind
 * (identify, track, page, screen, group, alias; outcome for {@code POST /outcomes} records). Counted once the request
 * commits, so a request that fails and is retried counts once. No lead ids in the tags.
 */
@ApplicationScoped
public class SuppressionMetrics {

    private final MeterRegistry registry;

    public SuppressionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void onSuppressed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagesSuppressed dropped) {
        Counter.builder("leadrules.ingest.suppressed")
                .description("Messages dropped because they name an erased lead (suppressions)")
                .tag("kind", dropped.kind()).register(registry).increment(dropped.count());
    }
}
