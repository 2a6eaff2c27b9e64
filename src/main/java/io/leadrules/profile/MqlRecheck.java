package io.leadrules.profile;

import io.leadrules.jobs.Job;
import io.leadrules.jobs.JobLock;
import io.leadrules.model.ScoreCard;
import io.leadrules.rules.RulesetOutOfSyncException;
import io.leadrules.store.EventRepository;
import io.leadrules.store.LeadRepository;
import io.leadrules.store.LeadRow;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Decay is continuous, so an MQL can fall below the line with no new event. This job re-scores the current MQLs
 * periodically ({@code leadrules.mql.recheck-every}) and, only for those whose verdict changed, stores a decision
 * (cause "decay") and the "left" transition, so sales hear about it when it happens. Unchanged leads leave no trace.
 * With several replicas, one runs each re-check ({@link JobLock}).
 */
@ApplicationScoped
public class MqlRecheck {

    private static final Logger LOG = Logger.getLogger(MqlRecheck.class);

    private final LeadRepository leads;
    private final EventRepository events;
    private final RescoreService rescorer;
    private final JobLock jobs;
    private final Clock clock;

    public MqlRecheck(LeadRepository leads, EventRepository events, RescoreService rescorer, JobLock jobs,
                      Clock clock) {
        this.leads = leads;
        this.events = events;
        this.rescorer = rescorer;
        this.jobs = jobs;
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
        jobs.runAlone(Job.MQL_RECHECK, this::recheckAll).filter(left -> left > 0)
                .ifPresent(left -> LOG.infof("MQL re-check: %d lead(s) left MQL as their signals faded", left));
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

    /**
     * Scores first without locking; only a lead whose verdict changes is locked, re-scored and stored. A lead whose
     * latest decision was made on another ruleset than the active one is left alone: a change of verdict then may
     * come from the rules, not from time. Either this replica has not loaded the newest rules yet, or the rescoring
     * after the activation ({@link RulesetRescore}) has not reached the lead; that rescoring records it, as a
     * ruleset change.
     */
    @Transactional
    public boolean recheck(String leadId) {
        Optional<LeadRow> row = leads.find(leadId);
        if (row.isEmpty() || !row.get().mql() || !leftWithTime(row.get(), clock.instant())) {
            return false;
        }
        // Locked, the lead may have moved on (an event or another recheck committed since): decide on it as it is
        // now, and as of now, so no event stored meanwhile is left out.
        Optional<LeadRow> locked = leads.lock(leadId);
        if (locked.isEmpty() || !locked.get().mql()) {
            return false;
        }
        Instant now = clock.instant();
        ScoreCard card = rescorer.score(locked.get(), events.forLead(leadId), now);
        if (!leftWithTime(locked.get(), card)) {
            return false;
        }
        rescorer.record(locked.get(), card, DecisionCause.decay(), now);
        return true;
    }

    private boolean leftWithTime(LeadRow lead, Instant at) {
        return leftWithTime(lead, rescorer.score(lead, events.forLead(lead.leadId()), at));
    }

    /** Scored on the ruleset of the lead's latest decision, and out of MQL (hysteresis band included). */
    private static boolean leftWithTime(LeadRow lead, ScoreCard card) {
        return card.ruleset().version().equals(lead.rulesetVersion()) && !card.mql();
    }
}
