package io.leadrules.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The five roles a key can hold. A role includes the ones below it, so an endpoint names the least role that may call
 * it: {@code analyst} reads too, {@code admin} may do everything.
 */
public final class Roles {

    /** {@code POST /score} and batch scoring. */
    public static final String SCORE = "score";
    /** Segment-compatible intake ({@code /v1/*}). */
    public static final String INGEST = "ingest";
    /** Leads, history, explanations, transitions, reports, rules, versions, outcomes, drift. */
    public static final String READ = "read";
    /** Read, plus recording outcomes, backtests, previews and validating candidate rules. */
    public static final String ANALYST = "analyst";
    /** Everything: reload, activate, erasure, suppressions. */
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(SCORE, INGEST, READ, ANALYST, ADMIN);

    private Roles() {
    }

    /** The roles named (trimmed, any case) with the ones each includes; throws on a name that is no role. */
    public static Set<String> expand(List<String> named, String configKey) {
        Set<String> roles = new LinkedHashSet<>();
        for (String raw : named) {
            String role = raw.trim().toLowerCase(Locale.ROOT);
            if (role.isEmpty()) {
                continue;
            }
            switch (role) {
                case ADMIN -> roles.addAll(ALL);
                case ANALYST -> roles.addAll(List.of(ANALYST, READ));
                case SCORE, INGEST, READ -> roles.add(role);
                default -> throw new UnsafeKeysException(configKey + " names the role \"" + raw.trim()
                        + "\", which does not exist: use " + String.join(", ", ALL));
            }
        }
        return roles;
    }
}
