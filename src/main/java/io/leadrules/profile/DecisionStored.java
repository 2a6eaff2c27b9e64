package io.leadrules.profile;

import io.leadrules.model.RuleHit;

import java.util.List;

/**
 * Fired (CDI event) when a decision is stored, inside its transaction; observers that must only see committed
 * decisions (the per-rule metrics) observe it {@code during = TransactionPhase.AFTER_SUCCESS}.
 */
public record DecisionStored(long decisionId, String leadId, String rulesetVersion, List<RuleHit> hits) {
}
