package io.leadrules.calibrate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * Whether the close rate of MQLs has moved: the answer of {@code GET /calibration/drift} (stored outcomes) and the
 * {@code drift} of a backtest (the backtested leads). Rates are 0-1; {@code deltaPoints} is (recent - baseline)
 * in percentage points. Both callers build it here, from {@link DriftCheck}, so they judge drift the same way.
 *
 * @param status {@code OK}; {@code NOT_ENOUGH_OUTCOMES} when a window holds fewer than {@code minOutcomes} closed
 *               MQLs (then {@code flagged} is false whatever the rates say); in a backtest also {@code NO_LABELS}
 *               (no lead has an outcome) or {@code NO_CLOSE_DATES} (no labelled lead has a {@code closedAt})
 * @param baselineFrom outcomes closed before this are left out (the start of the baseline); null = none are
 * @param recentFrom   the recent window is (recentFrom, asOf]; the baseline [baselineFrom, recentFrom]
 */
public record DriftReport(String status, String detail, boolean flagged, Instant asOf, Instant baselineFrom,
                          Instant recentFrom, int recentDays, int recentCount, int recentWon, BigDecimal recentRate,
                          int baselineCount, int baselineWon, BigDecimal baselineRate, BigDecimal deltaPoints,
                          BigDecimal maxPoints, int minOutcomes) {

    public static final String OK = "OK";
    public static final String NOT_ENOUGH_OUTCOMES = "NOT_ENOUGH_OUTCOMES";
    public static final String NO_LABELS = "NO_LABELS";
    public static final String NO_CLOSE_DATES = "NO_CLOSE_DATES";

    /**
     * Compares the MQL outcomes closed in the last {@code recentDays} before {@code asOf} with those closed before
     * (outcomes closed after {@code asOf} are left out).
     *
     * @param howToAddOutcomes ends the detail when a window holds too few outcomes: where more come from
     */
    public static DriftReport compare(List<DriftCheck.MqlOutcome> closed, Instant asOf, Instant baselineFrom,
                                      DriftCheck.Settings settings, String howToAddOutcomes) {
        DriftCheck.Result r = DriftCheck.check(closed, asOf, settings);
        int min = settings.minOutcomes();
        boolean enough = r.recentCount() >= min && r.baselineCount() >= min;
        String detail = enough ? r.detail() : "Not enough outcomes to compare: " + r.recentCount()
                + " MQLs closed in the last " + settings.recentDays() + " days and " + r.baselineCount()
                + " before; each window needs at least " + min + " (config leadrules.calibration.drift.min-outcomes)."
                + " " + howToAddOutcomes;
        return new DriftReport(enough ? OK : NOT_ENOUGH_OUTCOMES, detail, enough && r.flagged(), asOf, baselineFrom,
                r.recentFrom(), settings.recentDays(), r.recentCount(), r.recentWon(), rate(r.recentRate()),
                r.baselineCount(), r.baselineWon(), rate(r.baselineRate()), r.deltaPoints(), r.maxPoints(), min);
    }

    /** No comparison at all ({@link #NO_LABELS}, {@link #NO_CLOSE_DATES}): counts zero, rates null, not flagged. */
    public static DriftReport absent(String status, String detail, Instant asOf, DriftCheck.Settings settings) {
        return new DriftReport(status, detail, false, asOf, null, null, settings.recentDays(), 0, 0, null, 0, 0, null,
                null, settings.maxPoints(), settings.minOutcomes());
    }

    private static BigDecimal rate(BigDecimal rate) {
        return rate == null ? null : rate.setScale(4, RoundingMode.HALF_UP);
    }
}
