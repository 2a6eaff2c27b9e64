package io.leadrules.jobs;

/** The background jobs that run on one replica at a time; {@link #lockName} names the lock each one takes. */
public enum Job {

    /** The periodic re-check of current MQLs for decay ({@code MqlRecheck}). */
    MQL_RECHECK("mql-recheck"),

    /** The rescoring of stored leads after a ruleset activation ({@code RulesetRescore}). */
    RULESET_RESCORE("ruleset-rescore");

    private final String lockName;

    Job(String lockName) {
        this.lockName = lockName;
    }

    public String lockName() {
        return lockName;
    }
}
