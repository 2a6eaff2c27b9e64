package io.leadrules.config;

import io.leadrules.rules.policy.RulesPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Everything tunable under {@code leadrules.}; defaults live here and are documented in the README. The constraints
 * are checked at start-up (Bean Validation on config mappings): a negative cap or a zero fire limit stops the
 * service with the key named, instead of scoring nonsense.
 */
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

        /**
         * What DRL the service compiles from that folder: {@code strict}, the rules vocabulary only, or {@code open},
         * any DRL (Java included) for a folder written by trusted engineers. Rules sent in request bodies are strict
         * whatever this says, unless the caller is trusted (README "Rules policy").
         */
        @WithDefault("strict")
        RulesPolicy policy();
    }

    interface Mql {
        /** A lead whose score reaches this is a marketing-qualified lead. */
        @WithDefault("70")
        BigDecimal threshold();

        /** Fit points a lead needs, besides the threshold, to be an MQL; unset: no minimum. */
        Optional<BigDecimal> minFit();

        /** Intent points (after decay) a lead needs, besides the threshold, to be an MQL; unset: no minimum. */
        Optional<BigDecimal> minIntent();
    }

    interface Engine {
        /** Rule firings allowed for one score: the guard that stops a looping rule. */
        @WithDefault("10000")
        @Positive
        int maxFires();

        /** KIE sessions kept ready per ruleset. */
        @WithDefault("8")
        @Positive
        int sessionPoolSize();
    }

    interface Caps {
        /** Most points the total score may reach; unset means uncapped. */
        Optional<@PositiveOrZero BigDecimal> total();

        /** Most points (in absolute value) per category, e.g. {@code leadrules.caps.category.intent=60}. */
        Map<String, @PositiveOrZero BigDecimal> category();
    }
}
