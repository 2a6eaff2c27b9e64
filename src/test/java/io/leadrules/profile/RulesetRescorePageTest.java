package io.leadrules.profile;

import io.leadrules.rules.ActiveRuleset;
import io.leadrules.support.Fixtures;
import io.leadrules.support.RulesetRescoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pass rescores a page of leads in one transaction; a lead the database refuses to store fails that page, and
 * the page's other leads are then rescored one by one rather than lost until the next pass.
 */
@QuarkusTest
@TestProfile(RulesetRescoreProfile.class)
@Tag("db")
class RulesetRescorePageTest {

    @Inject
    RulesetRescore rescore;

    @Inject
    ActiveRuleset active;

    @Inject
    DataSource dataSource;

    @Test
    void aLeadThatCannotBeStoredFailsAloneAndTheRestOfItsPageIsRescored() throws SQLException {
        String prefix = Fixtures.uniqueLead("page");
        List<String> good = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            good.add(prefix + "-" + i);
        }
        // Its industry holds a NUL character, which no text column takes: storing its segment fields throws.
        String refused = prefix + "-3x";
        for (String lead : good) {
            insertLead(lead, "{\"industry\": \"Apparel\", \"title\": \"Director of E-commerce\"}");
        }
        insertLead(refused, "{\"industry\": \"Appa\\u0000rel\", \"title\": \"Director of E-commerce\"}");

        rescore.pass();

        String version = active.current().version();
        for (String lead : good) {
            assertThat(versionOf(lead)).as(lead).isEqualTo(version);
            assertThat(rulesetDecisions(lead)).as(lead).isEqualTo(1);
        }
        assertThat(versionOf(refused)).isEqualTo("retired-version");
        assertThat(rulesetDecisions(refused)).isZero();
    }

    /** A lead last scored by a version no longer active, with one pricing-page view. */
    private void insertLead(String lead, String traits) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into lead_profile (lead_id, traits, mql,"
                    + " ruleset_version, created_at, updated_at) values (?, ?, false, 'retired-version', ?, ?)")) {
                ps.setString(1, lead);
                ps.setString(2, traits);
                ps.setTimestamp(3, now);
                ps.setTimestamp(4, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into lead_event (message_id, lead_id, kind,"
                    + " event_type, occurred_at, received_at, properties, payload) values (?, ?, 'page',"
                    + " 'Pricing Page Viewed', ?, ?, '{}', '{}')")) {
                ps.setString(1, lead + "-pricing");
                ps.setString(2, lead);
                ps.setTimestamp(3, now);
                ps.setTimestamp(4, now);
                ps.executeUpdate();
            }
        }
    }

    private String versionOf(String lead) throws SQLException {
        return queryOne("select ruleset_version from lead_profile where lead_id = ?", lead);
    }

    private int rulesetDecisions(String lead) throws SQLException {
        return Integer.parseInt(queryOne("select count(*) from score_decision where lead_id = ?"
                + " and cause_type = 'ruleset'", lead));
    }

    private String queryOne(String sql, String lead) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, lead);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                return rs.getString(1);
            }
        }
    }
}
