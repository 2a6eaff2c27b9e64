package io.leadrules.rules;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Keeps this replica on the database's active ruleset: every {@code leadrules.rules.sync-every} it reads the active
 * version and, when another replica activated one this replica does not serve, switches to it
 * ({@link RulesetReloader#followDatabase()}). Polling works the same on H2 and PostgreSQL, and one indexed read every
 * two seconds per replica is nothing next to scoring.
 */
@ApplicationScoped
public class RulesetSync {

    private static final Logger LOG = Logger.getLogger(RulesetSync.class);

    private final RulesetReloader reloader;

    public RulesetSync(RulesetReloader reloader) {
        this.reloader = reloader;
    }

    @Scheduled(every = "${leadrules.rules.sync-every:2s}", delayed = "${leadrules.rules.sync-every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            reloader.followDatabase();
        } catch (RuntimeException e) {
            // The database is unreachable, say: the next poll tries again; readiness turns DOWN if it lasts.
            LOG.warnf("Could not follow the database's active ruleset: %s", e.getMessage());
        }
    }
}
