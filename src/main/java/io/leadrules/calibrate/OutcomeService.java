package io.leadrules.calibrate;

import io.leadrules.privacy.SuppressionService;
import io.leadrules.profile.LeadNotFoundException;
import io.leadrules.store.LeadRepository;
import io.leadrules.store.OutcomeRepository;
import io.leadrules.store.OutcomeRow;
import io.leadrules.store.PageLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Records closed-won and closed-lost outcomes next to the stored leads: all of a batch or none of it. Each lead has
 * one current outcome; a later record replaces it (within a batch, the last record for a lead wins). Records for an
 * erased lead (a suppression of its id) are dropped and counted: the lead is gone on purpose, and refusing them as
 * unknown would refuse the whole batch of a CRM sync that still lists the lead.
 */
@ApplicationScoped
public class OutcomeService {

    /**
     * What a batch did: outcomes stored (one per lead), how many of those replaced an earlier outcome, and how many
     * records were dropped because they name an erased lead.
     */
    public record Recorded(int stored, int replaced, int suppressed) {
    }

    /** The kind suppressed records are counted under ({@code leadrules_ingest_suppressed_total{kind="outcome"}}). */
    static final String KIND = "outcome";

    private final OutcomeRepository outcomes;
    private final LeadRepository leads;
    private final SuppressionService suppressions;
    private final Clock clock;

    public OutcomeService(OutcomeRepository outcomes, LeadRepository leads, SuppressionService suppressions,
                          Clock clock) {
        this.outcomes = outcomes;
        this.leads = leads;
        this.suppressions = suppressions;
        this.clock = clock;
    }

    /**
     * Stores the batch in one transaction. Leads are locked in id order (so concurrent batches cannot deadlock,
     * and an erasure cannot slip in between); an unknown lead refuses the whole batch.
     */
    @Transactional
    public Recorded record(List<Outcome> batch) {
        Set<String> erased = suppressions.suppressedAmong(
                batch.stream().map(Outcome::leadId).collect(Collectors.toSet()));
        Map<String, Integer> firstRecord = new LinkedHashMap<>();
        Map<String, Outcome> latest = new TreeMap<>();
        int suppressed = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (erased.contains(batch.get(i).leadId())) {
                suppressed++;
                continue;
            }
            firstRecord.putIfAbsent(batch.get(i).leadId(), i + 1);
            latest.put(batch.get(i).leadId(), batch.get(i));
        }
        List<UnknownLeadsException.UnknownLead> unknown = new ArrayList<>();
        for (String leadId : latest.keySet()) {
            if (leads.lock(leadId).isEmpty()) {
                unknown.add(new UnknownLeadsException.UnknownLead(firstRecord.get(leadId), leadId));
            }
        }
        if (!unknown.isEmpty()) {
            unknown.sort(java.util.Comparator.comparingInt(UnknownLeadsException.UnknownLead::record));
            throw new UnknownLeadsException(unknown);
        }
        Instant now = clock.instant();
        int replaced = 0;
        for (Outcome o : latest.values()) {
            replaced += outcomes.upsert(new OutcomeRow(o.leadId(), o.outcome(), o.closedAt(), now)) ? 1 : 0;
        }
        suppressions.dropped(KIND, suppressed);
        return new Recorded(latest.size(), replaced, suppressed);
    }

    /** The lead's outcome as a list of zero or one; 404 for a lead that is not stored. */
    public List<OutcomeRow> forLead(String leadId) {
        if (leads.find(leadId).isEmpty()) {
            throw new LeadNotFoundException(leadId);
        }
        return outcomes.find(leadId).stream().toList();
    }

    /**
     * All outcomes by lead id, a page at a time: pass the last lead id of a page as {@code after}; {@code limit}:
     * see {@link PageLimit}.
     */
    public List<OutcomeRow> page(String after, String limit) {
        return outcomes.page(after, PageLimit.parse(limit));
    }
}
