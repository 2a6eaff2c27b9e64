package io.leadrules.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;
import java.util.Set;

/** The movable {@link TestClock} instead of the system clock, and a 10-point MQL hysteresis band. */
public class ControlledClockProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("leadrules.mql.hysteresis", "10");
    }
}
