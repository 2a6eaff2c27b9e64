package io.leadrules.scoring;

import io.leadrules.config.LeadrulesConfig;
import io.leadrules.model.Breakdown;
import io.leadrules.model.Event;
import io.leadrules.model.Lead;
import io.leadrules.model.RuleHit;
import io.leadrules.model.ScoreCard;
import io.leadrules.model.Timeline;
import io.leadrules.rules.ActiveRuleset;
import io.leadrules.rules.Ruleset;
import jakarta.enterprise.context.ApplicationScoped;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Scores one lead: builds the facts, fires the active ruleset in a pooled session, applies caps, and returns an
 * explained {@link ScoreCard}. Callers never see a KIE session.
 */
@ApplicationScoped
public class ScoringEngine {

    private final ActiveRuleset active;
    private final LeadrulesConfig config;
    private final CapPolicy caps;

    public ScoringEngine(ActiveRuleset active, LeadrulesConfig config) {
        this.active = active;
        this.config = config;
        this.caps = new CapPolicy(config.caps().category(), config.caps().total());
    }

    /** Scores with the ruleset active now. */
    public ScoreCard score(Lead lead, Collection<Event> events, Instant asOf) {
        return score(active.current(), lead, events, asOf);
    }

    /** Scores with a given ruleset: a candidate under validation, or an older version. */
    public ScoreCard score(Ruleset ruleset, Lead lead, Collection<Event> events, Instant asOf) {
        List<RuleHit> fired = fire(ruleset, lead, new Timeline(events, asOf));
        List<RuleHit> hits = caps.apply(fired, ruleset.catalog());
        Breakdown breakdown = Breakdown.of(hits);
        BigDecimal score = breakdown.total();
        BigDecimal threshold = config.mql().threshold();
        return new ScoreCard(lead.getId(), score, breakdown, score.compareTo(threshold) >= 0, threshold,
                new ScoreCard.RulesetRef(ruleset.version(), ruleset.loadedAt()), asOf, List.copyOf(hits));
    }

    private List<RuleHit> fire(Ruleset ruleset, Lead lead, Timeline timeline) {
        KieSession session = ruleset.newSession();
        FireCounter counter = new FireCounter();
        try {
            HitRecorder recorder = new HitRecorder(ruleset, lead, timeline.getAsOf(), session);
            session.setGlobal("score", recorder);
            session.addEventListener(counter);
            insertFacts(session, ruleset, lead, timeline);
            int maxFires = config.engine().maxFires();
            int fired = session.fireAllRules(maxFires);
            if (fired >= maxFires) {
                String rule = counter.mostFired();
                throw new RuleFailedException(rule, ruleset.version(), "Rule \"" + rule + "\" fired "
                        + counter.firesOf(rule) + " times and was stopped by the fire limit ("
                        + maxFires + ", config leadrules.engine.max-fires): it probably re-triggers itself", null);
            }
            return recorder.hits();
        } catch (ConsequenceException e) {
            String rule = e.getMatch() == null ? "(unknown)" : e.getMatch().getRule().getName();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new RuleFailedException(rule, ruleset.version(), "Rule \"" + rule + "\" failed: " + cause, e);
        } finally {
            session.removeEventListener(counter);
            session.dispose();
        }
    }

    private static void insertFacts(KieSession session, Ruleset ruleset, Lead lead, Timeline timeline) {
        session.insert(lead);
        timeline.getActivities().forEach(session::insert);
        if (ruleset.matchesRawEvents()) {
            timeline.getEvents().forEach(session::insert);
        }
    }
}
