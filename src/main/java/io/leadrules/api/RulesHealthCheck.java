package io.leadrules.api;

import io.leadrules.rules.RulesStatus;
import io.leadrules.rules.RulesetReloader;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.Optional;

/**
 * Readiness check {@code rules}. UP while this replica serves the database's active ruleset version, and a failed
 * reload never takes it out of rotation ({@code stale: true} tells that the rules folder holds changes that did not
 * load; {@code lastError} says why). DOWN while it serves another version than the database's active one for longer
 * than {@code leadrules.rules.sync-every} plus {@code sync-grace}, or when that version does not compile here
 * ({@code notReady} says which): it stores no decision meanwhile.
 */
@Readiness
@ApplicationScoped
public class RulesHealthCheck implements HealthCheck {

    private final RulesetReloader reloader;

    public RulesHealthCheck(RulesetReloader reloader) {
        this.reloader = reloader;
    }

    @Override
    public HealthCheckResponse call() {
        RulesStatus status = reloader.status();
        Optional<String> notReady = reloader.notReady();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("rules").status(notReady.isEmpty())
                .withData("stale", status.stale())
                .withData("activeVersion", status.version())
                .withData("ruleCount", status.ruleCount())
                .withData("inSync", status.inSync());
        if (status.databaseVersion() != null) {
            response.withData("databaseVersion", status.databaseVersion());
        }
        notReady.ifPresent(reason -> response.withData("notReady", reason));
        if (status.lastFailure() != null) {
            response.withData("lastError", status.lastFailure().at() + " (" + status.lastFailure().source() + "): "
                    + status.lastFailure().summary());
        }
        return response.build();
    }
}
