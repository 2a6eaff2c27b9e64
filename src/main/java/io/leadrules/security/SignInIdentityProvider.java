package io.leadrules.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The sign-in page ({@code /login.html}) posts the key as the form's password; the user name is not used. Quarkus
 * form authentication then keeps the key's name (not the key) in its encrypted session cookie.
 */
@ApplicationScoped
public class SignInIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final ApiKeys keys;

    public SignInIdentityProvider(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String key = new String(request.getPassword().getPassword()).trim();
        return keys.find(key).map(k -> Uni.createFrom().item(KeyIdentities.of(k)))
                .orElseGet(() -> Uni.createFrom().failure(KeyIdentities.unknownKey()));
    }
}
