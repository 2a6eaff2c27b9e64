package io.leadrules.calibrate;

import java.math.BigDecimal;

/** The close-rate range (0-1, inclusive) a hand-off threshold should give, e.g. 0.20-0.30. */
public record TargetCloseRate(BigDecimal min, BigDecimal max) {

    public TargetCloseRate {
        if (min == null || max == null) {
            throw new BacktestInputException("targetCloseRate",
                    "targetCloseRate needs both min and max, e.g. {\"min\":0.2,\"max\":0.3}");
        }
        if (min.signum() < 0 || max.compareTo(BigDecimal.ONE) > 0 || min.compareTo(max) > 0) {
            throw new BacktestInputException("targetCloseRate",
                    "targetCloseRate must satisfy 0 <= min <= max <= 1, got min " + min + " and max " + max);
        }
    }

    boolean contains(double rate) {
        return rate >= min.doubleValue() && rate <= max.doubleValue();
    }
}
