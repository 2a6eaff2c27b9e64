package io.leadrules.api;

import io.leadrules.rules.RulesStatus;
import io.leadrules.rules.RulesetReloader;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@code rules}. Always UP: a good ruleset keeps serving even when newer files failed to load,
 * so the service stays in rotation. {@code stale: true} tells that the rules folder holds changes that did
 * not load; {@code lastError} says why.
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
        HealthCheckResponseBuilder response = HealthCheckResponse.named("rules").up()
                .withData("stale", status.stale())
                .withData("activeVersion", status.version())
                .withData("ruleCount", status.ruleCount());
        if (status.lastFailure() != null) {
            response.withData("lastError", status.lastFailure().at() + " (" + status.lastFailure().source() + "): "
                    + status.lastFailure().summary());
        }
        return response.build();
    }
}
