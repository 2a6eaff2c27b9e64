package io.leadrules.rules;

/**
 * A decision about to be stored under a ruleset that is not the database's active version: this replica has not
 * switched yet (it does within {@code leadrules.rules.sync-every}) or cannot load that version. Nothing is stored;
 * the request can be retried, here a little later or on another replica.
 */
public class RulesetOutOfSyncException extends RuntimeException {

    public RulesetOutOfSyncException(String served, String active) {
        super("This replica scores with ruleset " + served + " while the active version is " + active
                + ": nothing was stored; retry in a few seconds");
    }
}
