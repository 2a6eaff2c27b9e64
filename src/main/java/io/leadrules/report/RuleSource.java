package io.leadrules.report;

import io.leadrules.rules.ActiveRuleset;
import io.leadrules.rules.RuleFile;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

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
}
