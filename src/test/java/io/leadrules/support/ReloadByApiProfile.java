package io.leadrules.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** A private copy of the rules, not watched: tests change files and call POST /rules/reload themselves. */
public class ReloadByApiProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("leadrules.rules.watch", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TempRulesFolder.class, Map.of("name", "api-reload")));
    }
}
