package io.leadrules.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Map;

/**
 * When the tests run against PostgreSQL (the "pg" profile, the second surefire execution), checks first that the
 * server answers and otherwise fails every test with how to fix it, instead of a long stack trace from start-up.
 */
@WithTestResource(value = PostgresReachable.class, scope = TestResourceScope.GLOBAL)
public class PostgresReachable implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String profile = System.getProperty("quarkus.test.profile", "");
        String url = System.getProperty("quarkus.datasource.jdbc.url", "");
        if (!profile.contains("pg") || !url.startsWith("jdbc:postgresql://")) {
            return Map.of();
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), 3000);
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + uri.getHost() + ":" + port + " ("
                    + e.getMessage() + "). The storage and API tests run against it too: start it (bash .ci/run"
                    + " does, or: pg_ctlcluster --skip-systemctl-redirect <version> main start), or point the tests at"
                    + " another server with -Dtest.pg.url=jdbc:postgresql://HOST:PORT/DB"
                    + " -Dtest.pg.user=USER -Dtest.pg.password=PASSWORD");
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
