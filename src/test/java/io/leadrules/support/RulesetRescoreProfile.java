package io.leadrules.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * A private copy of the rules, reloaded through the API, with stored leads rescored after each activation (off
 * in the other tests, whose reloads would otherwise rescore every lead other tests left in the database).
 */
public class RulesetRescoreProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("leadrules.rules.watch", "false",
                "leadrules.rescore-on-ruleset-change", "true");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TempRulesFolder.class, Map.of("name", "ruleset-rescore")));
    }
}
