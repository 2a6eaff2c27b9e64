package io.leadrules.report;

import io.leadrules.rules.ActiveRuleset;
import io.leadrules.rules.RuleFile;
import io.leadrules.rules.RuleInfo;
import io.leadrules.rules.Ruleset;
import io.leadrules.rules.RulesetVersionNotFoundException;
import io.leadrules.rules.RulesetVersionStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The DRL files of the active ruleset (or a stored one), line by line, for the source page the reports link rules to. */
@ApplicationScoped
public class RuleSource {

    private final ActiveRuleset active;
    private final RulesetVersionStore versions;

    public RuleSource(ActiveRuleset active, RulesetVersionStore versions) {
        this.active = active;
        this.versions = versions;
    }

    /**
     * A file's lines in {@code version} (null: the active ruleset), so a report about an older version links to the
     * lines its rules had then. {@link RuleFileNotFoundException} names the files there are; an unknown version is
     * {@link RulesetVersionNotFoundException}.
     */
    public List<String> lines(String path, String version) {
        String shown = version(version);
        List<RuleFile> files = shown.equals(active.current().version()) ? active.current().files()
                : versions.load(shown).map(RulesetVersionStore.StoredRuleset::files)
                        .orElseThrow(() -> new RulesetVersionNotFoundException(shown));
        return files.stream().filter(f -> f.path().equals(path)).findFirst()
                .map(f -> f.content().lines().toList())
                .orElseThrow(() -> new RuleFileNotFoundException("No rule file \"" + path + "\" in ruleset "
                        + shown + "; its files: " + files.stream().map(RuleFile::path).toList()));
    }

    /** The version a source page shows: the one asked for, or the active one. */
    public String version(String asked) {
        return asked == null || asked.isBlank() ? active.current().version() : asked.trim();
    }

    /** Whether {@code version} is the ruleset serving now. */
    public boolean isActive(String version) {
        return active.current().version().equals(version);
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
