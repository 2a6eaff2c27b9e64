package io.leadrules.handoff;

import io.leadrules.store.OutboxRepository;
import io.leadrules.store.OutboxRow;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers the webhook outbox; any number of replicas may ({@code leadrules.mql.webhook.send}). A sender claims a
 * batch of due messages ({@link OutboxRepository#claim}: a lease, attempts counted), POSTs them as JSON,
 * {@code parallelism} at a time, and marks each delivered on a 2xx, else schedules a retry with exponential backoff
 * until {@code max-attempts}. While batches come full it claims the next one at once, without waiting for the poll.
 * <p>
 * Each message reaches the receiver once, unless its sender stops between the POST and the mark (or a delivery
 * outlasts the lease): another sender then sends it again once the lease runs out, with the same
 * {@code X-Leadrules-Delivery}, which receivers dedupe on.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final HandoffConfig.Webhook config;
    private final OutboxRepository outbox;
    private final Clock clock;
    private final HttpClient http;
    private final ExecutorService deliveries;
    /** This sender in {@code claimed_by}: process, host and a random part (two senders may share a process). */
    private final String name;
    private final AtomicLong claims = new AtomicLong();
    private volatile boolean stopping;

    public WebhookSender(HandoffConfig config, OutboxRepository outbox, Clock clock) {
        this.config = config.webhook();
        this.outbox = outbox;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
        AtomicInteger threads = new AtomicInteger();
        this.deliveries = Executors.newFixedThreadPool(this.config.parallelism(), r -> {
            Thread t = new Thread(r, "webhook-sender-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.name = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    @Scheduled(every = "${leadrules.mql.webhook.poll-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (config.send() && config.url().isPresent()) {
            drain();
        }
    }

    /** Delivers due messages, a batch after another while batches come full; returns how many were tried. */
    public int drain() {
        int tried = 0;
        while (!stopping) {
            String claim = name + "#" + claims.incrementAndGet();
            List<OutboxRow> batch = outbox.claim(claim, clock.instant(), lease(), config.batchSize());
            deliverAll(batch, claim);
            tried += batch.size();
            if (batch.size() < config.batchSize()) {
                break;
            }
        }
        return tried;
    }

    /**
     * How long a claim holds its rows: long enough for the batch when every delivery times out (ceil(batch /
     * parallelism) rounds), plus one round for the marks; 140 s with the defaults. Rows of a sender that stopped
     * are retried by another after this.
     */
    Duration lease() {
        int rounds = (config.batchSize() + config.parallelism() - 1) / config.parallelism();
        return config.timeout().multipliedBy(rounds + 1L);
    }

    private void deliverAll(List<OutboxRow> batch, String claim) {
        if (batch.isEmpty()) {
            return;
        }
        List<Callable<Void>> tasks = batch.stream().map(row -> (Callable<Void>) () -> {
            deliver(row, claim);
            return null;
        }).toList();
        try {
            deliveries.invokeAll(tasks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Attempts were counted at the claim: {@code row.attempts()} includes this one. */
    private void deliver(OutboxRow row, String claim) {
        String error = post(row);
        try {
            if (!mark(row, claim, error, clock.instant())) {
                LOG.warnf("MQL webhook %d was no longer this sender's when marked: its lease (%s) ran out and another"
                        + " sender may send it again (lower leadrules.mql.webhook.timeout or batch-size), or its lead was"
                        + " erased", row.id(), lease());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "MQL webhook %d: its delivery could not be recorded; it is sent again after its lease (%s)",
                    row.id(), lease());
        }
    }

    /** Records the outcome of the attempt, if the message is still this claim's; returns whether it was. */
    private boolean mark(OutboxRow row, String claim, String error, Instant now) {
        if (error == null) {
            return outbox.markDelivered(row.id(), claim, now);
        }
        if (row.attempts() >= config.maxAttempts()) {
            LOG.warnf("MQL webhook for lead %s given up after %d attempts: %s", row.leadId(), row.attempts(), error);
            return outbox.markFailed(row.id(), claim, now, error);
        }
        return outbox.markRetry(row.id(), claim, now.plus(backoff(row.attempts())), error);
    }

    /** Null on success, else what went wrong. */
    private String post(OutboxRow row) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.url().orElseThrow()))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("X-Leadrules-Delivery", Long.toString(row.id()))
                .POST(HttpRequest.BodyPublishers.ofString(row.payload()))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** initial-backoff, doubled after each failed attempt (1st failure: initial, 2nd: 2x, 3rd: 4x...). */
    Duration backoff(int failedAttempts) {
        return config.initialBackoff().multipliedBy(1L << Math.min(failedAttempts - 1, 20));
    }

    /** Lets the deliveries in flight finish (within the timeout); no new batch is claimed. */
    @PreDestroy
    public void stop() {
        stopping = true;
        deliveries.shutdown();
        try {
            if (!deliveries.awaitTermination(config.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                deliveries.shutdownNow();
            }
        } catch (InterruptedException e) {
            deliveries.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
