package io.leadrules.api;

import io.leadrules.profile.MqlRecheck;
import io.leadrules.store.LeadRows;
import io.leadrules.support.ControlledClockProfile;
import io.leadrules.support.Fixtures;
import io.leadrules.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.leadrules.support.Segment.client;
import static io.leadrules.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Decay alone moves a lead out of MQL: the periodic re-check records it, with no new event. */
@QuarkusTest
@TestProfile(ControlledClockProfile.class)
@Tag("db")
class MqlRecheckTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    MqlRecheck recheck;

    @Inject
    LeadRows rows;

    @Test
    void recordsLeavingMqlWhenSignalsFadeWithoutANewEvent() {
        clock.set(T0);
        String lead = Fixtures.uniqueLead("recheck");
        client().body(SegmentIngestTest.identify(lead, "Office Manager", T0.minusSeconds(60), lead + "-id"))
                .post("/v1/identify").then().statusCode(200);                          // fit 45
        client().body(Fixtures.segment("page.json", Map.of("lead", lead, "msg", lead + "-pricing", "name", "Pricing",
                "path", "/pricing", "ts", T0.toString()))).post("/v1/page").then().statusCode(200);  // 70: MQL

        clock.advance(Duration.ofDays(1));
        recheck.recheckAll();
        given().get("/leads/{id}/history", lead).then().body("", hasSize(2));   // still MQL (in the band): no trace

        clock.advance(Duration.ofDays(8));                                          // pricing now 9 days old: 55
        recheck.recheckAll();

        given().get("/leads/{id}/history", lead).then().statusCode(200)
                .body("", hasSize(3))
                .body("[2].mql", equalTo(false))
                .body("[2].cause.type", equalTo("decay"))
                .body("[2].decidedAt", equalTo(T0.plus(Duration.ofDays(9)).toString()));
        List<String> directions = given().queryParam("since", T0.toString()).get("/mql/transitions").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.leadId == '" + lead + "' }.direction");
        assertThat(directions).containsExactly("entered", "left");
    }

    /**
     * Another replica, on newer rules, made the lead's latest decision (or this one's rescoring after an activation
     * has not reached it yet): a verdict changed on this replica's rules would come from the rules, not from time,
     * so the re-check leaves the lead alone. Back on the lead's ruleset, the faded signals are recorded.
     */
    @Test
    void neverRecordsFadedSignalsForALeadLastScoredOnAnotherRuleset() {
        clock.set(T0);
        String lead = Fixtures.uniqueLead("recheck-ruleset");
        client().body(SegmentIngestTest.identify(lead, "Office Manager", T0.minusSeconds(60), lead + "-id"))
                .post("/v1/identify").then().statusCode(200);                          // fit 45
        client().body(Fixtures.segment("page.json", Map.of("lead", lead, "msg", lead + "-pricing", "name", "Pricing",
                "path", "/pricing", "ts", T0.toString()))).post("/v1/page").then().statusCode(200);  // 70: MQL
        String version = given().get("/leads/{id}/history", lead).then().extract().path("[1].rulesetVersion");
        rows.setRulesetVersion(lead, "0123456789ab");

        clock.advance(Duration.ofDays(9));                                          // 55 on this replica's rules
        recheck.recheckAll();

        given().get("/leads/{id}/history", lead).then().body("", hasSize(2));
        given().get("/leads/{id}", lead).then().body("mql", equalTo(true));

        rows.setRulesetVersion(lead, version);
        recheck.recheckAll();
        given().get("/leads/{id}/history", lead).then()
                .body("", hasSize(3))
                .body("[2].cause.type", equalTo("decay"))
                .body("[2].cause.rulesetChange", equalTo(null))
                .body("[2].cause.detail", equalTo("No new event: the signals faded with time"));
    }
}
