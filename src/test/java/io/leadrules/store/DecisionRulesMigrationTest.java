package io.leadrules.store;

import io.leadrules.model.RuleHit;
import io.leadrules.support.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V40 folds the hits of databases that already hold decisions ({@code decision_hits}) into the report's tables: the
 * SQL fold must give the rows {@link RuleTally#of} writes for new decisions, and the latest-decision tables must
 * flag each lead's latest decision per version and overall. Runs on H2, and in the PostgreSQL execution on
 * PostgreSQL (a schema of its own).
 */
@Tag("db")
class DecisionRulesMigrationTest {

    private static final String FLAG = "case when latest then 'true' else 'false' end";

    private static final List<RuleHit> HITS = List.of(
            hit("Title: ideal buyer", "fit", "20", null),
            hit("Blog post read", "intent", "2", null), hit("Blog post read", "intent", "2", null),
            hit("Pricing page in the last 7 days", "intent", "25", null),
            hit("Intent fades by a quarter per quarter", "decay", "-6.25", "Pricing page in the last 7 days"),
            hit("Cap on rule Blog post read", "cap", "-2", "Blog post read"));

    @Test
    void existingHitsAreFoldedAsNewDecisionsAreAndTheLatestDecisionsFlagged() throws SQLException {
        Database db = Database.forThisRun();
        Flyway.configure().dataSource(db.url, db.user, db.password).schemas(db.schema).cleanDisabled(false)
                .locations("classpath:db/migration").load().clean();
        migrate(db, "30");
        try (Connection c = db.connect()) {
            decision(c, 1, "lead-a", "v1", "38.75", HITS);
            decision(c, 2, "lead-a", "v2", "20", HITS.subList(0, 1));
            decision(c, 3, "lead-b", "v1", "20", HITS.subList(0, 1));
            decision(c, 4, "lead-b", "v1", "22", HITS.subList(0, 2));
        }
        migrate(db, "40");
        try (Connection c = db.connect()) {
            assertThat(tallies(c, "decision_rule where decision_id = 1")).containsExactlyElementsOf(RuleTally.of(HITS)
                    .stream().map(DecisionRulesMigrationTest::text).toList());
            assertThat(strings(c, "select decision_id || ':' || " + FLAG + " from latest_decision order by decision_id"))
                    .containsExactly("1:false", "2:true", "4:true");
            assertThat(strings(c, "select distinct decision_id || ':' || " + FLAG + " from latest_decision_rule"
                    + " order by 1")).containsExactly("1:false", "2:true", "4:true");
        }
        // V50: decisions stored before it are taken to lose their rule's net points without it.
        migrate(db, "50");
        try (Connection c = db.connect()) {
            assertThat(strings(c, "select count(*) from decision_rule where score_without <> score - net")).containsExactly("0");
            assertThat(strings(c, "select count(*) from latest_decision_rule where score_without <> score - net"))
                    .containsExactly("0");
            assertThat(strings(c, "select count(*) from decision_rule")).doesNotContain("0");
        }
    }

    private static void migrate(Database db, String target) {
        Flyway.configure().dataSource(db.url, db.user, db.password).schemas(db.schema)
                .locations("classpath:db/migration").target(target).load().migrate();
    }

    private static void decision(Connection c, long id, String lead, String version, String score, List<RuleHit> hits)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("insert into score_decision (id, lead_id, decided_at, score, mql, ruleset_version,"
                    + " cause_type, breakdown, hits) values (" + id + ", '" + lead + "', timestamp with time zone"
                    + " '2031-01-01 00:00:00+00' + " + id + " * interval '1' minute, " + score + ", false, '"
                    + version + "', 'event', '{}', '[]')");
        }
        try (PreparedStatement ps = c.prepareStatement("insert into decision_hits (decision_id, lead_id, rule,"
                + " category, points, applies_to, decided_at, ruleset_version)"
                + " values (?, ?, ?, ?, ?, ?, timestamp with time zone '2031-01-01 00:00:00+00', ?)")) {
            for (RuleHit h : hits) {
                ps.setLong(1, id);
                ps.setString(2, lead);
                ps.setString(3, h.rule());
                ps.setString(4, h.category());
                ps.setBigDecimal(5, h.points());
                ps.setString(6, h.appliesTo());
                ps.setString(7, version);
                ps.executeUpdate();
            }
        }
    }

    private static List<String> tallies(Connection c, String from) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select rule, category, fires, points,"
                + " net, first_of_category from " + from + " order by rule")) {
            while (rs.next()) {
                rows.add(text(new RuleTally(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBoolean(6))));
            }
        }
        return rows;
    }

    /** A tally as text, numbers without trailing zeros, so 20 and 20.00 compare equal. */
    private static String text(RuleTally t) {
        return String.join("|", t.rule(), t.category(), String.valueOf(t.fires()),
                t.points().stripTrailingZeros().toPlainString(), t.net().stripTrailingZeros().toPlainString(),
                String.valueOf(t.firstOfCategory()));
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static RuleHit hit(String rule, String category, String points, String appliesTo) {
        return new RuleHit(rule, category, new BigDecimal(points), "test", null, List.of(), null, 0, appliesTo);
    }

    /** H2 in memory, or the PostgreSQL of the "pg" test execution (schema v40_migration_test). */
    private record Database(String url, String user, String password, String schema) {

        static Database forThisRun() {
            if (TestPostgres.inUse()) {
                TestPostgres.Server pg = TestPostgres.server();
                return new Database(pg.url(), pg.user(), pg.password(), "v40_migration_test");
            }
            return new Database("jdbc:h2:mem:v40-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "sa", "", "public");
        }

        Connection connect() throws SQLException {
            Connection c = DriverManager.getConnection(url, user, password);
            if (url.startsWith("jdbc:postgresql:")) {
                try (Statement s = c.createStatement()) {
                    s.execute("set search_path to " + schema);
                }
            }
            return c;
        }
    }
}
