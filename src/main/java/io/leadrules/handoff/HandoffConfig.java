package io.leadrules.handoff;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/** How MQLs are handed to sales: the hysteresis band at the threshold and the optional webhook. */
@ConfigMapping(prefix = "leadrules.mql")
public interface HandoffConfig {

    /** Points below the threshold a lead must fall before it leaves MQL (0: leaves as soon as it is below). */
    @WithDefault("0")
    BigDecimal hysteresis();

    Webhook webhook();

    /**
     * How often MQL leads are re-scored without new events, so one whose signals faded below the line is recorded
     * as leaving MQL when it happens rather than at its next event (scheduler syntax, e.g. 1h; "off" disables it).
     */
    @WithDefault("1h")
    String recheckEvery();

    interface Webhook {
        /** Where transitions are POSTed; unset means no webhook (the feed still has them). */
        Optional<String> url();

        /** Deliveries tried before a message is marked failed. */
        @WithDefault("8")
        int maxAttempts();

        /** Wait before the second attempt; doubles after each failure. */
        @WithDefault("PT5S")
        Duration initialBackoff();

        /** Time allowed for one delivery. */
        @WithDefault("PT10S")
        Duration timeout();

        /** How often the outbox is polled (scheduler syntax, e.g. 5s). */
        @WithDefault("5s")
        String pollEvery();
    }
}
