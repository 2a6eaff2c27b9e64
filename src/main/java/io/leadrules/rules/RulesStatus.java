package io.leadrules.rules;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /rules/status} shows: the active ruleset, the last load attempt, and the last one that failed.
 *
 * @param loadedAt when the active ruleset was loaded (compiled), as every score it gives says in {@code ruleset.loadedAt}
 * @param activatedAt when it went live (after its scenarios passed), as {@code GET /rules/versions} records it
 * @param source how the active ruleset was activated: startup, folder (watcher), api (POST /rules/reload), rollback
 * @param origin where its files came from: the rules folder path, or the stored version it was rolled back to
 * @param stale true when the last load of the rules folder failed: the folder holds changes that are not live
 * @param attempts load attempts since start-up (each debounced burst of changes is one)
 */
public record RulesStatus(String version, Instant loadedAt, Instant activatedAt, String source, String origin, int ruleCount,
                          List<String> files, Attempt lastAttempt, Failure lastFailure, boolean stale, long attempts) {

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
