package io.leadrules.calibrate;

import io.leadrules.calibrate.BacktestReport.RuleLift;
import io.leadrules.rules.RuleInfo;

import java.util.Collection;
import java.util.List;

/** Per rule: how leads converted when it fired against when it did not. A lift far from 1 earns its points. */
final class RuleLifts {

    private RuleLifts() {
    }

    static List<RuleLift> of(Collection<RuleInfo> rules, List<ScoredLead> leads) {
        return rules.stream().map(rule -> lift(rule, leads)).toList();
    }

    private static RuleLift lift(RuleInfo rule, List<ScoredLead> leads) {
        int fired = 0;
        int firedWon = 0;
        int notFiredWon = 0;
        for (ScoredLead lead : leads) {
            if (lead.firedRules().contains(rule.name())) {
                fired++;
                firedWon += lead.won() ? 1 : 0;
            } else {
                notFiredWon += lead.won() ? 1 : 0;
            }
        }
        int notFired = leads.size() - fired;
        Double firedRate = Rates.of(firedWon, fired);
        Double notFiredRate = Rates.of(notFiredWon, notFired);
        Double lift = fired == 0 || notFired == 0 || notFiredWon == 0 ? null
                : Rates.round((firedWon / (double) fired) / (notFiredWon / (double) notFired));
        return new RuleLift(rule.name(), rule.category(), fired, firedWon, firedRate, notFired, notFiredWon,
                notFiredRate, lift);
    }
}
