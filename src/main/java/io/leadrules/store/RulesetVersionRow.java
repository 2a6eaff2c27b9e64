package io.leadrules.store;

import java.time.Instant;
import java.util.List;

/**
 * A stored ruleset version (table {@code ruleset_version}): its DRL files and the scenario files activated with them.
 *
 * @param createdBy the API key's name whose reload or activation stored it; null for the folder watcher and start-up
 */
public record RulesetVersionRow(String version, String contentHash, int ruleCount, List<StoredFile> ruleFiles,
                                List<StoredFile> scenarioFiles, Instant createdAt, String createdBy) {

    /** One file of a version: its path relative to the rules folder and its text. */
    public record StoredFile(String path, String content) {
    }
}
