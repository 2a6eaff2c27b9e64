package io.leadrules.api;

import io.leadrules.handoff.HandoffConfig;
import io.leadrules.handoff.WebhookSender;
import io.leadrules.store.OutboxRepository;
import io.leadrules.store.OutboxRow;
import io.leadrules.support.Fixtures;
import io.leadrules.support.WebhookReceiver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static io.leadrules.support.Segment.client;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several senders over one outbox (as several replicas): each message is claimed by one sender, its attempts counted,
 * and delivered once; one left claimed by a sender that stopped is sent again after the lease, with the same
 * delivery id. The service here queues but does not send ({@code send=false}): the tests run the senders.
 */
@QuarkusTest
@WithTestResource(value = WebhookReceiver.QueueOnlyResource.class)
@Tag("db")
class OutboxClaimTest {

    @Inject
    OutboxRepository outbox;

    @Inject
    WebhookSender sender;

    @Inject
    HandoffConfig config;

    @Inject
    Clock clock;

    @Test
    void queuesTransitionsButDoesNotSendThemWhenSendingIsOff() throws InterruptedException {
        String lead = Fixtures.uniqueLead("queued");
        Instant now = Instant.now();
        client().body(Fixtures.segment("batch-identify-pricing-demo.json", Map.of("lead", lead,
                "ts1", now.minus(Duration.ofMinutes(3)).toString(), "ts2", now.minus(Duration.ofMinutes(2)).toString(),
                "ts3", now.minus(Duration.ofMinutes(1)).toString()))).post("/v1/batch").then().statusCode(200);

        Thread.sleep(1000);   // five polls of a sender that would send

        assertThat(outbox.forLead(lead)).singleElement()
                .satisfies(r -> assertThat(r.attempts()).isZero())
                .satisfies(r -> assertThat(r.deliveredAt()).isNull());
        assertThat(receivedFor(Set.of(outbox.forLead(lead).get(0).id()))).isEmpty();

        sender.drain();   // another replica, one that sends
        OutboxRow row = outbox.forLead(lead).get(0);
        assertThat(row.deliveredAt()).isNotNull();
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(receivedFor(Set.of(row.id()))).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"leadId\":\"" + lead + "\"", "\"entered\""));
    }

    @Test
    void sendersRacingOverOneOutboxDeliverEachMessageOnce() throws Exception {
        String lead = Fixtures.uniqueLead("race");
        Set<Long> ids = queue(lead, 300);

        List<Integer> tried = new ArrayList<>();
        WebhookSender replicaB = new WebhookSender(config, outbox, clock);
        WebhookSender replicaC = new WebhookSender(config, outbox, clock);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Integer>> drains = new ArrayList<>();
            for (WebhookSender s : List.of(sender, replicaB, replicaC)) {
                drains.add(() -> {
                    start.await();
                    return s.drain();
                });
            }
            List<Future<Integer>> running = drains.stream().map(threads::submit).toList();
            start.countDown();
            for (Future<Integer> f : running) {
                tried.add(f.get());
            }
        } finally {
            threads.shutdown();
            replicaB.stop();
            replicaC.stop();
        }

        List<OutboxRow> rows = outbox.forLead(lead);
        assertThat(rows).hasSize(300).allSatisfy(r -> {
            assertThat(r.deliveredAt()).isNotNull();
            assertThat(r.attempts()).as("attempts of " + r.id()).isEqualTo(1);
        });
        assertThat(rows.stream().collect(Collectors.groupingBy(OutboxRow::claimedBy, Collectors.counting())))
                .as("rows per claim").allSatisfy((claim, n) -> assertThat(n).isLessThanOrEqualTo(10));
        Map<String, Long> perDelivery = receivedFor(ids).stream()
                .collect(Collectors.groupingBy(WebhookReceiver.Received::deliveryId, Collectors.counting()));
        assertThat(perDelivery).hasSize(300).allSatisfy((id, times) -> assertThat(times).as("delivery " + id).isOne());
        assertThat(tried.stream().mapToInt(Integer::intValue).sum()).as("claims over the 3 senders " + tried)
                .isGreaterThanOrEqualTo(300);
    }

    @Test
    void aMessageLeftClaimedByASenderThatStoppedIsSentAfterItsLeaseWithTheSameDeliveryId() throws Exception {
        String lead = Fixtures.uniqueLead("crash");
        long id = queue(lead, 1).iterator().next();
        // A sender claims the due messages and stops before it marks them (mid-delivery).
        assertThat(outbox.claim("stopped-sender#1", clock.instant(), Duration.ofSeconds(1), 10_000))
                .extracting(OutboxRow::id).contains(id);

        sender.drain();
        assertThat(outbox.forLead(lead).get(0).deliveredAt()).as("leased to the stopped sender").isNull();

        Thread.sleep(1200);
        sender.drain();
        OutboxRow row = outbox.forLead(lead).get(0);
        assertThat(row.deliveredAt()).isNotNull();
        assertThat(row.attempts()).as("the stopped sender's attempt counts").isEqualTo(2);
        assertThat(row.claimedBy()).isNotEqualTo("stopped-sender#1");
        assertThat(receivedFor(Set.of(id))).singleElement()
                .satisfies(r -> assertThat(r.deliveryId()).isEqualTo(Long.toString(id)));
    }

    /** Queues {@code n} due messages for the lead, as recorded transitions would; returns their ids. */
    private Set<Long> queue(String lead, int n) {
        Instant due = clock.instant().minusSeconds(1);
        Set<Long> ids = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            ids.add(outbox.insert(lead, i, "{\"leadId\":\"" + lead + "\",\"n\":" + i + "}", due));
        }
        return ids;
    }

    private static List<WebhookReceiver.Received> receivedFor(Set<Long> ids) {
        Set<String> wanted = ids.stream().map(String::valueOf).collect(Collectors.toSet());
        return WebhookReceiver.received().stream().filter(r -> wanted.contains(r.deliveryId())).toList();
    }
}
