package io.leadrules.limits;

/** As many calls over many leads as the service runs at once are running: come back later (429). */
public class CapacityExceededException extends RuntimeException {

    CapacityExceededException(int capacity) {
        super(capacity + (capacity == 1 ? " call" : " calls") + " over many leads or rules (backtest, preview,"
                + " validate, reload, activate, rule-hit report) already running, the most this service runs at once (config"
                + " leadrules.limits.heavy-concurrency); retry later. Scoring and ingestion are not affected.");
    }
}
