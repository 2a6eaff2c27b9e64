package io.leadrules.calibrate;

import io.leadrules.calibrate.BacktestReport.Band;
import io.leadrules.calibrate.BacktestReport.BandCutoff;
import io.leadrules.calibrate.BacktestReport.RuleLift;

import java.util.Comparator;
import java.util.Locale;

/** The backtest report as a readable text summary, for the command line. */
final class BacktestSummary {

    private BacktestSummary() {
    }

    static String text(BacktestReport r) {
        StringBuilder out = new StringBuilder();
        line(out, "Ruleset %s scored %d leads at %s; %d with an outcome, %d won (base rate %s)",
                r.rulesetVersion(), r.count(), r.asOf(), r.labelled(), r.positives(), pct(r.baseRate()));
        if (r.note() != null) {
            line(out, "Note: %s", r.note());
        }
        line(out, "ROC AUC: %s", r.auc() == null ? "n/a (needs won and lost leads)" : String.format(Locale.ROOT, "%.4f", r.auc()));
        line(out, "");
        line(out, "Deciles (1 = highest scores)");
        line(out, "  %4s %9s %9s %7s %6s %9s", "band", "minScore", "maxScore", "leads", "won", "convRate");
        for (Band b : r.deciles()) {
            line(out, "  %4d %9s %9s %7d %6d %9s", b.band(), b.minScore().toPlainString(), b.maxScore().toPlainString(),
                    b.leads(), b.won(), pct(b.conversionRate()));
        }
        line(out, "");
        var t = r.thresholdBand();
        line(out, "MQL threshold %s: %d leads at or above close at %s; %d below close at %s", t.threshold().toPlainString(),
                t.atOrAbove().leads(), pct(t.atOrAbove().conversionRate()), t.below().leads(), pct(t.below().conversionRate()));
        var s = r.suggestedThresholds();
        line(out, "Suggested threshold for %s-%s close rate: [%s] %s", pct(s.target().min().doubleValue()),
                pct(s.target().max().doubleValue()), s.status(), s.detail());
        line(out, "Drift of the MQL close rate: [%s]%s %s", r.drift().status(), r.drift().flagged() ? " FLAGGED" : "",
                r.drift().detail());
        line(out, "");
        line(out, "Band cut-offs");
        for (BandCutoff c : r.bandCutoffs()) {
            line(out, "  top %s: score >= %s, %d leads (%s), close rate %s", pct(c.share().doubleValue()),
                    c.minScore() == null ? "n/a" : c.minScore().toPlainString(), c.leads(), pct(c.actualShare()),
                    pct(c.conversionRate()));
        }
        line(out, "");
        line(out, "Rule lift (conversion when fired vs not), by lift");
        r.ruleLift().stream().sorted(Comparator.comparing((RuleLift l) -> l.lift() == null ? 0 : l.lift()).reversed())
                .forEach(l -> line(out, "  %-55s %-8s fired %5d at %7s, not %5d at %7s, lift %s", l.rule(), l.category(),
                        l.firedCount(), pct(l.firedRate()), l.notFiredCount(), pct(l.notFiredRate()),
                        l.lift() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", l.lift())));
        return out.toString();
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static String pct(Double rate) {
        return rate == null ? "n/a" : String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }
}
