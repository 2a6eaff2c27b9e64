package io.leadrules.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gives a test profile its own copy of the repository's {@code rules/} (and an empty data folder) under
 * {@code target/}, so tests that change rules never touch the real ones. Also restores the copy between tests.
 */
public class TempRulesFolder implements QuarkusTestResourceLifecycleManager {

    public static final Path REPO_RULES = Path.of("rules");

    private String name = "rules";

    @Override
    public void init(Map<String, String> initArgs) {
        name = initArgs.getOrDefault("name", name);
    }

    @Override
    public Map<String, String> start() {
        Path base = Path.of("target", "it-" + name).toAbsolutePath();
        Path rules = base.resolve("rules");
        Path data = base.resolve("data");
        deleteTree(base);
        copyRepoRules(rules);
        return Map.of("leadrules.rules.dir", rules.toString(), "leadrules.data.dir", data.toString());
    }

    @Override
    public void stop() {
    }

    /** Makes {@code dir} an exact copy of the repository's rules folder again. */
    public static void copyRepoRules(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.filter(Files::isRegularFile).toList()) {
                        if (!Files.exists(REPO_RULES.resolve(dir.relativize(p)))) {
                            Files.delete(p);
                        }
                    }
                }
            }
            try (Stream<Path> files = Files.walk(REPO_RULES)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    Path target = dir.resolve(REPO_RULES.relativize(p));
                    Files.createDirectories(target.getParent());
                    String content = Files.readString(p);
                    if (!Files.exists(target) || !Files.readString(target).equals(content)) {
                        Files.writeString(target, content);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
