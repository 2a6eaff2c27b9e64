package io.leadrules.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A signed-in browser's session cookie names its key; the roles are looked up again on every request, so a key
 * removed from the config stops its sessions at the next restart.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final ApiKeys keys;

    public SessionIdentityProvider(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return keys.byName(request.getPrincipal()).map(k -> Uni.createFrom().item(KeyIdentities.of(k)))
                .orElseGet(() -> Uni.createFrom().failure(KeyIdentities.unknownKey()));
    }
}
