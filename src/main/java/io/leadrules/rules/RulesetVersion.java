package io.leadrules.rules;

import java.time.Instant;
import java.util.List;

/**
 * One stored ruleset version as {@code GET /rules/versions} lists it, with every time it was activated.
 *
 * @param activatedAt the most recent activation; {@code source} is that activation's
 */
public record RulesetVersion(String version, String contentHash, List<String> files, int ruleCount, boolean active,
                             Instant activatedAt, String source, String activatedBy, List<Entry> activations) {

    /** One activation; {@code activatedBy} names the API key that asked for it (null: folder watcher, start-up). */
    public record Entry(Instant at, String source, String origin, String activatedBy) {
    }

    /** One version with the content it was activated with: its DRL files and its scenario files. */
    public record WithFiles(RulesetVersion version, List<RuleFile> files, List<ScenarioFile> scenarios) {
    }
}
