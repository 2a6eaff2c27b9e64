package io.leadrules.store;

import java.time.Instant;

/**
 * A webhook message waiting to be delivered (or delivered, or given up on).
 *
 * @param attempts  deliveries tried, counted when a sender claims the message (before it POSTs)
 * @param claimedBy the claim that holds (or last held) the message: {@code <sender>#<n>}
 */
public record OutboxRow(long id, String leadId, long transitionId, String payload, int attempts,
                        Instant nextAttemptAt, Instant deliveredAt, Instant failedAt, String lastError,
                        String claimedBy) {
}
