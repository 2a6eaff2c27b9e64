package io.leadrules.calibrate;

import java.math.BigDecimal;
import java.util.Set;

/** One labelled lead after scoring: what every backtest figure is computed from. */
public record ScoredLead(String leadId, BigDecimal score, boolean won, Set<String> firedRules) {

    public ScoredLead {
        firedRules = Set.copyOf(firedRules);
    }
}
