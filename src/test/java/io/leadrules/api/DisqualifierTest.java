package io.leadrules.api;

import io.leadrules.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.leadrules.support.Api.given;
import static io.leadrules.support.Segment.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** A disqualify rule vetoes MQL in every answer: the score, the lead's profile, and its transitions. */
@QuarkusTest
@Tag("db")
class DisqualifierTest {

    @Test
    void theScoreAnswerSaysWhoDisqualifiedTheLead() {
        given().contentType("application/json").body(Fixtures.text("requests/score-competitor.json", Map.of()))
                .post("/score").then().statusCode(200)
                .body("mql", equalTo(false))
                .body("disqualifiedBy", contains("Competitor domain"))
                .body("notMqlBecause[0]", equalTo("disqualified by \"Competitor domain\""))
                .body("breakdown.disqualify", equalTo(-100));
    }

    @Test
    void anMqlWhoTurnsOutToWorkForACompetitorLeavesMqlWithThatCause() {
        String lead = Fixtures.uniqueLead("turncoat");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant since = now.minusSeconds(3600);
        client().body(Fixtures.segment("identify-ideal-buyer.json", Map.of("lead", lead, "msg", lead + "-1",
                "ts", now.minusSeconds(120).toString()))).post("/v1/identify").then().statusCode(200);
        client().body(Fixtures.segment("page.json", Map.of("lead", lead, "msg", lead + "-2", "name", "Pricing",
                "path", "/pricing", "ts", now.minusSeconds(60).toString()))).post("/v1/page").then().statusCode(200);
        given().get("/leads/{id}", lead).then().statusCode(200).body("mql", equalTo(true));

        client().body(Fixtures.segment("identify-competitor-email.json", Map.of("lead", lead, "msg", lead + "-3",
                "ts", now.toString()))).post("/v1/identify").then().statusCode(200);

        given().get("/leads/{id}", lead).then().statusCode(200).body("mql", equalTo(false))
                .body("score.disqualifiedBy", hasItem("Competitor domain"));
        JsonPath feed = given().queryParam("since", since.toString()).queryParam("limit", "1000")
                .get("/mql/transitions").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> mine = feed.<Map<String, Object>>getList("").stream()
                .filter(t -> lead.equals(t.get("leadId"))).toList();
        assertThat(mine).extracting(t -> t.get("direction")).containsExactly("entered", "left");
        assertThat(mine.get(1).get("disqualifiedBy")).isEqualTo(List.of("Competitor domain"));
        assertThat(mine.get(0).get("disqualifiedBy")).isEqualTo(List.of());
    }
}
