package io.leadrules.store;

import io.leadrules.model.RuleHit;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;

/**
 * The hits of every stored decision as rows ({@code decision_hits}), so reports aggregate them in SQL. Written in
 * the transaction that stores the decision; see V20__decision_hits.sql.
 */
@ApplicationScoped
public class DecisionHitRepository {

    private final Jdbc jdbc;

    public DecisionHitRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public void insertAll(long decisionId, String leadId, Instant decidedAt, String rulesetVersion, List<RuleHit> hits) {
        jdbc.batch("insert into decision_hits (decision_id, lead_id, rule, category, points, applies_to, decided_at,"
                        + " ruleset_version) values (?, ?, ?, ?, ?, ?, ?, ?)",
                hits.stream().map(h -> new Object[]{decisionId, leadId, h.rule(), h.category(), h.points(),
                        h.appliesTo(), decidedAt, rulesetVersion}).toList());
    }

    public int deleteForLead(String leadId) {
        return jdbc.update("delete from decision_hits where lead_id = ?", leadId);
    }
}
