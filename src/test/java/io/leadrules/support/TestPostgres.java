package io.leadrules.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * The PostgreSQL that the "pg" test execution (the second surefire execution, JUnit tag "db") runs against, so that
 * {@code ./mvnw verify} passes on any machine with Java and Maven Central. The server the pom names
 * ({@code -Dtest.pg.url}, default {@code 127.0.0.1:5432/test}) is used when it answers, its database created when
 * missing; when nothing answers there, or it refuses us, an embedded PostgreSQL (zonky's binaries from Maven Central)
 * is started once per JVM on a free port and stopped when the JVM exits.
 * <p>
 * As a global test resource it hands the chosen server to every {@code @QuarkusTest}; plain JUnit tests call
 * {@link #server()}. The pom passes the configured server as system properties {@code test.pg.*}, not as
 * {@code quarkus.datasource.*}: those would beat a test resource's overrides (ordinal 400 against 399).
 */
@WithTestResource(value = TestPostgres.class, scope = TestResourceScope.GLOBAL)
public class TestPostgres implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(TestPostgres.class);

    /** Where the chosen server is kept: JVM-wide, as Quarkus loads this class again for each application start. */
    private static final String CHOSEN = "test.pg.chosen.";

    /** Started at most once per JVM; its shutdown hook stops it when the JVM exits. */
    private static EmbeddedPostgres embedded;

    /** The database that the tests connect to, and who they connect as. */
    public record Server(String url, String user, String password) {
    }

    /** True in the PostgreSQL test execution (config profile "pg"); false in the H2 one. */
    public static boolean inUse() {
        return System.getProperty("quarkus.test.profile", "").contains("pg");
    }

    /** The server of this run, chosen (and if need be started) on first use in the JVM. */
    public static Server server() {
        synchronized (System.getProperties()) {
            if (System.getProperty(CHOSEN + "url") == null) {
                Server chosen = choose();
                System.setProperty(CHOSEN + "url", chosen.url);
                System.setProperty(CHOSEN + "user", chosen.user);
                System.setProperty(CHOSEN + "password", chosen.password);
                LOG.infof("PostgreSQL tests run on %s as %s", chosen.url, chosen.user);
            }
            return new Server(System.getProperty(CHOSEN + "url"), System.getProperty(CHOSEN + "user"),
                    System.getProperty(CHOSEN + "password"));
        }
    }

    @Override
    public Map<String, String> start() {
        if (!inUse()) {
            return Map.of();
        }
        Server s = server();
        return Map.of("quarkus.datasource.jdbc.url", s.url,
                "quarkus.datasource.username", s.user,
                "quarkus.datasource.password", s.password);
    }

    @Override
    public void stop() {
        // The server outlives each application start: the embedded one stops when the JVM exits.
    }

    private static Server choose() {
        Server configured = new Server(
                System.getProperty("test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test"),
                System.getProperty("test.pg.user", "postgres"),
                System.getProperty("test.pg.password", ""));
        String unusable = unusableBecause(configured);
        if (unusable == null) {
            return configured;
        }
        LOG.warnf("Not testing on %s: %s. Starting an embedded PostgreSQL instead.", configured.url, unusable);
        return startEmbedded();
    }

    /** Why the configured server cannot be tested on, or null when it can (after creating its database if missing). */
    private static String unusableBecause(Server configured) {
        if (!configured.url.startsWith("jdbc:postgresql://")) {
            return "not a jdbc:postgresql:// URL";
        }
        URI uri = URI.create(configured.url.substring("jdbc:".length()));
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
        } catch (IOException e) {
            return "nothing answers at " + host + ":" + port + " (" + e.getMessage() + ")";
        }
        try (Connection c = connect(configured.url, configured)) {
            return null;
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) { // 3D000: no such database
                return e.getMessage();
            }
        }
        String database = uri.getPath().replaceFirst("^/", "");
        String maintenance = configured.url.replaceFirst("^(jdbc:postgresql://[^/]*)/[^?]*", "$1/postgres");
        try (Connection c = connect(maintenance, configured); Statement s = c.createStatement()) {
            s.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
            LOG.infof("Created the test database %s", configured.url);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // 42P04: another test run created it meanwhile
                return "its database " + database + " does not exist and could not be created: " + e.getMessage();
            }
        }
        return null;
    }

    private static Connection connect(String url, Server as) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", as.user);
        props.setProperty("password", as.password);
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "10");
        return DriverManager.getConnection(url, props);
    }

    private static Server startEmbedded() {
        try {
            // A free port of its own; PostgreSQL refuses to run as root, so as root zonky runs it in a user
            // namespace (unshare -U) where it is not.
            embedded = EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("No PostgreSQL to test on: none usable at -Dtest.pg.url and the embedded"
                    + " one did not start (" + e + "). As root the embedded one needs user namespaces (unshare -U);"
                    + " otherwise run the build as a non-root user, start a local server (bash .ci/run does), or"
                    + " point the tests at one with -Dtest.pg.url=jdbc:postgresql://HOST:PORT/DB"
                    + " -Dtest.pg.user=USER -Dtest.pg.password=PASSWORD", e);
        }
        return new Server("jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres", "postgres", "");
    }
}
