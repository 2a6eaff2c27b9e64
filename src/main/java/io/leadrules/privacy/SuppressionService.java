package io.leadrules.privacy;

import io.leadrules.store.SuppressionRepository;
import io.leadrules.store.SuppressionRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Suppressions: once a lead is erased, messages naming its id are dropped (and counted) until an admin lifts the
 * suppression. Only a salted hash of the id is stored ({@link LeadIdHasher}); logs name a suppression by the first
 * characters of its hash, never by the id.
 */
@ApplicationScoped
public class SuppressionService {

    private static final Logger LOG = Logger.getLogger(SuppressionService.class);
    /** Characters of the hash that name a suppression in logs: enough to tell them apart, never the id. */
    private static final int LOG_REF = 12;

    private final SuppressionRepository suppressions;
    private final LeadIdHasher hasher;
    private final Event<MessagesSuppressed> suppressed;

    public SuppressionService(SuppressionRepository suppressions, LeadIdHasher hasher,
                              Event<MessagesSuppressed> suppressed) {
        this.suppressions = suppressions;
        this.hasher = hasher;
        this.suppressed = suppressed;
    }

    /**
     * Suppresses the id, in the caller's transaction (the erasure's: erased and suppressed commit together);
     * returns how logs name the suppression.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String suppress(String leadId, String erasedBy, Instant erasedAt) {
        String hash = hasher.hash(leadId);
        suppressions.insert(new SuppressionRow(hash, hasher.saltId(), erasedAt, erasedBy));
        return logRef(hash);
    }

    /** The ids among these that are suppressed. */
    public Set<String> suppressedAmong(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Map<String, String> byHash = new HashMap<>();
        ids.forEach(id -> byHash.put(hasher.hash(id), id));
        return suppressions.suppressed(byHash.keySet()).stream().map(byHash::get).collect(Collectors.toSet());
    }

    /** Counts dropped messages of a kind once the caller's transaction commits (at once when there is none). */
    public void dropped(String kind, int count) {
        if (count > 0) {
            suppressed.fire(new MessagesSuppressed(kind, count));
        }
    }

    public Suppression find(String leadId) {
        return suppressions.find(hasher.hash(leadId))
                .map(row -> new Suppression(true, row.erasedAt(), row.erasedBy()))
                .orElseThrow(SuppressionNotFoundException::new);
    }

    /** Lifts the suppression: the id's next messages are stored again (and create the lead anew). */
    @Transactional
    public void lift(String leadId) {
        String hash = hasher.hash(leadId);
        if (!suppressions.delete(hash)) {
            throw new SuppressionNotFoundException();
        }
        LOG.infof("Lifted suppression %s: messages for its id are stored again", logRef(hash));
    }

    private static String logRef(String hash) {
        return hash.substring(0, LOG_REF);
    }
}
