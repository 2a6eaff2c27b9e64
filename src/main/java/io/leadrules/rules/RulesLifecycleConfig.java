package io.leadrules.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the rules lifecycle: watching the folder, reloading, and where activated versions are kept. */
@ConfigMapping(prefix = "leadrules")
public interface RulesLifecycleConfig {

    Rules rules();

    Data data();

    interface Rules {
        /** Folder holding the DRL files (and scenario tests in {@code tests/}); shared with the scoring core. */
        @WithDefault("rules")
        String dir();

        /** Reload automatically when a file in the rules folder changes. */
        @WithDefault("true")
        boolean watch();

        /** Quiet time after the last change before reloading, so an editor's save dance is one reload. */
        @WithDefault("500ms")
        Duration reloadDebounce();

        /** How long a replaced ruleset is kept before it is freed, so requests still on it finish. */
        @WithDefault("30s")
        Duration releaseGrace();
    }

    interface Data {
        /** Folder where activated ruleset versions are stored ({@code rulesets/}). */
        @WithDefault("data")
        String dir();
    }
}
