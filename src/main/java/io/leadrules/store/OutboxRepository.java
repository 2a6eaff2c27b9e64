package io.leadrules.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The webhook outbox: rows written with the transition they announce, claimed by one sender at a time (a lease, so
 * several replicas can send), out of the queue once delivered or given up.
 */
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

    /**
     * Claims up to {@code limit} due messages, oldest first, as {@code claim} (unique to this call): counts the
     * attempt and moves their next attempt to the end of the lease, so no other sender takes them meanwhile, and they
     * come due again if this sender stops before marking them. Rows that another sender is claiming at the same
     * moment are skipped, not waited for ({@code for update skip locked}, on PostgreSQL and H2 alike). Its own
     * transaction, committed before any delivery. Returns the rows claimed.
     * <p>
     * Two statements, not {@code update ... where id in (select ... limit ? for update skip locked)}: PostgreSQL may
     * run such a sub-select once per row it updates, each time skipping the rows locked so far, so one claim took
     * almost the whole outbox, for minutes.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<OutboxRow> claim(String claim, Instant now, Duration lease, int limit) {
        List<Long> ids = jdbc.query("select id from webhook_outbox where delivered_at is null and failed_at is null"
                + " and next_attempt_at <= ? order by next_attempt_at, id limit ? for update skip locked",
                rs -> rs.getLong("id"), now, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = " where id in (" + Jdbc.placeholders(ids.size()) + ")";
        List<Object> params = new ArrayList<>(List.of(claim, now.plus(lease)));
        params.addAll(ids);
        jdbc.update("update webhook_outbox set claimed_by = ?, attempts = attempts + 1, next_attempt_at = ?" + in,
                params.toArray());
        return jdbc.query("select * from webhook_outbox" + in + " order by id", this::row, ids.toArray());
    }

    public List<OutboxRow> forLead(String leadId) {
        return jdbc.query("select * from webhook_outbox where lead_id = ? order by id", this::row, leadId);
    }

    /** Marks the message delivered, if it is still this claim's (its lease did not run out); returns whether it was. */
    public boolean markDelivered(long id, String claim, Instant at) {
        return jdbc.update("update webhook_outbox set delivered_at = ?, last_error = null where id = ? and claimed_by = ?",
                at, id, claim) > 0;
    }

    /** Sets the next attempt after a failed one, if the message is still this claim's. */
    public boolean markRetry(long id, String claim, Instant nextAttemptAt, String error) {
        return jdbc.update("update webhook_outbox set next_attempt_at = ?, last_error = ? where id = ? and claimed_by = ?",
                nextAttemptAt, truncate(error), id, claim) > 0;
    }

    /** Gives the message up after its last attempt, if it is still this claim's. */
    public boolean markFailed(long id, String claim, Instant at, String error) {
        return jdbc.update("update webhook_outbox set failed_at = ?, last_error = ? where id = ? and claimed_by = ?",
                at, truncate(error), id, claim) > 0;
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
                Jdbc.instant(rs, "delivered_at"), Jdbc.instant(rs, "failed_at"), rs.getString("last_error"),
                rs.getString("claimed_by"));
    }
}
