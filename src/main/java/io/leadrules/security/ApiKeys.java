package io.leadrules.security;

import io.leadrules.ingest.IngestConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every key the service accepts, from {@code leadrules.auth.keys}, {@code leadrules.admin-key} (named "admin") and
 * {@code leadrules.ingest.write-keys} (named "write-key-1", ...). Only SHA-256 digests are kept; a presented key is
 * hashed and compared with every digest in constant time, so neither timing nor a heap dump gives a key away.
 * Outside dev and test the set must be safe (see {@link #requireSafe}) or the service does not start (hence
 * {@code @Startup}: the check runs before the first request, not at it).
 */
@Startup
@ApplicationScoped
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    /** The keys the README and application.properties document for dev and test: never valid in production. */
    public static final Set<String> DOCUMENTED_DEFAULTS = Set.of("dev-admin-key", "dev-write-key", "dev-read-key",
            "dev-analyst-key", "dev-score-key");

    private final List<ApiKey> keys;

    @Inject
    public ApiKeys(AuthConfig auth, AdminConfig admin, IngestConfig ingest) {
        this(auth, admin, ingest, LaunchMode.current().isDevOrTest());
    }

    /** {@code devOrTest}: whether unsafe keys are only warned about, as in dev and test, or refused. */
    ApiKeys(AuthConfig auth, AdminConfig admin, IngestConfig ingest, boolean devOrTest) {
        List<ApiKey> found = new ArrayList<>();
        List<Unsafe> unsafe = new ArrayList<>();
        for (Map.Entry<String, AuthConfig.Key> e : auth.keys().entrySet()) {
            found.add(configured(e.getKey(), e.getValue(), unsafe));
        }
        admin.adminKey().filter(k -> !k.isBlank()).ifPresent(k -> {
            found.add(new ApiKey("admin", sha256(k), Roles.expand(List.of(Roles.ADMIN), "leadrules.admin-key")));
            check(k, "leadrules.admin-key", unsafe);
        });
        List<String> writeKeys = ingest.writeKeys().orElse(List.of()).stream().filter(k -> !k.isBlank()).toList();
        for (int i = 0; i < writeKeys.size(); i++) {
            found.add(new ApiKey("write-key-" + (i + 1), sha256(writeKeys.get(i)), Set.of(Roles.INGEST)));
            check(writeKeys.get(i), "leadrules.ingest.write-keys", unsafe);
        }
        requireSafe(found, unsafe, devOrTest);
        this.keys = List.copyOf(found);
    }

    /** The key presented, if it is one of ours; every digest is compared so the time taken says nothing. */
    public Optional<ApiKey> find(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = sha256(presented);
        ApiKey match = null;
        for (ApiKey key : keys) {
            if (MessageDigest.isEqual(key.sha256(), digest)) {
                match = key;
            }
        }
        return Optional.ofNullable(match);
    }

    /** A key by its name: a signed-in browser session carries the name, never the key. */
    public Optional<ApiKey> byName(String name) {
        return keys.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /** Why a configured key cannot protect a production service, and the config key to change. */
    record Unsafe(String configKey, String reason) {
    }

    /**
     * Outside dev and test: at least one key, none of the documented defaults, none shorter than
     * {@link AuthConfig#MIN_KEY_LENGTH}. In dev and test the same findings are warnings.
     */
    static void requireSafe(List<ApiKey> keys, List<Unsafe> unsafe, boolean devOrTest) {
        List<String> findings = new ArrayList<>();
        if (keys.isEmpty()) {
            findings.add("no API key is configured: set leadrules.auth.keys.\"<name>\".secret (or .sha256) and .roles,"
                    + " or leadrules.admin-key");
        }
        unsafe.forEach(u -> findings.add(u.configKey() + " " + u.reason()));
        if (findings.isEmpty()) {
            return;
        }
        if (devOrTest) {
            LOG.debugf("Keys fit for dev and test only: %s", findings);
            return;
        }
        throw new UnsafeKeysException("Refusing to start with unsafe API keys: " + String.join("; ", findings)
                + ". See README \"Security\".");
    }

    private static ApiKey configured(String name, AuthConfig.Key key, List<Unsafe> unsafe) {
        String prefix = "leadrules.auth.keys.\"" + name + "\"";
        Set<String> roles = Roles.expand(key.roles(), prefix + ".roles");
        if (roles.isEmpty()) {
            throw new UnsafeKeysException(prefix + ".roles is empty: name at least one of " + String.join(", ", Roles.ALL));
        }
        if (key.secret().isPresent() == key.sha256().isPresent()) {
            throw new UnsafeKeysException(prefix + " needs exactly one of .secret and .sha256");
        }
        if (key.secret().isPresent()) {
            check(key.secret().get(), prefix + ".secret", unsafe);
            return new ApiKey(name, sha256(key.secret().get()), roles);
        }
        return new ApiKey(name, parseDigest(key.sha256().get(), prefix + ".sha256"), roles);
    }

    private static void check(String key, String configKey, List<Unsafe> unsafe) {
        if (DOCUMENTED_DEFAULTS.contains(key)) {
            unsafe.add(new Unsafe(configKey, "is a documented default key (\"" + key + "\"): set your own"));
        } else if (key.length() < AuthConfig.MIN_KEY_LENGTH) {
            unsafe.add(new Unsafe(configKey, "is shorter than " + AuthConfig.MIN_KEY_LENGTH + " characters"));
        }
    }

    private static byte[] parseDigest(String hex, String configKey) {
        String clean = hex.trim();
        if (!clean.matches("(?i)[0-9a-f]{64}")) {
            throw new UnsafeKeysException(configKey + " must be the 64 hex digits of the key's SHA-256"
                    + " (e.g. printf %s \"$KEY\" | sha256sum)");
        }
        return HexFormat.of().parseHex(clean.toLowerCase(java.util.Locale.ROOT));
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
