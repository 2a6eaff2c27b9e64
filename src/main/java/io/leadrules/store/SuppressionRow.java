package io.leadrules.store;

import java.time.Instant;

/**
 * A suppression: later messages for the erased lead are dropped until it is lifted.
 *
 * @param idHash   hex HMAC-SHA256 of the lead id under the suppression salt (the id itself is not kept)
 * @param saltId   fingerprint of the salt the hash was made with (not the salt)
 * @param erasedAt when the lead was erased
 * @param erasedBy who erased it (the admin key's name); null when not known
 */
public record SuppressionRow(String idHash, String saltId, Instant erasedAt, String erasedBy) {
}
