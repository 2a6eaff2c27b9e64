package io.leadrules.rules;

import io.leadrules.store.RulesetActivationRow;
import io.leadrules.store.RulesetRepository;
import io.leadrules.store.RulesetVersionRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps every activated ruleset in the database, so every replica serves the same one, versions survive restarts,
 * and any of them can be diffed and reactivated on any replica. The database's active version is the one the whole
 * service runs ({@link RulesetReloader} follows it); this class only reads and writes it (SQL in
 * {@link RulesetRepository}).
 */
@ApplicationScoped
public class RulesetVersionStore {

    private static final Logger LOG = Logger.getLogger(RulesetVersionStore.class);

    private final RulesetRepository repository;
    private final Path localRoot;

    public RulesetVersionStore(RulesetRepository repository, RulesLifecycleConfig config) {
        this.repository = repository;
        this.localRoot = Path.of(config.data().dir()).resolve("rulesets");
    }

    /**
     * One activation: which version became active, when, from what, and by whom ({@code activatedBy}: the name of the
     * API key that asked; null for the folder watcher and start-up, and in versions stored before keys had names).
     *
     * @param id the database's id of the activation; 0 for one not recorded
     */
    public record Activation(long id, String version, Instant activatedAt, String source, String origin,
                             String contentHash, List<String> files, int ruleCount, String activatedBy) {
    }

    /** The files of a stored version, ready to compile and test again. */
    public record StoredRuleset(String version, List<RuleFile> files, List<ScenarioFile> tests) {
    }

    /**
     * What {@link #activate} did.
     *
     * @param active the activation in force afterwards: {@code recorded} ? the new one : the one that had already
     *               made the version active (on this or another replica)
     * @param previousVersion the database's active version before (null: none yet)
     */
    public record Activated(Activation active, String previousVersion, boolean recorded) {
    }

    /**
     * Stores the version's files (replacing its scenarios, which may change without the rules changing) and, unless
     * the database's active version is already this one, records {@code activation} and makes it the active one for
     * every replica. One transaction, under the lock of the active pointer: two replicas activating at once are
     * recorded one after the other.
     */
    @Transactional
    public Activated activate(Activation activation, List<RuleFile> files, List<ScenarioFile> tests) {
        repository.saveVersion(versionRow(activation, files, tests));
        Optional<RulesetActivationRow> before = repository.lockActive();
        if (before.isPresent() && before.get().version().equals(activation.version())) {
            return new Activated(activation(before.get()), activation.version(), false);
        }
        Activation recorded = record(activation);
        return new Activated(recorded, before.map(RulesetActivationRow::version).orElse(null), true);
    }

    /** Every activation, oldest first. */
    public List<Activation> activations() {
        return repository.activations().stream().map(RulesetVersionStore::activation).toList();
    }

    /** The activation that made the database's active version active; empty before the first one. */
    public Optional<Activation> active() {
        return repository.active().map(RulesetVersionStore::activation);
    }

    /** The database's active version alone (cheap: read for every stored decision). */
    public Optional<String> activeVersion() {
        return repository.activeVersion();
    }

    /**
     * A stored version by its name; the full {@code contentHash} (64 hex digits, as {@code GET /rules/versions}
     * lists it) and upper case name it too, so a hash copied from anywhere finds its version.
     */
    public Optional<StoredRuleset> load(String name) {
        String version = normalize(name);
        if (!version.matches("[0-9a-f]{1,64}")) {
            return Optional.empty();
        }
        return repository.findVersion(version).map(row -> new StoredRuleset(row.version(),
                row.ruleFiles().stream().map(f -> new RuleFile(f.path(), f.content())).toList(),
                row.scenarioFiles().stream().map(f -> new ScenarioFile(f.path(), f.content())).toList()));
    }

    /** A version as people copy it (upper case, the full 64-digit content hash) as the service names it. */
    public static String normalize(String name) {
        String version = name.strip().toLowerCase(Locale.ROOT);
        return version.length() == 64 && version.matches("[0-9a-f]+") ? version.substring(0, 12) : version;
    }

    /**
     * Imports, once, the versions this replica kept under {@code <leadrules.data.dir>/rulesets/} before they moved to
     * the database; see {@link #importLocalVersions(Path)}.
     */
    public int importLocalVersions() {
        return importLocalVersions(localRoot);
    }

    /**
     * Imports the versions kept in {@code rulesets} (a version folder each and {@code index.json}): each version not
     * stored yet, and each activation not imported yet (several replicas may import their own histories). The active
     * pointer is set only if the database had none: a replica that upgrades after another does not move the version
     * every replica serves. Then {@code index.json} is renamed {@code index.json.migrated}, so this happens once.
     * Returns how many activations were imported.
     */
    public int importLocalVersions(Path rulesets) {
        Optional<LocalRulesetVersions> local = LocalRulesetVersions.read(rulesets);
        if (local.isEmpty()) {
            return 0;
        }
        int imported = QuarkusTransaction.requiringNew().call(() -> importAll(local.get(), rulesets));
        local.get().markImported();
        LOG.infof("Imported %d ruleset activation(s) of %d listed in %s into the database; renamed it %s", imported,
                local.get().activations().size(), rulesets.resolve(LocalRulesetVersions.INDEX),
                LocalRulesetVersions.MIGRATED);
        return imported;
    }

    private int importAll(LocalRulesetVersions local, Path rulesets) {
        boolean hadActive = repository.lockActive().isPresent();
        int imported = 0;
        Long last = null;
        for (LocalRulesetVersions.Entry entry : local.activations()) {
            Optional<StoredRuleset> stored = local.version(entry.version());
            if (stored.isEmpty() || entry.activatedAt() == null) {
                LOG.warnf("Not importing the activation of ruleset version %s at %s: its files are not in %s",
                        entry.version(), entry.activatedAt(), rulesets);
                continue;
            }
            List<RuleFile> files = stored.get().files();
            Activation activation = new Activation(0, entry.version(), micros(entry.activatedAt()), entry.source(),
                    entry.origin() == null ? "imported from a data folder" : entry.origin(),
                    RulesetCompiler.contentHash(files), files.stream().map(RuleFile::path).toList(),
                    RuleCatalog.of(files).rules().size(), entry.activatedBy());
            repository.insertVersion(versionRow(activation, files, stored.get().tests()));
            Optional<Long> existing = repository.findActivation(activation.version(), activation.activatedAt());
            if (existing.isPresent()) {
                last = existing.get();
                continue;
            }
            last = repository.insertActivation(row(activation));
            imported++;
        }
        if (!hadActive && last != null) {
            repository.setActive(last);
        }
        return imported;
    }

    private Activation record(Activation activation) {
        Activation stored = new Activation(0, activation.version(), micros(activation.activatedAt()),
                activation.source(), activation.origin(), activation.contentHash(), activation.files(),
                activation.ruleCount(), activation.activatedBy());
        long id = repository.insertActivation(row(stored));
        repository.setActive(id);
        return new Activation(id, stored.version(), stored.activatedAt(), stored.source(), stored.origin(),
                stored.contentHash(), stored.files(), stored.ruleCount(), stored.activatedBy());
    }

    /** Both databases keep microseconds: what is returned is what a later read gives. */
    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    private static RulesetVersionRow versionRow(Activation activation, List<RuleFile> files, List<ScenarioFile> tests) {
        return new RulesetVersionRow(activation.version(), activation.contentHash(), activation.ruleCount(),
                files.stream().map(f -> new RulesetVersionRow.StoredFile(f.path(), f.content())).toList(),
                tests.stream().map(t -> new RulesetVersionRow.StoredFile(t.path(), t.content())).toList(),
                micros(activation.activatedAt()), activation.activatedBy());
    }

    private static RulesetActivationRow row(Activation a) {
        return new RulesetActivationRow(a.id(), a.version(), a.activatedAt(), a.source(), a.origin(), a.activatedBy(),
                a.contentHash(), a.files(), a.ruleCount());
    }

    private static Activation activation(RulesetActivationRow row) {
        return new Activation(row.id(), row.version(), row.activatedAt(), row.source(), row.origin(),
                row.contentHash(), row.fileNames(), row.ruleCount(), row.activatedBy());
    }
}
