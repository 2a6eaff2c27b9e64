package io.leadrules.scoring;

import io.leadrules.config.LeadrulesConfig;
import io.leadrules.limits.LimitsConfig;
import io.leadrules.model.Event;
import io.leadrules.model.Lead;
import io.leadrules.model.ScoreCard;
import io.leadrules.rules.ActiveRuleset;
import io.leadrules.rules.Ruleset;
import io.leadrules.rules.RulesetScorer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/** The service's scorer: the {@link Scorer} configured from {@code leadrules.*}, on the active ruleset. */
@ApplicationScoped
public class ScoringEngine implements RulesetScorer {

    static final String SCORE_DEADLINE = "leadrules.limits.score-deadline";

    private final ActiveRuleset active;
    private final Scorer scorer;
    private final Duration deadline;

    public ScoringEngine(ActiveRuleset active, LeadrulesConfig config, LimitsConfig limits) {
        this.active = active;
        this.deadline = limits.scoreDeadline();
        this.scorer = new Scorer(new ScoringPolicy(config.mql().threshold(), config.engine().maxFires(),
                config.caps().category(), config.caps().total(),
                new MqlMinimums(config.mql().minFit(), config.mql().minIntent())));
    }

    /** Scores with the ruleset active now. */
    public ScoreCard score(Lead lead, Collection<Event> events, Instant asOf) {
        return score(active.current(), lead, events, asOf);
    }

    /**
     * Scores with a given ruleset: a candidate under validation, or an older version. Rules stop firing at
     * {@code leadrules.limits.score-deadline}.
     */
    @Override
    public ScoreCard score(Ruleset ruleset, Lead lead, Collection<Event> events, Instant asOf) {
        return scorer.score(ruleset, lead, events, asOf, Deadline.in(deadline, SCORE_DEADLINE, "Scoring"));
    }

    public Scorer scorer() {
        return scorer;
    }
}
