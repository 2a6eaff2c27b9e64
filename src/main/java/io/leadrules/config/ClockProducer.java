package io.leadrules.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/**
 * The one source of "now" (UTC). Tests replace it with a fixed or movable clock to check decay over time. It ticks
 * in microseconds, the precision the databases store: an instant the service hands out (a webhook's {@code at}) is
 * then the same one it reads back ({@code GET /mql/transitions?since=}).
 */
@Singleton
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
