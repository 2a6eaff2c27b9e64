package io.leadrules.ingest;

import io.leadrules.profile.DecisionCause;
import io.leadrules.profile.RescoreService;
import io.leadrules.profile.TraitMapper;
import io.leadrules.store.EventRepository;
import io.leadrules.store.LeadRepository;
import io.leadrules.store.LeadRow;
import io.leadrules.store.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Stores accepted Segment messages and rescores their leads, all in one transaction: when it returns the events
 * are committed, so answering {@code {"success": true}} never loses data. A message whose {@code messageId} was
 * stored before is skipped; a lead with no new message is not rescored. Leads are locked in id order, so two
 * concurrent batches never deadlock.
 */
@ApplicationScoped
public class IngestService {

    private final LeadRepository leads;
    private final EventRepository events;
    private final RescoreService rescorer;
    private final LeadCreator creator;
    private final Clock clock;

    public IngestService(LeadRepository leads, EventRepository events, RescoreService rescorer, LeadCreator creator,
                         Clock clock) {
        this.leads = leads;
        this.creator = creator;
        this.events = events;
        this.rescorer = rescorer;
        this.clock = clock;
    }

    /** Stores the messages and rescores each lead once; returns how many messages were new. */
    @Transactional
    public int accept(List<SegmentMessage> messages, Instant receivedAt) {
        Map<String, List<SegmentMessage>> byLead = new TreeMap<>();
        messages.forEach(m -> byLead.computeIfAbsent(m.leadId(), id -> new ArrayList<>()).add(m));
        int stored = 0;
        for (Map.Entry<String, List<SegmentMessage>> lead : byLead.entrySet()) {
            stored += acceptForLead(lead.getKey(), lead.getValue(), receivedAt);
        }
        return stored;
    }

    private int acceptForLead(String leadId, List<SegmentMessage> messages, Instant receivedAt) {
        Instant now = clock.instant();
        Optional<LeadRow> locked = leads.lock(leadId);
        if (locked.isEmpty()) {
            creator.ensure(leadId, now);
            locked = leads.lock(leadId);
        }
        LeadRow lead = locked.orElseThrow();
        SegmentMessage last = null;
        boolean identified = false;
        int stored = 0;
        for (SegmentMessage m : messages) {
            if (events.insert(new StoredEvent(m.messageId(), leadId, m.kind(), m.eventType(), m.timestamp(),
                    receivedAt, m.properties(), m.payload()))) {
                stored++;
                last = m;
                identified |= m.isIdentify();
            }
        }
        if (last == null) {
            return 0;
        }
        List<StoredEvent> history = events.forLead(leadId);
        if (identified) {
            Map<String, Object> traits = traitsInOrder(history);
            leads.updateTraits(leadId, traits, now);
            lead = new LeadRow(leadId, traits, lead.mql(), lead.rulesetVersion(), lead.createdAt(), now);
        }
        rescorer.rescore(lead, history, DecisionCause.event(last.messageId(),
                last.eventType() != null ? last.eventType() : last.kind()), now);
        return stored;
    }

    /** Identify traits merged in the order the calls happened, so a late, older identify cannot undo a newer one. */
    private static Map<String, Object> traitsInOrder(List<StoredEvent> history) {
        Map<String, Object> traits = new LinkedHashMap<>();
        for (StoredEvent e : history) {
            if ("identify".equals(e.kind())) {
                traits = TraitMapper.merge(traits, e.properties());
            }
        }
        return traits;
    }
}
