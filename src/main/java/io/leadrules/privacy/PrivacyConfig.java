package io.leadrules.privacy;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Size;

import java.util.Optional;

/** Suppression of erased leads (README "Privacy"). */
@ConfigMapping(prefix = "leadrules.privacy")
public interface PrivacyConfig {

    /** The key name, for messages. */
    String SALT_KEY = "leadrules.privacy.suppression-salt";

    /**
     * Secret salt of the hashes suppressions keep instead of the erased ids. Unset: one is generated at the first
     * start and kept in the database (see {@link LeadIdHasher}). Changing it makes the stored suppressions unreadable,
     * so a start with another salt than theirs is refused.
     */
    Optional<@Size(min = 16, message = "must be at least 16 characters") String> suppressionSalt();
}
