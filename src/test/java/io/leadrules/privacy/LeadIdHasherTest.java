package io.leadrules.privacy;

import io.leadrules.store.PrivacySaltRepository;
import io.leadrules.store.SuppressionRepository;
import io.leadrules.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static io.leadrules.support.Segment.ADMIN;
import static io.leadrules.support.Segment.client;
import static io.leadrules.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The salt of the suppression hashes: without {@code leadrules.privacy.suppression-salt} one is generated once and
 * kept in the database, the same for every later start; and a start whose salt is not the one the stored
 * suppressions were made with is refused, naming the key (they would silently stop matching).
 */
@QuarkusTest
@Tag("db")
class LeadIdHasherTest {

    private static final PrivacyConfig NO_SALT = Optional::empty;

    @Inject
    PrivacySaltRepository salts;

    @Inject
    SuppressionRepository suppressions;

    @Inject
    Clock clock;

    @Test
    void withoutAConfiguredSaltOneIsGeneratedOnceAndKeptInTheDatabase() {
        String first = LeadIdHasher.salt(NO_SALT, salts, clock);
        String second = LeadIdHasher.salt(NO_SALT, salts, clock);

        assertThat(first).matches("[0-9a-f]{64}").isEqualTo(second);
        assertThat(salts.find()).contains(first);
        assertThat(new LeadIdHasher(first).hash("lead-42")).isEqualTo(new LeadIdHasher(second).hash("lead-42"))
                .matches("[0-9a-f]{64}").isNotEqualTo(new LeadIdHasher("another-salt-of-16+").hash("lead-42"));
    }

    @Test
    void aStartWithAnotherSaltThanTheStoredSuppressionsIsRefusedNamingTheKey() {
        String lead = Fixtures.uniqueLead("salted");
        client().body(Fixtures.segment("track.json", Map.of("lead", lead, "msg", lead + "-t", "event", "Email Opened",
                "ts", Instant.now().toString()))).post("/v1/track").then().statusCode(200);
        given().header("Authorization", ADMIN).delete("/leads/{id}", lead).then().statusCode(204);

        assertThatThrownBy(() -> new LeadIdHasher(NO_SALT, salts, suppressions, clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("leadrules.privacy.suppression-salt")
                .hasMessageContaining("privacy_salt");
    }
}
