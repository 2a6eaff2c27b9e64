package io.leadrules.store;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Closed-won and closed-lost outcomes, one current row per lead. */
@ApplicationScoped
public class OutcomeRepository {

    private static final String COLUMNS = "lead_id, outcome, closed_at, recorded_at";

    private final Jdbc jdbc;

    public OutcomeRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Records the lead's outcome, replacing any earlier one; true when one was replaced. Callers hold the lead's
     * row lock, so two requests about one lead cannot both insert.
     */
    public boolean upsert(OutcomeRow row) {
        int updated = jdbc.update("update outcomes set outcome = ?, closed_at = ?, recorded_at = ? where lead_id = ?",
                row.outcome(), row.closedAt(), row.recordedAt(), row.leadId());
        if (updated == 0) {
            jdbc.update("insert into outcomes (" + COLUMNS + ") values (?, ?, ?, ?)",
                    row.leadId(), row.outcome(), row.closedAt(), row.recordedAt());
        }
        return updated > 0;
    }

    public Optional<OutcomeRow> find(String leadId) {
        return jdbc.queryOne("select " + COLUMNS + " from outcomes where lead_id = ?", this::row, leadId);
    }

    /** Outcomes by lead id, after {@code afterLeadId} (exclusive; null = from the start), at most {@code limit}. */
    public List<OutcomeRow> page(String afterLeadId, int limit) {
        return jdbc.query("select " + COLUMNS + " from outcomes where lead_id > ? order by lead_id limit ?",
                this::row, afterLeadId == null ? "" : afterLeadId, limit);
    }

    /**
     * Outcomes of leads that entered MQL at least once (an "entered" transition exists), closed in
     * [{@code from}, {@code to}]: what drift checks compare.
     */
    public List<OutcomeRow> ofMqls(Instant from, Instant to) {
        return jdbc.query("select " + COLUMNS + " from outcomes o where o.closed_at >= ? and o.closed_at <= ?"
                + " and exists (select 1 from mql_transition t where t.lead_id = o.lead_id and t.direction = 'entered')"
                + " order by o.closed_at, o.lead_id", this::row, from, to);
    }

    public int deleteForLead(String leadId) {
        return jdbc.update("delete from outcomes where lead_id = ?", leadId);
    }

    private OutcomeRow row(ResultSet rs) throws SQLException {
        return new OutcomeRow(rs.getString("lead_id"), rs.getString("outcome"), Jdbc.instant(rs, "closed_at"),
                Jdbc.instant(rs, "recorded_at"));
    }
}
