package io.leadrules.rules;

import com.fasterxml.jackson.databind.JsonNode;
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
 * swap atomically. A set that fails any step is not activated; the last good one keeps serving and the failure
 * is kept for {@code GET /rules/status}. Reloads and rollbacks run one at a time.
 */
@Startup
@ApplicationScoped
public class RulesetReloader {

    private static final Logger LOG = Logger.getLogger(RulesetReloader.class);

    public static final String STARTUP = "startup";
    public static final String FOLDER = "folder";
    public static final String API = "api";
    public static final String ROLLBACK = "rollback";

    private final ActiveRuleset active;
    private final RulesetVersionStore store;
    private final ScenarioRunner runner;
    private final Clock clock;
    private final RulesLifecycleConfig config;
    private final Event<RulesetActivated> activated;
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

    public RulesetReloader(ActiveRuleset active, RulesetVersionStore store, RulesetScorer scorer, Clock clock,
                           RulesLifecycleConfig config, Event<RulesetActivated> activated,
                           CandidateLimits candidateLimits) {
        this.active = active;
        this.candidateLimits = candidateLimits;
        this.store = store;
        this.runner = new ScenarioRunner(scorer);
        this.clock = clock;
        this.config = config;
        this.activated = activated;
    }

    /** The folder's rules were compiled at start-up; here their scenarios gate them like any reload. */
    @PostConstruct
    synchronized void checkStartupRuleset() {
        Ruleset startup = active.current();
        Path dir = rulesDir();
        List<ScenarioFile> tests = ScenarioRunner.readFolder(dir);
        List<DrlProblem> problems = new ArrayList<>();
        List<Scenario> scenarios = ScenarioRunner.parse(tests, problems);
        RulesetCheck check = new RulesetCheck(startup, startup.version(), problems, runner.run(startup, scenarios));
        Instant now = clock.instant();
        current = activation(startup, now, STARTUP, dir.toAbsolutePath().toString());
        attempts.incrementAndGet();
        if (check.valid()) {
            store.save(startup.version(), startup.files(), tests);
            if (!store.lastActivation().map(a -> a.version().equals(startup.version())).orElse(false)) {
                store.recordActivation(current);
            }
            lastAttempt = new RulesStatus.Attempt(now, STARTUP, true, startup.version(), true);
            LOG.infof("Ruleset %s passed its %d scenario(s)", startup.version(), scenarios.size());
            return;
        }
        recordFailure(check, STARTUP, now);
        LOG.errorf("The rules in %s fail their scenario tests: %s", dir.toAbsolutePath(), lastFailure.summary());
        restorePrevious(startup.version());
    }

    /** A start-up set that fails its scenarios is replaced by the last version activated before, if there is one. */
    private void restorePrevious(String failing) {
        Optional<RulesetVersionStore.Activation> last = store.lastActivation();
        Optional<RulesetVersionStore.Activation> previous = last.filter(a -> !a.version().equals(failing));
        if (last.isEmpty()) {
            LOG.errorf("No earlier version is stored: serving ruleset %s although its scenarios fail", failing);
            return;
        }
        if (previous.isEmpty()) {
            // The same files passed when they were last activated: the configuration (threshold, caps) changed since.
            LOG.errorf("Ruleset %s is the version activated last, so it keeps serving although its scenarios now fail"
                    + " (did the configuration change?)", failing);
            return;
        }
        try {
            store.load(previous.get().version()).ifPresent(stored -> {
                RulesetCheck check = check(stored.files(), stored.tests(), "version " + stored.version());
                activateOrReject(check, stored.tests(), ROLLBACK, "version " + stored.version() + " (restored at start-up)");
            });
        } catch (RulesetRejectedException e) {
            LOG.errorf("Could not restore version %s either: %s", previous.get().version(), e.getMessage());
        }
    }

    /** Loads the rules folder as it is now; {@code source} says who asked ({@link #FOLDER} or {@link #API}). */
    public synchronized ReloadResult reloadFolder(String source) {
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
        return activateOrReject(check, tests, source, dir.toAbsolutePath().toString());
    }

    /** Rolls back (or forward) to a stored version, after checking it again with the scenarios stored with it. */
    public synchronized ReloadResult activateVersion(String version) {
        RulesetVersionStore.StoredRuleset stored = store.load(version)
                .orElseThrow(() -> new RulesetVersionNotFoundException(version));
        RulesetCheck check = check(stored.files(), stored.tests(), "version " + stored.version());
        return activateOrReject(check, stored.tests(), ROLLBACK, "version " + stored.version());
    }

    /**
     * Compiles and runs scenarios without activating anything. {@code problems} are those already found while
     * reading the scenarios; they make the check invalid.
     */
    public RulesetCheck validate(List<RuleFile> files, List<Scenario> scenarios, List<DrlProblem> problems) {
        RulesetCheck check = check(files, scenarios, new ArrayList<>(problems), "validation");
        check.discard();
        return check;
    }

    /**
     * Validates submitted files and scenarios (see {@link ScenarioRunner#fromJson}) without activating anything.
     * Null {@code files} means the rules folder's files; null {@code scenarios} means the folder's scenarios.
     */
    public RulesetCheck validate(List<RuleFile> files, List<JsonNode> scenarios) {
        candidateLimits.check(files == null ? null : files.stream().map(RuleFile::content).toList());
        List<DrlProblem> problems = new ArrayList<>();
        List<RuleFile> ruleFiles = files != null ? files : RulesetCompiler.readFolder(rulesDir());
        List<Scenario> list = scenarios != null ? ScenarioRunner.fromJson(scenarios, problems)
                : ScenarioRunner.parse(ScenarioRunner.readFolder(rulesDir()), problems);
        return validate(ruleFiles, list, problems);
    }

    /** The rules of the active ruleset, in file order. */
    public List<RuleInfo> activeRules() {
        return List.copyOf(active.current().catalog().rules());
    }

    public RulesStatus status() {
        RulesetVersionStore.Activation a = current;
        RulesStatus.Failure stale = folderFailure;
        Ruleset live = active.current();
        Instant loadedAt = live.version().equals(a.version()) ? live.loadedAt() : a.activatedAt();
        return new RulesStatus(a.version(), loadedAt, a.activatedAt(), a.source(), a.origin(), a.ruleCount(),
                a.files(), lastAttempt, lastFailure, stale != null, attempts.get());
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
        String activeVersion = active.current().version();
        List<RulesetVersion> versions = new ArrayList<>();
        byVersion.forEach((version, list) -> {
            RulesetVersionStore.Activation last = list.get(list.size() - 1);
            versions.add(new RulesetVersion(version, last.contentHash(), last.files(), last.ruleCount(),
                    version.equals(activeVersion), last.activatedAt(), last.source(),
                    list.stream().map(a -> new RulesetVersion.Entry(a.activatedAt(), a.source(), a.origin())).toList()));
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

    private RulesetCheck check(List<RuleFile> files, List<ScenarioFile> tests, String source) {
        List<DrlProblem> problems = new ArrayList<>();
        List<Scenario> scenarios = ScenarioRunner.parse(tests, problems);
        return check(files, scenarios, problems, source);
    }

    private RulesetCheck check(List<RuleFile> files, List<Scenario> scenarios, List<DrlProblem> problems, String source) {
        String version = RulesetCompiler.version(files);
        Ruleset candidate;
        try {
            candidate = active.compiler().compile(files, source);
        } catch (RulesetInvalidException e) {
            List<DrlProblem> all = new ArrayList<>(e.problems());
            all.addAll(problems);
            return new RulesetCheck(null, version, all, List.of());
        }
        return new RulesetCheck(candidate, version, problems, runner.run(candidate, scenarios));
    }

    private ReloadResult activateOrReject(RulesetCheck check, List<ScenarioFile> tests, String source, String origin) {
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
        store.save(next.version(), next.files(), tests);
        Ruleset previous = active.current();
        if (!ROLLBACK.equals(source)) {
            folderFailure = null;
        }
        if (previous.version().equals(next.version())) {
            check.discard();
            lastAttempt = new RulesStatus.Attempt(now, source, true, next.version(), false);
            return new ReloadResult(next.version(), previous.version(), false, source, ruleCount(previous), check.scenarios());
        }
        RulesetVersionStore.Activation activation = activation(next, now, source, origin);
        store.recordActivation(activation);
        active.activate(next);
        current = activation;
        lastAttempt = new RulesStatus.Attempt(now, source, true, next.version(), true);
        retire(previous);
        LOG.infof("Ruleset %s active (%s from %s, %d rules, %d scenario(s) passed); replaced %s", next.version(),
                source, origin, ruleCount(next), check.scenarios().size(), previous.version());
        activated.fire(new RulesetActivated(next.version(), previous.version(), source, now));
        return new ReloadResult(next.version(), previous.version(), true, source, ruleCount(next), check.scenarios());
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

    private static RulesetVersionStore.Activation activation(Ruleset ruleset, Instant at, String source, String origin) {
        return new RulesetVersionStore.Activation(ruleset.version(), at, source, origin,
                RulesetCompiler.contentHash(ruleset.files()), ruleset.files().stream().map(RuleFile::path).toList(),
                ruleCount(ruleset));
    }

    private static int ruleCount(Ruleset ruleset) {
        return ruleset.catalog().rules().size();
    }

    private Path rulesDir() {
        return active.rulesDir();
    }
}
