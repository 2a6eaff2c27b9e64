package io.leadrules.calibrate;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The answer of {@code GET /calibration/drift}: the close rate of MQLs closed recently against the baseline.
 * Rates are 0-1; {@code deltaPoints} is (recent - baseline) in percentage points.
 *
 * @param status {@code OK}, or {@code NOT_ENOUGH_OUTCOMES} when a window holds fewer than {@code minOutcomes}
 *               closed MQLs (then {@code flagged} is false whatever the rates say)
 * @param baselineFrom outcomes closed before this are left out (the start of the baseline)
 * @param recentFrom   the recent window is (recentFrom, asOf]; the baseline [baselineFrom, recentFrom]
 */
public record DriftReport(String status, String detail, boolean flagged, Instant asOf, Instant baselineFrom,
                          Instant recentFrom, int recentDays, int recentCount, int recentWon, BigDecimal recentRate,
                          int baselineCount, int baselineWon, BigDecimal baselineRate, BigDecimal deltaPoints,
                          BigDecimal maxPoints, int minOutcomes) {

    public static final String OK = "OK";
    public static final String NOT_ENOUGH_OUTCOMES = "NOT_ENOUGH_OUTCOMES";
}
