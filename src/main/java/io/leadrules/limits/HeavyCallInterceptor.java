package io.leadrules.limits;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Runs a {@link HeavyCall} through the {@link HeavyCallGate}. */
@HeavyCall
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class HeavyCallInterceptor {

    private final HeavyCallGate gate;

    public HeavyCallInterceptor(HeavyCallGate gate) {
        this.gate = gate;
    }

    @AroundInvoke
    Object throughGate(InvocationContext call) throws Exception {
        return gate.run(call::proceed);
    }
}
