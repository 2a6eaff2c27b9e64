package io.leadrules.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** MQL transitions, the feed sales reads. */
@ApplicationScoped
public class TransitionRepository {

    private final Jdbc jdbc;
    private final JsonText json;

    public TransitionRepository(DataSource dataSource, ObjectMapper mapper) {
        this.jdbc = new Jdbc(dataSource);
        this.json = new JsonText(mapper);
    }

    public TransitionRow insert(String leadId, String direction, Instant at, BigDecimal score, BigDecimal threshold,
                                String rulesetVersion, long decisionId, List<String> disqualifiedBy) {
        long id = jdbc.insertReturningId("insert into mql_transition (lead_id, direction, occurred_at, score, threshold,"
                        + " ruleset_version, decision_id, disqualified_by) values (?, ?, ?, ?, ?, ?, ?, ?)",
                leadId, direction, at, score, threshold, rulesetVersion, decisionId,
                disqualifiedBy.isEmpty() ? null : json.write(disqualifiedBy));
        return new TransitionRow(id, leadId, direction, at, score, threshold, rulesetVersion, decisionId, disqualifiedBy);
    }

    /** Transitions at or after {@code since}, oldest first, at most {@code limit}. */
    public List<TransitionRow> since(Instant since, int limit) {
        return jdbc.query("select * from mql_transition where occurred_at >= ? order by occurred_at, id limit ?",
                this::row, since, limit);
    }

    public List<TransitionRow> forLead(String leadId) {
        return jdbc.query("select * from mql_transition where lead_id = ? order by occurred_at, id", this::row, leadId);
    }

    public int deleteForLead(String leadId) {
        return jdbc.update("delete from mql_transition where lead_id = ?", leadId);
    }

    private TransitionRow row(ResultSet rs) throws SQLException {
        return new TransitionRow(rs.getLong("id"), rs.getString("lead_id"), rs.getString("direction"),
                Jdbc.instant(rs, "occurred_at"), rs.getBigDecimal("score"), rs.getBigDecimal("threshold"),
                rs.getString("ruleset_version"), rs.getLong("decision_id"), disqualifiedBy(rs.getString("disqualified_by")));
    }

    private List<String> disqualifiedBy(String stored) {
        if (stored == null) {
            return List.of();
        }
        List<String> names = new java.util.ArrayList<>();
        json.readTree(stored).forEach(n -> names.add(n.asText()));
        return names;
    }
}
