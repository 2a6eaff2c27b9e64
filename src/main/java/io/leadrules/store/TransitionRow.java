package io.leadrules.store;

import java.math.BigDecimal;
import java.time.Instant;

/** A lead entering or leaving MQL ({@code direction}: "entered" or "left"). */
public record TransitionRow(long id, String leadId, String direction, Instant at, BigDecimal score,
                            BigDecimal threshold, String rulesetVersion, long decisionId) {
}
