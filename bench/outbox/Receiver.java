import com.sun.net.httpserver.HttpServer;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook receiver of the outbox benchmark (bench/README.md, "MQL webhook outbox"): the JDK's HTTP server on
 * loopback, answering 200 to every POST after an optional delay, counting deliveries by X-Leadrules-Delivery.
 * Prints the rate from the first delivery to the one that completes {@code expected} distinct deliveries, and how
 * many were received more than once.
 * Usage: java Receiver.java PORT EXPECTED [DELAY_MS] [TIMEOUT_S]
 */
public class Receiver {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int expected = Integer.parseInt(args[1]);
        long delayMs = args.length > 2 ? Long.parseLong(args[2]) : 0;
        long timeoutS = args.length > 3 ? Long.parseLong(args[3]) : 600;
        Map<String, AtomicInteger> perDelivery = new ConcurrentHashMap<>();
        AtomicInteger requests = new AtomicInteger();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.createContext("/mql", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
                if (delayMs > 0) {
                    Thread.sleep(delayMs);
                }
                long now = System.nanoTime();
                first.compareAndSet(0, now);
                requests.incrementAndGet();
                String id = String.valueOf(exchange.getRequestHeaders().getFirst("X-Leadrules-Delivery"));
                if (perDelivery.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() == 1
                        && perDelivery.size() >= expected) {
                    last.compareAndSet(0, now);
                    done.countDown();
                }
                exchange.sendResponseHeaders(200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
        System.out.println("receiver listening on 127.0.0.1:" + port + ", waiting for " + expected + " deliveries");
        boolean complete = done.await(timeoutS, TimeUnit.SECONDS);
        Thread.sleep(2000);   // late duplicates, if any
        server.stop(0);
        long duplicates = perDelivery.values().stream().filter(n -> n.get() > 1).count();
        double seconds = (last.get() - first.get()) / 1e9;
        System.out.printf("%s: %d distinct deliveries, %d requests, %d delivered more than once%n",
                complete ? "complete" : "TIMED OUT", perDelivery.size(), requests.get(), duplicates);
        if (complete) {
            System.out.printf("%.2f s from the first to the last: %.0f deliveries/s%n", seconds,
                    (expected - 1) / seconds);
        }
        System.exit(complete && duplicates == 0 ? 0 : 1);
    }
}
