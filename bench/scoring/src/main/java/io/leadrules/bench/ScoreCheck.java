package io.leadrules.bench;

import io.leadrules.bench.LeadPopulation.Sample;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The speed comparison is only fair if all three implementations compute the same thing: before measuring, every
 * lead of the population is scored each way and any difference stops the run.
 */
final class ScoreCheck {

    private ScoreCheck() {
    }

    static void requireSameScores(ScoringBenchmark.Fixture fixture) {
        List<String> mismatches = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        int decayed = 0;
        int capped = 0;
        for (Sample sample : fixture.leads) {
            var card = fixture.drools(fixture.defaultRuleset, sample);
            BigDecimal drools = card.score();
            BigDecimal naive = fixture.drools(fixture.naiveRuleset, sample).score();
            BigDecimal hand = fixture.handCoded(sample);
            if (drools.compareTo(hand) != 0 || drools.compareTo(naive) != 0) {
                mismatches.add(sample.lead().getId() + ": drools " + drools + ", hand-coded " + hand + ", naive " + naive);
            }
            sum = sum.add(drools);
            decayed += card.breakdown().decay().signum() != 0 ? 1 : 0;
            capped += card.breakdown().cap().signum() != 0 ? 1 : 0;
        }
        if (!mismatches.isEmpty()) {
            throw new IllegalStateException(mismatches.size() + " of " + fixture.leads.size()
                    + " leads score differently; first ones:\n  " + String.join("\n  ", mismatches.subList(0, Math.min(10, mismatches.size()))));
        }
        System.out.printf("Score check: %d leads score the same three ways (mean %.2f, %d with decay, %d capped)%n",
                fixture.leads.size(), sum.doubleValue() / fixture.leads.size(), decayed, capped);
    }
}
