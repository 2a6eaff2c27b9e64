package io.leadrules.calibrate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What activating a candidate ruleset would do to the stored leads, scored now with the live ruleset and with the
 * candidate: the answer of {@code POST /rules/preview}. Nothing is activated or stored.
 *
 * @param leads        stored leads scored
 * @param mqlLive      leads that are MQL under the live ruleset (hand-off rule with hysteresis from their state)
 * @param mqlCandidate leads that would be MQL under the candidate
 * @param enterMql     leads not MQL under the live ruleset that would be under the candidate
 * @param leaveMql     leads MQL under the live ruleset that would not be under the candidate
 */
public record PreviewReport(String liveVersion, String candidateVersion, Instant asOf, BigDecimal threshold,
                            int leads, int mqlLive, int mqlCandidate, Change enterMql, Change leaveMql,
                            ScoreShift scoreShift, List<RuleChange> ruleChanges) {

    /** How many leads, and a sample of their ids (in lead id order). */
    public record Change(int count, List<String> sample) {
    }

    /**
     * Candidate score minus live score, per lead. Null figures when there are no leads.
     *
     * @param histogram buckets {@code [from, to)} of width {@code bucketPoints}, lowest first, empty ones included
     */
    public record ScoreShift(BigDecimal mean, BigDecimal median, BigDecimal min, BigDecimal max, int up, int down,
                             int unchanged, BigDecimal bucketPoints, List<Bucket> histogram) {
    }

    public record Bucket(BigDecimal from, BigDecimal to, int leads) {
    }

    /**
     * One rule of either ruleset: for how many leads it fires live and with the candidate.
     *
     * @param status      {@code added} (only in the candidate), {@code removed} (only live), {@code changed}
     *                    (fires for other leads, or gives other points), {@code unchanged}
     * @param difference  firedCandidate - firedLive
     * @param leadsGained leads it fires for with the candidate but not live
     * @param leadsLost   leads it fires for live but not with the candidate
     */
    public record RuleChange(String rule, String status, String category, BigDecimal pointsLive,
                             BigDecimal pointsCandidate, int firedLive, int firedCandidate, int difference,
                             int leadsGained, int leadsLost) {
    }
}
