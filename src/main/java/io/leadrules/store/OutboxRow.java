package io.leadrules.store;

import java.time.Instant;

/** A webhook message waiting to be delivered (or delivered, or given up on). */
public record OutboxRow(long id, String leadId, long transitionId, String payload, int attempts,
                        Instant nextAttemptAt, Instant deliveredAt, Instant failedAt, String lastError) {
}
