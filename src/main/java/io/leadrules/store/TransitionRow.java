package io.leadrules.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A lead entering or leaving MQL ({@code direction}: "entered" or "left").
 *
 * @param disqualifiedBy the disqualify rules that fired at that decision (why a lead over the threshold left)
 */
public record TransitionRow(long id, String leadId, String direction, Instant at, BigDecimal score,
                            BigDecimal threshold, String rulesetVersion, long decisionId, List<String> disqualifiedBy) {

    public TransitionRow {
        disqualifiedBy = disqualifiedBy == null ? List.of() : List.copyOf(disqualifiedBy);
    }
}
