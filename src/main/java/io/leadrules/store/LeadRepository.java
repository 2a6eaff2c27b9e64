package io.leadrules.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lead profiles. Rescoring locks the lead's row, so two requests about one lead never interleave. */
@ApplicationScoped
public class LeadRepository {

    private static final String COLUMNS = "lead_id, traits, mql, ruleset_version, created_at, updated_at";

    private final Jdbc jdbc;
    private final JsonText json;

    public LeadRepository(DataSource dataSource, ObjectMapper mapper) {
        this.jdbc = new Jdbc(dataSource);
        this.json = new JsonText(mapper);
    }

    /**
     * Creates an empty profile unless the lead exists. A transaction creating the same lead at once makes this one
     * wait for it and then do nothing (no unique violation that would abort the caller's transaction). True when
     * this call created it.
     */
    public boolean create(String leadId, Instant now) {
        return jdbc.update("insert into lead_profile (lead_id, traits, mql, created_at, updated_at)"
                + " values (?, '{}', false, ?, ?) on conflict do nothing", leadId, now, now) > 0;
    }

    /** The profile, locked until the transaction ends. */
    public Optional<LeadRow> lock(String leadId) {
        return jdbc.queryOne("select " + COLUMNS + " from lead_profile where lead_id = ? for update", this::row, leadId);
    }

    /**
     * The profiles of these leads (those that exist), by lead id, locked until the transaction ends. Locked in lead
     * id order, so two transactions locking overlapping sets this way cannot deadlock.
     */
    public List<LeadRow> lockAll(Collection<String> leadIds) {
        if (leadIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + COLUMNS + " from lead_profile where lead_id in ("
                + Jdbc.placeholders(leadIds.size()) + ") order by lead_id for update", this::row, leadIds.toArray());
    }

    public Optional<LeadRow> find(String leadId) {
        return jdbc.queryOne("select " + COLUMNS + " from lead_profile where lead_id = ?", this::row, leadId);
    }

    /** Ids of the leads currently in MQL. */
    public List<String> mqlLeadIds() {
        return jdbc.query("select lead_id from lead_profile where mql = true order by lead_id",
                rs -> rs.getString("lead_id"));
    }

    /**
     * Ids of leads whose latest decision is of a version other than {@code version} (leads never scored have none),
     * after {@code afterLeadId} (exclusive; null = from the start), in id order, at most {@code limit}.
     */
    public List<String> idsScoredByOtherVersion(String version, String afterLeadId, int limit) {
        return jdbc.query("select lead_id from lead_profile where ruleset_version is not null and ruleset_version <> ?"
                        + " and lead_id > ? order by lead_id limit ?", rs -> rs.getString("lead_id"),
                version, afterLeadId == null ? "" : afterLeadId, limit);
    }

    public void updateTraits(String leadId, Map<String, Object> traits, Instant now) {
        jdbc.update("update lead_profile set traits = ?, updated_at = ? where lead_id = ?", json.write(traits), now, leadId);
    }

    public void updateState(String leadId, boolean mql, String rulesetVersion, Instant now) {
        jdbc.update("update lead_profile set mql = ?, ruleset_version = ?, updated_at = ? where lead_id = ?",
                mql, rulesetVersion, now, leadId);
    }

    /** {@link #updateState} for several leads, in one round trip. */
    public void updateStateAll(List<LeadRow> states, Instant now) {
        jdbc.batch("update lead_profile set mql = ?, ruleset_version = ?, updated_at = ? where lead_id = ?",
                states.stream().map(l -> new Object[]{l.mql(), l.rulesetVersion(), now, l.leadId()}).toList());
    }

    public int delete(String leadId) {
        return jdbc.update("delete from lead_profile where lead_id = ?", leadId);
    }

    /** Profiles by lead id, after {@code afterLeadId} (exclusive; null = from the start), at most {@code limit}. */
    public List<LeadRow> page(String afterLeadId, int limit) {
        return jdbc.query("select " + COLUMNS + " from lead_profile where lead_id > ? order by lead_id limit ?",
                this::row, afterLeadId == null ? "" : afterLeadId, limit);
    }

    /** The profiles of these leads (those that exist), by lead id. */
    public List<LeadRow> findAll(Collection<String> leadIds) {
        if (leadIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + COLUMNS + " from lead_profile where lead_id in (" + Jdbc.placeholders(leadIds.size())
                + ") order by lead_id", this::row, leadIds.toArray());
    }

    private LeadRow row(ResultSet rs) throws SQLException {
        return new LeadRow(rs.getString("lead_id"), json.readMap(rs.getString("traits")), rs.getBoolean("mql"),
                rs.getString("ruleset_version"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }
}
