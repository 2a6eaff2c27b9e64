package io.leadrules.rules;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Keeps every activated ruleset so it survives restarts and can be diffed and reactivated. Files live under
 * {@code <leadrules.data.dir>/rulesets/<version>/} as a copy of the rules folder (DRL files plus {@code tests/}),
 * and {@code rulesets/index.json} lists the activations in order. Small on purpose, so it can move to the
 * database later without its callers noticing.
 */
@ApplicationScoped
public class RulesetVersionStore {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path root;

    public RulesetVersionStore(RulesLifecycleConfig config) {
        this.root = Path.of(config.data().dir()).resolve("rulesets");
    }

    /**
     * One activation: which version became active, when, from what, and by whom ({@code activatedBy}: the name of the
     * API key that asked; null for the folder watcher and start-up, and in versions stored before keys had names).
     */
    public record Activation(String version, Instant activatedAt, String source, String origin, String contentHash,
                             List<String> files, int ruleCount, String activatedBy) {
    }

    /** The files of a stored version, ready to compile and test again. */
    public record StoredRuleset(String version, List<RuleFile> files, List<ScenarioFile> tests) {
    }

    /** Stores the version's files (replacing its tests, which may change without the rules changing). */
    public synchronized void save(String version, List<RuleFile> files, List<ScenarioFile> tests) {
        Path target = versionDir(version);
        Path staging = root.resolve(version + ".staging");
        try {
            deleteTree(staging);
            for (RuleFile f : files) {
                write(staging, f.path(), f.content());
            }
            for (ScenarioFile t : tests) {
                write(staging, t.path(), t.content());
            }
            deleteTree(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store ruleset version " + version + " in " + root, e);
        }
    }

    public synchronized void recordActivation(Activation activation) {
        List<Activation> all = new ArrayList<>(activations());
        all.add(activation);
        try {
            Files.createDirectories(root);
            Path tmp = root.resolve("index.json.tmp");
            JSON.writeValue(tmp.toFile(), all);
            Files.move(tmp, root.resolve("index.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ruleset version index in " + root, e);
        }
    }

    /** Every activation, oldest first. */
    public synchronized List<Activation> activations() {
        Path index = root.resolve("index.json");
        if (!Files.exists(index)) {
            return List.of();
        }
        try {
            return JSON.readValue(index.toFile(), new TypeReference<List<Activation>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ruleset version index " + index, e);
        }
    }

    public Optional<Activation> lastActivation() {
        List<Activation> all = activations();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * A stored version by its name; the full {@code contentHash} (64 hex digits, as {@code GET /rules/versions}
     * lists it) and upper case name it too, so a hash copied from anywhere finds its version.
     */
    public synchronized Optional<StoredRuleset> load(String name) {
        String version = normalize(name);
        if (!version.matches("[0-9a-f]{1,64}")) {
            return Optional.empty();
        }
        Path dir = versionDir(version);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        return Optional.of(new StoredRuleset(version, RulesetCompiler.readFolder(dir), ScenarioRunner.readFolder(dir)));
    }

    /** A version as people copy it (upper case, the full 64-digit content hash) as the service names it. */
    public static String normalize(String name) {
        String version = name.strip().toLowerCase(java.util.Locale.ROOT);
        return version.length() == 64 && version.matches("[0-9a-f]+") ? version.substring(0, 12) : version;
    }

    private Path versionDir(String version) {
        return root.resolve(version);
    }

    private static void write(Path dir, String relative, String content) throws IOException {
        Path file = dir.resolve(relative).normalize();
        if (!file.startsWith(dir)) {
            throw new IOException("Refusing to store a file outside the version folder: " + relative);
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
