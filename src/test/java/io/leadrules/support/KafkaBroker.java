package io.leadrules.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Kafka broker inside the test JVM: Kafka's own server (KRaft, one node that is broker and controller), on
 * 127.0.0.1 and a free port, its logs in a temporary folder. {@link #shutDown()} and {@link #startAgain()} stop it
 * and start it again on the same port and logs, as an operator's restart would. No container, nothing to install.
 */
public final class KafkaBroker {

    public static final String TOPIC = "segment-events-test";
    public static final String DEAD_LETTER_TOPIC = "segment-events-test-dead-letter";
    public static final int PARTITIONS = 3;

    private static Path logDir;
    private static Map<String, String> config;
    private static KafkaRaftServer server;
    private static String bootstrapServers;

    private KafkaBroker() {
    }

    public static synchronized String bootstrapServers() {
        return bootstrapServers;
    }

    static synchronized String start() {
        try {
            logDir = Files.createTempDirectory("leadrules-kafka");
            int port = freePort();
            int controllerPort = freePort();
            bootstrapServers = "127.0.0.1:" + port;
            config = new HashMap<>();
            config.put("process.roles", "broker,controller");
            config.put("node.id", "1");
            config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            config.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            config.put("controller.listener.names", "CONTROLLER");
            config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            config.put("inter.broker.listener.name", "PLAINTEXT");
            config.put("log.dirs", logDir.toString());
            config.put("num.partitions", "1");
            config.put("offsets.topic.replication.factor", "1");
            config.put("offsets.topic.num.partitions", "3");
            config.put("transaction.state.log.replication.factor", "1");
            config.put("transaction.state.log.min.isr", "1");
            config.put("share.coordinator.state.topic.replication.factor", "1");
            config.put("share.coordinator.state.topic.min.isr", "1");
            config.put("group.initial.rebalance.delay.ms", "0");
            format(logDir);
            startServer();
            createTopics();
            return bootstrapServers;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test Kafka broker", e);
        }
    }

    /** Stops the broker (as {@link #startAgain()} will find it: same port, topics, records, committed offsets). */
    public static synchronized void shutDown() {
        stopServer();
    }

    public static synchronized void startAgain() {
        startServer();
    }

    static synchronized void stop() {
        stopServer();
        if (logDir != null) {
            try (Stream<Path> files = Files.walk(logDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            logDir = null;
        }
    }

    private static void format(Path dir) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(1)
                .setDirectories(List.of(dir.toString()))
                .setMetadataLogDirectory(dir.toString())
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    private static void startServer() {
        server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        server.startup();
    }

    private static void stopServer() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    private static void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(Set.of(new NewTopic(TOPIC, PARTITIONS, (short) 1),
                    new NewTopic(DEAD_LETTER_TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * The broker for a {@code @QuarkusTest}: Kafka intake on, reading {@link #TOPIC} from the start; failures that
     * may pass retried soon, so a test does not wait on the production backoff.
     */
    public static class Resource implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("kafka.bootstrap.servers", KafkaBroker.start(),
                    "leadrules.ingest.kafka.enabled", "true",
                    "leadrules.ingest.kafka.topic", TOPIC,
                    "leadrules.ingest.kafka.dead-letter-topic", DEAD_LETTER_TOPIC,
                    "leadrules.ingest.kafka.group-id", "leadrules-test",
                    "leadrules.ingest.kafka.retry-initial-backoff", "PT0.1S",
                    "leadrules.ingest.kafka.retry-max-backoff", "PT1S");
        }

        @Override
        public void stop() {
            KafkaBroker.stop();
        }
    }
}
