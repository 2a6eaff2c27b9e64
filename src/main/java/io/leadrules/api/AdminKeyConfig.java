package io.leadrules.api;

import io.smallrye.config.ConfigMapping;

/** The admin key for destructive calls ({@code leadrules.admin-key}). */
@ConfigMapping(prefix = "leadrules")
public interface AdminKeyConfig {

    /** Sent as {@code Authorization: Bearer <key>}. */
    String adminKey();
}
