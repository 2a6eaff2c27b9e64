package io.leadrules.api;

import io.leadrules.store.OutboxRepository;
import io.leadrules.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.leadrules.support.Segment.client;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replica that records transitions but does not know the webhook's url queues them when told to
 * ({@code leadrules.mql.webhook.queue=true}), for the replicas that send; it sends nothing itself.
 */
@QuarkusTest
@TestProfile(QueueWithoutUrlTest.QueueOnly.class)
@Tag("db")
class QueueWithoutUrlTest {

    public static class QueueOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("leadrules.mql.webhook.queue", "true", "leadrules.mql.webhook.poll-every", "0.2s");
        }
    }

    @Inject
    OutboxRepository outbox;

    @Test
    void queuesTransitionsForOtherReplicasToSend() throws InterruptedException {
        String lead = Fixtures.uniqueLead("queue-only");
        Instant now = Instant.now();
        client().body(Fixtures.segment("batch-identify-pricing-demo.json", Map.of("lead", lead,
                "ts1", now.minus(Duration.ofMinutes(3)).toString(), "ts2", now.minus(Duration.ofMinutes(2)).toString(),
                "ts3", now.minus(Duration.ofMinutes(1)).toString()))).post("/v1/batch").then().statusCode(200);

        Thread.sleep(600);   // three polls

        assertThat(outbox.forLead(lead)).singleElement()
                .satisfies(r -> assertThat(r.payload()).contains("\"direction\":\"entered\""))
                .satisfies(r -> assertThat(r.attempts()).isZero());
    }
}
