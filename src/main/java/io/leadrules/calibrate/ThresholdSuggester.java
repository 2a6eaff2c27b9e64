package io.leadrules.calibrate;

import io.leadrules.calibrate.ThresholdSuggestion.Candidate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the hand-off score for a target close rate. Each distinct score S of the labelled leads is a candidate
 * threshold; its close rate is the share won among the leads scoring at least S (tied leads are all in or all
 * out). The suggestion is the lowest S whose rate lies in [min, max]: the widest hand-off that still closes on
 * target. Raising the threshold usually raises the rate, so the lowest qualifying S is where volume is greatest.
 */
final class ThresholdSuggester {

    private ThresholdSuggester() {
    }

    static ThresholdSuggestion suggest(List<ScoredLead> labelled, TargetCloseRate target) {
        if (labelled.isEmpty()) {
            return none(ThresholdSuggestion.NO_LABELS, "No lead has an outcome, so no close rate can be measured", target, null);
        }
        int won = ScoreBands.wonIn(labelled);
        if (won == labelled.size()) {
            return none(ThresholdSuggestion.ALL_WON, "Every one of the " + won + " labelled leads was won: any threshold"
                    + " closes at 100 %, so the scores say nothing about where to hand off", target, null);
        }
        if (won == 0) {
            return none(ThresholdSuggestion.ALL_LOST, "None of the " + labelled.size() + " labelled leads was won: any"
                    + " threshold closes at 0 %", target, null);
        }
        List<Candidate> all = candidates(labelled);
        if (all.isEmpty()) {
            return none(ThresholdSuggestion.NOT_REACHABLE, "No labelled lead can be an MQL at any threshold: every one is"
                    + " disqualified or under a fit or intent minimum", target, null);
        }
        List<Candidate> inRange = all.stream().filter(c -> target.contains(c.closeRate())).toList();
        if (inRange.isEmpty()) {
            Candidate closest = closest(all, target);
            return none(ThresholdSuggestion.NOT_REACHABLE, "No threshold gives a close rate between " + percent(target.min())
                    + " and " + percent(target.max()) + "; the closest is score " + closest.score().toPlainString() + " ("
                    + percent(closest.closeRate()) + " of " + closest.leads() + " leads)" + hint(all, target), target, closest);
        }
        Candidate best = inRange.get(0);
        return new ThresholdSuggestion(ThresholdSuggestion.OK, "Hand off at score " + best.score().toPlainString() + ": the "
                + best.leads() + " leads at or above it close at " + percent(best.closeRate()), target, best, inRange, null);
    }

    /**
     * One candidate per distinct score, lowest score first. Only eligible leads count: a disqualified lead, or one
     * under a minimum, is no MQL at any threshold.
     */
    private static List<Candidate> candidates(List<ScoredLead> labelled) {
        List<ScoredLead> bestFirst = ScoreBands.bestFirst(labelled.stream().filter(ScoredLead::eligible).toList());
        List<Candidate> candidates = new ArrayList<>();
        int won = 0;
        for (int i = 0; i < bestFirst.size(); i++) {
            ScoredLead lead = bestFirst.get(i);
            won += lead.won() ? 1 : 0;
            boolean lastOfScore = i + 1 == bestFirst.size() || bestFirst.get(i + 1).score().compareTo(lead.score()) != 0;
            if (lastOfScore) {
                int leads = i + 1;
                candidates.add(new Candidate(lead.score(), leads, won, Rates.round(won / (double) leads),
                        Rates.round(leads / (double) labelled.size())));
            }
        }
        candidates.sort(Comparator.comparing(Candidate::score));
        return candidates;
    }

    private static Candidate closest(List<Candidate> all, TargetCloseRate target) {
        Candidate closest = all.get(0);
        for (Candidate c : all) {
            if (distance(c, target) < distance(closest, target)) {
                closest = c;
            }
        }
        return closest;
    }

    private static double distance(Candidate c, TargetCloseRate target) {
        return Math.max(0, Math.max(target.min().doubleValue() - c.closeRate(), c.closeRate() - target.max().doubleValue()));
    }

    private static String hint(List<Candidate> all, TargetCloseRate target) {
        if (all.stream().allMatch(c -> c.closeRate() > target.max().doubleValue())) {
            return ": even all leads together close above the target, so every threshold beats it";
        }
        if (all.stream().allMatch(c -> c.closeRate() < target.min().doubleValue())) {
            return ": even the top-scoring leads close below the target";
        }
        return ": the close rate jumps over the target range between two neighbouring scores";
    }

    private static ThresholdSuggestion none(String status, String detail, TargetCloseRate target, Candidate closest) {
        return new ThresholdSuggestion(status, detail, target, null, List.of(), closest);
    }

    private static String percent(BigDecimal rate) {
        return percent(rate.doubleValue());
    }

    private static String percent(double rate) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", rate * 100);
    }
}
