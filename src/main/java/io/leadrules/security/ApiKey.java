package io.leadrules.security;

import java.util.Set;

/**
 * One accepted key: its name (what logs and audit trails show, never the key), the SHA-256 of the key and its roles
 * (already expanded, see {@link Roles#expand}).
 */
public record ApiKey(String name, byte[] sha256, Set<String> roles) {
}
