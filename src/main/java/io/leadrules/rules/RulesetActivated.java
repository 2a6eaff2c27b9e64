package io.leadrules.rules;

import java.time.Instant;

/**
 * Fired (CDI event, synchronously, on the thread that activated it) when a new ruleset version goes live through
 * {@link RulesetReloader}: a folder reload (watcher or {@code POST /rules/reload}) or a rollback. Fired only on the
 * replica that recorded the activation in the database, once per activation for the whole service: the replicas that
 * then switch to it fire {@link RulesetFollowed} instead. Not fired when the files are the version already active.
 * Observers must return quickly: the reload call waits for them.
 *
 * @param source {@link RulesetReloader#FOLDER}, {@link RulesetReloader#API} or {@link RulesetReloader#ROLLBACK}
 */
public record RulesetActivated(String version, String previousVersion, String source, Instant at) {
}
