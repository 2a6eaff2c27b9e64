package io.leadrules.calibrate;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * How well a ruleset ranks leads that have already closed: the answer of {@code POST /calibration/backtest} and
 * of the command line. Rates are 0-1 with four decimals; a rate is null when it has no leads to divide by.
 *
 * @param count leads scored
 * @param labelled leads with an outcome; every figure below counts only these
 * @param positives labelled leads that were won
 * @param auc ROC AUC of the score against the outcome; null unless there are both won and lost leads
 * @param drift the close rate of the leads this ruleset makes MQL, recent against earlier closes (by
 *              {@code closedAt}, as of {@code asOf}); its status says why when it cannot be computed
 * @param note why the figures are empty, when no lead has an outcome; absent otherwise
 */
public record BacktestReport(String rulesetVersion, Instant asOf, int count, int labelled, int positives,
                             Double baseRate, Double auc, List<Band> deciles, ThresholdBand thresholdBand,
                             List<RuleLift> ruleLift, ThresholdSuggestion suggestedThresholds,
                             List<BandCutoff> bandCutoffs, DriftReport drift,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

    /** One tenth of the leads by score rank; band 1 holds the highest scores. */
    public record Band(int band, BigDecimal minScore, BigDecimal maxScore, int leads, int won, Double conversionRate) {
    }

    /** The leads at or above the MQL threshold against those below it. */
    public record ThresholdBand(BigDecimal threshold, Group atOrAbove, Group below) {
    }

    public record Group(int leads, int won, Double conversionRate) {
    }

    /**
     * How leads did when the rule fired against when it did not.
     *
     * @param lift firedRate / notFiredRate; null when either side has no leads or notFiredRate is 0
     */
    public record RuleLift(String rule, String category, int firedCount, int firedWon, Double firedRate,
                           int notFiredCount, int notFiredWon, Double notFiredRate, Double lift) {
    }

    /**
     * The score that cuts off the top {@code share} of leads: leads scoring at least {@code minScore}. Ties at the
     * cut-off all count in, so {@code actualShare} can exceed {@code share}.
     */
    public record BandCutoff(BigDecimal share, BigDecimal minScore, int leads, Double actualShare, int won,
                             Double conversionRate) {
    }
}
