package io.leadrules.profile;

import io.leadrules.handoff.MqlHandoff;
import io.leadrules.model.ScoreCard;
import io.leadrules.rules.RulesetOutOfSyncException;
import io.leadrules.store.EventRepository;
import io.leadrules.store.LeadRepository;
import io.leadrules.store.LeadRow;
import io.leadrules.store.StoredEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decay is continuous, so an MQL can fall below the line with no new event. This job re-scores the current MQLs
 * periodically ({@code leadrules.mql.recheck-every}) and, only for those whose verdict changed, stores a decision
 * (cause "decay") and the "left" transition, so sales hear about it when it happens. Unchanged leads leave no trace.
 */
@ApplicationScoped
public class MqlRecheck {

    private static final Logger LOG = Logger.getLogger(MqlRecheck.class);

    private final LeadRepository leads;
    private final EventRepository events;
    private final RescoreService rescorer;
    private final MqlHandoff handoff;
    private final Clock clock;

    public MqlRecheck(LeadRepository leads, EventRepository events, RescoreService rescorer, MqlHandoff handoff,
                      Clock clock) {
        this.leads = leads;
        this.events = events;
        this.rescorer = rescorer;
        this.handoff = handoff;
        this.clock = clock;
    }

    /**
     * "off" as the interval disables it (Quarkus scheduler convention). The first run waits a little: at once, it
     * would race the start-up, and on a start-up refused for bad rules it would only add stack traces to the list of
     * DRL errors.
     */
    @Scheduled(every = "${leadrules.mql.recheck-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int left = recheckAll();
        if (left > 0) {
            LOG.infof("MQL re-check: %d lead(s) left MQL as their signals faded", left);
        }
    }

    /**
     * Re-checks every current MQL; returns how many left MQL. A replica switching rulesets stops (no decision can be
     * stored meanwhile); the next run re-checks the rest.
     */
    public int recheckAll() {
        int changed = 0;
        for (String leadId : leads.mqlLeadIds()) {
            try {
                if (recheck(leadId)) {
                    changed++;
                }
            } catch (RulesetOutOfSyncException e) {
                LOG.infof("MQL re-check stopped until the next run: %s", e.getMessage());
                break;
            }
        }
        return changed;
    }

    /** Scores first without locking; only a lead whose verdict changes is locked, re-scored and stored. */
    @Transactional
    public boolean recheck(String leadId) {
        Instant now = clock.instant();
        Optional<LeadRow> row = leads.find(leadId);
        if (row.isEmpty() || !row.get().mql()) {
            return false;
        }
        List<StoredEvent> history = events.forLead(leadId);
        ScoreCard card = rescorer.score(row.get(), history, now);
        if (handoff.isMql(true, card)) {
            return false;
        }
        // Locked, the lead may have moved on (an event or another recheck committed since): decide on it as it is
        // now, and as of now, so no event stored meanwhile is left out.
        Optional<LeadRow> locked = leads.lock(leadId);
        if (locked.isEmpty() || !locked.get().mql()) {
            return false;
        }
        rescorer.rescore(locked.get(), events.forLead(leadId), DecisionCause.decay(), clock.instant());
        return true;
    }
}
