package io.leadrules.calibrate;

/** A backtest that cannot run on what it was given: no leads, no labels, an impossible target. A client mistake. */
public class BacktestInputException extends RuntimeException {

    private final String field;

    public BacktestInputException(String message) {
        this(null, message);
    }

    /** @param field the request field at fault ({@code leads[3].lead.id}, {@code targetCloseRate}), or null */
    public BacktestInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
