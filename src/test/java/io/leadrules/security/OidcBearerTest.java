package io.leadrules.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static io.leadrules.support.Api.anonymous;
import static io.leadrules.support.Api.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * With OIDC configured, a signed bearer token is a way in too: its "groups" claim names roles, nested as for keys.
 * The tokens are signed here with a key whose public half the service is configured with (no identity provider to
 * run); API keys keep working beside them.
 */
@QuarkusTest
@TestProfile(OidcBearerTest.WithOidc.class)
class OidcBearerTest {

    // Seeded, so the profile (loaded apart from the test class) and the test make the same key pair.
    private static final KeyPair SIGNER = keyPair(1);
    private static final KeyPair STRANGER = keyPair(2);

    public static class WithOidc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.public-key", Base64.getEncoder().encodeToString(SIGNER.getPublic().getEncoded()));
        }
    }

    private static KeyPair keyPair(long seed) {
        try {
            java.security.SecureRandom random = java.security.SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(KeyPair key, String... roles) {
        return Jwt.upn("maya@brandco.com").groups(Set.of(roles)).expiresIn(300).sign(key.getPrivate());
    }

    @Test
    void aTokensRolesAreNestedAsAKeys() {
        String analyst = token(SIGNER, "analyst");
        anonymous().header("Authorization", "Bearer " + analyst).get("/rules/status").then().statusCode(200);
        anonymous().header("Authorization", "Bearer " + analyst).post("/rules/reload").then().statusCode(403)
                .contentType("application/problem+json");
        anonymous().header("Authorization", "Bearer " + token(SIGNER, "score")).get("/rules/status").then()
                .statusCode(403);
    }

    @Test
    void aTokenNotSignedByTheConfiguredKeyIsRefused() {
        anonymous().header("Authorization", "Bearer " + token(STRANGER, "admin")).get("/rules/status").then()
                .statusCode(401);
    }

    @Test
    void apiKeysStillWork() {
        given().get("/rules/status").then().statusCode(200).body("version", org.hamcrest.Matchers.notNullValue());
        anonymous().header("Authorization", "Bearer not-a-key").get("/rules/status").then().statusCode(401)
                .body("status", equalTo(401));
    }
}
