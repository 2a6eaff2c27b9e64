package io.leadrules.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How much work one request may ask for, under {@code leadrules.limits.} (README "Limits"): how long scoring may
 * run, how many calls over many leads run at once, and how large their inputs may be. The request body as a whole
 * is bounded by Quarkus' own {@code quarkus.http.limits.max-body-size}.
 */
@ConfigMapping(prefix = "leadrules.limits")
public interface LimitsConfig {

    /** How long one lead's rules may fire ({@code POST /score}, each ingested event's rescoring, scenarios). */
    @WithDefault("5s")
    Duration scoreDeadline();

    /** How long one backtest or impact preview may run, from its start to its report. */
    @WithDefault("2m")
    Duration backtestDeadline();

    /** Calls over many leads or rules (backtest, preview, validate, reload, activate, rule-hit report) at once. */
    @WithDefault("2")
    int heavyConcurrency();

    /** What {@code Retry-After} tells a client turned away with 429 (or stopped at a deadline, 503). */
    @WithDefault("30s")
    Duration retryAfter();

    /** Readiness is DOWN while fewer worker threads than this are free. */
    @WithDefault("4")
    int minFreeWorkers();

    /** Leads in one backtest (JSON, CSV or stored). */
    @WithDefault("200000")
    int backtestMaxLeads();

    /** Events over all leads of one backtest, as sent or as a CSV mapping makes them. */
    @WithDefault("1000000")
    long backtestMaxEvents();

    /** Data rows of a backtest CSV. */
    @WithDefault("200000")
    int csvMaxRows();

    /** The largest {@code limit} a CSV mapping's event column may set (events one cell may give). */
    @WithDefault("10000")
    int mappingMaxEventLimit();

    /** DRL files in a candidate ruleset (validate, preview, backtest). */
    @WithDefault("100")
    int candidateMaxFiles();

    /** Bytes (UTF-8) of all DRL files of a candidate ruleset together. */
    @WithDefault("1048576")
    long candidateMaxBytes();
}
