package io.leadrules.store;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The webhook outbox: rows written with the transition they announce, removed from the queue once delivered. */
@ApplicationScoped
public class OutboxRepository {

    private static final int MAX_ERROR = 1000;

    private final Jdbc jdbc;

    public OutboxRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public long insert(String leadId, long transitionId, String payload, Instant nextAttemptAt) {
        return jdbc.insertReturningId("insert into webhook_outbox (lead_id, transition_id, payload, attempts,"
                + " next_attempt_at) values (?, ?, ?, 0, ?)", leadId, transitionId, payload, nextAttemptAt);
    }

    /** Undelivered messages whose next attempt is due, oldest first. */
    public List<OutboxRow> due(Instant now, int limit) {
        return jdbc.query("select * from webhook_outbox where delivered_at is null and failed_at is null"
                + " and next_attempt_at <= ? order by next_attempt_at, id limit ?", this::row, now, limit);
    }

    public List<OutboxRow> forLead(String leadId) {
        return jdbc.query("select * from webhook_outbox where lead_id = ? order by id", this::row, leadId);
    }

    public void markDelivered(long id, int attempts, Instant at) {
        jdbc.update("update webhook_outbox set attempts = ?, delivered_at = ?, last_error = null where id = ?",
                attempts, at, id);
    }

    public void markRetry(long id, int attempts, Instant nextAttemptAt, String error) {
        jdbc.update("update webhook_outbox set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?",
                attempts, nextAttemptAt, truncate(error), id);
    }

    public void markFailed(long id, int attempts, Instant at, String error) {
        jdbc.update("update webhook_outbox set attempts = ?, failed_at = ?, last_error = ? where id = ?",
                attempts, at, truncate(error), id);
    }

    public int deleteForLead(String leadId) {
        return jdbc.update("delete from webhook_outbox where lead_id = ?", leadId);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }

    private OutboxRow row(ResultSet rs) throws SQLException {
        return new OutboxRow(rs.getLong("id"), rs.getString("lead_id"), rs.getLong("transition_id"),
                rs.getString("payload"), rs.getInt("attempts"), Jdbc.instant(rs, "next_attempt_at"),
                Jdbc.instant(rs, "delivered_at"), Jdbc.instant(rs, "failed_at"), rs.getString("last_error"));
    }
}
