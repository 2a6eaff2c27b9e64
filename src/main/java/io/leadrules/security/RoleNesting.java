package io.leadrules.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/**
 * Gives every identity the roles its roles include (analyst reads, admin does all), whatever signed it in: API keys
 * come expanded already, OIDC tokens carry only the role names of their claim.
 */
@ApplicationScoped
public class RoleNesting implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        List<String> ours = identity.getRoles().stream().filter(Roles.ALL::contains).toList();
        Set<String> nested = Roles.expand(ours, "a token's roles");
        if (identity.getRoles().containsAll(nested)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRoles(nested).build());
    }
}
