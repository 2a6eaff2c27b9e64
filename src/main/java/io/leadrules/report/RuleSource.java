package io.leadrules.report;

import io.leadrules.rules.ActiveRuleset;
import io.leadrules.rules.RuleFile;
import io.leadrules.rules.RuleInfo;
import io.leadrules.rules.Ruleset;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The DRL files of the active ruleset, line by line, for the source page the reports link rules to. */
@ApplicationScoped
public class RuleSource {

    private final ActiveRuleset active;

    public RuleSource(ActiveRuleset active) {
        this.active = active;
    }

    /** A file's lines; {@link RuleFileNotFoundException} names the files there are when it is not one of them. */
    public List<String> lines(String path) {
        List<RuleFile> files = active.current().files();
        return files.stream().filter(f -> f.path().equals(path)).findFirst()
                .map(f -> f.content().lines().toList())
                .orElseThrow(() -> new RuleFileNotFoundException("No rule file \"" + path + "\" in the active ruleset "
                        + active.current().version() + "; its files: " + files.stream().map(RuleFile::path).toList()));
    }

    public String version() {
        return active.current().version();
    }

    /**
     * The rules of the active ruleset by name when it is {@code version}, else none: the source page shows only
     * the active files, so a report about another version must not link there.
     */
    public Map<String, RuleInfo> rulesOf(String version) {
        Ruleset current = active.current();
        return current.version().equals(version) ? current.catalog().byName() : Map.of();
    }

    /** The folder whose files are the candidate when a preview names none. */
    public Path rulesDir() {
        return active.rulesDir();
    }
}
