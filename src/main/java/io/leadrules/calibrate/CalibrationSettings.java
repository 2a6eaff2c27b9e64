package io.leadrules.calibrate;

import java.math.BigDecimal;
import java.util.List;

/**
 * Calibration settings as a plain value, so the {@link Backtester} runs the same from the service (filled from
 * {@link CalibrationConfig}) and from the command line (filled from application.properties and options).
 */
public record CalibrationSettings(TargetCloseRate targetCloseRate, List<BigDecimal> bandShares,
                                  DriftCheck.Settings drift) {

    public CalibrationSettings {
        bandShares = List.copyOf(bandShares);
        for (BigDecimal share : bandShares) {
            if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("A band share must be above 0 and at most 1, got " + share
                        + " (config leadrules.calibration.band-shares)");
            }
        }
    }

    public CalibrationSettings withTarget(TargetCloseRate target) {
        return new CalibrationSettings(target, bandShares, drift);
    }
}
