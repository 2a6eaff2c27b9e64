package io.leadrules.rules;

import io.leadrules.model.EventUse;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a rule declares about itself in its metadata: {@code @category("intent") @points(25) @cap(10)}.
 *
 * @param points the points the rule gives per firing; null for rules that compute them (decay)
 * @param cap the most points the rule may give in total for one lead; null when uncapped
 * @param line first line of the rule in its file; for a point table, the rule's row
 * @param eventUse which events of its activities the rule's condition reads: the events its hits name
 * @param row for a rule generated from a point table, its row (1-based, as the spreadsheet shows it); null for DRL
 */
public record RuleInfo(String name, String file, int line, int endLine, String category, BigDecimal points,
                       BigDecimal cap, String description, Map<String, String> metadata, EventUse eventUse,
                       Integer row) {
}
