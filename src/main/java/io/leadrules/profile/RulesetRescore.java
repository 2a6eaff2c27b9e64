package io.leadrules.profile;

import io.leadrules.jobs.Job;
import io.leadrules.jobs.JobLock;
import io.leadrules.rules.ActiveRuleset;
import io.leadrules.rules.RulesetActivated;
import io.leadrules.rules.RulesetOutOfSyncException;
import io.leadrules.store.EventRepository;
import io.leadrules.store.LeadRepository;
import io.leadrules.store.LeadRow;
import io.leadrules.store.StoredEvent;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A new ruleset changes scores with no new event, and may push a lead over the MQL line (or under it). After each
 * activation (hot reload, {@code POST /rules/reload}, rollback) and at start-up (the rules may have changed while
 * the service was down), the leads whose latest decision is of another version are rescored in the background: a
 * page of lead ids at a time ({@code leadrules.rescore.page-size}), each page in one short transaction under its
 * leads' row locks (read in one query with their events, the writes batched), {@code leadrules.rescore.workers}
 * pages at once, storing for each lead a decision with cause "ruleset" (previous and new version) and the MQL
 * transition if the verdict changed. When a page cannot be stored, its leads are rescored again one transaction
 * each, so that one lead the database refuses costs only itself.
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
    /** How often a pass waiting for another replica's tries the lock again. */
    private static final Duration LOCK_RETRY = Duration.ofSeconds(10);

    private final boolean enabled;
    private final LeadRepository leads;
    private final EventRepository events;
    private final RescoreService rescorer;
    private final ActiveRuleset active;
    private final JobLock jobs;
    private final Clock clock;
    private final int pageSize;
    private final int workers;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "ruleset-rescore"));
    /** The pages of a pass, {@code workers} at a time. */
    private final ExecutorService pages;
    /** A pass is waiting to start: a further activation needs no other one. */
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean stopping;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public RulesetRescore(RulesetRescoreConfig config, LeadRepository leads, EventRepository events,
                          RescoreService rescorer, ActiveRuleset active, JobLock jobs, Clock clock) {
        this.enabled = config.rescoreOnRulesetChange();
        this.pageSize = Math.max(1, config.rescore().pageSize());
        this.workers = Math.max(1, config.rescore().workers());
        AtomicInteger threads = new AtomicInteger();
        this.pages = Executors.newFixedThreadPool(workers,
                r -> daemon(r, "ruleset-rescore-page-" + threads.incrementAndGet()));
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
        Progress progress = new Progress();
        Semaphore slots = new Semaphore(workers);
        String after = null;
        while (!stopping && !progress.stopped) {
            List<String> page = leads.idsScoredByOtherVersion(active.current().version(), after, pageSize);
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1);
            // At most `workers` pages at once; the next page's ids are read while they run.
            slots.acquireUninterruptibly();
            try {
                pages.execute(() -> {
                    try {
                        rescorePage(page, progress);
                    } finally {
                        slots.release();
                    }
                });
            } catch (RejectedExecutionException e) {
                slots.release();
                break;
            }
        }
        slots.acquireUninterruptibly(workers);
        if (progress.rescored.get() > 0 || progress.failed.get() > 0) {
            LOG.infof("Rescored %d lead(s) on ruleset %s (%d failed)", progress.rescored.get(),
                    active.current().version(), progress.failed.get());
        }
        return progress.rescored.get();
    }

    /** Counts of a pass, shared by its pages. */
    private static final class Progress {
        final AtomicInteger rescored = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        volatile boolean stopped;
    }

    /**
     * Rescores a page in one transaction; when storing it fails, each lead of the page again in its own, so that one
     * lead the database refuses does not hold the others back.
     */
    private void rescorePage(List<String> page, Progress progress) {
        if (stopping || progress.stopped) {
            return;
        }
        try {
            RescoreService.Rescored done = rescoreAll(page);
            progress.rescored.addAndGet(done.rescored().size());
            progress.failed.addAndGet(done.failed().size());
            done.failed().forEach((leadId, e) -> LOG.warnf("Could not rescore lead %s on ruleset %s: %s", leadId,
                    active.current().version(), e.getMessage()));
            return;
        } catch (RulesetOutOfSyncException e) {
            stoppedBy(e, progress);
            return;
        } catch (RuntimeException e) {
            LOG.warnf("Could not rescore a page of %d leads from %s in one transaction, rescoring them one by one: %s",
                    page.size(), page.get(0), e.getMessage());
        }
        for (String leadId : page) {
            if (stopping || progress.stopped) {
                return;
            }
            try {
                progress.rescored.addAndGet(rescore(leadId) ? 1 : 0);
            } catch (RulesetOutOfSyncException e) {
                stoppedBy(e, progress);
            } catch (RuntimeException e) {
                progress.failed.incrementAndGet();
                LOG.warnf("Could not rescore lead %s on ruleset %s: %s", leadId, active.current().version(),
                        e.getMessage());
            }
        }
    }

    /** Another version went live meanwhile: the replica that activated it rescores on it. */
    private static void stoppedBy(RulesetOutOfSyncException e, Progress progress) {
        if (!progress.stopped) {
            progress.stopped = true;
            LOG.infof("Rescoring pass stopped: %s", e.getMessage());
        }
    }

    /**
     * Locks these leads and rescores, in one transaction, those whose latest decision is still of another version:
     * one query for their rows, one for their events, the writes batched.
     */
    @Transactional
    RescoreService.Rescored rescoreAll(List<String> leadIds) {
        String version = active.current().version();
        List<LeadRow> rows = leads.lockAll(leadIds).stream()
                .filter(row -> row.rulesetVersion() != null && !row.rulesetVersion().equals(version)).toList();
        if (rows.isEmpty()) {
            return new RescoreService.Rescored(List.of(), Map.of());
        }
        Map<String, List<StoredEvent>> byLead = events.forLeads(rows.stream().map(LeadRow::leadId).toList());
        return rescorer.rescoreAll(rows.stream().map(row -> new RescoreService.Rescoring(row,
                byLead.getOrDefault(row.leadId(), List.of()))).toList(), DecisionCause.rulesetChange(), clock.instant());
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

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @PreDestroy
    void stop() {
        stopping = true;
        stopped.countDown();
        worker.shutdown();
        pages.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
            if (!pages.awaitTermination(10, TimeUnit.SECONDS)) {
                pages.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            pages.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
