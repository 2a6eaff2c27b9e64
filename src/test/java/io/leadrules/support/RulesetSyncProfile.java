package io.leadrules.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrules.rules.RuleFile;
import io.leadrules.rules.RulesetCompiler;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One replica of several on the test database, which does not watch its rules folder: a private copy of the
 * repository's rules, and a data folder holding the version it ran before versions moved to the database (the
 * repository's rules plus {@code lifecycle/extra.drl}, activated by the key "ops"), imported at start-up.
 */
public class RulesetSyncProfile implements QuarkusTestProfile {

    /** The version kept on disk: the repository's rules and a New Zealand rule. */
    public static final List<RuleFile> KEPT_VERSION = keptVersion();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("leadrules.rules.watch", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Folders.class));
    }

    private static List<RuleFile> keptVersion() {
        List<RuleFile> files = new ArrayList<>(RulesetCompiler.readFolder(TempRulesFolder.REPO_RULES));
        files.add(new RuleFile("extra.drl", Fixtures.text("lifecycle/extra.drl", Map.of())));
        // In the order the folder is read: the version is the hash of the files in that order.
        files.sort(Comparator.comparing(RuleFile::path));
        return List.copyOf(files);
    }

    public static class Folders implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            Path base = Path.of("target", "it-ruleset-sync").toAbsolutePath();
            Path rules = base.resolve("rules");
            Path rulesets = base.resolve("data").resolve("rulesets");
            TempRulesFolder.deleteTree(base);
            TempRulesFolder.copyRepoRules(rules);
            String version = RulesetCompiler.version(KEPT_VERSION);
            try {
                TempRulesFolder.copyRepoRules(rulesets.resolve(version));
                Files.writeString(rulesets.resolve(version).resolve("extra.drl"), KEPT_VERSION.stream()
                        .filter(f -> f.path().equals("extra.drl")).findFirst().orElseThrow().content());
                Map<String, Object> activation = Map.of("version", version, "activatedAt", "2026-11-01T00:00:00Z",
                        "source", "api", "origin", "rules folder rules", "activatedBy", "ops",
                        "contentHash", RulesetCompiler.contentHash(KEPT_VERSION),
                        "files", KEPT_VERSION.stream().map(RuleFile::path).toList(), "ruleCount", 40);
                new ObjectMapper().writeValue(rulesets.resolve("index.json").toFile(), List.of(activation));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("leadrules.rules.dir", rules.toString(), "leadrules.data.dir", base.resolve("data").toString());
        }

        @Override
        public void stop() {
        }
    }
}
