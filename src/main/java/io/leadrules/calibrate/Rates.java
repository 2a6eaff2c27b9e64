package io.leadrules.calibrate;

/** Rates as reported: four decimals, null when there is nothing to divide by. */
final class Rates {

    private Rates() {
    }

    static Double of(int part, int whole) {
        return whole == 0 ? null : round(part / (double) whole);
    }

    static double round(double value) {
        return Math.round(value * 10_000d) / 10_000d;
    }
}
