package io.leadrules.ingest;

import io.leadrules.store.LeadRepository;
import io.leadrules.store.StoreException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * Creates a lead's empty profile in a transaction of its own, before the ingest transaction locks it. A race with
 * another request creating the same lead ends in a unique violation here, which only means "it exists now",
 * instead of aborting the caller's transaction.
 */
@ApplicationScoped
public class LeadCreator {

    private final LeadRepository leads;

    public LeadCreator(LeadRepository leads) {
        this.leads = leads;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void ensure(String leadId, Instant now) {
        try {
            leads.create(leadId, now);
        } catch (StoreException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
        }
    }
}
