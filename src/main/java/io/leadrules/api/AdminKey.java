package io.leadrules.api;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Guards admin-only calls: {@code Authorization: Bearer <leadrules.admin-key>}, compared in constant time. */
@ApplicationScoped
public class AdminKey {

    private static final String CHALLENGE = "Bearer realm=\"leadrules admin\"";

    private final byte[] key;

    public AdminKey(AdminKeyConfig config) {
        this.key = config.adminKey().getBytes(StandardCharsets.UTF_8);
    }

    /** Throws {@link UnauthorizedException} unless the header carries the admin key. */
    public void check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new UnauthorizedException("This call needs the admin key: Authorization: Bearer <key>", CHALLENGE);
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (key.length == 0 || !MessageDigest.isEqual(key, given)) {
            throw new UnauthorizedException("The admin key is not valid", CHALLENGE);
        }
    }
}
