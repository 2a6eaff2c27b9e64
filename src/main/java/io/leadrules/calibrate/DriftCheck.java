package io.leadrules.calibrate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Has the close rate of MQLs moved? Compares MQLs closed in the last {@code recentDays} before {@code now} with
 * those closed earlier (the baseline); flags when the two rates differ by more than {@code maxPoints} percentage
 * points. Exactly {@code maxPoints} apart is not flagged. Rates are exact decimals, so the boundary is exact.
 */
public final class DriftCheck {

    private DriftCheck() {
    }

    /**
     * When to look, how far a rate may move, and how many closed MQLs each window needs before a move counts
     * (fewer than one is read as one); config {@code leadrules.calibration.drift.*}.
     */
    public record Settings(int recentDays, BigDecimal maxPoints, int minOutcomes) {
        public Settings {
            if (recentDays <= 0) {
                throw new IllegalArgumentException("leadrules.calibration.drift.recent-days must be positive, got " + recentDays);
            }
            minOutcomes = Math.max(1, minOutcomes);
        }
    }

    /** One MQL's outcome and when it closed. */
    public record MqlOutcome(String leadId, boolean won, Instant closedAt) {
    }

    /**
     * @param recentRate close rate (0-1) of MQLs closed in (now - recentDays, now]; null without any
     * @param baselineRate close rate of MQLs closed at or before now - recentDays; null without any
     * @param deltaPoints (recent - baseline) in percentage points; null when either side is empty
     */
    public record Result(Instant recentFrom, Instant now, int recentCount, int recentWon, BigDecimal recentRate,
                         int baselineCount, int baselineWon, BigDecimal baselineRate, BigDecimal deltaPoints,
                         BigDecimal maxPoints, boolean flagged, String detail) {
    }

    public static Result check(List<MqlOutcome> outcomes, Instant now, Settings settings) {
        Instant recentFrom = now.minus(Duration.ofDays(settings.recentDays()));
        int recent = 0;
        int recentWon = 0;
        int baseline = 0;
        int baselineWon = 0;
        for (MqlOutcome outcome : outcomes) {
            if (outcome.closedAt() == null || outcome.closedAt().isAfter(now)) {
                continue;
            }
            if (outcome.closedAt().isAfter(recentFrom)) {
                recent++;
                recentWon += outcome.won() ? 1 : 0;
            } else {
                baseline++;
                baselineWon += outcome.won() ? 1 : 0;
            }
        }
        BigDecimal recentRate = rate(recentWon, recent);
        BigDecimal baselineRate = rate(baselineWon, baseline);
        if (recentRate == null || baselineRate == null) {
            return new Result(recentFrom, now, recent, recentWon, recentRate, baseline, baselineWon, baselineRate, null,
                    settings.maxPoints(), false, "Not enough outcomes to compare: " + recent + " MQLs closed in the last "
                    + settings.recentDays() + " days, " + baseline + " before");
        }
        BigDecimal delta = recentRate.subtract(baselineRate).movePointRight(2).setScale(2, RoundingMode.HALF_UP);
        boolean flagged = delta.abs().compareTo(settings.maxPoints()) > 0;
        String detail = String.format(java.util.Locale.ROOT,
                "MQLs closed at %s %% in the last %d days against %s %% before: %s%s points%s",
                percent(recentRate), settings.recentDays(), percent(baselineRate), delta.signum() >= 0 ? "+" : "",
                delta.toPlainString(), flagged ? ", more than " + settings.maxPoints().toPlainString()
                        + ": review the threshold and the rules" : ", within " + settings.maxPoints().toPlainString());
        return new Result(recentFrom, now, recent, recentWon, recentRate, baseline, baselineWon, baselineRate, delta,
                settings.maxPoints(), flagged, detail);
    }

    private static BigDecimal rate(int won, int count) {
        return count == 0 ? null : BigDecimal.valueOf(won).divide(BigDecimal.valueOf(count), 10, RoundingMode.HALF_UP);
    }

    private static String percent(BigDecimal rate) {
        return rate.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
