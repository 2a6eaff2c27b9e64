package io.leadrules.profile;

import io.leadrules.model.Points;
import io.leadrules.model.ScoreCard;
import io.leadrules.store.DecisionRuleRepository;
import io.leadrules.store.DecisionRepository;
import io.leadrules.store.LeadSegmentRepository;
import io.leadrules.store.DecisionRow;
import io.leadrules.store.EventRepository;
import io.leadrules.store.LeadRepository;
import io.leadrules.store.LeadRow;
import io.leadrules.store.OutboxRepository;
import io.leadrules.store.OutcomeRepository;
import io.leadrules.store.StoredEvent;
import io.leadrules.store.TransitionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Reads a lead (live score, history) and erases it on request. */
@ApplicationScoped
public class LeadService {

    private static final Logger LOG = Logger.getLogger(LeadService.class);

    private final LeadRepository leads;
    private final EventRepository events;
    private final DecisionRepository decisions;
    private final TransitionRepository transitions;
    private final OutboxRepository outbox;
    private final OutcomeRepository outcomes;
    private final RescoreService rescorer;
    private final TraitMapper traits;
    private final Clock clock;
    private final DecisionRuleRepository decisionRules;
    private final LeadSegmentRepository segments;

    public LeadService(LeadRepository leads, EventRepository events, DecisionRepository decisions,
                       TransitionRepository transitions, OutboxRepository outbox, OutcomeRepository outcomes,
                       RescoreService rescorer, TraitMapper traits, Clock clock, DecisionRuleRepository decisionRules,
                       LeadSegmentRepository segments) {
        this.decisionRules = decisionRules;
        this.segments = segments;
        this.leads = leads;
        this.events = events;
        this.decisions = decisions;
        this.transitions = transitions;
        this.outbox = outbox;
        this.outcomes = outcomes;
        this.rescorer = rescorer;
        this.traits = traits;
        this.clock = clock;
    }

    /** The profile with its score as of now: decay goes on between events, so a later read can be lower. */
    public LeadView view(String leadId) {
        LeadRow row = leads.find(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
        List<StoredEvent> stored = events.forLead(leadId);
        Instant now = clock.instant();
        ScoreCard score = rescorer.score(row, stored, now);
        List<LeadView.EventView> views = stored.stream().map(e -> new LeadView.EventView(e.messageId(), e.kind(),
                e.eventType(), e.occurredAt(), e.receivedAt(), e.properties())).toList();
        LeadView.OutcomeView outcome = outcomes.find(leadId)
                .map(o -> new LeadView.OutcomeView(o.outcome(), o.closedAt(), o.recordedAt())).orElse(null);
        return new LeadView(leadId, row.createdAt(), row.updatedAt(), row.traits(),
                traits.toLead(leadId, row.traits()), row.mql(), views, score, outcome);
    }

    /** Stored decisions, oldest first. */
    public List<HistoryEntry> history(String leadId) {
        if (leads.find(leadId).isEmpty()) {
            throw new LeadNotFoundException(leadId);
        }
        return decisions.forLead(leadId).stream().map(LeadService::entry).toList();
    }

    /** Erases everything held about the lead: profile, events, decisions, transitions, queued webhooks, outcome. */
    @Transactional
    public void erase(String leadId) {
        if (leads.lock(leadId).isEmpty()) {
            throw new LeadNotFoundException(leadId);
        }
        int removed = outcomes.deleteForLead(leadId) + outbox.deleteForLead(leadId) + transitions.deleteForLead(leadId)
                + decisionRules.deleteForLead(leadId) + segments.deleteForLead(leadId)
                + decisions.deleteForLead(leadId) + events.deleteForLead(leadId) + leads.delete(leadId);
        LOG.infof("Erased lead %s (%d rows)", leadId, removed);
    }

    private static HistoryEntry entry(DecisionRow d) {
        HistoryEntry.RulesetChange change = d.previousRuleset() == null ? null
                : new HistoryEntry.RulesetChange(d.previousRuleset(), d.rulesetVersion());
        String detail = switch (d.causeType()) {
            case "decay" -> "No new event: the signals faded with time";
            case DecisionCause.RULESET -> "No new event: rescored on the newly activated ruleset";
            default -> "Event \"" + d.causeEventType() + "\" (" + d.causeEventId() + ")";
        } + (change == null ? "" : "; ruleset changed from " + change.from() + " to " + change.to());
        return new HistoryEntry(d.id(), d.decidedAt(), Points.normalize(d.score()), d.mql(), d.rulesetVersion(),
                new HistoryEntry.Cause(d.causeType(), d.causeEventId(), d.causeEventType(), change, detail),
                d.breakdown(), d.hits());
    }
}
