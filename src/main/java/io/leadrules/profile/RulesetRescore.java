package io.leadrules.profile;

import io.leadrules.jobs.Job;
import io.leadrules.jobs.JobLock;
import io.leadrules.rules.ActiveRuleset;
import io.leadrules.rules.RulesetActivated;
import io.leadrules.rules.RulesetOutOfSyncException;
import io.leadrules.store.EventRepository;
import io.leadrules.store.LeadRepository;
import io.leadrules.store.LeadRow;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A new ruleset changes scores with no new event, and may push a lead over the MQL line (or under it). After each
 * activation (hot reload, {@code POST /rules/reload}, rollback) and at start-up (the rules may have changed while
 * the service was down), the leads whose latest decision is of another version are rescored in the background: a
 * page of lead ids at a time, each lead in its own short transaction under its row lock (as ingestion rescoring),
 * storing a decision with cause "ruleset" (previous and new version) and the MQL transition if the verdict changed.
 * <p>
 * One pass runs at a time on a thread of its own, so neither the reload call nor request threads wait for it; an
 * activation during a pass queues one more pass, which catches the leads the running one had already passed.
 * {@code leadrules.rescore-on-ruleset-change=false} switches it off (leads then move to a new ruleset at their next
 * event).
 * <p>
 * Only the replica that recorded an activation rescores after it ({@link RulesetActivated}); the replicas that follow
 * it ({@code RulesetFollowed}) do not, or every lead would be rescored once per replica.
 * With several replicas, one pass runs at a time across all of them ({@link JobLock}): a replica whose pass finds
 * another one running waits for it to end, then runs its own (which finds little left to do), so the work is finished
 * even if the replica running it dies.
 */
@ApplicationScoped
public class RulesetRescore {

    private static final Logger LOG = Logger.getLogger(RulesetRescore.class);
    static final int PAGE_SIZE = 200;
    /** How often a pass waiting for another replica's tries the lock again. */
    private static final Duration LOCK_RETRY = Duration.ofSeconds(10);

    private final boolean enabled;
    private final LeadRepository leads;
    private final EventRepository events;
    private final RescoreService rescorer;
    private final ActiveRuleset active;
    private final JobLock jobs;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ruleset-rescore");
        t.setDaemon(true);
        return t;
    });
    /** A pass is waiting to start: a further activation needs no other one. */
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean stopping;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public RulesetRescore(RulesetRescoreConfig config, LeadRepository leads, EventRepository events,
                          RescoreService rescorer, ActiveRuleset active, JobLock jobs, Clock clock) {
        this.enabled = config.rescoreOnRulesetChange();
        this.leads = leads;
        this.events = events;
        this.rescorer = rescorer;
        this.active = active;
        this.jobs = jobs;
        this.clock = clock;
    }

    void onActivation(@Observes RulesetActivated activated) {
        schedule();
    }

    /**
     * After the {@code @Startup} beans (priority above theirs): when the rules folder does not compile, the start-up
     * fails there, once, before any pass could touch the ruleset from this thread.
     */
    void onStart(@Observes @Priority(ObserverMethod.DEFAULT_PRIORITY + 100) StartupEvent start) {
        schedule();
    }

    /** Queues a pass unless one is already waiting; returns at once. */
    public void schedule() {
        if (enabled && !stopping && queued.compareAndSet(false, true)) {
            worker.execute(this::passLoggingFailure);
        }
    }

    /**
     * A pass on the worker thread, once no other replica runs one: a failure of the pass itself (not of one lead) is
     * logged, not thrown away.
     */
    private void passLoggingFailure() {
        try {
            while (!stopping && jobs.runAlone(Job.RULESET_RESCORE, this::pass).isEmpty()) {
                if (stopped.await(LOCK_RETRY.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            queued.set(false);
            LOG.errorf(e, "The rescoring pass after a ruleset change stopped; leads move to the new rules at their next event");
        }
    }

    /** One pass over the leads scored by another version than the active one; returns how many were rescored. */
    int pass() {
        queued.set(false);
        int rescored = 0;
        int failed = 0;
        String after = null;
        boolean stopped = false;
        while (!stopping && !stopped) {
            List<String> page = leads.idsScoredByOtherVersion(active.current().version(), after, PAGE_SIZE);
            if (page.isEmpty()) {
                break;
            }
            for (String leadId : page) {
                if (stopping) {
                    break;
                }
                try {
                    rescored += rescore(leadId) ? 1 : 0;
                } catch (RulesetOutOfSyncException e) {
                    // Another version went live meanwhile: the replica that activated it rescores on it.
                    LOG.infof("Rescoring pass stopped: %s", e.getMessage());
                    stopped = true;
                    break;
                } catch (RuntimeException e) {
                    failed++;
                    LOG.warnf("Could not rescore lead %s on ruleset %s: %s", leadId, active.current().version(),
                            e.getMessage());
                }
            }
            after = page.get(page.size() - 1);
        }
        if (rescored > 0 || failed > 0) {
            LOG.infof("Rescored %d lead(s) on ruleset %s (%d failed)", rescored, active.current().version(), failed);
        }
        return rescored;
    }

    /** Locks the lead and, if its latest decision is still of another version, rescores it. */
    @Transactional
    public boolean rescore(String leadId) {
        Optional<LeadRow> row = leads.lock(leadId);
        if (row.isEmpty() || row.get().rulesetVersion() == null
                || row.get().rulesetVersion().equals(active.current().version())) {
            return false;
        }
        rescorer.rescore(row.get(), events.forLead(leadId), DecisionCause.rulesetChange(), clock.instant());
        return true;
    }

    @PreDestroy
    void stop() {
        stopping = true;
        stopped.countDown();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
