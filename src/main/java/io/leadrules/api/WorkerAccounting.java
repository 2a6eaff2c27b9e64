package io.leadrules.api;

import io.leadrules.limits.WorkerLoad;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Counts each request that reached a resource in {@link WorkerLoad} until its processing completes (answered,
 * failed, or its client gone and its thread done), for the readiness check.
 */
public class WorkerAccounting {

    private final WorkerLoad load;

    public WorkerAccounting(WorkerLoad load) {
        this.load = load;
    }

    @ServerRequestFilter
    public void count(ResteasyReactiveContainerRequestContext request) {
        load.started();
        request.getServerRequestContext().registerCompletionCallback(failure -> load.finished());
    }
}
