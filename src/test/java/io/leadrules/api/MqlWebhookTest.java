package io.leadrules.api;

import io.leadrules.store.OutboxRepository;
import io.leadrules.store.OutboxRow;
import io.leadrules.support.Fixtures;
import io.leadrules.support.WebhookReceiver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.leadrules.support.Segment.client;
import static org.assertj.core.api.Assertions.assertThat;

/** The MQL webhook: delivered from the outbox to a real local receiver that fails twice, retried until it takes it. */
@QuarkusTest
@WithTestResource(value = WebhookReceiver.FlakyResource.class)
@Tag("db")
class MqlWebhookTest {

    @Inject
    OutboxRepository outbox;

    @Test
    void deliversTheMqlWebhookAfterRetryingFailures() throws InterruptedException {
        String lead = Fixtures.uniqueLead("hook");
        Instant now = Instant.now();
        client().body(Fixtures.segment("batch-identify-pricing-demo.json", Map.of("lead", lead,
                "ts1", now.minus(Duration.ofMinutes(3)).toString(), "ts2", now.minus(Duration.ofMinutes(2)).toString(),
                "ts3", now.minus(Duration.ofMinutes(1)).toString()))).post("/v1/batch").then().statusCode(200);

        OutboxRow row = awaitDelivered(lead, Duration.ofSeconds(20));

        assertThat(row.attempts()).isEqualTo(3);
        List<WebhookReceiver.Received> forLead = WebhookReceiver.received().stream()
                .filter(r -> r.body().contains(lead)).toList();
        assertThat(forLead).extracting(WebhookReceiver.Received::status).containsExactly(503, 503, 200);
        assertThat(forLead).extracting(WebhookReceiver.Received::deliveryId).containsOnly(Long.toString(row.id()));
        assertThat(forLead.get(2).body()).contains("\"direction\":\"entered\"", "\"leadId\":\"" + lead + "\"");
    }

    private OutboxRow awaitDelivered(String lead, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<OutboxRow> rows = outbox.forLead(lead);
            assertThat(rows).hasSize(1);
            if (rows.get(0).deliveredAt() != null) {
                return rows.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The webhook was not delivered within " + timeout + ": " + outbox.forLead(lead));
    }
}
