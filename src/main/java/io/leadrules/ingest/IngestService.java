package io.leadrules.ingest;

import io.leadrules.privacy.SuppressionService;
import io.leadrules.profile.DecisionCause;
import io.leadrules.profile.RescoreService;
import io.leadrules.profile.TraitMapper;
import io.leadrules.scoring.RuleFailedException;
import io.leadrules.store.EventRepository;
import io.leadrules.store.LeadRepository;
import io.leadrules.store.LeadRow;
import io.leadrules.store.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Stores accepted Segment messages and rescores their leads, all in one transaction: when it returns the events
 * are committed, so answering {@code {"success": true}} never loses data. A {@code messageId} is stored once: a
 * repeat inside the request, or one stored before (a retry), is skipped; a lead with no new message is neither
 * created nor rescored. Each new message gets its own decision, citing it.
 * <p>
 * Lock order, so concurrent requests never deadlock: every lead of the request in id order first (created if new),
 * then the messages in id order. A request inserting a messageId another one inserted but has not committed waits
 * for it and then skips the message (it is stored).
 * <p>
 * A message naming an erased lead (a suppression of its userId, anonymousId or alias previousId) is dropped before
 * anything is stored, and counted.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final LeadRepository leads;
    private final EventRepository events;
    private final RescoreService rescorer;
    private final SuppressionService suppressions;
    private final Clock clock;

    public IngestService(LeadRepository leads, EventRepository events, RescoreService rescorer,
                         SuppressionService suppressions, Clock clock) {
        this.leads = leads;
        this.events = events;
        this.rescorer = rescorer;
        this.suppressions = suppressions;
        this.clock = clock;
    }

    /**
     * What a request did: {@code stored} new messages (a retried one is not stored again), {@code suppressed}
     * messages dropped because they name an erased lead.
     */
    public record Accepted(int stored, int suppressed) {
    }

    /** Drops messages naming an erased lead, stores the new ones and rescores each of them on its lead. */
    @Transactional
    public Accepted accept(List<SegmentMessage> messages, Instant receivedAt) {
        List<SegmentMessage> allowed = withoutSuppressed(messages);
        int suppressed = messages.size() - allowed.size();
        List<SegmentMessage> fresh = unseen(allowed);
        if (fresh.isEmpty()) {
            return new Accepted(0, suppressed);
        }
        Set<String> created = new HashSet<>();
        Map<String, LeadRow> locked = new TreeMap<>();
        fresh.stream().map(SegmentMessage::leadId).distinct().sorted()
                .forEach(id -> locked.put(id, lockOrCreate(id, receivedAt, created)));
        // An erasure that committed while this request waited for a lead's lock (the lock, or the insert recreating
        // the lead, waits for it) was not seen by the first check: check again, now that it is visible.
        List<SegmentMessage> kept = withoutSuppressed(fresh);
        if (kept.size() < fresh.size()) {
            suppressed += fresh.size() - kept.size();
            Set<String> inUse = kept.stream().map(SegmentMessage::leadId).collect(Collectors.toSet());
            created.stream().filter(id -> !inUse.contains(id)).forEach(leads::delete);
            fresh = kept;
        }
        Map<String, List<SegmentMessage>> byLead = new TreeMap<>();
        fresh.forEach(m -> byLead.computeIfAbsent(m.leadId(), id -> new ArrayList<>()).add(m));
        Set<String> stored = insertInIdOrder(fresh, receivedAt);
        // "Now" once the locks are held: a request that held one before has committed its events, and scoring as of
        // an instant before its decision would leave them out (the timeline ignores events after the scoring instant).
        Instant now = clock.instant();
        int count = 0;
        for (Map.Entry<String, List<SegmentMessage>> lead : byLead.entrySet()) {
            List<SegmentMessage> accepted = lead.getValue().stream()
                    .filter(m -> stored.contains(m.messageId())).toList();
            if (!accepted.isEmpty()) {
                LeadRow row = locked.get(lead.getKey());
                rescoreEach(row, accepted, latest(now, row.updatedAt()));
                count += accepted.size();
            }
        }
        return new Accepted(count, suppressed);
    }

    /** The messages naming no suppressed id, in request order; the others are counted as suppressed, by kind. */
    private List<SegmentMessage> withoutSuppressed(List<SegmentMessage> messages) {
        Set<String> ids = new HashSet<>();
        messages.forEach(m -> ids.addAll(m.personIds()));
        Set<String> suppressed = suppressions.suppressedAmong(ids);
        if (suppressed.isEmpty()) {
            return messages;
        }
        Predicate<SegmentMessage> isSuppressed = m -> m.personIds().stream().anyMatch(suppressed::contains);
        Map<String, Integer> droppedByKind = new TreeMap<>();
        messages.stream().filter(isSuppressed).forEach(m -> droppedByKind.merge(m.kind(), 1, Integer::sum));
        droppedByKind.forEach(suppressions::dropped);
        return messages.stream().filter(isSuppressed.negate()).toList();
    }

    /** The lead's profile, locked; created (and noted in {@code created}) if new. */
    private LeadRow lockOrCreate(String leadId, Instant now, Set<String> created) {
        Optional<LeadRow> row = leads.lock(leadId);
        if (row.isPresent()) {
            return row.get();
        }
        if (leads.create(leadId, now)) {
            created.add(leadId);
        }
        return leads.lock(leadId).orElseThrow();
    }

    /** A lead's decisions never go back in time, even if the clock does. */
    private static Instant latest(Instant now, Instant leadUpdatedAt) {
        return leadUpdatedAt != null && leadUpdatedAt.isAfter(now) ? leadUpdatedAt : now;
    }

    /** The first message of each messageId in the request, less those stored before; in request order. */
    private List<SegmentMessage> unseen(List<SegmentMessage> messages) {
        Map<String, SegmentMessage> first = new LinkedHashMap<>();
        messages.forEach(m -> first.putIfAbsent(m.messageId(), m));
        Set<String> known = events.existing(first.keySet());
        return first.values().stream().filter(m -> !known.contains(m.messageId())).toList();
    }

    /**
     * Inserts in messageId order (see the lock order above), each with its position in the request, which orders
     * events of the same timestamp; returns the ids this request stored.
     */
    private Set<String> insertInIdOrder(List<SegmentMessage> messages, Instant receivedAt) {
        Map<String, Integer> arrival = new HashMap<>();
        messages.forEach(m -> arrival.put(m.messageId(), arrival.size()));
        Set<String> stored = new HashSet<>();
        messages.stream().sorted(Comparator.comparing(SegmentMessage::messageId)).forEach(m -> {
            if (events.insert(new StoredEvent(m.messageId(), m.leadId(), m.kind(), m.eventType(), m.timestamp(),
                    receivedAt, m.properties(), m.payload()), arrival.get(m.messageId()))) {
                stored.add(m.messageId());
            }
        });
        return stored;
    }

    /**
     * One decision per new message, in request order: each scores the profile and events as stored up to and
     * including that message (the lead's earlier events, and this request's messages up to it), so the history
     * shows every event and an MQL transition is credited to the event that caused it.
     */
    private void rescoreEach(LeadRow lead, List<SegmentMessage> accepted, Instant now) {
        List<StoredEvent> history = events.forLead(lead.leadId());
        Set<String> notYet = new HashSet<>();
        accepted.forEach(m -> notYet.add(m.messageId()));
        boolean identified = false;
        LeadRow current = lead;
        RescoreService.Decided last = null;
        RuleFailedException failure = null;
        for (SegmentMessage m : accepted) {
            notYet.remove(m.messageId());
            List<StoredEvent> soFar = history.stream().filter(e -> !notYet.contains(e.messageId())).toList();
            if (m.isIdentify()) {
                identified = true;
                current = new LeadRow(current.leadId(), traitsInOrder(soFar), current.mql(), current.rulesetVersion(),
                        current.createdAt(), now);
            }
            if (failure != null || !changesTheScore(m)) {
                continue;
            }
            try {
                last = rescorer.decide(current, soFar, DecisionCause.event(m.messageId(),
                        m.eventType() != null ? m.eventType() : m.kind()), now);
                current = last.lead();
            } catch (RuleFailedException e) {
                failure = e;
            }
        }
        if (last != null) {
            rescorer.saveState(lead, last, now);
        }
        if (failure != null) {
            scoringFailed(lead, failure, last != null ? last.lead() : current, now);
        }
        if (identified) {
            leads.updateTraits(lead.leadId(), current.traits(), now);
        }
    }

    /** Alias and group calls are kept for audit; only identify (traits) and events can move a score. */
    private static boolean changesTheScore(SegmentMessage m) {
        return m.isIdentify() || m.eventType() != null;
    }

    /**
     * A rule that fails for this lead (a loop, a condition it cannot evaluate) is the ruleset's fault, not the
     * client's: the events stay stored and the request succeeds, so a client that does not retry 4xx loses nothing.
     * The lead is marked as last tried on the failing version, so the rescoring pass after the next activation (the
     * fixed rules) scores it; until then reading it answers the rule's error.
     */
    private void scoringFailed(LeadRow lead, RuleFailedException failure, LeadRow current, Instant now) {
        LOG.errorf("Lead %s not rescored: rule \"%s\" of ruleset %s failed (%s); its events are stored and it will be"
                + " rescored when a new ruleset is activated", lead.leadId(), failure.rule(), failure.rulesetVersion(),
                failure.getMessage());
        leads.updateState(lead.leadId(), current.mql(), failure.rulesetVersion(), now);
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
