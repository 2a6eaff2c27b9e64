package io.leadrules.store;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One holder per job lock, on the database the test run targets: PostgreSQL in the "postgresql" execution (each
 * {@link AdvisoryLocks} stands for a replica, with connections of its own), else the embedded H2 (a lock in the JVM).
 */
@Tag("db")
class AdvisoryLocksTest {

    private static final String URL = System.getProperty("quarkus.datasource.jdbc.url", "");
    private static final boolean POSTGRES = URL.startsWith("jdbc:postgresql:");

    @Test
    void twoHoldersExcludeEachOtherUntilTheFirstReleases() {
        AdvisoryLocks replicaA = new AdvisoryLocks(dataSource(new CopyOnWriteArrayList<>()));
        AdvisoryLocks replicaB = POSTGRES ? new AdvisoryLocks(dataSource(new CopyOnWriteArrayList<>())) : replicaA;
        assertThat(replicaA.isPostgres()).isEqualTo(POSTGRES);

        Optional<AdvisoryLocks.Held> a = replicaA.tryLock("test-job");
        assertThat(a).as("first holder").isPresent();
        assertThat(replicaB.tryLock("test-job")).as("second holder while the first holds it").isEmpty();
        try (AdvisoryLocks.Held other = replicaB.tryLock("test-other-job").orElseThrow()) {
            assertThat(other).as("another job's lock is free").isNotNull();
        }

        a.get().close();
        try (AdvisoryLocks.Held b = replicaB.tryLock("test-job").orElseThrow()) {
            assertThat(replicaA.tryLock("test-job")).as("now the second holds it").isEmpty();
        }
    }

    @Test
    void aLockVanishesWithTheConnectionOfAHolderThatDied() throws Exception {
        assumeTrue(POSTGRES, "PostgreSQL only: on H2 the lock lives in the JVM, which dies with the holder");
        List<Connection> connectionsOfA = new CopyOnWriteArrayList<>();
        AdvisoryLocks replicaA = new AdvisoryLocks(dataSource(connectionsOfA));
        AdvisoryLocks replicaB = new AdvisoryLocks(dataSource(new CopyOnWriteArrayList<>()));

        AdvisoryLocks.Held a = replicaA.tryLock("test-dying-job").orElseThrow();
        assertThat(replicaB.tryLock("test-dying-job")).isEmpty();

        // Replica A dies: its connection closes without unlocking.
        connectionsOfA.get(connectionsOfA.size() - 1).close();

        try (AdvisoryLocks.Held b = replicaB.tryLock("test-dying-job").orElseThrow()) {
            assertThat(b).isNotNull();
        }
        a.close();  // the dead holder's release does not throw
    }

    /** A fresh data source (a connection per call, as a replica's own pool), recording what it hands out. */
    private static DataSource dataSource(List<Connection> handedOut) {
        DataSource target;
        if (POSTGRES) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(URL);
            pg.setUser(System.getProperty("quarkus.datasource.username", "postgres"));
            pg.setPassword(System.getProperty("quarkus.datasource.password", ""));
            target = pg;
        } else {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:advisory-locks;MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
            h2.setUser("sa");
            target = h2;
        }
        return (DataSource) Proxy.newProxyInstance(AdvisoryLocksTest.class.getClassLoader(),
                new Class<?>[]{DataSource.class}, (proxy, method, args) -> {
                    try {
                        Object result = method.invoke(target, args);
                        if (result instanceof Connection c) {
                            handedOut.add(c);
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
