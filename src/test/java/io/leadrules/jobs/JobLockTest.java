package io.leadrules.jobs;

import io.leadrules.store.AdvisoryLocks;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A job whose lock another runner holds is skipped, not run twice; once released, it runs. */
class JobLockTest {

    @Test
    void skipsAJobWhileAnotherRunnerHoldsItsLock() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:job-lock;MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        AdvisoryLocks locks = new AdvisoryLocks(h2);
        JobLock jobs = new JobLock(locks);
        AtomicInteger runs = new AtomicInteger();

        try (AdvisoryLocks.Held other = locks.tryLock(Job.MQL_RECHECK.lockName()).orElseThrow()) {
            assertThat(jobs.runAlone(Job.MQL_RECHECK, runs::incrementAndGet)).isEmpty();
            assertThat(jobs.runAlone(Job.RULESET_RESCORE, runs::incrementAndGet)).contains(1);
        }
        assertThat(jobs.runAlone(Job.MQL_RECHECK, runs::incrementAndGet)).contains(2);
        assertThat(jobs.runAlone(Job.MQL_RECHECK, runs::incrementAndGet)).as("released after the run").contains(3);
    }
}
