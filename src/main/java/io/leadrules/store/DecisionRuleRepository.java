package io.leadrules.store;

import io.leadrules.model.RuleHit;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the rule-hit report reads, written with every stored decision (in its transaction, under the lead's row
 * lock): the decision's {@link RuleTally tallies} in {@code decision_rule}, and the lead's latest decision per
 * ruleset version in {@code latest_decision} / {@code latest_decision_rule}. See V40__decision_rules.sql.
 */
@ApplicationScoped
public class DecisionRuleRepository {

    private final Jdbc jdbc;

    public DecisionRuleRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** The decision that was just stored. */
    public record Decision(long id, String leadId, Instant decidedAt, String rulesetVersion, BigDecimal score,
                           boolean mql) {
    }

    /**
     * A stored decision's tallies, to become the lead's latest rows by {@link #replaceLatest} once the lead's
     * decisions of the transaction are all made (a batch makes one per event; only its last is the latest).
     */
    public record Tallies(Decision decision, List<RuleTally> tallies, Map<String, BigDecimal> scoreWithout) {
    }

    /**
     * Writes the decision's rule tallies to {@code decision_rule}.
     *
     * @param scoreWithoutRule per rule, the score the lead would have had without it (caps applied again); a rule
     *                         missing from it (a cap adjustment) is taken as the score minus its net points
     */
    public Tallies record(Decision d, List<RuleHit> hits, Map<String, BigDecimal> scoreWithoutRule) {
        List<RuleTally> tallies = RuleTally.of(hits);
        Map<String, BigDecimal> without = new HashMap<>();
        tallies.forEach(t -> without.put(t.rule(), scoreWithoutRule.getOrDefault(t.rule(), d.score().subtract(t.net()))));
        jdbc.batch("insert into decision_rule (decision_id, lead_id, rule, category, fires, points, net,"
                        + " first_of_category, score, mql, decided_at, ruleset_version, score_without)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tallies.stream().map(t -> new Object[]{d.id(), d.leadId(), t.rule(), t.category(), t.fires(),
                        t.points(), t.net(), t.firstOfCategory(), d.score(), d.mql(), d.decidedAt(),
                        d.rulesetVersion(), without.get(t.rule())}).toList());
        return new Tallies(d, tallies, without);
    }

    /**
     * Makes this decision the lead's latest: its rows of the decision's version are replaced, and its rows of other
     * versions are no longer its latest.
     *
     * @param versionChanged whether the lead's latest rows before this transaction were of another ruleset version
     *                       (or unknown): only then can the lead have latest rows of other versions to unflag
     */
    public void replaceLatest(Tallies latest, boolean versionChanged) {
        Decision d = latest.decision();
        for (String table : List.of("latest_decision", "latest_decision_rule")) {
            if (versionChanged) {
                jdbc.update("update " + table + " set latest = false where lead_id = ? and latest"
                        + " and ruleset_version <> ?", d.leadId(), d.rulesetVersion());
            }
            jdbc.update("delete from " + table + " where lead_id = ? and ruleset_version = ?", d.leadId(),
                    d.rulesetVersion());
        }
        jdbc.update("insert into latest_decision (lead_id, ruleset_version, decision_id, decided_at, score, mql,"
                        + " latest) values (?, ?, ?, ?, ?, ?, true)",
                d.leadId(), d.rulesetVersion(), d.id(), d.decidedAt(), d.score(), d.mql());
        jdbc.batch("insert into latest_decision_rule (lead_id, ruleset_version, rule, category, fires, points, net,"
                        + " first_of_category, score, mql, decided_at, decision_id, latest, score_without)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?)",
                latest.tallies().stream().map(t -> new Object[]{d.leadId(), d.rulesetVersion(), t.rule(),
                        t.category(), t.fires(), t.points(), t.net(), t.firstOfCategory(), d.score(), d.mql(),
                        d.decidedAt(), d.id(), latest.scoreWithout().get(t.rule())}).toList());
    }

    public int deleteForLead(String leadId) {
        int rows = jdbc.update("delete from decision_rule where lead_id = ?", leadId);
        jdbc.update("delete from latest_decision_rule where lead_id = ?", leadId);
        jdbc.update("delete from latest_decision where lead_id = ?", leadId);
        return rows;
    }
}
