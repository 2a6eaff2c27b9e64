package io.leadrules.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The key that admin calls (validate, reload, activate) must present. */
@ConfigMapping(prefix = "leadrules")
public interface AdminConfig {

    /** The documented default; a warning is logged at start-up while it is in use. */
    String DEFAULT_KEY = "dev-admin-key";

    @WithName("admin-key")
    @WithDefault(DEFAULT_KEY)
    String adminKey();
}
