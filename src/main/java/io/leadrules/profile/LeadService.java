package io.leadrules.profile;

import io.leadrules.model.Points;
import io.leadrules.model.ScoreCard;
import io.leadrules.privacy.SuppressionService;
import io.leadrules.store.DecisionRuleRepository;
import io.leadrules.store.DecisionRepository;
import io.leadrules.store.LeadSegmentRepository;
import io.leadrules.store.DecisionRow;
import io.leadrules.store.InvalidQueryException;
import io.leadrules.store.PageLimit;
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

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
    private final SuppressionService suppressions;

    public LeadService(LeadRepository leads, EventRepository events, DecisionRepository decisions,
                       TransitionRepository transitions, OutboxRepository outbox, OutcomeRepository outcomes,
                       RescoreService rescorer, TraitMapper traits, Clock clock, DecisionRuleRepository decisionRules,
                       LeadSegmentRepository segments, SuppressionService suppressions) {
        this.suppressions = suppressions;
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

    /**
     * Stored decisions, oldest first, a page at a time: {@code after} is the {@code decisionId} of the last entry of
     * the previous page (absent: from the first); {@code limit} see {@link PageLimit}. A busy lead has thousands.
     */
    public List<HistoryEntry> history(String leadId, String after, String limit) {
        int max = PageLimit.parse(limit);
        Long afterId = decisionId(after);
        if (leads.find(leadId).isEmpty()) {
            throw new LeadNotFoundException(leadId);
        }
        BigDecimal previous = afterId == null ? null : decisions.find(afterId).map(DecisionRow::score).orElse(null);
        return entries(decisions.forLead(leadId, afterId, max), previous);
    }

    /** Every stored decision, oldest first (the explanation's timeline). */
    public List<HistoryEntry> history(String leadId) {
        if (leads.find(leadId).isEmpty()) {
            throw new LeadNotFoundException(leadId);
        }
        return entries(decisions.forLead(leadId), null);
    }

    /** {@code previousScore}: the score of the decision before the first row, if any (what a change is from). */
    private static List<HistoryEntry> entries(List<DecisionRow> rows, BigDecimal previousScore) {
        List<HistoryEntry> entries = new ArrayList<>(rows.size());
        BigDecimal previous = previousScore;
        for (DecisionRow row : rows) {
            entries.add(entry(row, previous));
            previous = row.score();
        }
        return entries;
    }

    private static Long decisionId(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(after.strip());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("after", "after must be the decisionId of the last entry of the previous"
                    + " page, got \"" + after + "\"");
        }
    }

    /**
     * A verdict that changed with no event and no new ruleset: with a lower score the signals faded; with the same
     * or a higher one, decay cannot be why, the configuration (MQL threshold, hysteresis, trait mapping) changed.
     */
    static String withoutEvent(BigDecimal score, BigDecimal previousScore) {
        if (previousScore == null || score.compareTo(previousScore) < 0) {
            return "No new event: the signals faded with time";
        }
        return score.compareTo(previousScore) == 0
                ? "No new event: the score is unchanged; the MQL line moved (threshold or hysteresis configuration)"
                : "No new event: the score rose with the configuration (e.g. the trait mapping)";
    }

    /**
     * Erases everything held about the lead: profile, events, decisions, transitions, queued webhooks, outcome; and,
     * in the same transaction, suppresses its id so later messages for it are dropped (see {@link SuppressionService}).
     * The log names the suppression by its hash, not the lead.
     *
     * @param erasedBy who asked (the admin key's name), kept with the suppression; null when not known
     */
    @Transactional
    public void erase(String leadId, String erasedBy) {
        if (leads.lock(leadId).isEmpty()) {
            throw new LeadNotFoundException(leadId);
        }
        int removed = outcomes.deleteForLead(leadId) + outbox.deleteForLead(leadId) + transitions.deleteForLead(leadId)
                + decisionRules.deleteForLead(leadId) + segments.deleteForLead(leadId)
                + decisions.deleteForLead(leadId) + events.deleteForLead(leadId) + leads.delete(leadId);
        String suppression = suppressions.suppress(leadId, erasedBy, clock.instant());
        LOG.infof("Erased a lead (%d rows); suppression %s drops its later messages", removed, suppression);
    }

    private static HistoryEntry entry(DecisionRow d, BigDecimal previousScore) {
        HistoryEntry.RulesetChange change = d.previousRuleset() == null ? null
                : new HistoryEntry.RulesetChange(d.previousRuleset(), d.rulesetVersion());
        String detail = switch (d.causeType()) {
            case "decay" -> withoutEvent(d.score(), previousScore);
            case DecisionCause.RULESET -> "No new event: rescored on the newly activated ruleset";
            default -> "Event \"" + d.causeEventType() + "\" (" + d.causeEventId() + ")";
        } + (change == null ? "" : "; ruleset changed from " + change.from() + " to " + change.to());
        return new HistoryEntry(d.id(), d.decidedAt(), Points.normalize(d.score()), d.mql(), d.rulesetVersion(),
                new HistoryEntry.Cause(d.causeType(), d.causeEventId(), d.causeEventType(), change, detail),
                d.breakdown(), d.hits());
    }
}
