package io.leadrules.store;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named locks that one holder at a time gets, across every replica on the database, so a background job runs on one
 * replica at a time. On PostgreSQL a session advisory lock ({@code pg_try_advisory_lock}) on a connection of its
 * own, kept while the lock is held: if the holder dies, its connection closes and the lock goes with it, so another
 * replica takes the job over at its next try. On the embedded H2 (one process owns the database file) a lock in this
 * JVM is the same guarantee.
 * <p>
 * The PostgreSQL key is the first 8 bytes of SHA-256 of {@code "leadrules:<schema>:<name>"}: deployments in other
 * schemas of one database do not exclude each other. Take a lock outside any transaction.
 */
@ApplicationScoped
public class AdvisoryLocks {

    /** A lock held until closed. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private final DataSource dataSource;
    private final Set<String> heldInThisJvm = ConcurrentHashMap.newKeySet();
    private volatile Boolean postgres;

    public AdvisoryLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The lock if no one holds it, else empty at once (never waits). */
    public Optional<Held> tryLock(String name) {
        return isPostgres() ? tryAdvisoryLock(name) : tryJvmLock(name);
    }

    /** Whether the locks are PostgreSQL's (shared by replicas) rather than this JVM's. */
    public boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            try (Connection c = dataSource.getConnection()) {
                known = "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw new StoreException("database metadata", e);
            }
            postgres = known;
        }
        return known;
    }

    private Optional<Held> tryJvmLock(String name) {
        return heldInThisJvm.add(name) ? Optional.of(() -> heldInThisJvm.remove(name)) : Optional.empty();
    }

    private Optional<Held> tryAdvisoryLock(String name) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            long key = key(c.getSchema(), name);
            if (!lockFunction(c, "pg_try_advisory_lock", key)) {
                c.close();
                return Optional.empty();
            }
            Connection held = c;
            return Optional.of(() -> unlock(held, key));
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException("select pg_try_advisory_lock(?)", e);
        }
    }

    /**
     * Releases the lock, then gives the connection back. An unlock that fails means the connection is broken: its
     * session, and the lock with it, are gone.
     */
    private static void unlock(Connection c, long key) {
        try {
            lockFunction(c, "pg_advisory_unlock", key);
        } catch (SQLException e) {
            // The session is gone, and the lock with it.
        } finally {
            closeQuietly(c);
        }
    }

    private static boolean lockFunction(Connection c, String function, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + function + "(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    static long key(String schema, String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("leadrules:" + schema + ":" + name).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Already broken: nothing to give back.
            }
        }
    }
}
