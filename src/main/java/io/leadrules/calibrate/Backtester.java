package io.leadrules.calibrate;

import io.leadrules.limits.LimitExceededException;
import io.leadrules.model.RuleHit;
import io.leadrules.model.ScoreCard;
import io.leadrules.rules.Ruleset;
import io.leadrules.scoring.Deadline;
import io.leadrules.scoring.Scorer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores leads whose outcome is known with one ruleset and measures how well the score ranks them. Plain Java, so
 * the service and the command line run exactly the same backtest with the same {@link Scorer}.
 */
public final class Backtester {

    static final String DEADLINE_KEY = "leadrules.limits.backtest-deadline";

    private final Scorer scorer;
    private final CalibrationSettings settings;
    private final BacktestLimits limits;
    private final Deadline deadline;
    /** Leads scored by this backtester: it serves one backtest, on one thread. */
    private int scored;

    /** Without limits or deadline: the command line. */
    public Backtester(Scorer scorer, CalibrationSettings settings) {
        this(scorer, settings, BacktestLimits.NONE, Deadline.NONE);
    }

    /** @param deadline the whole backtest's: checked before each lead and between the firings of its rules */
    public Backtester(Scorer scorer, CalibrationSettings settings, BacktestLimits limits, Deadline deadline) {
        this.scorer = scorer;
        this.settings = settings;
        this.limits = limits;
        this.deadline = deadline;
    }

    /**
     * Every lead is scored at {@code asOf}; leads without an outcome are scored but left out of the figures. A set
     * where no lead has an outcome is still a report (status {@code NO_LABELS}, with a note); an empty set is not.
     */
    public BacktestReport run(Ruleset ruleset, List<LabelledLead> leads, Instant asOf) {
        if (leads.isEmpty()) {
            throw new BacktestInputException("leads", "The backtest set is empty: send at least one lead with an outcome");
        }
        if (leads.size() > limits.maxLeads()) {
            throw tooManyLeads(leads.size() + " leads");
        }
        long events = leads.stream().mapToLong(l -> l.events().size()).sum();
        if (events > limits.maxEvents()) {
            throw new LimitExceededException("leads", "The backtest set has " + events + " events; the limit is "
                    + limits.maxEvents() + " (config leadrules.limits.backtest-max-events)");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < leads.size(); i++) {
            // Counted twice, a lead would skew every rate (the CSV mapper refuses it sooner, naming the row).
            if (!ids.add(leads.get(i).lead().getId())) {
                throw new BacktestInputException("leads[" + i + "].lead.id", "Duplicate lead id \""
                        + leads.get(i).lead().getId() + "\" in the backtest set");
            }
        }
        List<ScoredLead> labelled = new ArrayList<>();
        for (LabelledLead lead : leads) {
            ScoredLead scored = score(ruleset, lead, asOf);
            if (lead.labelled()) {
                labelled.add(scored);
            }
        }
        return report(ruleset, asOf, leads.size(), labelled);
    }

    /**
     * Scores one lead; what the report needs of it. With {@link #report} this lets a caller stream leads in pages
     * and keep only the scored figures, not every lead's events.
     */
    public ScoredLead score(Ruleset ruleset, LabelledLead lead, Instant asOf) {
        if (scored >= limits.maxLeads()) {
            throw tooManyLeads("more than " + limits.maxLeads() + " leads");
        }
        deadline.check(() -> "after " + scored + (scored == 1 ? " lead" : " leads"));
        ScoreCard card = scorer.score(ruleset, lead.lead(), lead.events(), asOf, deadline);
        scored++;
        return new ScoredLead(lead.lead().getId(), card.score(), Boolean.TRUE.equals(lead.won()), firedRules(card),
                lead.closedAt(), card.eligible());
    }

    /** The report over already scored, labelled leads ({@code count}: all leads scored, labelled or not). */
    public BacktestReport report(Ruleset ruleset, Instant asOf, int count, List<ScoredLead> labelled) {
        List<ScoredLead> bestFirst = ScoreBands.bestFirst(labelled);
        int positives = ScoreBands.wonIn(labelled);
        BigDecimal threshold = scorer.policy().threshold();
        return new BacktestReport(ruleset.version(), asOf, count, labelled.size(), positives,
                Rates.of(positives, labelled.size()), RocAuc.of(labelled), ScoreBands.deciles(bestFirst),
                ScoreBands.thresholdBand(labelled, threshold),
                RuleLifts.of(ruleset.catalog().rules(), labelled),
                ThresholdSuggester.suggest(labelled, settings.targetCloseRate()),
                ScoreBands.cutoffs(bestFirst, settings.bandShares()),
                drift(labelled, threshold, asOf), labelled.isEmpty() ? noLabels(count) : null);
    }

    /**
     * Drift over the backtested leads: the labelled leads this ruleset scores at or above the MQL threshold, by
     * when they closed, as of the backtest's instant. Leads without a {@code closedAt} cannot be placed in time and
     * are left out; when none has one there is nothing to compare.
     */
    private DriftReport drift(List<ScoredLead> labelled, BigDecimal threshold, Instant asOf) {
        if (labelled.isEmpty()) {
            return DriftReport.absent(DriftReport.NO_LABELS, "No lead has an outcome, so no close rate can drift",
                    asOf, settings.drift());
        }
        long dated = labelled.stream().filter(l -> l.closedAt() != null).count();
        if (dated == 0) {
            return DriftReport.absent(DriftReport.NO_CLOSE_DATES, "None of the " + labelled.size() + " labelled leads"
                    + " has a close date, so recent closes cannot be told from earlier ones: give each lead its"
                    + " \"closedAt\" (JSON), or name a closedAt column under the mapping's label (CSV)", asOf,
                    settings.drift());
        }
        List<DriftCheck.MqlOutcome> mqls = labelled.stream()
                .filter(l -> l.closedAt() != null && l.mqlAt(threshold))
                .map(l -> new DriftCheck.MqlOutcome(l.leadId(), l.won(), l.closedAt())).toList();
        long later = mqls.stream().filter(m -> m.closedAt().isAfter(asOf)).count();
        String leftOut = (dated == labelled.size() ? "" : " " + (labelled.size() - dated) + " labelled lead(s) without"
                + " a close date are left out.") + (later == 0 ? "" : " " + later + " MQL(s) closed after asOf (" + asOf
                + ") are left out: backtest as of a later instant to count them.");
        return DriftReport.compare(mqls, asOf, null, settings.drift(), "Backtest more leads that closed as MQLs, with"
                + " their close dates." + leftOut);
    }

    private LimitExceededException tooManyLeads(String count) {
        return new LimitExceededException("leads", "The backtest set has " + count + "; the limit is "
                + limits.maxLeads() + " (config leadrules.limits.backtest-max-leads)");
    }

    private static String noLabels(int count) {
        return "None of the " + count + " leads has an outcome (won true/false, or a won/lost value in the mapping's"
                + " label column): they were scored, but every figure counts labelled leads only, so there is no AUC,"
                + " no conversion rate and no suggested threshold. Add the outcomes to measure the ruleset.";
    }

    private static Set<String> firedRules(ScoreCard card) {
        return card.hits().stream().map(RuleHit::rule).collect(Collectors.toSet());
    }
}
