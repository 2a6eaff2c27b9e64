package io.leadrules.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Optional;

/**
 * Lets a decision be stored only under the database's active ruleset version, so that no replica writes scores of
 * rules the service has moved away from (or not yet moved to). Read once per transaction: a batch of events makes one
 * read, however many decisions it stores.
 */
@ApplicationScoped
public class ActiveVersionGuard {

    private static final Object KEY = ActiveVersionGuard.class;

    private final RulesetVersionStore store;
    private final TransactionSynchronizationRegistry transactions;

    public ActiveVersionGuard(RulesetVersionStore store, TransactionSynchronizationRegistry transactions) {
        this.store = store;
        this.transactions = transactions;
    }

    /**
     * Throws {@link RulesetOutOfSyncException} unless {@code version} (the ruleset a score was made with) is the
     * database's active version. Before the first activation every version passes: there is nothing to disagree with.
     */
    public void requireActive(String version) {
        Optional<String> active = activeVersion();
        if (active.isPresent() && !active.get().equals(version)) {
            throw new RulesetOutOfSyncException(version, active.get());
        }
    }

    @SuppressWarnings("unchecked")
    private Optional<String> activeVersion() {
        if (transactions.getTransactionKey() == null) {
            return store.activeVersion();
        }
        Optional<String> read = (Optional<String>) transactions.getResource(KEY);
        if (read == null) {
            read = store.activeVersion();
            transactions.putResource(KEY, read);
        }
        return read;
    }
}
