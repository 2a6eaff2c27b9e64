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

    /** A stored decision with what it is tallied from. */
    public record Scored(Decision decision, List<RuleHit> hits, Map<String, BigDecimal> scoreWithoutRule) {
    }

    /**
     * Writes the decision's rule tallies to {@code decision_rule}.
     *
     * @param scoreWithoutRule per rule, the score the lead would have had without it (caps applied again); a rule
     *                         missing from it (a cap adjustment) is taken as the score minus its net points
     */
    public Tallies record(Decision d, List<RuleHit> hits, Map<String, BigDecimal> scoreWithoutRule) {
        return recordAll(List.of(new Scored(d, hits, scoreWithoutRule))).get(0);
    }

    /** {@link #record} for several decisions, in one round trip; their tallies in the same order. */
    public List<Tallies> recordAll(List<Scored> decisions) {
        List<Tallies> all = decisions.stream().map(s -> {
            List<RuleTally> tallies = RuleTally.of(s.hits());
            Map<String, BigDecimal> without = new HashMap<>();
            tallies.forEach(t -> without.put(t.rule(),
                    s.scoreWithoutRule().getOrDefault(t.rule(), s.decision().score().subtract(t.net()))));
            return new Tallies(s.decision(), tallies, without);
        }).toList();
        jdbc.batch("insert into decision_rule (decision_id, lead_id, rule, category, fires, points, net,"
                        + " first_of_category, score, mql, decided_at, ruleset_version, score_without)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                all.stream().flatMap(tallies -> tallies.tallies().stream().map(t -> {
                    Decision d = tallies.decision();
                    return new Object[]{d.id(), d.leadId(), t.rule(), t.category(), t.fires(), t.points(), t.net(),
                            t.firstOfCategory(), d.score(), d.mql(), d.decidedAt(), d.rulesetVersion(),
                            tallies.scoreWithout().get(t.rule())};
                })).toList());
        return all;
    }

    /**
     * Makes this decision the lead's latest: its rows of the decision's version are replaced, and its rows of other
     * versions are no longer its latest.
     *
     * @param versionChanged whether the lead's latest rows before this transaction were of another ruleset version
     *                       (or unknown): only then can the lead have latest rows of other versions to unflag
     */
    public void replaceLatest(Tallies latest, boolean versionChanged) {
        replaceLatestAll(List.of(new Latest(latest, versionChanged)));
    }

    /** A lead's latest decision, and whether its latest rows before were of another version. */
    public record Latest(Tallies tallies, boolean versionChanged) {
    }

    /** {@link #replaceLatest} for several leads (one decision each), the same statements in one round trip each. */
    public void replaceLatestAll(List<Latest> latest) {
        for (String table : List.of("latest_decision", "latest_decision_rule")) {
            jdbc.batch("update " + table + " set latest = false where lead_id = ? and latest and ruleset_version <> ?",
                    latest.stream().filter(Latest::versionChanged).map(Latest::tallies).map(Tallies::decision)
                            .map(d -> new Object[]{d.leadId(), d.rulesetVersion()}).toList());
            // "|| ''" keeps PostgreSQL on the primary key (lead id first): right after an activation its statistics
            // know no row of the new version, and it would scan every row written since through the version index.
            jdbc.batch("delete from " + table + " where lead_id = ? and ruleset_version || '' = ?",
                    latest.stream().map(l -> l.tallies().decision())
                            .map(d -> new Object[]{d.leadId(), d.rulesetVersion()}).toList());
        }
        jdbc.batch("insert into latest_decision (lead_id, ruleset_version, decision_id, decided_at, score, mql,"
                        + " latest) values (?, ?, ?, ?, ?, ?, true)",
                latest.stream().map(l -> l.tallies().decision()).map(d -> new Object[]{d.leadId(),
                        d.rulesetVersion(), d.id(), d.decidedAt(), d.score(), d.mql()}).toList());
        jdbc.batch("insert into latest_decision_rule (lead_id, ruleset_version, rule, category, fires, points, net,"
                        + " first_of_category, score, mql, decided_at, decision_id, latest, score_without)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?)",
                latest.stream().map(Latest::tallies).flatMap(tallies -> tallies.tallies().stream().map(t -> {
                    Decision d = tallies.decision();
                    return new Object[]{d.leadId(), d.rulesetVersion(), t.rule(), t.category(), t.fires(), t.points(),
                            t.net(), t.firstOfCategory(), d.score(), d.mql(), d.decidedAt(), d.id(),
                            tallies.scoreWithout().get(t.rule())};
                })).toList());
    }

    public int deleteForLead(String leadId) {
        int rows = jdbc.update("delete from decision_rule where lead_id = ?", leadId);
        jdbc.update("delete from latest_decision_rule where lead_id = ?", leadId);
        jdbc.update("delete from latest_decision where lead_id = ?", leadId);
        return rows;
    }
}
