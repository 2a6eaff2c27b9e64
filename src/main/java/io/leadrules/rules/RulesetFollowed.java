package io.leadrules.rules;

import java.time.Instant;

/**
 * Fired (CDI event, synchronously) when this replica switches to a version that was made active in the database
 * elsewhere: by another replica, or before this one started. Not a {@link RulesetActivated}: the replica that recorded
 * the activation fired that one, and what follows an activation once for the whole service (rescoring stored leads)
 * must not run again on every replica that merely follows it. Observe this for what each replica must redo when its
 * rules change (caches of the active ruleset).
 */
public record RulesetFollowed(String version, String previousVersion, Instant at) {
}
