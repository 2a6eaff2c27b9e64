package io.leadrules.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

import java.util.Optional;

/** {@code leadrules.admin-key}: a key named {@code admin} with the {@code admin} role (kept from before roles). */
@ConfigMapping(prefix = "leadrules")
public interface AdminConfig {

    @WithName("admin-key")
    Optional<String> adminKey();
}
