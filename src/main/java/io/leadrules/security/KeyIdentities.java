package io.leadrules.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** The identity a key stands for: its name as principal (what logs show), its expanded roles. */
final class KeyIdentities {

    private KeyIdentities() {
    }

    static SecurityIdentity of(ApiKey key) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(key.name()))
                .addRoles(key.roles()).build();
    }

    static AuthenticationFailedException unknownKey() {
        return new AuthenticationFailedException("The key is not valid");
    }
}
