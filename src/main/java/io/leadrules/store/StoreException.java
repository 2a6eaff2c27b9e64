package io.leadrules.store;

/** A database failure, with the statement that failed; the request fails as a whole and nothing is half-stored. */
public class StoreException extends RuntimeException {

    private final String sqlState;

    public StoreException(String sql, java.sql.SQLException cause) {
        super("Database statement failed: " + cause.getMessage() + " [" + sql.strip() + "]", cause);
        this.sqlState = cause.getSQLState();
    }

    /** SQLSTATE 23505, the same on H2 and PostgreSQL: a row with that key exists. */
    public boolean isUniqueViolation() {
        return "23505".equals(sqlState);
    }
}
