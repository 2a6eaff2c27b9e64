package io.leadrules.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadrules.rules.policy.RulesPolicy;
import io.leadrules.limits.CandidateLimits;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gate between rule files and the active ruleset: compile, validate, run the scenario tests, and only then
 * record the activation in the database (for every replica) and swap atomically. A set that fails any step is not
 * activated; the last good one keeps serving and the failure is kept for {@code GET /rules/status}. Reloads,
 * rollbacks and switches to a version activated elsewhere ({@link #followDatabase()}) run one at a time.
 */
@Startup
@ApplicationScoped
public class RulesetReloader {

    private static final Logger LOG = Logger.getLogger(RulesetReloader.class);

    public static final String STARTUP = "startup";
    public static final String FOLDER = "folder";
    public static final String API = "api";
    public static final String ROLLBACK = "rollback";
    /** The source of {@link RulesStatus#syncFailure()}: switching to the database's active version. */
    public static final String SYNC = "sync";

    private final ActiveRuleset active;
    private final RulesetVersionStore store;
    private final ScenarioRunner runner;
    private final Clock clock;
    private final RulesLifecycleConfig config;
    private final Event<RulesetActivated> activated;
    private final Event<RulesetFollowed> followed;
    private final CandidateLimits candidateLimits;
    /** Frees replaced rulesets after the grace delay, once requests that started on them are done. */
    private final ScheduledExecutorService releaser = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ruleset-releaser");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong attempts = new AtomicLong();

    private volatile RulesetVersionStore.Activation current;
    private volatile RulesStatus.Attempt lastAttempt;
    private volatile RulesStatus.Failure lastFailure;
    /**
     * The last failure to load the rules folder, cleared when the folder loads: while set, the folder holds changes
     * that are not live (the rules are stale). A rollback does not clear it: the folder is still bad.
     */
    private volatile RulesStatus.Failure folderFailure;
    /** The database's active activation when this replica last read or wrote it; null while there is none. */
    private volatile RulesetVersionStore.Activation databaseActive;
    private volatile Instant databaseCheckedAt;
    /** When this replica first saw another version active in the database than the one it serves; null when in sync. */
    private volatile Instant outOfSyncSince;
    /** The database's active version did not compile here: kept until another version is active. */
    private volatile RulesStatus.Failure syncFailure;

    public RulesetReloader(ActiveRuleset active, RulesetVersionStore store, RulesetScorer scorer, Clock clock,
                           RulesLifecycleConfig config, Event<RulesetActivated> activated,
                           Event<RulesetFollowed> followed, CandidateLimits candidateLimits) {
        this.active = active;
        this.candidateLimits = candidateLimits;
        this.store = store;
        this.runner = new ScenarioRunner(scorer);
        this.clock = clock;
        this.config = config;
        this.activated = activated;
        this.followed = followed;
    }

    /**
     * What this replica serves from start-up. The database's active version, if there is one, is what every replica
     * serves; the rules folder (compiled at start-up by {@link ActiveRuleset}) is gated by its scenarios and activated
     * like any reload when the database has no active version yet, or when this replica watches the folder
     * ({@code leadrules.rules.watch=true}) and its files differ from the active version's. A replica that does not
     * watch its folder never activates it at start-up: an old image restarting must not roll every replica back.
     */
    @PostConstruct
    synchronized void checkStartupRuleset() {
        store.importLocalVersions();
        Ruleset startup = active.current();
        Path dir = rulesDir();
        Instant now = clock.instant();
        current = activation(startup, now, STARTUP, folderOrigin(dir), null);
        Optional<RulesetVersionStore.Activation> database = store.active();
        databaseActive = database.orElse(null);
        databaseCheckedAt = now;
        if (database.isPresent() && !database.get().version().equals(startup.version()) && !config.rules().watch()) {
            LOG.infof("Serving ruleset %s, active in the database; the rules folder (version %s) is not watched here"
                    + " (leadrules.rules.watch=false), so its files load only with POST /rules/reload",
                    database.get().version(), startup.version());
            follow(database.get(), now);
            return;
        }
        List<ScenarioFile> tests = ScenarioRunner.readFolder(dir);
        List<DrlProblem> problems = new ArrayList<>();
        List<Scenario> scenarios = ScenarioRunner.parse(tests, problems);
        RulesetCheck check = new RulesetCheck(startup, startup.version(), problems, runner.run(startup, scenarios));
        attempts.incrementAndGet();
        if (check.valid()) {
            RulesetVersionStore.Activated recorded = store.activate(current, startup.files(), tests);
            current = recorded.active();
            databaseActive = recorded.active();
            lastAttempt = new RulesStatus.Attempt(now, STARTUP, true, startup.version(), true);
            LOG.infof("Ruleset %s passed its %d scenario(s)%s", startup.version(), scenarios.size(),
                    recorded.recorded() ? "; now the active version in the database" : "");
            return;
        }
        recordFailure(check, STARTUP, now);
        LOG.errorf("The rules in %s fail their scenario tests: %s", dir.toAbsolutePath(), lastFailure.summary());
        serveDatabaseVersion(database, startup.version(), now);
    }

    /**
     * A start-up set that fails its scenarios is not activated: the database's active version serves, if there is
     * one (the last version activated, here or on another replica).
     */
    private void serveDatabaseVersion(Optional<RulesetVersionStore.Activation> database, String failing, Instant now) {
        if (database.isEmpty()) {
            LOG.errorf("No earlier version is stored: serving ruleset %s although its scenarios fail", failing);
            return;
        }
        if (database.get().version().equals(failing)) {
            // The same files passed when they were activated: the configuration (threshold, caps) changed since.
            current = database.get();
            LOG.errorf("Ruleset %s is the active version, so it keeps serving although its scenarios now fail"
                    + " (did the configuration change?)", failing);
            return;
        }
        LOG.infof("Serving ruleset %s instead, the active version in the database", database.get().version());
        follow(database.get(), now);
    }

    /**
     * Switches to the database's active version when another replica (or a rollback there) activated one that this
     * replica does not serve yet; called every {@code leadrules.rules.sync-every} by {@link RulesetSync}.
     */
    public synchronized void followDatabase() {
        Instant now = clock.instant();
        Optional<RulesetVersionStore.Activation> database = store.active();
        databaseActive = database.orElse(null);
        databaseCheckedAt = now;
        if (database.isEmpty()) {
            // Nothing activated yet (every start-up so far failed its scenarios): each replica serves its folder.
            outOfSyncSince = null;
            return;
        }
        follow(database.get(), now);
    }

    /**
     * Serves {@code target}, the database's active version: compiled from its stored files under the folder's policy,
     * without running its scenarios again (they passed when it was activated). If it does not compile here (a replica
     * on a stricter policy, or an older build), the current ruleset keeps serving, the failure shows in
     * {@code GET /rules/status} and readiness is DOWN until another version is active.
     */
    private void follow(RulesetVersionStore.Activation target, Instant now) {
        Ruleset served = active.current();
        if (target.version().equals(served.version())) {
            current = target;
            inSync();
            return;
        }
        if (outOfSyncSince == null) {
            outOfSyncSince = now;
        }
        if (syncFailure != null && syncFailure.version().equals(target.version())) {
            return;
        }
        RulesetVersionStore.StoredRuleset stored = store.load(target.version())
                .orElseThrow(() -> new RulesetVersionNotFoundException(target.version()));
        Ruleset next;
        try {
            next = active.compiler().compile(stored.files(), "version " + stored.version(), active.folderPolicy());
            if (!next.version().equals(target.version())) {
                next.release();
                throw new RulesetInvalidException(List.of(new DrlProblem("", 0, 0, "The files stored as version "
                        + target.version() + " are version " + next.version() + ": the stored version is damaged")));
            }
        } catch (RulesetInvalidException e) {
            syncFailure = new RulesStatus.Failure(now, SYNC, target.version(), e.problems(), List.of());
            LOG.errorf("Ruleset %s, the active version in the database, does not compile here: still serving %s, and"
                    + " not ready (no decision is stored) until it does or another version is activated. %s",
                    target.version(), served.version(), syncFailure.summary());
            return;
        }
        Ruleset previous = active.activate(next);
        current = target;
        inSync();
        retire(previous);
        LOG.infof("Ruleset %s active, following the database (%s from %s%s at %s, %d rules); replaced %s",
                next.version(), target.source(), target.origin(),
                target.activatedBy() == null ? "" : " by key " + target.activatedBy(), target.activatedAt(),
                ruleCount(next), previous.version());
        followed.fire(new RulesetFollowed(next.version(), previous.version(), now));
    }

    private void inSync() {
        outOfSyncSince = null;
        syncFailure = null;
    }

    /** Loads the rules folder as it is now; {@code source} says who asked ({@link #FOLDER} or {@link #API}). */
    public ReloadResult reloadFolder(String source) {
        return reloadFolder(source, null);
    }

    /** As {@link #reloadFolder(String)}, asked for by the API key named {@code by} (recorded with the version). */
    public synchronized ReloadResult reloadFolder(String source, String by) {
        Path dir = rulesDir();
        List<ScenarioFile> tests = List.of();
        RulesetCheck check;
        try {
            List<RuleFile> files = RulesetCompiler.readFolder(dir);
            tests = ScenarioRunner.readFolder(dir);
            check = check(files, tests, dir.toAbsolutePath().toString());
        } catch (RulesetInvalidException e) {
            check = new RulesetCheck(null, null, e.problems(), List.of());
        }
        return activateOrReject(check, tests, source, folderOrigin(dir), by);
    }

    /** Rolls back (or forward) to a stored version, after checking it again with the scenarios stored with it. */
    public synchronized ReloadResult activateVersion(String version, String by) {
        RulesetVersionStore.StoredRuleset stored = store.load(version)
                .orElseThrow(() -> new RulesetVersionNotFoundException(version));
        RulesetCheck check = check(stored.files(), stored.tests(), "version " + stored.version());
        return activateOrReject(check, stored.tests(), ROLLBACK, "version " + stored.version(), by);
    }

    /**
     * Compiles and runs scenarios without activating anything. {@code problems} are those already found while
     * reading the scenarios; they make the check invalid.
     */
    private RulesetCheck validate(List<RuleFile> files, List<Scenario> scenarios, List<DrlProblem> problems,
                                  RulesPolicy policy) {
        RulesetCheck check = check(files, scenarios, new ArrayList<>(problems), "validation", policy);
        check.discard();
        return check;
    }

    /**
     * Validates submitted files and scenarios (see {@link ScenarioRunner#fromJson}) without activating anything.
     * Null {@code files} means the rules folder's files (under the folder's policy); null {@code scenarios} means
     * the folder's scenarios.
     *
     * @param callerPolicy {@link RulesPolicy#STRICT} unless the caller is trusted with open DRL; submitted files are
     *                     compiled under the stricter of it and the configured policy
     */
    public RulesetCheck validate(List<RuleFile> files, List<JsonNode> scenarios, RulesPolicy callerPolicy) {
        candidateLimits.check(files == null ? null : files.stream().map(RuleFile::content).toList());
        List<DrlProblem> problems = new ArrayList<>();
        List<RuleFile> ruleFiles = files != null ? files : RulesetCompiler.readFolder(rulesDir());
        RulesPolicy policy = files != null ? RulesPolicy.strictest(active.folderPolicy(), callerPolicy)
                : active.folderPolicy();
        List<Scenario> list = scenarios != null ? ScenarioRunner.fromJson(scenarios, problems)
                : ScenarioRunner.parse(ScenarioRunner.readFolder(rulesDir()), problems);
        return validate(ruleFiles, list, problems, policy);
    }

    /** The rules of the active ruleset, in file order. */
    public List<RuleInfo> activeRules() {
        return List.copyOf(active.current().catalog().rules());
    }

    public RulesStatus status() {
        RulesetVersionStore.Activation a = current;
        RulesStatus.Failure stale = folderFailure;
        RulesetVersionStore.Activation database = databaseActive;
        Ruleset live = active.current();
        Instant loadedAt = live.version().equals(a.version()) ? live.loadedAt() : a.activatedAt();
        String databaseVersion = database == null ? null : database.version();
        boolean inSync = databaseVersion == null || databaseVersion.equals(live.version());
        RulesStatus.Failure failure = syncFailure;
        return new RulesStatus(a.version(), loadedAt, a.activatedAt(), a.source(), a.origin(), a.ruleCount(),
                a.files(), lastAttempt, lastFailure, stale != null, attempts.get(), databaseVersion, inSync,
                databaseCheckedAt, inSync ? null : outOfSyncSince,
                failure != null && failure.version().equals(databaseVersion) ? failure : null);
    }

    /**
     * Why this replica should not take traffic, or empty when it may: it serves the database's active version, or is
     * switching to it for no longer than {@code leadrules.rules.sync-every} plus {@code sync-grace}.
     */
    public Optional<String> notReady() {
        RulesStatus status = status();
        if (status.inSync()) {
            return Optional.empty();
        }
        if (status.syncFailure() != null) {
            return Optional.of("Ruleset " + status.databaseVersion() + ", active in the database, does not compile here: "
                    + status.syncFailure().summary());
        }
        Instant since = status.outOfSyncSince();
        Instant deadline = since == null ? null : since.plus(config.rules().syncEvery()).plus(config.rules().syncGrace());
        if (deadline != null && clock.instant().isAfter(deadline)) {
            return Optional.of("Serving ruleset " + status.version() + " while " + status.databaseVersion()
                    + " has been the active version in the database since " + since);
        }
        return Optional.empty();
    }

    /** Stored versions, the most recently activated first. */
    /** One stored version with its files; an unknown one is {@link RulesetVersionNotFoundException}. */
    public RulesetVersion.WithFiles version(String name) {
        RulesetVersionStore.StoredRuleset stored = store.load(name)
                .orElseThrow(() -> new RulesetVersionNotFoundException(name));
        RulesetVersion listed = versions().stream().filter(v -> v.version().equals(stored.version())).findFirst()
                .orElseThrow(() -> new RulesetVersionNotFoundException(name));
        return new RulesetVersion.WithFiles(listed, stored.files(), stored.tests());
    }

    public List<RulesetVersion> versions() {
        Map<String, List<RulesetVersionStore.Activation>> byVersion = new LinkedHashMap<>();
        for (RulesetVersionStore.Activation a : store.activations()) {
            byVersion.computeIfAbsent(a.version(), v -> new ArrayList<>()).add(a);
        }
        String activeVersion = store.activeVersion().orElse(active.current().version());
        List<RulesetVersion> versions = new ArrayList<>();
        byVersion.forEach((version, list) -> {
            RulesetVersionStore.Activation last = list.get(list.size() - 1);
            versions.add(new RulesetVersion(version, last.contentHash(), last.files(), last.ruleCount(),
                    version.equals(activeVersion), last.activatedAt(), last.source(), last.activatedBy(),
                    list.stream().map(a -> new RulesetVersion.Entry(a.activatedAt(), a.source(), a.origin(),
                            a.activatedBy())).toList()));
        });
        versions.sort(Comparator.comparing(RulesetVersion::activatedAt).reversed());
        return versions;
    }

    public List<RulesetDiff.FileDiff> diff(String from, String to) {
        RulesetVersionStore.StoredRuleset a = store.load(from).orElseThrow(() -> new RulesetVersionNotFoundException(from));
        RulesetVersionStore.StoredRuleset b = store.load(to).orElseThrow(() -> new RulesetVersionNotFoundException(to));
        return RulesetDiff.between(a, b);
    }

    @PreDestroy
    void stop() {
        releaser.shutdownNow();
    }

    /** The folder's files, or a stored version (which came from the folder): under the folder's policy. */
    private RulesetCheck check(List<RuleFile> files, List<ScenarioFile> tests, String source) {
        List<DrlProblem> problems = new ArrayList<>();
        List<Scenario> scenarios = ScenarioRunner.parse(tests, problems);
        return check(files, scenarios, problems, source, active.folderPolicy());
    }

    private RulesetCheck check(List<RuleFile> files, List<Scenario> scenarios, List<DrlProblem> problems, String source,
                               RulesPolicy policy) {
        String version = RulesetCompiler.version(files);
        Ruleset candidate;
        try {
            candidate = active.compiler().compile(files, source, policy);
        } catch (RulesetInvalidException e) {
            List<DrlProblem> all = new ArrayList<>(e.problems());
            all.addAll(problems);
            return new RulesetCheck(null, version, all, List.of());
        }
        return new RulesetCheck(candidate, version, problems, runner.run(candidate, scenarios));
    }

    private ReloadResult activateOrReject(RulesetCheck check, List<ScenarioFile> tests, String source, String origin,
                                          String by) {
        attempts.incrementAndGet();
        Instant now = clock.instant();
        if (!check.valid()) {
            check.discard();
            recordFailure(check, source, now);
            LOG.errorf("Ruleset from %s not activated (%s); still serving %s. %s", origin, source,
                    active.current().version(), lastFailure.summary());
            throw new RulesetRejectedException("The ruleset from " + origin, check.errors(), check.failedScenarios());
        }
        Ruleset next = check.ruleset();
        Ruleset previous = active.current();
        if (!ROLLBACK.equals(source)) {
            folderFailure = null;
        }
        RulesetVersionStore.Activated recorded = store.activate(activation(next, now, source, origin, by), next.files(),
                tests);
        databaseActive = recorded.active();
        databaseCheckedAt = now;
        current = recorded.active();
        inSync();
        boolean swap = !previous.version().equals(next.version());
        if (!swap) {
            check.discard();
        }
        if (!swap && !recorded.recorded()) {
            lastAttempt = new RulesStatus.Attempt(now, source, true, next.version(), false);
            return new ReloadResult(next.version(), previous.version(), false, source, ruleCount(previous), check.scenarios());
        }
        if (swap) {
            active.activate(next);
            retire(previous);
        }
        // Another replica may have made a third version active meanwhile: that is the one this activation replaced.
        String replaced = recorded.recorded() && recorded.previousVersion() != null ? recorded.previousVersion()
                : previous.version();
        lastAttempt = new RulesStatus.Attempt(now, source, true, next.version(), true);
        LOG.infof("Ruleset %s active (%s from %s%s, %d rules, %d scenario(s) passed); replaced %s%s", next.version(),
                source, origin, by == null ? "" : " by key " + by, ruleCount(next), check.scenarios().size(), replaced,
                recorded.recorded() ? "" : " here (the database had it active already)");
        if (recorded.recorded()) {
            activated.fire(new RulesetActivated(next.version(), replaced, source, now));
        } else {
            followed.fire(new RulesetFollowed(next.version(), previous.version(), now));
        }
        return new ReloadResult(next.version(), replaced, true, source, ruleCount(next), check.scenarios());
    }

    private void recordFailure(RulesetCheck check, String source, Instant now) {
        RulesStatus.Failure failure = new RulesStatus.Failure(now, source, check.version(), check.errors(),
                check.failedScenarios());
        lastFailure = failure;
        lastAttempt = new RulesStatus.Attempt(now, source, false, check.version(), false);
        if (!ROLLBACK.equals(source)) {
            folderFailure = failure;
        }
    }

    /** Requests that started on the replaced ruleset hold it; free it only after they have surely finished. */
    private void retire(Ruleset replaced) {
        releaser.schedule(() -> {
            try {
                replaced.release();
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not free ruleset %s", replaced.version());
            }
        }, config.rules().releaseGrace().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static RulesetVersionStore.Activation activation(Ruleset ruleset, Instant at, String source, String origin,
                                                             String by) {
        return new RulesetVersionStore.Activation(0, ruleset.version(), at, source, origin,
                RulesetCompiler.contentHash(ruleset.files()), ruleset.files().stream().map(RuleFile::path).toList(),
                ruleCount(ruleset), by);
    }

    private static int ruleCount(Ruleset ruleset) {
        return ruleset.catalog().rules().size();
    }

    private Path rulesDir() {
        return active.rulesDir();
    }

    /**
     * The rules folder as status and versions show it: "rules folder" and its name, never its absolute path (which
     * tells a caller the host's layout and user names).
     */
    static String folderOrigin(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return "rules folder " + (name == null ? "" : name.toString());
    }
}
