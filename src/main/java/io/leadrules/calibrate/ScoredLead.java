package io.leadrules.calibrate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * One labelled lead after scoring: what every backtest figure is computed from.
 *
 * @param closedAt when its outcome closed, if known: only the drift check uses it
 */
public record ScoredLead(String leadId, BigDecimal score, boolean won, Set<String> firedRules, Instant closedAt) {

    public ScoredLead {
        firedRules = Set.copyOf(firedRules);
    }
}
