package io.leadrules.rules;

import io.leadrules.support.TempRulesFolder;
import io.leadrules.support.WatchedRulesProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The folder watcher on a private copy of the rules: changes go live by themselves, bursts reload once. */
@QuarkusTest
@TestProfile(WatchedRulesProfile.class)
class RulesFolderWatcherTest {

    @ConfigProperty(name = "leadrules.rules.dir")
    String rulesDir;

    @Inject
    RulesetReloader reloader;

    @AfterEach
    void restoreRules() throws InterruptedException {
        TempRulesFolder.copyRepoRules(Path.of(rulesDir));
        String original = RulesetCompiler.version(RulesetCompiler.readFolder(TempRulesFolder.REPO_RULES));
        awaitActive(original);
    }

    @Test
    void aBurstOfWritesIsOneReload() throws Exception {
        long before = reloader.status().attempts();
        Path extra = Path.of(rulesDir, "extra.drl");
        String rule = Files.readString(Path.of("src/test/resources/lifecycle/extra.drl"));
        for (int i = 1; i <= 5; i++) {
            // What editors do: write a temp file, then move it over the original.
            Path tmp = Path.of(rulesDir, ".extra.drl.swp");
            Files.writeString(tmp, rule.replace("@points(4)", "@points(" + i + ")"));
            Files.move(tmp, extra, StandardCopyOption.REPLACE_EXISTING);
            Thread.sleep(WatchedRulesProfile.DEBOUNCE_MS / 5);
        }
        String expected = RulesetCompiler.version(RulesetCompiler.readFolder(Path.of(rulesDir)));

        awaitActive(expected);
        Thread.sleep(WatchedRulesProfile.DEBOUNCE_MS * 3);

        assertThat(reloader.status().attempts()).isEqualTo(before + 1);
        assertThat(reloader.status().source()).isEqualTo("folder");
        assertThat(reloader.activeRules()).anySatisfy(r -> {
            assertThat(r.name()).isEqualTo("Country: New Zealand");
            assertThat(r.points()).isEqualByComparingTo("5");
        });
    }

    @Test
    void aBrokenSaveIsNotActivatedAndMarksTheRulesStale() throws Exception {
        String before = reloader.status().version();
        Files.copy(Path.of("src/test/resources/lifecycle/broken.drl"), Path.of(rulesDir, "broken.drl"));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!reloader.status().stale() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }

        RulesStatus status = reloader.status();
        assertThat(status.version()).isEqualTo(before);
        assertThat(status.stale()).as("stale in %s", status).isTrue();
        assertThat(status.lastFailure().source()).isEqualTo("folder");
        assertThat(status.lastFailure().errors()).first().satisfies(e -> {
            assertThat(e.file()).isEqualTo("broken.drl");
            assertThat(e.line()).isEqualTo(12);
        });
    }

    @Test
    void aFolderReplacedByADeployIsWatchedAgain() throws Exception {
        Path dir = Path.of(rulesDir);
        Path old = dir.resolveSibling(dir.getFileName() + ".old");
        Files.move(dir, old);
        TempRulesFolder.copyRepoRules(dir);
        deleteTree(old);
        Thread.sleep(1500);

        Files.copy(Path.of("src/test/resources/lifecycle/extra.drl"), dir.resolve("extra.drl"));

        awaitActive(RulesetCompiler.version(RulesetCompiler.readFolder(dir)));
        assertThat(reloader.activeRules()).anySatisfy(r -> assertThat(r.name()).isEqualTo("Country: New Zealand"));
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private void awaitActive(String version) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!version.equals(reloader.status().version()) || reloader.status().stale()) {
            assertThat(Instant.now()).as("waiting for version %s to become active", version).isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
