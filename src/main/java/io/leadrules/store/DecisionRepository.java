package io.leadrules.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The audit trail: every score decision, with its breakdown, hits and cause. */
@ApplicationScoped
public class DecisionRepository {

    private final Jdbc jdbc;
    private final JsonText json;

    public DecisionRepository(DataSource dataSource, ObjectMapper mapper) {
        this.jdbc = new Jdbc(dataSource);
        this.json = new JsonText(mapper);
    }

    private static final String INSERT = "insert into score_decision (lead_id, decided_at, score, mql,"
            + " ruleset_version, cause_type, cause_event_id, cause_event_type, previous_ruleset, breakdown, hits)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** A decision to store; {@code breakdown} and {@code hits} are written as JSON. */
    public record NewDecision(String leadId, Instant decidedAt, BigDecimal score, boolean mql, String rulesetVersion,
                              String causeType, String causeEventId, String causeEventType, String previousRuleset,
                              Object breakdown, Object hits) {
    }

    /** Stores a decision; {@code breakdown} and {@code hits} are written as JSON. Returns its id. */
    public long insert(String leadId, Instant decidedAt, BigDecimal score, boolean mql, String rulesetVersion,
                       String causeType, String causeEventId, String causeEventType, String previousRuleset,
                       Object breakdown, Object hits) {
        return jdbc.insertReturningId(INSERT, leadId, decidedAt, score, mql, rulesetVersion, causeType, causeEventId,
                causeEventType, previousRuleset, json.write(breakdown), json.write(hits));
    }

    /** Stores several decisions in one round trip; returns their ids in the same order. */
    public long[] insertAll(List<NewDecision> decisions) {
        return jdbc.batchReturningIds(INSERT, decisions.stream().map(d -> new Object[]{d.leadId(), d.decidedAt(),
                d.score(), d.mql(), d.rulesetVersion(), d.causeType(), d.causeEventId(), d.causeEventType(),
                d.previousRuleset(), json.write(d.breakdown()), json.write(d.hits())}).toList());
    }

    /** The lead's decisions, oldest first. */
    public List<DecisionRow> forLead(String leadId) {
        return jdbc.query("select * from score_decision where lead_id = ? order by decided_at, id", this::row, leadId);
    }

    public Optional<DecisionRow> find(long id) {
        return jdbc.queryOne("select * from score_decision where id = ?", this::row, id);
    }

    /**
     * A page of the lead's decisions, oldest first: those after decision {@code afterId} (null: from the first) in
     * the same order, at most {@code limit}.
     */
    public List<DecisionRow> forLead(String leadId, Long afterId, int limit) {
        if (afterId == null) {
            return jdbc.query("select * from score_decision where lead_id = ? order by decided_at, id limit " + limit,
                    this::row, leadId);
        }
        return jdbc.query("select d.* from score_decision d join score_decision a on a.id = ? and a.lead_id = d.lead_id"
                + " where d.lead_id = ? and (d.decided_at > a.decided_at or (d.decided_at = a.decided_at and d.id > a.id))"
                + " order by d.decided_at, d.id limit " + limit, this::row, afterId, leadId);
    }

    /** Decisions in id order after {@code afterId}, {@code limit} at a time: for checks over the whole trail. */
    public List<DecisionRow> page(long afterId, int limit) {
        return jdbc.query("select * from score_decision where id > ? order by id limit " + limit, this::row, afterId);
    }

    public int deleteForLead(String leadId) {
        return jdbc.update("delete from score_decision where lead_id = ?", leadId);
    }

    private DecisionRow row(ResultSet rs) throws SQLException {
        return new DecisionRow(rs.getLong("id"), rs.getString("lead_id"), Jdbc.instant(rs, "decided_at"),
                rs.getBigDecimal("score"), rs.getBoolean("mql"), rs.getString("ruleset_version"),
                rs.getString("cause_type"), rs.getString("cause_event_id"), rs.getString("cause_event_type"),
                rs.getString("previous_ruleset"), json.readTree(rs.getString("breakdown")),
                json.readTree(rs.getString("hits")));
    }
}
