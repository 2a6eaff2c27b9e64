package io.leadrules.rules;

import io.leadrules.config.LeadrulesConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Clock;
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
            Ruleset ruleset = compiler.compile(RulesetCompiler.readFolder(dir), dir.toAbsolutePath().toString());
            current.set(ruleset);
            LOG.infof("Ruleset %s active: %d rules from %d files in %s", ruleset.version(),
                    ruleset.catalog().rules().size(), ruleset.files().size(), dir.toAbsolutePath());
        } catch (RulesetInvalidException e) {
            LOG.errorf("Refusing to start: the rules in %s are invalid.%n%s", dir.toAbsolutePath(), e.getMessage());
            throw e;
        }
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

    /** Makes {@code next} the ruleset for every new request; returns the one it replaced. */
    public Ruleset activate(Ruleset next) {
        return current.getAndSet(next);
    }
}
