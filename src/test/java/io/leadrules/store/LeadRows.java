package io.leadrules.store;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: how many rows every lead-profile table holds for a lead, read straight from the database; and the
 * lead's state set by hand, as another replica could have left it.
 */
@ApplicationScoped
public class LeadRows {

    public static final List<String> TABLES = List.of("lead_profile", "lead_event", "score_decision",
            "mql_transition", "webhook_outbox", "outcomes", "decision_rule", "latest_decision", "latest_decision_rule",
            "lead_segment");

    private final DataSource dataSource;

    public LeadRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Map<String, Integer> count(String leadId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : TABLES) {
                try (PreparedStatement ps = c.prepareStatement("select count(*) from " + table + " where lead_id = ?")) {
                    ps.setString(1, leadId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        counts.put(table, rs.getInt(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** Marks the lead's latest decision as made on {@code version}, as a replica with other rules would have. */
    public void setRulesetVersion(String leadId, String version) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update lead_profile set ruleset_version = ? where lead_id = ?")) {
            ps.setString(1, version);
            ps.setString(2, leadId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
