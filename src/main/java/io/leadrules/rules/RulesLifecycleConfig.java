package io.leadrules.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Settings of the rules lifecycle: watching the folder, reloading, following the database's active version, and the
 * folder of versions kept before they moved to the database.
 */
@ConfigMapping(prefix = "leadrules")
public interface RulesLifecycleConfig {

    Rules rules();

    Data data();

    interface Rules {
        /** Folder holding the DRL files (and scenario tests in {@code tests/}); shared with the scoring core. */
        @WithDefault("rules")
        String dir();

        /**
         * Reload automatically when a file in the rules folder changes. Also decides whether a start-up on a database
         * that has an active version loads the folder (when its files differ) or serves that version.
         */
        @WithDefault("true")
        boolean watch();

        /** Quiet time after the last change before reloading, so an editor's save dance is one reload. */
        @WithDefault("500ms")
        Duration reloadDebounce();

        /** How long a replaced ruleset is kept before it is freed, so requests still on it finish. */
        @WithDefault("30s")
        Duration releaseGrace();

        /** How often each replica reads the database's active version and switches to it if it runs another. */
        @WithDefault("2s")
        Duration syncEvery();

        /**
         * How long, on top of {@code sync-every}, a replica may serve another version than the database's active one
         * (the time to compile it) before its readiness check is DOWN.
         */
        @WithDefault("5s")
        Duration syncGrace();
    }

    interface Data {
        /**
         * Folder where activated ruleset versions were stored ({@code rulesets/}) before they moved to the database;
         * imported once at start-up.
         */
        @WithDefault("data")
        String dir();
    }
}
