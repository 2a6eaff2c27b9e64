package io.leadrules.calibrate;

/** A backtest that cannot run on what it was given: no leads, no labels, an impossible target. A client mistake. */
public class BacktestInputException extends RuntimeException {

    public BacktestInputException(String message) {
        super(message);
    }
}
