package io.leadrules.scoring;

import io.leadrules.model.Breakdown;
import io.leadrules.model.Category;
import io.leadrules.model.RuleHit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a score makes an MQL, and if not, every reason why: the one place the MQL rule lives (scoring, the hand-off,
 * backtests and previews all ask it). A lead is an MQL when no disqualify rule fired, each configured minimum is met
 * and the score reaches the line.
 *
 * @param eligible no disqualifier and every minimum met: the score alone decides
 */
public record MqlVerdict(boolean mql, boolean eligible, List<String> disqualifiedBy, List<String> because) {

    public static MqlVerdict of(BigDecimal score, Breakdown breakdown, List<RuleHit> hits, BigDecimal line,
                                MqlMinimums minimums) {
        List<String> disqualifiedBy = hits.stream().filter(h -> Category.DISQUALIFY.label().equals(h.category()))
                .map(RuleHit::rule).distinct().toList();
        List<String> because = new ArrayList<>();
        disqualifiedBy.forEach(rule -> because.add("disqualified by \"" + rule + "\""));
        minimums.fit().filter(min -> breakdown.fit().compareTo(min) < 0).ifPresent(min -> because.add(
                "fit " + breakdown.fit().toPlainString() + " is under the minimum " + min.toPlainString()
                        + " (leadrules.mql.min-fit)"));
        minimums.intent().filter(min -> intent(breakdown).compareTo(min) < 0).ifPresent(min -> because.add(
                "intent " + intent(breakdown).toPlainString() + " is under the minimum " + min.toPlainString()
                        + " (leadrules.mql.min-intent)"));
        boolean eligible = because.isEmpty();
        if (score.compareTo(line) < 0) {
            because.add("the score " + score.toPlainString() + " is under the MQL line " + line.toPlainString());
        }
        return new MqlVerdict(because.isEmpty(), eligible, disqualifiedBy, List.copyOf(because));
    }

    /** Intent as it counts now: its points less what decay took from them. */
    static BigDecimal intent(Breakdown breakdown) {
        return breakdown.intent().add(breakdown.decay());
    }
}
