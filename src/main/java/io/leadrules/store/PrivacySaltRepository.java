package io.leadrules.store;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Optional;

/**
 * The suppression salt generated when none is configured: one row (table {@code privacy_salt}) shared by every
 * replica on the database.
 */
@ApplicationScoped
public class PrivacySaltRepository {

    private final Jdbc jdbc;

    public PrivacySaltRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public Optional<String> find() {
        return jdbc.queryOne("select salt from privacy_salt where id = 1", rs -> rs.getString("salt"));
    }

    /**
     * Stores {@code candidate} unless a salt is stored already, and returns the stored one: replicas starting at
     * once all end up with the salt of the first.
     */
    public String storeOnce(String candidate, Instant now) {
        jdbc.update("insert into privacy_salt (id, salt, created_at) values (1, ?, ?) on conflict do nothing",
                candidate, now);
        return find().orElseThrow();
    }
}
