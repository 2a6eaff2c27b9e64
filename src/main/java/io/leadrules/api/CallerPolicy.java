package io.leadrules.api;

import io.leadrules.rules.policy.RulesPolicy;
import io.leadrules.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * The rules policy a caller's candidate ruleset is held to: strict unless the caller has the {@code admin} role.
 * The services take the stricter of this and {@code leadrules.rules.policy}, so an admin gets open rules only where
 * the deployment chose open rules for its folder too.
 */
@RequestScoped
public class CallerPolicy {

    private final SecurityIdentity caller;

    public CallerPolicy(SecurityIdentity caller) {
        this.caller = caller;
    }

    public RulesPolicy policy() {
        return caller.hasRole(Roles.ADMIN) ? RulesPolicy.OPEN : RulesPolicy.STRICT;
    }
}
