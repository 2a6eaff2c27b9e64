package io.leadrules.rules;

import java.util.List;

/**
 * The answer to a successful reload or rollback.
 *
 * @param changed false when the files compiled to the version already active (nothing was swapped)
 */
public record ReloadResult(String version, String previousVersion, boolean changed, String source, int ruleCount,
                           List<ScenarioResult> scenarios) {
}
