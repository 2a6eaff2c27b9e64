package io.leadrules.store;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lead fields as of the lead's latest decision, one row per field ({@code lead_segment}), so reports can filter
 * by segment ({@code industry = Apparel}) in SQL: the stored traits are JSON text, which H2 and PostgreSQL
 * cannot query the same way.
 */
@ApplicationScoped
public class LeadSegmentRepository {

    private final Jdbc jdbc;

    public LeadSegmentRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Replaces the lead's fields with {@code fields} (name to text value). */
    public void replace(String leadId, Map<String, String> fields) {
        jdbc.update("delete from lead_segment where lead_id = ?", leadId);
        jdbc.batch("insert into lead_segment (lead_id, field, field_value) values (?, ?, ?)",
                fields.entrySet().stream().map(f -> new Object[]{leadId, f.getKey(), f.getValue()}).toList());
    }

    /**
     * {@link #replace} for several leads (lead id to its fields), in a few round trips; a lead whose stored fields
     * are these already (a rescoring with no new traits) is not rewritten.
     */
    public void replaceAll(Map<String, Map<String, String>> fieldsByLead) {
        if (fieldsByLead.isEmpty()) {
            return;
        }
        Map<String, Map<String, String>> stored = new HashMap<>();
        jdbc.query("select lead_id, field, field_value from lead_segment where lead_id in ("
                        + Jdbc.placeholders(fieldsByLead.size()) + ")",
                rs -> stored.computeIfAbsent(rs.getString(1), id -> new HashMap<>()).put(rs.getString(2), rs.getString(3)),
                fieldsByLead.keySet().toArray());
        List<Map.Entry<String, Map<String, String>>> changed = fieldsByLead.entrySet().stream()
                .filter(lead -> !lead.getValue().equals(stored.getOrDefault(lead.getKey(), Map.of()))).toList();
        jdbc.batch("delete from lead_segment where lead_id = ?",
                changed.stream().map(lead -> new Object[]{lead.getKey()}).toList());
        jdbc.batch("insert into lead_segment (lead_id, field, field_value) values (?, ?, ?)",
                changed.stream().flatMap(lead -> lead.getValue().entrySet().stream()
                        .map(f -> new Object[]{lead.getKey(), f.getKey(), f.getValue()})).toList());
    }

    public int deleteForLead(String leadId) {
        return jdbc.update("delete from lead_segment where lead_id = ?", leadId);
    }

}
