package io.leadrules.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Ruleset versions, their activations and the active one (tables {@code ruleset_version}, {@code ruleset_activation},
 * {@code ruleset_active}): what every replica on the database serves.
 */
@ApplicationScoped
public class RulesetRepository {

    private static final TypeReference<List<RulesetVersionRow.StoredFile>> FILES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };
    private static final String ACTIVATION_COLUMNS = "a.id, a.version, a.activated_at, a.source, a.origin,"
            + " a.activated_by, v.content_hash, v.file_names, v.rule_count";
    private static final String ACTIVATIONS = "select " + ACTIVATION_COLUMNS
            + " from ruleset_activation a join ruleset_version v on v.version = a.version";

    private final Jdbc jdbc;
    private final JsonText json;

    public RulesetRepository(DataSource dataSource, ObjectMapper mapper) {
        this.jdbc = new Jdbc(dataSource);
        this.json = new JsonText(mapper);
    }

    public Optional<RulesetVersionRow> findVersion(String version) {
        return jdbc.queryOne("select * from ruleset_version where version = ?", this::version, version);
    }

    /**
     * Stores a version, or replaces the scenario files of the stored one: the version names the DRL files only, so
     * its scenarios may change without it. The first writer's {@code createdAt} and {@code createdBy} are kept.
     */
    public void saveVersion(RulesetVersionRow row) {
        String scenarios = json.write(row.scenarioFiles());
        String replace = "update ruleset_version set scenario_files = ? where version = ?";
        if (jdbc.update(replace, scenarios, row.version()) == 0 && !insertVersion(row)) {
            // Another replica stored the same version between the two statements.
            jdbc.update(replace, scenarios, row.version());
        }
    }

    /** Stores a version unless it is stored already (then nothing changes); true when stored. */
    public boolean insertVersion(RulesetVersionRow row) {
        return jdbc.update("insert into ruleset_version (version, content_hash, rule_count, file_names, rule_files,"
                        + " scenario_files, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                row.version(), row.contentHash(), row.ruleCount(),
                json.write(row.ruleFiles().stream().map(RulesetVersionRow.StoredFile::path).toList()),
                json.write(row.ruleFiles()), json.write(row.scenarioFiles()), row.createdAt(), row.createdBy()) > 0;
    }

    /** Every activation, oldest first. */
    public List<RulesetActivationRow> activations() {
        return jdbc.query(ACTIVATIONS + " order by a.activated_at, a.id", this::activation);
    }

    /** The id of the activation of {@code version} at exactly {@code at}, if recorded: one imported already. */
    public Optional<Long> findActivation(String version, Instant at) {
        return jdbc.queryOne("select min(id) as id from ruleset_activation where version = ? and activated_at = ?"
                + " having count(*) > 0", rs -> rs.getLong("id"), version, at);
    }

    /** The activation that made the active version active; empty before the first activation. */
    public Optional<RulesetActivationRow> active() {
        return jdbc.queryOne(ACTIVATIONS + " join ruleset_active r on r.activation_id = a.id where r.id = 1",
                this::activation);
    }

    /** Only the active version's name: read for every stored decision, so one indexed lookup. */
    public Optional<String> activeVersion() {
        return jdbc.queryOne("select a.version from ruleset_active r join ruleset_activation a on a.id = r.activation_id"
                + " where r.id = 1", rs -> rs.getString("version"));
    }

    /**
     * As {@link #active()}, locking the active pointer until the transaction ends: activations of other replicas wait,
     * so what is read here is still active when this transaction records the next one.
     */
    public Optional<RulesetActivationRow> lockActive() {
        jdbc.query("select activation_id from ruleset_active where id = 1 for update", rs -> rs.getLong(1));
        return active();
    }

    /** Records an activation (its version must be stored) without making it the active one; returns its id. */
    public long insertActivation(RulesetActivationRow row) {
        return jdbc.insertReturningId("insert into ruleset_activation (version, activated_at, source, origin,"
                + " activated_by) values (?, ?, ?, ?, ?)", row.version(), row.activatedAt(), row.source(), row.origin(),
                row.activatedBy());
    }

    /** Points every replica at this activation's version. */
    public void setActive(long activationId) {
        jdbc.update("update ruleset_active set activation_id = ? where id = 1", activationId);
    }

    private RulesetVersionRow version(ResultSet rs) throws SQLException {
        return new RulesetVersionRow(rs.getString("version"), rs.getString("content_hash"), rs.getInt("rule_count"),
                json.read(rs.getString("rule_files"), FILES), json.read(rs.getString("scenario_files"), FILES),
                Jdbc.instant(rs, "created_at"), rs.getString("created_by"));
    }

    private RulesetActivationRow activation(ResultSet rs) throws SQLException {
        return new RulesetActivationRow(rs.getLong("id"), rs.getString("version"), Jdbc.instant(rs, "activated_at"),
                rs.getString("source"), rs.getString("origin"), rs.getString("activated_by"),
                rs.getString("content_hash"), json.read(rs.getString("file_names"), NAMES), rs.getInt("rule_count"));
    }
}
