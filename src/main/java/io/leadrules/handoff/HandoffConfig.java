package io.leadrules.handoff;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;

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

        /**
         * Whether transitions are written to the outbox. Unset: when {@link #url()} is set. Set it to true on a
         * replica that records transitions but does not know the url, so that another replica sends them.
         */
        Optional<Boolean> queue();

        /** Whether this replica sends the outbox (needs {@link #url()}); any number of replicas may. */
        @WithDefault("true")
        boolean send();

        /** Messages claimed at a time; the sender claims the next batch at once while batches come full. */
        @WithDefault("100")
        @Positive
        int batchSize();

        /** Deliveries in flight at once from this replica. */
        @WithDefault("8")
        @Positive
        int parallelism();

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
