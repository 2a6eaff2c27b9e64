package io.leadrules.calibrate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * One labelled lead after scoring: what every backtest figure is computed from.
 *
 * @param closedAt when its outcome closed, if known: only the drift check uses it
 * @param eligible no disqualifier fired and the fit and intent minimums are met: the score alone decides MQL
 */
public record ScoredLead(String leadId, BigDecimal score, boolean won, Set<String> firedRules, Instant closedAt,
                        boolean eligible) {

    public ScoredLead {
        firedRules = Set.copyOf(firedRules);
    }

    /** An eligible lead with a score at {@code threshold} or more: the service's MQL verdict at that threshold. */
    public boolean mqlAt(BigDecimal threshold) {
        return eligible && score.compareTo(threshold) >= 0;
    }
}
