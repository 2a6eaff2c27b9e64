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

    /**
     * SQLSTATE class 22, the same on H2 and PostgreSQL: a value the column cannot take (too long, out of range).
     * Trying again fails again, unlike a lost connection or a deadlock.
     */
    public boolean isDataError() {
        return sqlState != null && sqlState.startsWith("22");
    }
}
