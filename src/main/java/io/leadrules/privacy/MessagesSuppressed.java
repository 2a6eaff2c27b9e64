package io.leadrules.privacy;

/**
 * Fired (CDI event) inside the transaction that dropped {@code count} messages of this {@code kind} because they
 * name suppressed ids, so {@link SuppressionMetrics} counts them once committed.
 */
public record MessagesSuppressed(String kind, int count) {
}
