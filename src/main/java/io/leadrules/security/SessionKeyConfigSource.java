package io.leadrules.security;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * A random session encryption key for this process when none is configured, at the lowest precedence. Without it
 * Quarkus makes up a temporary key itself and writes it into the log, where anyone who reads the logs could forge a
 * signed-in session. Sessions then end at a restart and do not carry across replicas: set
 * {@code quarkus.http.auth.session.encryption-key} in production (README "Security").
 */
public class SessionKeyConfigSource implements ConfigSource {

    static final String KEY = "quarkus.http.auth.session.encryption-key";
    private static final String VALUE = randomKey();

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, VALUE);
    }

    @Override
    public String getValue(String propertyName) {
        return KEY.equals(propertyName) ? VALUE : null;
    }

    @Override
    public String getName() {
        return "leadrules-random-session-key";
    }

    /** Below every real source (application.properties is 250, environment 300, system properties 400). */
    @Override
    public int getOrdinal() {
        return 1;
    }
}
