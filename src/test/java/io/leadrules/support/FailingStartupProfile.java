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
import java.util.List;
import java.util.Map;

/**
 * A service restarted after a bad edit of the folder it watches: the rules folder compiles but fails its scenarios
 * (the ideal-buyer title gives 21 points instead of 20), while the data folder holds the last good version, activated
 * before versions moved to the database (so it is imported at start-up and is the database's active version).
 */
public class FailingStartupProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("leadrules.rules.watch", "true");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Folders.class));
    }

    public static class Folders implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            Path base = Path.of("target", "it-failing-startup").toAbsolutePath();
            Path rules = base.resolve("rules");
            Path data = base.resolve("data");
            TempRulesFolder.deleteTree(base);
            TempRulesFolder.copyRepoRules(rules);
            try {
                Path fit = rules.resolve("fit.drl");
                Files.writeString(fit, Files.readString(fit)
                        .replace("@category(\"fit\") @points(20)", "@category(\"fit\") @points(21)"));
                storeGoodVersion(data.resolve("rulesets"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("leadrules.rules.dir", rules.toString(), "leadrules.data.dir", data.toString());
        }

        /** What an earlier run left: the repository's rules stored as an activated version. */
        private static void storeGoodVersion(Path rulesets) throws IOException {
            List<RuleFile> files = RulesetCompiler.readFolder(TempRulesFolder.REPO_RULES);
            String version = RulesetCompiler.version(files);
            TempRulesFolder.copyRepoRules(rulesets.resolve(version));
            Map<String, Object> activation = Map.of("version", version, "activatedAt", "2026-11-01T00:00:00Z",
                    "source", "folder", "origin", "rules", "contentHash", RulesetCompiler.contentHash(files),
                    "files", files.stream().map(RuleFile::path).toList(), "ruleCount", 39);
            new ObjectMapper().writeValue(rulesets.resolve("index.json").toFile(), List.of(activation));
        }

        @Override
        public void stop() {
        }
    }
}
