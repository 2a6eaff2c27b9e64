package io.leadrules.scoring;

import io.leadrules.model.Breakdown;
import io.leadrules.model.Event;
import io.leadrules.model.Lead;
import io.leadrules.model.RuleHit;
import io.leadrules.model.ScoreCard;
import io.leadrules.model.Timeline;
import io.leadrules.rules.Ruleset;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.Match;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores one lead with one ruleset: builds the facts, fires them in a pooled session, applies caps, and returns
 * an explained {@link ScoreCard}. Plain Java (no CDI), so benchmarks and backtests use exactly what the service uses.
 */
public final class Scorer {

    /** Drools names the rule in constraint errors: {@code [Rule "Title match" in leadrules/fit.drl]}. */
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("\\[Rule \"(.+?)\" in ");

    /**
     * Firings allowed per event of the lead on top of the fire limit: a rule over single events (the blog rule)
     * fires once per event and its decay once per hit, so a lead with thousands of events is no loop.
     */
    static final int FIRES_PER_EVENT = 10;

    private final ScoringPolicy policy;
    private final CapPolicy caps;

    public Scorer(ScoringPolicy policy) {
        this.policy = policy;
        this.caps = new CapPolicy(policy.categoryCaps(), policy.totalCap());
    }

    public ScoringPolicy policy() {
        return policy;
    }

    public ScoreCard score(Ruleset ruleset, Lead lead, Collection<Event> events, Instant asOf) {
        return score(ruleset, lead, events, asOf, Deadline.NONE);
    }

    /** Stops firing rules once {@code deadline} has passed, with a {@link DeadlineExceededException}. */
    public ScoreCard score(Ruleset ruleset, Lead lead, Collection<Event> events, Instant asOf, Deadline deadline) {
        List<RuleHit> fired = fire(ruleset, lead, new Timeline(events, asOf), deadline);
        CapPolicy.Capped capped = caps.apply(fired, ruleset.catalog());
        Breakdown breakdown = Breakdown.of(capped.hits());
        BigDecimal score = breakdown.total();
        MqlVerdict verdict = MqlVerdict.of(score, breakdown, capped.hits(), policy.threshold(), policy.minimums());
        return new ScoreCard(lead.getId(), score, breakdown, verdict.mql(), policy.threshold(), verdict.disqualifiedBy(),
                verdict.because(), new ScoreCard.RulesetRef(ruleset.version(), ruleset.loadedAt()), asOf,
                List.copyOf(capped.hits()), capped.scoreWithoutRule(), verdict.eligible());
    }

    private List<RuleHit> fire(Ruleset ruleset, Lead lead, Timeline timeline, Deadline deadline) {
        KieSession session = ruleset.newSession();
        try {
            HitRecorder recorder = new HitRecorder(ruleset, lead, timeline.getAsOf(), session);
            session.setGlobal("score", recorder);
            insertFacts(session, ruleset, lead, timeline);
            // One firing more than allowed tells a loop from a ruleset that needs exactly the limit.
            long limit = fireLimit(timeline);
            int max = (int) Math.min(Integer.MAX_VALUE, limit + 1L);
            DeadlineFilter filter = new DeadlineFilter(deadline);
            int fired = deadline == Deadline.NONE ? session.fireAllRules(max) : session.fireAllRules(filter, max);
            if (filter.stopped) {
                throw new DeadlineExceededException(filter.lastRule, ruleset.version(), lead.getId(),
                        deadline.message("while scoring lead \"" + lead.getId() + "\" (" + fired
                                + (fired == 1 ? " firing" : " firings") + (filter.lastRule == null ? ""
                                : "; rule \"" + filter.lastRule + "\" fired last") + ")"));
            }
            if (fired > limit) {
                throw loop(ruleset, lead, timeline, limit);
            }
            return recorder.hits();
        } catch (ConsequenceException e) {
            throw failed(ruleset, e).forLead(lead.getId());
        } catch (RuleFailedException e) {
            throw e.forLead(lead.getId());
        } catch (RuntimeException e) {
            // A condition that compiles but cannot be evaluated for this lead, e.g. text compared with a number.
            throw conditionFailed(ruleset, e).forLead(lead.getId());
        } finally {
            session.dispose();
        }
    }

    /**
     * Lets a match fire only while the deadline has not passed. {@code KieSession.halt()} would also stop between
     * firings, but from another thread; refusing the remaining matches ends {@code fireAllRules} on this one.
     */
    private static final class DeadlineFilter implements AgendaFilter {

        private final Deadline deadline;
        private boolean stopped;
        private String lastRule;

        DeadlineFilter(Deadline deadline) {
            this.deadline = deadline;
        }

        @Override
        public boolean accept(Match match) {
            if (stopped || deadline.passed()) {
                stopped = true;
                return false;
            }
            lastRule = match.getRule().getName();
            return true;
        }
    }

    private static RuleFailedException conditionFailed(Ruleset ruleset, RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        Matcher named = RULE_IN_MESSAGE.matcher(message);
        String rule = named.find() ? named.group(1) : "(unknown)";
        return new RuleFailedException(rule, ruleset.version(), "A condition of rule \"" + rule
                + "\" could not be evaluated for this lead: " + message, e);
    }

    /** {@code leadrules.engine.max-fires}, plus {@link #FIRES_PER_EVENT} for each event of the lead. */
    private long fireLimit(Timeline timeline) {
        return policy.maxFires() + (long) FIRES_PER_EVENT * timeline.getEvents().size();
    }

    /**
     * Scores the lead again with a {@link FireCounter} listening, to name the rule that loops. Scoring is
     * deterministic, so the rerun loops the same way; counting only here keeps a listener off every normal call.
     */
    private RuleFailedException loop(Ruleset ruleset, Lead lead, Timeline timeline, long limit) {
        KieSession session = ruleset.newSession();
        FireCounter counter = new FireCounter();
        try {
            session.setGlobal("score", new HitRecorder(ruleset, lead, timeline.getAsOf(), session));
            session.addEventListener(counter);
            insertFacts(session, ruleset, lead, timeline);
            session.fireAllRules((int) Math.min(Integer.MAX_VALUE, limit));
        } catch (ConsequenceException e) {
            return failed(ruleset, e);
        } finally {
            session.removeEventListener(counter);
            session.dispose();
        }
        String rule = counter.mostFired();
        long fires = counter.firesOf(rule);
        String limitText = "the fire limit (" + policy.maxFires() + " firings, config leadrules.engine.max-fires, plus "
                + FIRES_PER_EVENT + " per event of the lead: " + limit + " in all)";
        // A rule that fired a handful of times did not loop: the limit is below what the ruleset needs.
        String why = fires > Math.max(2, limit / 4) ? ": it probably re-triggers itself"
                : "; no rule fired more than " + fires + (fires == 1 ? " time" : " times")
                + ", so the limit is probably too low for this ruleset: raise leadrules.engine.max-fires";
        return new RuleFailedException(rule, ruleset.version(), "Rule \"" + rule + "\" fired " + fires
                + (fires == 1 ? " time" : " times") + ", the most of any rule, when the rules were stopped by "
                + limitText + why, null);
    }

    private static RuleFailedException failed(Ruleset ruleset, ConsequenceException e) {
        String rule = e.getMatch() == null ? "(unknown)" : e.getMatch().getRule().getName();
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return new RuleFailedException(rule, ruleset.version(), "Rule \"" + rule + "\" failed: " + cause, e);
    }

    private static void insertFacts(KieSession session, Ruleset ruleset, Lead lead, Timeline timeline) {
        session.insert(lead);
        timeline.getActivities().forEach(session::insert);
        if (ruleset.matchesRawEvents()) {
            for (Event event : timeline.getEvents()) {
                if (ruleset.matchesRawEvent(event)) {
                    session.insert(event);
                }
            }
        }
    }
}
