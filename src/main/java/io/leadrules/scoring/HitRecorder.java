package io.leadrules.scoring;

import io.leadrules.model.Activity;
import io.leadrules.model.Category;
import io.leadrules.model.Event;
import io.leadrules.model.EventRef;
import io.leadrules.model.Lead;
import io.leadrules.model.Points;
import io.leadrules.model.RuleHit;
import io.leadrules.rules.RuleInfo;
import io.leadrules.rules.Ruleset;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.RuleContext;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code score} global of every DRL file: it keeps a rule's consequence to one line.
 * <pre>
 *   score.award(drools, "Viewed the pricing page this week");   // points from @points
 *   score.decay(drools, $hit);                                   // share from @share, period from @everyDays
 * </pre>
 * Each award becomes a {@link RuleHit} fact too, so decay rules can match it. One recorder per scoring call.
 */
public final class HitRecorder {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private final Ruleset ruleset;
    private final Lead lead;
    private final Instant asOf;
    private final KieSession session;
    private final List<RuleHit> hits = new ArrayList<>();
    private final Map<String, DecayTerms> decayTerms = new HashMap<>();

    HitRecorder(Ruleset ruleset, Lead lead, Instant asOf, KieSession session) {
        this.ruleset = ruleset;
        this.lead = lead;
        this.asOf = asOf;
        this.session = session;
    }

    /** Gives the rule's {@code @points} for this match. */
    public void award(RuleContext drools, String reason) {
        RuleInfo rule = info(drools);
        if (rule.points() == null) {
            throw new IllegalStateException("Rule \"" + rule.name() + "\" has no @points; pass the points to award()");
        }
        award(drools, rule.points(), reason);
    }

    /** Gives explicit points, for rules whose points depend on the facts. */
    public void award(RuleContext drools, Number points, String reason) {
        RuleInfo rule = info(drools);
        List<Object> matched = drools.getMatch().getObjects();
        List<EventRef> events = eventsOf(matched, rule);
        Instant last = latest(events);
        BigDecimal given = Points.of(points);
        String why = reason;
        if (lead.isTrackingOptOut() && Category.INTENT.label().equals(rule.category()) && isBehavioural(matched)) {
            given = BigDecimal.ZERO;
            why = reason + " (not counted: the lead opted out of behavioural tracking)";
        }
        double age = last == null ? 0 : Math.max(0, Event.daysBetween(last, asOf));
        record(new RuleHit(rule.name(), rule.category(), given, why, rule.file(), events, last, age, null, rule.row()));
    }

    /**
     * Takes away the share of a hit's points that has faded: {@code points * (1 - (1 - share)^(age / everyDays))}.
     * Continuous in the signal's age, so a score read later is lower without any batch job.
     */
    public void decay(RuleContext drools, RuleHit hit) {
        RuleInfo rule = info(drools);
        DecayTerms terms = decayTerms.computeIfAbsent(rule.name(), name -> DecayTerms.of(rule));
        double remaining = Math.pow(terms.keptPerPeriod(), hit.signalAgeDays() / terms.everyDays());
        BigDecimal kept = hit.points().multiply(new BigDecimal(remaining, PRECISION)).setScale(Points.SCALE, RoundingMode.HALF_UP);
        BigDecimal lost = Points.normalize(kept.subtract(hit.points()));
        if (lost.signum() == 0) {
            return;
        }
        // Built by hand rather than with String.format: this runs for every intent hit, and the formatter was a
        // fifth of the scoring time (see bench/README.md). Same text as "%.1f", but always with a decimal point.
        String reason = "\"" + hit.rule() + "\" faded by " + fadedPercent(remaining) + "% after "
                + oneDecimal(hit.signalAgeDays()) + " days without the signal (" + terms.sharePercent() + "% per "
                + terms.everyDaysText() + " days)";
        record(new RuleHit(rule.name(), rule.category(), lost, reason, rule.file(), hit.events(), hit.lastEventAt(),
                hit.signalAgeDays(), hit.rule(), rule.row()));
    }

    /** A decay rule's {@code @share} and {@code @everyDays}, parsed once per scoring call rather than per hit. */
    private record DecayTerms(double keptPerPeriod, double everyDays, String sharePercent, String everyDaysText) {

        static DecayTerms of(RuleInfo rule) {
            BigDecimal share = new BigDecimal(rule.metadata().get("share"));
            String everyDays = rule.metadata().get("everyDays");
            return new DecayTerms(BigDecimal.ONE.subtract(share).doubleValue(), Double.parseDouble(everyDays),
                    percent(share, BigDecimal.ONE), Points.normalize(new BigDecimal(everyDays)).toPlainString());
        }
    }

    List<RuleHit> hits() {
        return hits;
    }

    private void record(RuleHit hit) {
        hits.add(hit);
        session.insert(hit);
    }

    private RuleInfo info(RuleContext drools) {
        String name = drools.getRule().getName();
        return ruleset.catalog().rule(name)
                .orElseThrow(() -> new IllegalStateException("Rule \"" + name + "\" is not in the catalog"));
    }

    private static Instant latest(List<EventRef> events) {
        Instant last = null;
        for (EventRef event : events) {
            if (last == null || event.timestamp().compareTo(last) > 0) {
                last = event.timestamp();
            }
        }
        return last;
    }

    /**
     * The events behind a hit: of each matched activity, those the rule's condition read (the events in its window,
     * the pairs of its sequence: see {@link io.leadrules.model.EventUse}); a matched event; a decayed hit's events.
     */
    private static List<EventRef> eventsOf(List<Object> matched, RuleInfo rule) {
        List<EventRef> refs = new ArrayList<>();
        for (Object fact : matched) {
            if (fact instanceof Activity activity) {
                rule.eventUse().of(activity).forEach(e -> refs.add(EventRef.of(e)));
            } else if (fact instanceof Event event) {
                refs.add(EventRef.of(event));
            } else if (fact instanceof RuleHit hit) {
                refs.addAll(hit.events());
            }
        }
        return refs;
    }

    /**
     * Whether the match rests on the lead's behaviour (an activity or an event), even when its condition read no
     * event, as in {@code last30Days == 0}: such points are not given to a lead who opted out of tracking.
     */
    private static boolean isBehavioural(List<Object> matched) {
        for (Object fact : matched) {
            if (fact instanceof Activity || fact instanceof Event || fact instanceof RuleHit hit && !hit.events().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** {@code 12.345 -> "12.3"}: rounds half up like {@code %.1f}, independent of the default locale. */
    private static String oneDecimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * The share of its points a hit lost, from the exact factor rather than from the rounded points: 2 points
     * keeping 96.3% lose 0.07 once rounded, which would read 3.5% instead of 3.7%.
     */
    private static String fadedPercent(double remaining) {
        // In tenths of a percent, rounded half up like the other figures; long arithmetic rather than an exact
        // BigDecimal of the double, which runs for every decayed hit (see bench/README.md).
        long tenths = Math.round((1 - remaining) * 1000);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + Math.abs(tenths % 10);
    }

    private static String percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return "0";
        }
        return Points.normalize(part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP)).toPlainString();
    }
}
