package io.leadrules.security;

import io.leadrules.ingest.IngestConfig;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which keys a production start accepts, and how a presented key is matched. */
class ApiKeysTest {

    private static final String STRONG = "k3y-0f-at-least-16-chars";

    record Key(Optional<String> secret, Optional<String> sha256, List<String> roles) implements AuthConfig.Key {
    }

    private static AuthConfig auth(Map<String, AuthConfig.Key> keys) {
        return () -> keys;
    }

    private static AdminConfig admin(String key) {
        return () -> Optional.ofNullable(key);
    }

    private static IngestConfig ingest(List<String> writeKeys) {
        return new IngestConfig() {
            public Optional<List<String>> writeKeys() { return Optional.ofNullable(writeKeys); }
            public int maxEventBytes() { return 32768; }
            public int maxRequestBytes() { return 512000; }
            public Map<String, String> pageEvents() { return Map.of(); }
        };
    }

    private static ApiKeys production(Map<String, AuthConfig.Key> keys, String adminKey, List<String> writeKeys) {
        return new ApiKeys(auth(keys), admin(adminKey), ingest(writeKeys), false);
    }

    @Test
    void productionRefusesToStartWithoutAnyKey() {
        assertThatThrownBy(() -> production(Map.of(), null, null)).isInstanceOf(UnsafeKeysException.class)
                .hasMessageContaining("no API key is configured").hasMessageContaining("leadrules.auth.keys");
    }

    @Test
    void productionRefusesTheDocumentedDevKeysNamingTheConfigKey() {
        assertThatThrownBy(() -> production(Map.of(), "dev-admin-key", null))
                .hasMessageContaining("leadrules.admin-key is a documented default key");
        assertThatThrownBy(() -> production(Map.of(), STRONG, List.of("dev-write-key")))
                .hasMessageContaining("leadrules.ingest.write-keys is a documented default key");
        assertThatThrownBy(() -> production(Map.of("reader", new Key(Optional.of("dev-read-key"), Optional.empty(),
                List.of("read"))), null, null)).hasMessageContaining("leadrules.auth.keys.\"reader\".secret");
    }

    @Test
    void productionRefusesKeysShorterThanSixteenCharacters() {
        assertThatThrownBy(() -> production(Map.of(), "short-key", null))
                .hasMessageContaining("leadrules.admin-key is shorter than 16 characters");
    }

    @Test
    void devAndTestAcceptTheDocumentedKeys() {
        ApiKeys keys = new ApiKeys(auth(Map.of()), admin("dev-admin-key"), ingest(List.of("dev-write-key")), true);
        assertThat(keys.find("dev-admin-key")).map(ApiKey::name).contains("admin");
        assertThat(keys.find("dev-write-key")).map(ApiKey::roles).contains(java.util.Set.of(Roles.INGEST));
    }

    @Test
    void aKeyGivenByItsSha256IsMatchedWithoutStoringIt() {
        String digest = HexFormat.of().formatHex(ApiKeys.sha256(STRONG));
        ApiKeys keys = production(Map.of("crm", new Key(Optional.empty(), Optional.of(digest.toUpperCase()),
                List.of("score", "read"))), null, null);
        assertThat(keys.find(STRONG)).map(ApiKey::name).contains("crm");
        assertThat(keys.find(STRONG + "x")).isEmpty();
        assertThat(keys.find("")).isEmpty();
    }

    @Test
    void rolesIncludeTheOnesBelowThem() {
        Map<String, AuthConfig.Key> map = new LinkedHashMap<>();
        map.put("analyst", new Key(Optional.of(STRONG), Optional.empty(), List.of(" Analyst ")));
        map.put("ops", new Key(Optional.of(STRONG + "-ops"), Optional.empty(), List.of("admin")));
        ApiKeys keys = production(map, null, null);
        assertThat(keys.byName("analyst").orElseThrow().roles()).containsExactlyInAnyOrder("analyst", "read");
        assertThat(keys.byName("ops").orElseThrow().roles()).containsExactlyInAnyOrderElementsOf(Roles.ALL);
    }

    @Test
    void aMistakeInAKeyDefinitionIsNamed() {
        assertThatThrownBy(() -> production(Map.of("x", new Key(Optional.of(STRONG), Optional.empty(),
                List.of("superuser"))), null, null)).hasMessageContaining("leadrules.auth.keys.\"x\".roles")
                .hasMessageContaining("superuser");
        assertThatThrownBy(() -> production(Map.of("x", new Key(Optional.of(STRONG), Optional.of("ab"),
                List.of("read"))), null, null)).hasMessageContaining("exactly one of .secret and .sha256");
        assertThatThrownBy(() -> production(Map.of("x", new Key(Optional.empty(), Optional.of("not-hex"),
                List.of("read"))), null, null)).hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> production(Map.of("x", new Key(Optional.of(STRONG), Optional.empty(),
                List.of())), null, null)).hasMessageContaining("roles is empty");
    }
}
