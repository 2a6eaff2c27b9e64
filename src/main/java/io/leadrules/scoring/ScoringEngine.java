package io.leadrules.scoring;

import io.leadrules.config.LeadrulesConfig;
import io.leadrules.model.Event;
import io.leadrules.model.Lead;
import io.leadrules.model.ScoreCard;
import io.leadrules.rules.ActiveRuleset;
import io.leadrules.rules.Ruleset;
import io.leadrules.rules.RulesetScorer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;

/** The service's scorer: the {@link Scorer} configured from {@code leadrules.*}, on the active ruleset. */
@ApplicationScoped
public class ScoringEngine implements RulesetScorer {

    private final ActiveRuleset active;
    private final Scorer scorer;

    public ScoringEngine(ActiveRuleset active, LeadrulesConfig config) {
        this.active = active;
        this.scorer = new Scorer(new ScoringPolicy(config.mql().threshold(), config.engine().maxFires(),
                config.caps().category(), config.caps().total(),
                new MqlMinimums(config.mql().minFit(), config.mql().minIntent())));
    }

    /** Scores with the ruleset active now. */
    public ScoreCard score(Lead lead, Collection<Event> events, Instant asOf) {
        return score(active.current(), lead, events, asOf);
    }

    /** Scores with a given ruleset: a candidate under validation, or an older version. */
    @Override
    public ScoreCard score(Ruleset ruleset, Lead lead, Collection<Event> events, Instant asOf) {
        return scorer.score(ruleset, lead, events, asOf);
    }

    public Scorer scorer() {
        return scorer;
    }
}
