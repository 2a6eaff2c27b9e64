package io.leadrules.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Points are exact decimals with at most two places, so hits always add up to the score. */
public final class Points {

    public static final int SCALE = 2;

    private Points() {
    }

    public static BigDecimal of(Number value) {
        BigDecimal exact = value instanceof BigDecimal bd ? bd : new BigDecimal(value.toString());
        return normalize(exact.setScale(SCALE, RoundingMode.HALF_UP));
    }

    /** Drops trailing zeros ("25.00" shows as 25) without going to exponent form. */
    public static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
