package io.leadrules.rules;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versions a replica kept on its own disk before they moved to the database: {@code <leadrules.data.dir>/rulesets/}
 * with one folder per version (its DRL files and {@code tests/}) and {@code index.json} listing the activations in
 * order. Read once, imported by {@link RulesetVersionStore#importLocalVersions()}, then {@code index.json} is renamed
 * {@code index.json.migrated} so the next start does not import it again (the version folders are left as they were).
 */
final class LocalRulesetVersions {

    static final String INDEX = "index.json";
    static final String MIGRATED = "index.json.migrated";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** One line of {@code index.json}; older lines lack {@code activatedBy}. */
    record Entry(String version, Instant activatedAt, String source, String origin, String activatedBy) {
    }

    private final Path root;
    private final List<Entry> activations;
    private final Map<String, RulesetVersionStore.StoredRuleset> versions;

    private LocalRulesetVersions(Path root, List<Entry> activations,
                                 Map<String, RulesetVersionStore.StoredRuleset> versions) {
        this.root = root;
        this.activations = activations;
        this.versions = versions;
    }

    /** The versions under {@code root} ({@code <data.dir>/rulesets}); empty when there is no index left to import. */
    static Optional<LocalRulesetVersions> read(Path root) {
        Path index = root.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            return Optional.empty();
        }
        List<Entry> entries;
        try {
            entries = JSON.readValue(index.toFile(), new TypeReference<List<Entry>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ruleset version index " + index, e);
        }
        Map<String, RulesetVersionStore.StoredRuleset> versions = new LinkedHashMap<>();
        for (Entry entry : entries) {
            Path dir = root.resolve(entry.version()).normalize();
            if (dir.startsWith(root) && Files.isDirectory(dir) && !versions.containsKey(entry.version())) {
                versions.put(entry.version(), new RulesetVersionStore.StoredRuleset(entry.version(),
                        RulesetCompiler.readFolder(dir), ScenarioRunner.readFolder(dir)));
            }
        }
        return Optional.of(new LocalRulesetVersions(root, List.copyOf(entries), versions));
    }

    /** The activations, oldest first. */
    List<Entry> activations() {
        return activations;
    }

    /** A version's files; empty when its folder is missing (its activations cannot be imported). */
    Optional<RulesetVersionStore.StoredRuleset> version(String version) {
        return Optional.ofNullable(versions.get(version));
    }

    /** Renames the index so that the next start finds nothing to import. */
    void markImported() {
        try {
            Files.move(root.resolve(INDEX), root.resolve(MIGRATED), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Imported the ruleset versions of " + root + " into the database but could"
                    + " not rename " + INDEX + " (the next start imports nothing twice, but tries again)", e);
        }
    }
}
