package io.leadrules.limits;

import io.quarkus.runtime.ExecutorRecorder;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests being served against the worker pool they run on ({@code quarkus.thread-pool.max-threads}, by
 * default the larger of 200 and 8 per core). A request counts from when it reached its resource until it is done,
 * whether the client is still there or not: a thread stuck in a rule stays counted.
 */
@ApplicationScoped
public class WorkerLoad {

    private final AtomicInteger busy = new AtomicInteger();
    private final int max;

    public WorkerLoad(@ConfigProperty(name = "quarkus.thread-pool.max-threads") Optional<Integer> maxThreads) {
        this.max = maxThreads.orElseGet(ExecutorRecorder::calculateMaxThreads);
    }

    public void started() {
        busy.incrementAndGet();
    }

    public void finished() {
        busy.decrementAndGet();
    }

    public int busy() {
        return busy.get();
    }

    public int max() {
        return max;
    }
}
