package io.leadrules.jobs;

import io.leadrules.store.AdvisoryLocks;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * One runner per background job: with several replicas on one database, each replica schedules the jobs, and the
 * one that gets the job's lock runs it while the others skip that run. The lock is held only while the job runs and
 * vanishes with a replica that dies (see {@link AdvisoryLocks}), so another replica takes the job over at its next
 * run. Call outside a transaction.
 */
@ApplicationScoped
public class JobLock {

    private static final Logger LOG = Logger.getLogger(JobLock.class);

    private final AdvisoryLocks locks;

    public JobLock(AdvisoryLocks locks) {
        this.locks = locks;
    }

    /** Runs the job here and returns its result, or returns empty at once if another runner holds its lock. */
    public <T> Optional<T> runAlone(Job job, Supplier<T> body) {
        Optional<AdvisoryLocks.Held> lock = locks.tryLock(job.lockName());
        if (lock.isEmpty()) {
            LOG.debugf("Skipped %s: another replica (or thread) is running it", job.lockName());
            return Optional.empty();
        }
        try (AdvisoryLocks.Held held = lock.get()) {
            return Optional.ofNullable(body.get());
        }
    }
}
