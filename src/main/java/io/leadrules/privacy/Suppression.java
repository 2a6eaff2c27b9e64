package io.leadrules.privacy;

import java.time.Instant;

/**
 * The answer of {@code GET /privacy/suppressions/{id}}: the id's messages are being dropped.
 *
 * @param since    when the lead was erased
 * @param erasedBy who erased it (the admin key's name); null when not known
 */
public record Suppression(boolean suppressed, Instant since, String erasedBy) {
}
