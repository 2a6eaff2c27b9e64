package io.leadrules.store;

import java.time.Instant;
import java.util.List;

/**
 * One activation (table {@code ruleset_activation}) with what listings show of its version: content hash, DRL file
 * names and rule count.
 *
 * @param id 0 for one not stored yet
 * @param activatedBy the API key's name that asked for it; null for the folder watcher and start-up
 */
public record RulesetActivationRow(long id, String version, Instant activatedAt, String source, String origin,
                                   String activatedBy, String contentHash, List<String> fileNames, int ruleCount) {
}
