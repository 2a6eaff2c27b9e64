package io.leadrules.rules;

import io.leadrules.config.LeadrulesConfig;
import io.leadrules.rules.policy.RulesPolicy;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the ruleset that scores right now. Loaded at start-up from {@code leadrules.rules.dir}: if those files
 * do not compile the service refuses to start, listing every error. Swapping is atomic, so a request always runs
 * on exactly one ruleset.
 */
@Startup
@ApplicationScoped
public class ActiveRuleset {

    private static final Logger LOG = Logger.getLogger(ActiveRuleset.class);

    private final LeadrulesConfig config;
    private final RulesetCompiler compiler;
    private final AtomicReference<Ruleset> current = new AtomicReference<>();

    public ActiveRuleset(LeadrulesConfig config, Clock clock) {
        this.config = config;
        this.compiler = new RulesetCompiler(clock, config.engine().sessionPoolSize());
    }

    @PostConstruct
    void loadAtStartup() {
        Path dir = rulesDir();
        try {
            List<RuleFile> files = RulesetCompiler.readFolder(dir);
            if (folderPolicy() == RulesPolicy.OPEN) {
                warnOpenPolicy(dir, files);
            }
            Ruleset ruleset = compiler.compile(files, dir.toAbsolutePath().toString(), folderPolicy());
            current.set(ruleset);
            LOG.infof("Ruleset %s active: %d rules from %d files in %s", ruleset.version(),
                    ruleset.catalog().rules().size(), ruleset.files().size(), dir.toAbsolutePath());
        } catch (RulesetInvalidException e) {
            LOG.errorf("Refusing to start: the rules in %s are invalid.%n%s", dir.toAbsolutePath(), e.getMessage());
            throw e;
        }
    }

    /**
     * Open DRL can run any code inside the service: say so loudly, with what the strict policy would refuse, so that
     * an open folder is a decision someone can see rather than a default nobody noticed.
     */
    private static void warnOpenPolicy(Path dir, List<RuleFile> files) {
        List<DrlProblem> refused = files.stream().flatMap(f -> RulesetCompiler.strictProblems(f).stream()).toList();
        LOG.warnf("leadrules.rules.policy=open: the DRL in %s is trusted and compiled unchecked (functions, imports and"
                + " Java in rules can run any code in this service); rules sent in request bodies are still checked"
                + " strictly unless the caller is an admin. The strict policy would refuse %d thing(s) in it%s",
                dir.toAbsolutePath(), refused.size(), refused.isEmpty() ? "" : ":"
                        + refused.stream().limit(10).map(p -> "\n  " + p).collect(Collectors.joining()));
    }

    public Ruleset current() {
        return current.get();
    }

    public RulesetCompiler compiler() {
        return compiler;
    }

    public Path rulesDir() {
        return Path.of(config.rules().dir());
    }

    /** The policy of the rules folder (config {@code leadrules.rules.policy}), for start-up, reloads and rollbacks. */
    public RulesPolicy folderPolicy() {
        return config.rules().policy();
    }

    /** Makes {@code next} the ruleset for every new request; returns the one it replaced. */
    public Ruleset activate(Ruleset next) {
        return current.getAndSet(next);
    }
}
