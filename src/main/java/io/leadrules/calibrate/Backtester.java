package io.leadrules.calibrate;

import io.leadrules.model.RuleHit;
import io.leadrules.model.ScoreCard;
import io.leadrules.rules.Ruleset;
import io.leadrules.scoring.Scorer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores leads whose outcome is known with one ruleset and measures how well the score ranks them. Plain Java, so
 * the service and the command line run exactly the same backtest with the same {@link Scorer}.
 */
public final class Backtester {

    private final Scorer scorer;
    private final CalibrationSettings settings;

    public Backtester(Scorer scorer, CalibrationSettings settings) {
        this.scorer = scorer;
        this.settings = settings;
    }

    /** Every lead is scored at {@code asOf}; leads without an outcome are scored but left out of the figures. */
    public BacktestReport run(Ruleset ruleset, List<LabelledLead> leads, Instant asOf) {
        if (leads.isEmpty()) {
            throw new BacktestInputException("The backtest set is empty: send at least one lead with an outcome");
        }
        List<ScoredLead> labelled = new ArrayList<>();
        for (LabelledLead lead : leads) {
            ScoredLead scored = score(ruleset, lead, asOf);
            if (lead.labelled()) {
                labelled.add(scored);
            }
        }
        if (labelled.isEmpty()) {
            throw new BacktestInputException("None of the " + leads.size() + " leads has an outcome (won true/false):"
                    + " a backtest needs labelled leads");
        }
        return report(ruleset, asOf, leads.size(), labelled);
    }

    /**
     * Scores one lead; what the report needs of it. With {@link #report} this lets a caller stream leads in pages
     * and keep only the scored figures, not every lead's events.
     */
    public ScoredLead score(Ruleset ruleset, LabelledLead lead, Instant asOf) {
        ScoreCard card = scorer.score(ruleset, lead.lead(), lead.events(), asOf);
        return new ScoredLead(lead.lead().getId(), card.score(), Boolean.TRUE.equals(lead.won()), firedRules(card));
    }

    /** The report over already scored, labelled leads ({@code count}: all leads scored, labelled or not). */
    public BacktestReport report(Ruleset ruleset, Instant asOf, int count, List<ScoredLead> labelled) {
        List<ScoredLead> bestFirst = ScoreBands.bestFirst(labelled);
        int positives = ScoreBands.wonIn(labelled);
        return new BacktestReport(ruleset.version(), asOf, count, labelled.size(), positives,
                Rates.of(positives, labelled.size()), RocAuc.of(labelled), ScoreBands.deciles(bestFirst),
                ScoreBands.thresholdBand(labelled, scorer.policy().threshold()),
                RuleLifts.of(ruleset.catalog().rules(), labelled),
                ThresholdSuggester.suggest(labelled, settings.targetCloseRate()),
                ScoreBands.cutoffs(bestFirst, settings.bandShares()));
    }

    private static Set<String> firedRules(ScoreCard card) {
        return card.hits().stream().map(RuleHit::rule).collect(Collectors.toSet());
    }
}
