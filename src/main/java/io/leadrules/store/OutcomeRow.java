package io.leadrules.store;

import java.time.Instant;

/**
 * A lead's current outcome.
 *
 * @param outcome    "won" or "lost"
 * @param closedAt   when the deal closed (from the CRM)
 * @param recordedAt when Leadrules was told; a later record for the same lead replaces this one
 */
public record OutcomeRow(String leadId, String outcome, Instant closedAt, Instant recordedAt) {

    public boolean won() {
        return "won".equals(outcome);
    }
}
