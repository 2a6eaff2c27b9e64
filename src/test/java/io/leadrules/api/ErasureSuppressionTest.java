package io.leadrules.api;

import io.leadrules.support.CapturedLog;
import io.leadrules.support.Api;
import io.leadrules.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.leadrules.support.Segment.ADMIN;
import static io.leadrules.support.Segment.client;
import static io.leadrules.support.Api.anonymous;
import static io.leadrules.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/**
 * After {@code DELETE /leads/{id}} the id is suppressed: later messages naming it (as userId, anonymousId or an
 * alias' previousId) are dropped before anything is stored, counted in the answer and in the metrics, until an admin
 * lifts the suppression ({@code /privacy/suppressions/{id}}). Only a salted hash of the id is kept, and no log line
 * of the erasure or the lift names the lead.
 */
@QuarkusTest
@Tag("db")
class ErasureSuppressionTest {

    /** {@code %test.leadrules.privacy.suppression-salt} in application.properties. */
    private static final String TEST_SALT = "dev-suppression-salt-not-secret";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Inject
    DataSource dataSource;

    @Test
    void aTrackForAnErasedUserIdIsDroppedAndCountedInTheAnswerAndTheMetrics() {
        String lead = erasedLead("track");
        double before = suppressedTotal("track");

        client().body(SegmentIngestTest.track(lead, "Demo Requested", NOW, lead + "-after")).post("/v1/track")
                .then().statusCode(200)
                .body("success", is(true)).body("stored", equalTo(0)).body("suppressed", equalTo(1));

        given().get("/leads/{id}", lead).then().statusCode(404);
        assertThat(suppressedTotal("track")).isEqualTo(before + 1);
    }

    @Test
    void theErasedIdAsAnonymousIdIsDroppedWhetherOrNotAUserIdComesWithIt() {
        String lead = erasedLead("anon");
        String user = Fixtures.uniqueLead("user");

        client().body(Fixtures.text("privacy/track-anonymous.json", Map.of("lead", lead, "msg", lead + "-a",
                        "ts", NOW.toString()))).post("/v1/track")
                .then().statusCode(200).body("stored", equalTo(0)).body("suppressed", equalTo(1));
        client().body(Fixtures.text("privacy/track-user-and-anonymous.json", Map.of("user", user, "anonymous", lead,
                        "msg", user + "-a", "ts", NOW.toString()))).post("/v1/track")
                .then().statusCode(200).body("stored", equalTo(0)).body("suppressed", equalTo(1));

        given().get("/leads/{id}", lead).then().statusCode(404);
        given().get("/leads/{id}", user).then().statusCode(404);
    }

    @Test
    void aBatchDropsTheMessagesNamingTheErasedLeadAndStoresTheOthers() {
        String erased = erasedLead("batch");
        String other = Fixtures.uniqueLead("other");
        double identifies = suppressedTotal("identify");
        double aliases = suppressedTotal("alias");

        client().body(Fixtures.text("privacy/batch-erased-and-other.json", Map.of("erased", erased, "other", other,
                        "ts", NOW.toString()))).post("/v1/batch")
                .then().statusCode(200)
                .body("success", is(true)).body("stored", equalTo(2)).body("suppressed", equalTo(4));

        given().get("/leads/{id}", erased).then().statusCode(404);
        given().get("/leads/{id}", other).then().statusCode(200)
                .body("events.messageId", equalTo(List.of(other + "-b2", other + "-b6")));
        assertThat(suppressedTotal("identify")).isEqualTo(identifies + 1);
        assertThat(suppressedTotal("alias")).isEqualTo(aliases + 1);
    }

    @Test
    void anIdentifyAfterErasureDoesNotRecreateTheProfile() {
        String lead = erasedLead("identify");

        client().body(SegmentIngestTest.identify(lead, "CMO", NOW, lead + "-again")).post("/v1/identify")
                .then().statusCode(200).body("suppressed", equalTo(1));

        given().get("/leads/{id}", lead).then().statusCode(404);
        given().get("/leads/{id}/history", lead).then().statusCode(404);
    }

    @Test
    void liftingTheSuppressionLetsTheNextEventIn() {
        Instant before = Instant.now();
        String lead = erasedLead("lift");

        String since = given().header("Authorization", ADMIN).get("/privacy/suppressions/{id}", lead)
                .then().statusCode(200)
                .body("suppressed", is(true)).body("erasedBy", equalTo("admin")).body("since", notNullValue())
                .extract().path("since");
        assertThat(Instant.parse(since)).isBetween(before.minusSeconds(1), Instant.now());

        given().header("Authorization", ADMIN).delete("/privacy/suppressions/{id}", lead).then().statusCode(204);
        given().header("Authorization", ADMIN).get("/privacy/suppressions/{id}", lead).then().statusCode(404);

        client().body(SegmentIngestTest.track(lead, "Email Opened", NOW, lead + "-back")).post("/v1/track")
                .then().statusCode(200).body("stored", equalTo(1)).body("suppressed", equalTo(0));
        given().get("/leads/{id}", lead).then().statusCode(200)
                .body("events.messageId", equalTo(List.of(lead + "-back")));
    }

    @Test
    void liftingOrReadingAnIdThatIsNotSuppressedIsA404Problem() {
        String never = Fixtures.uniqueLead("never");

        given().header("Authorization", ADMIN).delete("/privacy/suppressions/{id}", never).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/suppression-not-found")).body("status", equalTo(404));
        given().header("Authorization", ADMIN).get("/privacy/suppressions/{id}", never).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void suppressionsNeedTheAdminRole() {
        String lead = erasedLead("key");

        anonymous().get("/privacy/suppressions/{id}", lead).then().statusCode(401).contentType("application/problem+json");
        anonymous().delete("/privacy/suppressions/{id}", lead).then().statusCode(401);
        Api.as(Api.ANALYST_KEY).delete("/privacy/suppressions/{id}", lead).then().statusCode(403);
        given().header("Authorization", "Bearer wrong-key").delete("/privacy/suppressions/{id}", lead)
                .then().statusCode(401);

        given().header("Authorization", ADMIN).get("/privacy/suppressions/{id}", lead).then().statusCode(200);
    }

    @Test
    void theStoredSuppressionIsASaltedHashAndNotTheId() throws SQLException {
        String lead = erasedLead("hash");

        List<List<String>> rows = rows("select * from lead_suppression");
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).noneMatch(value -> value != null
                && value.contains(lead)));
        List<List<String>> ours = rows("select id_hash, erased_by from lead_suppression where id_hash = '"
                + hmac(TEST_SALT, lead) + "'");
        assertThat(ours).containsExactly(List.of(hmac(TEST_SALT, lead), "admin"));
    }

    @Test
    void erasingAndLiftingLogNeitherTheLeadIdNorItsEmail() {
        String lead = Fixtures.uniqueLead("quiet");
        client().body(SegmentIngestTest.identify(lead, "CMO", NOW, lead + "-id")).post("/v1/identify")
                .then().statusCode(200);

        List<String> lines;
        try (CapturedLog log = new CapturedLog()) {
            given().header("Authorization", ADMIN).delete("/leads/{id}", lead).then().statusCode(204);
            given().header("Authorization", ADMIN).delete("/privacy/suppressions/{id}", lead).then().statusCode(204);
            lines = log.lines();
        }

        String ref = hmac(TEST_SALT, lead).substring(0, 12);
        assertThat(lines).anyMatch(line -> line.contains("Erased a lead") && line.contains(ref))
                .anyMatch(line -> line.contains("Lifted suppression " + ref))
                .noneMatch(line -> line.contains(lead) || line.contains("ana@brandco.com"));
    }

    @Test
    void outcomesForAnErasedLeadAreDroppedAndCounted() {
        String erased = erasedLead("outcome");
        String kept = Fixtures.uniqueLead("kept");
        client().body(SegmentIngestTest.track(kept, "Email Opened", NOW, kept + "-t")).post("/v1/track")
                .then().statusCode(200);
        double before = suppressedTotal("outcome");

        given().contentType(ContentType.JSON)
                .body(Fixtures.text("outcomes/array.json", Map.of("lead1", erased, "lead2", kept)))
                .post("/outcomes").then().statusCode(200)
                .body("stored", equalTo(1)).body("replaced", equalTo(0)).body("suppressed", equalTo(1));

        given().queryParam("leadId", kept).get("/outcomes").then().statusCode(200).body("$", hasSize(1));
        assertThat(suppressedTotal("outcome")).isEqualTo(before + 1);
    }

    @Test
    void scoringAnErasedIdIsStatelessAndUnaffected() {
        String lead = erasedLead("score");

        given().contentType(ContentType.JSON).body(Fixtures.text("privacy/score-lead.json", Map.of("lead", lead)))
                .post("/score").then().statusCode(200).body("leadId", equalTo(lead));
    }

    /** A lead with an identify and an event, then erased. */
    private static String erasedLead(String prefix) {
        String lead = Fixtures.uniqueLead(prefix);
        client().body(SegmentIngestTest.identify(lead, "CMO", NOW.minusSeconds(60), lead + "-id")).post("/v1/identify")
                .then().statusCode(200).body("stored", equalTo(1));
        client().body(SegmentIngestTest.track(lead, "Email Opened", NOW.minusSeconds(30), lead + "-t"))
                .post("/v1/track").then().statusCode(200);
        given().header("Authorization", ADMIN).delete("/leads/{id}", lead).then().statusCode(204);
        return lead;
    }

    /** {@code leadrules_ingest_suppressed_total{kind="..."}} as /q/metrics shows it; 0 before the first. */
    private static double suppressedTotal(String kind) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^leadrules_ingest_suppressed_total\\{kind=\"" + kind + "\"} (\\S+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String hmac(String salt, String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of the query, each column as text. */
    private List<List<String>> rows(String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
