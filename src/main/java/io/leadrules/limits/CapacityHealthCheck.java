package io.leadrules.limits;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@code capacity}: DOWN while fewer than {@code leadrules.limits.min-free-workers} worker threads
 * are free, i.e. while a new request would wait for a thread: the service cannot take work, so a load balancer
 * should send it elsewhere. Kept a few threads short of exhaustion because Quarkus runs the blocking readiness
 * checks on the same pool: with no thread left the probe would only time out.
 * <p>
 * A full {@link HeavyCallGate} alone does not make it DOWN: {@code /score} and ingestion still answer then, and the
 * heavy calls turned away get a 429 with {@code Retry-After}; taking the instance out of rotation would turn one
 * long backtest into an outage of scoring. Its figures are in the data.
 */
@Readiness
@ApplicationScoped
public class CapacityHealthCheck implements HealthCheck {

    private final WorkerLoad workers;
    private final HeavyCallGate heavy;
    private final int minFree;

    public CapacityHealthCheck(WorkerLoad workers, HeavyCallGate heavy, LimitsConfig config) {
        this.workers = workers;
        this.heavy = heavy;
        this.minFree = config.minFreeWorkers();
    }

    @Override
    public HealthCheckResponse call() {
        int busy = workers.busy();
        return HealthCheckResponse.named("capacity").status(workers.max() - busy >= minFree)
                .withData("workersBusy", busy)
                .withData("workersMax", workers.max())
                .withData("minFreeWorkers", minFree)
                .withData("heavyCallsRunning", heavy.inUse())
                .withData("heavyCallsMax", heavy.capacity())
                .build();
    }
}
