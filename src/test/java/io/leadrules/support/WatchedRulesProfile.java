package io.leadrules.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** A private copy of the rules, watched with a short debounce. */
public class WatchedRulesProfile implements QuarkusTestProfile {

    public static final long DEBOUNCE_MS = 400;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("leadrules.rules.watch", "true", "leadrules.rules.reload-debounce", DEBOUNCE_MS + "ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TempRulesFolder.class, Map.of("name", "watched")));
    }
}
