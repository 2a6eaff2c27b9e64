package io.leadrules.calibrate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.util.List;

/** The tunable parts of backtests and drift checks, under {@code leadrules.calibration.}; see the README. */
@ConfigMapping(prefix = "leadrules.calibration")
public interface CalibrationConfig {

    TargetCloseRateConfig targetCloseRate();

    /** Shares of leads (0-1, best first) whose score cut-offs a backtest reports, e.g. 0.1 = the top 10 %. */
    @WithDefault("0.1,0.2,0.3,0.4")
    List<BigDecimal> bandShares();

    Drift drift();

    /** Leads read from the store per page when a backtest or preview runs over every stored lead. */
    @WithDefault("500")
    int pageSize();

    Preview preview();

    interface Preview {
        /** How many lead ids {@code POST /rules/preview} lists as a sample of those entering or leaving MQL. */
        @WithDefault("20")
        int sampleSize();

        /** Width, in points, of the buckets of the preview's score-shift histogram. */
        @WithDefault("10")
        BigDecimal bucketPoints();
    }

    interface TargetCloseRateConfig {
        /** The lowest close rate (0-1) a suggested MQL threshold should give. */
        @WithDefault("0.20")
        BigDecimal min();

        /** The highest close rate (0-1) a suggested MQL threshold should give. */
        @WithDefault("0.30")
        BigDecimal max();
    }

    interface Drift {
        /** MQLs closed in this many days before now form the recent window; older ones the baseline. */
        @WithDefault("90")
        int recentDays();

        /** Flag when the recent close rate differs from the baseline by more than this many percentage points. */
        @WithDefault("10")
        BigDecimal maxPoints();

        /** Fewer closed MQLs than this in either window: not enough to compare, nothing is flagged. */
        @WithDefault("10")
        int minOutcomes();
    }

    /** As plain settings, for code that also runs without Quarkus (the command line). */
    default CalibrationSettings settings() {
        return new CalibrationSettings(new TargetCloseRate(targetCloseRate().min(), targetCloseRate().max()),
                bandShares(), new DriftCheck.Settings(drift().recentDays(), drift().maxPoints(),
                drift().minOutcomes()));
    }
}
