package io.leadrules.calibrate;

/**
 * How large one backtest's input may be (README "Limits"): the service's from {@code leadrules.limits.*}; the
 * command line runs on its user's own machine and takes {@link #NONE}.
 *
 * @param maxLeads             leads per backtest (JSON, CSV or stored)
 * @param maxEvents            events over all leads, as sent or as a CSV mapping makes them
 * @param csvMaxRows           data rows of a CSV
 * @param mappingMaxEventLimit the largest {@code limit} a mapping's event column may set
 */
public record BacktestLimits(int maxLeads, long maxEvents, int csvMaxRows, int mappingMaxEventLimit) {

    public static final BacktestLimits NONE = new BacktestLimits(Integer.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE);
}
