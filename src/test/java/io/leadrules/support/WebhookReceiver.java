package io.leadrules.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver for the MQL webhook, on 127.0.0.1 and a free port. It answers 503 to the first
 * {@code failures} attempts of each delivery (by {@code X-Leadrules-Delivery}) and 200 after, and records every
 * request, so tests can check retries. Counting per delivery keeps a test's retries its own: the database may hold
 * MQLs of earlier test classes, which the start-up MQL re-check can move out of MQL, each a delivery of its own.
 */
public final class WebhookReceiver {

    /** Every request received: its body and delivery id, in order. */
    public record Received(String body, String deliveryId, int status) {
    }

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    private static volatile int failures;
    private static HttpServer server;

    private WebhookReceiver() {
    }

    public static List<Received> received() {
        return RECEIVED;
    }

    static synchronized String start(int failures) {
        WebhookReceiver.failures = failures;
        ATTEMPTS.clear();
        RECEIVED.clear();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/mql", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String delivery = exchange.getRequestHeaders().getFirst("X-Leadrules-Delivery");
                int attempt = ATTEMPTS.computeIfAbsent(String.valueOf(delivery), d -> new AtomicInteger()).incrementAndGet();
                int status = attempt <= WebhookReceiver.failures ? 503 : 200;
                RECEIVED.add(new Received(body, delivery, status));
                exchange.sendResponseHeaders(status, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mql";
    }

    static synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Fails the first two attempts of each delivery, then accepts; short backoff so the test sees the retries soon. */
    public static class FlakyResource implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("leadrules.mql.webhook.url", WebhookReceiver.start(2),
                    "leadrules.mql.webhook.initial-backoff", "PT0.2S",
                    "leadrules.mql.webhook.max-attempts", "5",
                    "leadrules.mql.webhook.poll-every", "0.2s");
        }

        @Override
        public void stop() {
            WebhookReceiver.stop();
        }
    }

    /** Never accepts, and retries only after an hour: outbox rows stay pending. */
    public static class FailingResource implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("leadrules.mql.webhook.url", WebhookReceiver.start(Integer.MAX_VALUE),
                    "leadrules.mql.webhook.initial-backoff", "PT1H");
        }

        @Override
        public void stop() {
            WebhookReceiver.stop();
        }
    }

    /**
     * Accepts every delivery, and the service queues but does not send ({@code send=false}): tests drive the senders
     * themselves. Small batches, so that concurrent senders take many claims.
     */
    public static class QueueOnlyResource implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("leadrules.mql.webhook.url", WebhookReceiver.start(0),
                    "leadrules.mql.webhook.send", "false",
                    "leadrules.mql.webhook.batch-size", "10",
                    "leadrules.mql.webhook.parallelism", "4",
                    "leadrules.mql.webhook.poll-every", "0.2s");
        }

        @Override
        public void stop() {
            WebhookReceiver.stop();
        }
    }
}
