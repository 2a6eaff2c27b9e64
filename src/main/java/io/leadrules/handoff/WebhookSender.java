package io.leadrules.handoff;

import io.leadrules.store.OutboxRepository;
import io.leadrules.store.OutboxRow;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Delivers the webhook outbox: POSTs each due message as JSON, marks it delivered on a 2xx, otherwise retries
 * with exponential backoff until {@code leadrules.mql.webhook.max-attempts}. A message may arrive more than once
 * (e.g. the service stops between the POST and the mark), so each carries {@code X-Leadrules-Delivery} to dedupe.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final int BATCH = 100;

    private final HandoffConfig config;
    private final OutboxRepository outbox;
    private final Clock clock;
    private final HttpClient http;

    public WebhookSender(HandoffConfig config, OutboxRepository outbox, Clock clock) {
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.webhook().timeout()).build();
    }

    @Scheduled(every = "${leadrules.mql.webhook.poll-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        if (config.webhook().url().isEmpty()) {
            return;
        }
        List<OutboxRow> due = outbox.due(clock.instant(), BATCH);
        due.forEach(this::deliver);
    }

    private void deliver(OutboxRow row) {
        int attempts = row.attempts() + 1;
        String error = post(row);
        Instant now = clock.instant();
        if (error == null) {
            outbox.markDelivered(row.id(), attempts, now);
        } else if (attempts >= config.webhook().maxAttempts()) {
            LOG.warnf("MQL webhook for lead %s given up after %d attempts: %s", row.leadId(), attempts, error);
            outbox.markFailed(row.id(), attempts, now, error);
        } else {
            outbox.markRetry(row.id(), attempts, now.plus(backoff(attempts)), error);
        }
    }

    /** Null on success, else what went wrong. */
    private String post(OutboxRow row) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.webhook().url().orElseThrow()))
                .timeout(config.webhook().timeout())
                .header("Content-Type", "application/json")
                .header("X-Leadrules-Delivery", Long.toString(row.id()))
                .POST(HttpRequest.BodyPublishers.ofString(row.payload()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
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
        return config.webhook().initialBackoff().multipliedBy(1L << Math.min(failedAttempts - 1, 20));
    }
}
