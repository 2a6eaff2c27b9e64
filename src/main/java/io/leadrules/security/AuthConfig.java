package io.leadrules.security;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API keys by name: {@code leadrules.auth.keys."<name>".secret=<key>} (or {@code .sha256=<hex digest of the key>}, so
 * a deployment need not store the key) and {@code .roles=read,analyst}. {@code leadrules.admin-key} and
 * {@code leadrules.ingest.write-keys} are keys too (see {@link ApiKeys}).
 */
@ConfigMapping(prefix = "leadrules.auth")
public interface AuthConfig {

    /** Shortest key accepted outside dev and test. */
    int MIN_KEY_LENGTH = 16;

    Map<String, Key> keys();

    interface Key {
        /** The key itself. */
        Optional<String> secret();

        /** Hex SHA-256 of the key, instead of {@link #secret()}. */
        Optional<String> sha256();

        /** Comma list of roles: score, ingest, read, analyst, admin. */
        List<String> roles();
    }
}
