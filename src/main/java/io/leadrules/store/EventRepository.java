package io.leadrules.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Segment messages, stored once per {@code messageId} however often a client retries them. */
@ApplicationScoped
public class EventRepository {

    private final Jdbc jdbc;
    private final JsonText json;

    public EventRepository(DataSource dataSource, ObjectMapper mapper) {
        this.jdbc = new Jdbc(dataSource);
        this.json = new JsonText(mapper);
    }

    /**
     * Stores the message; false when its messageId was stored before (a retry), which is not an error. Callers hold
     * the lead's row lock, so the same message cannot be inserted twice at once for one lead.
     */
    public boolean insert(StoredEvent e) {
        return jdbc.update("insert into lead_event (message_id, lead_id, kind, event_type, occurred_at, received_at,"
                        + " properties, payload) select ?, ?, ?, ?, ?, ?, ?, ?"
                        + " where not exists (select 1 from lead_event where message_id = ?)",
                e.messageId(), e.leadId(), e.kind(), e.eventType(), e.occurredAt(), e.receivedAt(),
                json.write(e.properties()), e.payload(), e.messageId()) == 1;
    }

    /** The lead's messages in the order they happened (their own timestamps), whatever order they arrived in. */
    public List<StoredEvent> forLead(String leadId) {
        return jdbc.query("select * from lead_event where lead_id = ? order by occurred_at, received_at, message_id",
                this::row, leadId);
    }

    public int deleteForLead(String leadId) {
        return jdbc.update("delete from lead_event where lead_id = ?", leadId);
    }

    /** The messages of several leads at once (one query per page of leads), each lead's in the order they happened. */
    public Map<String, List<StoredEvent>> forLeads(Collection<String> leadIds) {
        Map<String, List<StoredEvent>> byLead = new HashMap<>();
        if (leadIds.isEmpty()) {
            return byLead;
        }
        jdbc.query("select * from lead_event where lead_id in (" + Jdbc.placeholders(leadIds.size())
                        + ") order by lead_id, occurred_at, received_at, message_id", this::row, leadIds.toArray())
                .forEach(e -> byLead.computeIfAbsent(e.leadId(), id -> new ArrayList<>()).add(e));
        return byLead;
    }

    private StoredEvent row(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getString("message_id"), rs.getString("lead_id"), rs.getString("kind"),
                rs.getString("event_type"), Jdbc.instant(rs, "occurred_at"), Jdbc.instant(rs, "received_at"),
                json.readMap(rs.getString("properties")), rs.getString("payload"));
    }
}
