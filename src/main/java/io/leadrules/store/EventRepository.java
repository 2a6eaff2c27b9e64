package io.leadrules.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Segment messages, stored once per {@code messageId} however often a client retries them. */
@ApplicationScoped
public class EventRepository {

    /** Ids per {@code in (...)} query: a 500 KB batch of tiny events holds a few thousand. */
    private static final int ID_CHUNK = 1000;

    private final Jdbc jdbc;
    private final JsonText json;

    public EventRepository(DataSource dataSource, ObjectMapper mapper) {
        this.jdbc = new Jdbc(dataSource);
        this.json = new JsonText(mapper);
    }

    /**
     * Stores the message; false when its messageId is stored already (a retry), which is not an error. The id is
     * unique over all leads: a transaction inserting the same id at once (another request, maybe for another lead)
     * makes this one wait for it, then store nothing if it committed, so a race never fails the request.
     *
     * @param arrival the message's position in its request: the order of events with the same timestamp
     */
    public boolean insert(StoredEvent e, int arrival) {
        return jdbc.update("insert into lead_event (message_id, lead_id, kind, event_type, occurred_at, received_at,"
                        + " properties, payload, arrival) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                e.messageId(), e.leadId(), e.kind(), e.eventType(), e.occurredAt(), e.receivedAt(),
                json.write(e.properties()), e.payload(), arrival) == 1;
    }

    /** Which of these message ids are stored already (for any lead). */
    public Set<String> existing(Collection<String> messageIds) {
        Set<String> found = new HashSet<>();
        List<String> ids = List.copyOf(messageIds);
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ID_CHUNK));
            found.addAll(jdbc.query("select message_id from lead_event where message_id in ("
                    + Jdbc.placeholders(chunk.size()) + ")", rs -> rs.getString(1), chunk.toArray()));
        }
        return found;
    }

    /** The lead's messages in the order they happened (their own timestamps), whatever order they arrived in. */
    public List<StoredEvent> forLead(String leadId) {
        return jdbc.query("select * from lead_event where lead_id = ? order by occurred_at, received_at, arrival,"
                + " message_id",
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
                        + ") order by lead_id, occurred_at, received_at, arrival, message_id", this::row, leadIds.toArray())
                .forEach(e -> byLead.computeIfAbsent(e.leadId(), id -> new ArrayList<>()).add(e));
        return byLead;
    }

    private StoredEvent row(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getString("message_id"), rs.getString("lead_id"), rs.getString("kind"),
                rs.getString("event_type"), Jdbc.instant(rs, "occurred_at"), Jdbc.instant(rs, "received_at"),
                json.readMap(rs.getString("properties")), rs.getString("payload"));
    }
}
