package io.leadrules.limits;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;

/**
 * At most {@code leadrules.limits.heavy-concurrency} calls over many leads run at once; one more is turned away
 * at once (429, {@code Retry-After}) rather than queued: a queue would hold its worker thread while it waits. So
 * however many backtests are sent, the rest of the worker pool stays free for {@code /score} and ingestion.
 */
@ApplicationScoped
public class HeavyCallGate {

    private final int capacity;
    private final Semaphore permits;

    public HeavyCallGate(LimitsConfig config) {
        this.capacity = config.heavyConcurrency();
        this.permits = new Semaphore(capacity);
    }

    public <T> T run(Callable<T> call) throws Exception {
        if (!permits.tryAcquire()) {
            throw new CapacityExceededException(capacity);
        }
        try {
            return call.call();
        } finally {
            permits.release();
        }
    }

    public int inUse() {
        return capacity - permits.availablePermits();
    }

    public int capacity() {
        return capacity;
    }
}
