package io.leadrules.rules.policy;

/**
 * What DRL the service agrees to compile. DRL is code: a consequence, an {@code eval} or even a rule annotation can run
 * any Java, so rules that come from outside the trusted team must stay within the marketers' vocabulary.
 * Config {@code leadrules.rules.policy} (README "Rules policy").
 */
public enum RulesPolicy {

    /** Only the rules vocabulary: model facts, their helpers, literals, {@code score.award}/{@code score.decay}. */
    STRICT,

    /** Any DRL (functions, imports, Java in consequences): for a rules folder written by trusted engineers only. */
    OPEN;

    /**
     * The policy for rules sent with a request: {@code caller} is {@link #STRICT} unless the caller is trusted with
     * open DRL, and even then the configured policy still applies. Strict wins whenever either side asks for it.
     */
    public static RulesPolicy strictest(RulesPolicy configured, RulesPolicy caller) {
        return configured == OPEN && caller == OPEN ? OPEN : STRICT;
    }
}
