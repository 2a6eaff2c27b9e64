package io.leadrules.calibrate;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one backtest request may set instead of the configuration: the close-rate target of the threshold
 * suggestion, the shares of leads for band cut-offs, and the MQL threshold the figures are read at (to see what
 * another hand-off score would do). Null parts take the configured values.
 */
public record BacktestOptions(TargetCloseRate target, List<BigDecimal> bandShares, BigDecimal threshold) {

    public static final BacktestOptions DEFAULTS = new BacktestOptions(null, null, null);

    /** The configured settings with this request's choices applied. */
    CalibrationSettings applyTo(CalibrationSettings settings) {
        CalibrationSettings applied = target == null ? settings : settings.withTarget(target);
        return bandShares == null ? applied : new CalibrationSettings(applied.targetCloseRate(), bandShares, applied.drift());
    }
}
