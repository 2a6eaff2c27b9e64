package io.leadrules.api;

import io.leadrules.support.Fixtures;
import io.leadrules.store.LeadRows;
import io.leadrules.support.WebhookReceiver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.leadrules.support.Segment.ADMIN;
import static io.leadrules.support.Segment.client;
import static io.leadrules.support.Api.anonymous;
import static io.leadrules.support.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * {@code DELETE /leads/{id}} (CCPA/CPRA): needs the admin key and leaves nothing behind in any table. Runs with
 * the webhook on (a receiver that always fails) so there are transitions and queued outbox rows to erase too, and
 * with an outcome recorded for the lead.
 */
@QuarkusTest
@WithTestResource(value = WebhookReceiver.FailingResource.class)
@Tag("db")
class LeadErasureTest {

    @Inject
    LeadRows rows;

    @Test
    void erasureRemovesProfileEventsDecisionsTransitionsOutboxAndOutcome() {
        String lead = Fixtures.uniqueLead("erase");
        Instant now = Instant.now();
        client().body(Fixtures.segment("batch-identify-pricing-demo.json", Map.of("lead", lead,
                "ts1", now.minus(Duration.ofMinutes(3)).toString(), "ts2", now.minus(Duration.ofMinutes(2)).toString(),
                "ts3", now.minus(Duration.ofMinutes(1)).toString()))).post("/v1/batch").then().statusCode(200);
        given().contentType("application/json").body(Fixtures.text("outcomes/single.json", Map.of("lead1", lead)))
                .post("/outcomes").then().statusCode(200);
        assertThat(rows.count(lead)).allSatisfy((table, count) -> assertThat(count).as(table).isPositive());

        given().header("Authorization", ADMIN).delete("/leads/{id}", lead).then().statusCode(204);

        assertThat(rows.count(lead)).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
        given().get("/leads/{id}", lead).then().statusCode(404);
        given().header("Authorization", ADMIN).delete("/leads/{id}", lead).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void erasureNeedsTheAdminKey() {
        String lead = Fixtures.uniqueLead("keep");
        client().body(SegmentIngestTest.track(lead, "Email Opened", Instant.now(), lead + "-o"))
                .post("/v1/track").then().statusCode(200);

        anonymous().delete("/leads/{id}", lead).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().header("Authorization", "Bearer wrong-key").delete("/leads/{id}", lead).then().statusCode(401)
                .body("detail", equalTo("The key sent is not valid"));
        // The write key is a key, but only for ingestion.
        given().header("Authorization", "Basic ZGV2LXdyaXRlLWtleTo=").delete("/leads/{id}", lead).then().statusCode(403)
                .contentType("application/problem+json");

        assertThat(rows.count(lead).get("lead_event")).isEqualTo(1);
    }
}
