package io.leadrules.profile;

import io.leadrules.handoff.MqlHandoff;
import io.leadrules.model.Lead;
import io.leadrules.model.ScoreCard;
import io.leadrules.rules.ActiveVersionGuard;
import io.leadrules.scoring.RuleFailedException;
import io.leadrules.scoring.ScoringEngine;
import io.leadrules.store.DecisionRepository;
import io.leadrules.store.DecisionRuleRepository;
import io.leadrules.store.LeadRepository;
import io.leadrules.store.LeadRow;
import io.leadrules.store.LeadSegmentRepository;
import io.leadrules.store.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Keeps a lead's score current: scores the stored profile and events with the active ruleset, stores the decision
 * (the audit trail) and moves the lead in or out of MQL. Runs inside the transaction that stored the events, with
 * the lead's row locked. A decision is stored only under the database's active ruleset version
 * ({@link ActiveVersionGuard}): a replica that has not switched to it yet refuses to store, and the caller's
 * transaction rolls back.
 */
@ApplicationScoped
public class RescoreService {

    private final ScoringEngine engine;
    private final TraitMapper traits;
    private final LeadRepository leads;
    private final DecisionRepository decisions;
    private final MqlHandoff handoff;
    private final DecisionRuleRepository decisionRules;
    private final LeadSegmentRepository segments;
    private final Event<DecisionStored> stored;
    private final ActiveVersionGuard activeVersion;

    public RescoreService(ScoringEngine engine, TraitMapper traits, LeadRepository leads, DecisionRepository decisions,
                          MqlHandoff handoff, DecisionRuleRepository decisionRules, LeadSegmentRepository segments,
                          Event<DecisionStored> stored, ActiveVersionGuard activeVersion) {
        this.engine = engine;
        this.traits = traits;
        this.leads = leads;
        this.decisions = decisions;
        this.handoff = handoff;
        this.decisionRules = decisionRules;
        this.segments = segments;
        this.stored = stored;
        this.activeVersion = activeVersion;
    }

    /**
     * The stored lead's score at {@code at}, computed and not stored: what a read of the profile shows. Its MQL
     * verdict is judged as a stored decision's would be, from the lead's current state: with a hysteresis band an
     * MQL stays one until it falls below {@code threshold - hysteresis}.
     */
    public ScoreCard score(LeadRow lead, List<StoredEvent> events, Instant at) {
        ScoreCard card = engine.score(toLead(lead), toEvents(events), at);
        return card.withMql(handoff.isMql(lead.mql(), card));
    }

    /**
     * A decision just stored: the lead as it stands after it (MQL state and version), and the decision's tallies
     * that become the lead's latest rows for the rule-hit report when {@link #saveState} runs.
     */
    public record Decided(LeadRow lead, DecisionRuleRepository.Tallies tallies) {
    }

    /**
     * Scores the lead on these events, stores the decision and records an MQL transition if the verdict changed,
     * then saves the lead's state. Returns the lead as it stands after the decision (its MQL state and version).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LeadRow rescore(LeadRow lead, List<StoredEvent> events, DecisionCause cause, Instant now) {
        Decided decided = decide(lead, events, cause, now);
        saveState(lead, decided, now);
        return decided.lead();
    }

    /**
     * Stores one decision (with the report's rule tallies) and its MQL transition, but not the lead's state: for
     * several decisions in a row (one per event of a batch), pass each one's lead to the next and call
     * {@link #saveState} once with the last, which the transaction must then do before it commits. Throws
     * {@link io.leadrules.rules.RulesetOutOfSyncException} (the transaction rolls back) when the ruleset it scored with
     * is not the database's active version.
     */
    // A failing rule throws before anything is written: the caller's transaction (its stored events) goes on.
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RuleFailedException.class)
    public Decided decide(LeadRow lead, List<StoredEvent> events, DecisionCause cause, Instant now) {
        return store(List.of(scoreOnActive(lead, events, now)), cause, now).get(0);
    }

    /** A lead to rescore: its locked row and its stored events. */
    public record Rescoring(LeadRow lead, List<StoredEvent> events) {
    }

    /**
     * {@link #rescore} for several leads in the caller's transaction, their writes batched (one round trip per
     * statement for all of them). A lead whose scoring fails (a rule throws) is left out, reported in
     * {@code failed}, and the others are stored; a failure to store throws, and the transaction must roll back.
     *
     * @return the leads rescored, and the leads left out with why
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RuleFailedException.class)
    public Rescored rescoreAll(List<Rescoring> leads, DecisionCause cause, Instant now) {
        List<Scored> scored = new ArrayList<>(leads.size());
        Map<String, RuntimeException> failed = new LinkedHashMap<>();
        for (Rescoring r : leads) {
            try {
                scored.add(scoreOnActive(r.lead(), r.events(), now));
            } catch (RuleFailedException e) {
                failed.put(r.lead().leadId(), e);
            }
        }
        List<Decided> decided = store(scored, cause, now);
        saveStates(scored.stream().map(Scored::lead).toList(), decided, now);
        return new Rescored(decided.stream().map(d -> d.lead().leadId()).toList(), failed);
    }

    /** What {@link #rescoreAll} did: the leads rescored, and the leads whose scoring failed with the failure. */
    public record Rescored(List<String> rescored, Map<String, RuntimeException> failed) {
    }

    /** A lead scored on the database's active version, not yet stored. */
    private record Scored(LeadRow lead, ScoreCard card, boolean mql, String previousVersion) {
    }

    /**
     * As {@link #rescore}, with the score already computed ({@link #score} at {@code now}, on the lead as locked):
     * for a caller that decides from the score whether to store a decision at all.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LeadRow record(LeadRow lead, ScoreCard card, DecisionCause cause, Instant now) {
        Decided decided = store(List.of(scored(lead, card)), cause, now).get(0);
        saveState(lead, decided, now);
        return decided.lead();
    }

    private Scored scoreOnActive(LeadRow lead, List<StoredEvent> events, Instant now) {
        return scored(lead, engine.score(toLead(lead), toEvents(events), now));
    }

    private Scored scored(LeadRow lead, ScoreCard card) {
        String version = card.ruleset().version();
        activeVersion.requireActive(version);
        String previous = version.equals(lead.rulesetVersion()) ? null : lead.rulesetVersion();
        return new Scored(lead, card, handoff.isMql(lead.mql(), card), previous);
    }

    /** Stores the decisions with their rule tallies and MQL transitions; the decided leads in the same order. */
    private List<Decided> store(List<Scored> scored, DecisionCause cause, Instant now) {
        long[] ids = decisions.insertAll(scored.stream().map(s -> new DecisionRepository.NewDecision(s.lead().leadId(),
                now, s.card().score(), s.mql(), s.card().ruleset().version(), cause.type(), cause.eventId(),
                cause.eventType(), s.previousVersion(), s.card().breakdown(), s.card().hits())).toList());
        // The reports' rows (rule tallies) commit with the decision or not at all.
        List<DecisionRuleRepository.Tallies> tallies = decisionRules.recordAll(IntStream.range(0, scored.size())
                .mapToObj(i -> {
                    Scored s = scored.get(i);
                    return new DecisionRuleRepository.Scored(new DecisionRuleRepository.Decision(ids[i],
                            s.lead().leadId(), now, s.card().ruleset().version(), s.card().score(), s.mql()),
                            s.card().hits(), s.card().scoreWithoutRule());
                }).toList());
        List<Decided> decided = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            LeadRow lead = s.lead();
            String version = s.card().ruleset().version();
            stored.fire(new DecisionStored(ids[i], lead.leadId(), version, s.card().hits()));
            handoff.record(lead.leadId(), lead.mql(), s.mql(), s.card(), ids[i], now);
            decided.add(new Decided(new LeadRow(lead.leadId(), lead.traits(), s.mql(), version, lead.createdAt(), now),
                    tallies.get(i)));
        }
        return decided;
    }

    /**
     * The lead's state after its latest decision: MQL verdict, ruleset version, the report's segment fields and
     * latest rows (written once per lead and transaction, however many decisions it made).
     *
     * @param before the lead as it was before this transaction's decisions
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void saveState(LeadRow before, Decided last, Instant now) {
        saveStates(List.of(before), List.of(last), now);
    }

    /** {@link #saveState} for several leads (each lead once), batched. */
    private void saveStates(List<LeadRow> before, List<Decided> last, Instant now) {
        List<DecisionRuleRepository.Latest> latest = new ArrayList<>(last.size());
        Map<String, Map<String, String>> fields = new LinkedHashMap<>();
        for (int i = 0; i < last.size(); i++) {
            LeadRow lead = last.get(i).lead();
            latest.add(new DecisionRuleRepository.Latest(last.get(i).tallies(),
                    !lead.rulesetVersion().equals(before.get(i).rulesetVersion())));
            fields.put(lead.leadId(), SegmentFields.of(toLead(lead)));
        }
        decisionRules.replaceLatestAll(latest);
        segments.replaceAll(fields);
        leads.updateStateAll(last.stream().map(Decided::lead).toList(), now);
    }

    Lead toLead(LeadRow row) {
        return traits.toLead(row.leadId(), row.traits());
    }

    static List<io.leadrules.model.Event> toEvents(List<StoredEvent> stored) {
        return stored.stream().filter(StoredEvent::scored)
                .map(e -> new io.leadrules.model.Event(e.messageId(), e.eventType(), e.occurredAt(), e.properties()))
                .toList();
    }
}
