package io.leadrules.rules;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /rules/status} shows: the active ruleset, the last load attempt, the last one that failed, and
 * whether this replica serves the database's active version.
 *
 * @param loadedAt when the active ruleset was loaded (compiled), as every score it gives says in {@code ruleset.loadedAt}
 * @param activatedAt when it went live (after its scenarios passed), as {@code GET /rules/versions} records it
 * @param source how the active ruleset was activated: startup, folder (watcher), api (POST /rules/reload), rollback
 * @param origin where its files came from: the rules folder path, or the stored version it was rolled back to
 * @param stale true when the last load of the rules folder failed: the folder holds changes that are not live
 * @param attempts load attempts since start-up (each debounced burst of changes is one)
 * @param databaseVersion the version active in the database, for every replica, when this replica last read it
 *                        ({@code databaseCheckedAt}); null before the first activation
 * @param inSync whether this replica serves {@code databaseVersion} (true while the database has none); stored
 *               decisions are refused while it does not
 * @param outOfSyncSince since when this replica has seen another version active in the database (null when in sync)
 * @param syncFailure why {@code databaseVersion} cannot be loaded here (null unless it failed to compile here)
 */
public record RulesStatus(String version, Instant loadedAt, Instant activatedAt, String source, String origin, int ruleCount,
                          List<String> files, Attempt lastAttempt, Failure lastFailure, boolean stale, long attempts,
                          String databaseVersion, boolean inSync, Instant databaseCheckedAt, Instant outOfSyncSince,
                          Failure syncFailure) {

    /** @param version the version that was tried, null when it did not compile */
    public record Attempt(Instant at, String source, boolean ok, String version, boolean changed) {
    }

    public record Failure(Instant at, String source, String version, List<DrlProblem> errors,
                          List<ScenarioResult> scenarioFailures) {

        public String summary() {
            List<String> parts = new java.util.ArrayList<>();
            errors.forEach(e -> parts.add(e.toString()));
            scenarioFailures.forEach(s -> parts.add("scenario " + s));
            return String.join("; ", parts);
        }
    }
}
