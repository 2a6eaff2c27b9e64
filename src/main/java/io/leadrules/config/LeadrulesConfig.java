package io.leadrules.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** Everything tunable under {@code leadrules.}; defaults live here and are documented in the README. */
@ConfigMapping(prefix = "leadrules")
public interface LeadrulesConfig {

    Rules rules();

    Mql mql();

    Engine engine();

    Caps caps();

    interface Rules {
        /** Folder holding the DRL files (and scenario tests in {@code tests/}). */
        @WithDefault("rules")
        String dir();
    }

    interface Mql {
        /** A lead whose score reaches this is a marketing-qualified lead. */
        @WithDefault("70")
        BigDecimal threshold();
    }

    interface Engine {
        /** Rule firings allowed for one score: the guard that stops a looping rule. */
        @WithDefault("10000")
        int maxFires();

        /** KIE sessions kept ready per ruleset. */
        @WithDefault("8")
        int sessionPoolSize();
    }

    interface Caps {
        /** Most points the total score may reach; unset means uncapped. */
        Optional<BigDecimal> total();

        /** Most points (in absolute value) per category, e.g. {@code leadrules.caps.category.intent=60}. */
        Map<String, BigDecimal> category();
    }
}
