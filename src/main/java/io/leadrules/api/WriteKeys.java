package io.leadrules.api;

import io.leadrules.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * Segment's auth: HTTP Basic with a write key as the user name and an empty password, the keys from
 * {@code leadrules.ingest.write-keys}. Keys are compared in constant time.
 */
@ApplicationScoped
public class WriteKeys {

    private static final String CHALLENGE = "Basic realm=\"leadrules ingest\"";

    private final List<byte[]> keys;

    public WriteKeys(IngestConfig config) {
        this.keys = config.writeKeys().stream().filter(k -> !k.isBlank())
                .map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** Throws {@link UnauthorizedException} unless the header carries an accepted write key. */
    public void check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new UnauthorizedException("A write key is required: HTTP Basic auth with the write key as the"
                    + " user name and an empty password", CHALLENGE);
        }
        byte[] key = userName(authorization.substring(6).trim());
        boolean ok = false;
        for (byte[] candidate : keys) {
            ok |= MessageDigest.isEqual(candidate, key);
        }
        if (!ok) {
            throw new UnauthorizedException("The write key is not valid", CHALLENGE);
        }
    }

    private static byte[] userName(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new UnauthorizedException("The Basic credentials are not valid base64", CHALLENGE);
        }
        int colon = decoded.indexOf(':');
        return (colon < 0 ? decoded : decoded.substring(0, colon)).getBytes(StandardCharsets.UTF_8);
    }
}
