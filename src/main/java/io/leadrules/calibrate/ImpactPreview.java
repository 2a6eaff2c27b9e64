package io.leadrules.calibrate;

import io.leadrules.calibrate.PreviewReport.Bucket;
import io.leadrules.calibrate.PreviewReport.Change;
import io.leadrules.calibrate.PreviewReport.RuleChange;
import io.leadrules.calibrate.PreviewReport.ScoreShift;
import io.leadrules.model.Event;
import io.leadrules.model.Lead;
import io.leadrules.model.Points;
import io.leadrules.model.RuleHit;
import io.leadrules.model.ScoreCard;
import io.leadrules.rules.RuleInfo;
import io.leadrules.rules.Ruleset;
import io.leadrules.scoring.Deadline;
import io.leadrules.scoring.Scorer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Scores leads with the live ruleset and a candidate and sums up the difference: who enters or leaves MQL, how
 * scores shift, which rules fire for more or fewer leads. Plain Java over the {@link Scorer}; leads are added one
 * at a time and only counts are kept, so any number of leads can stream through.
 */
public final class ImpactPreview {

    /**
     * Whether a lead is MQL with this score card, given its state before (the service's hand-off rule: disqualifiers,
     * minimums, hysteresis).
     */
    @FunctionalInterface
    public interface MqlRule {
        boolean isMql(boolean wasMql, ScoreCard card);
    }

    /** Beyond this many buckets between the lowest and highest shift, only non-empty buckets are listed. */
    private static final int MAX_DENSE_BUCKETS = 200;

    private final Scorer scorer;
    private final MqlRule mqlRule;
    private final int sampleSize;
    private final BigDecimal bucketPoints;

    public ImpactPreview(Scorer scorer, MqlRule mqlRule, int sampleSize, BigDecimal bucketPoints) {
        if (bucketPoints.signum() <= 0) {
            throw new IllegalArgumentException("leadrules.calibration.preview.bucket-points must be positive, got "
                    + bucketPoints);
        }
        this.scorer = scorer;
        this.mqlRule = mqlRule;
        this.sampleSize = sampleSize;
        this.bucketPoints = bucketPoints;
    }

    /** @param deadline the whole preview's: checked before each lead and between the firings of its rules */
    public Run start(Ruleset live, Ruleset candidate, Instant asOf, Deadline deadline) {
        return new Run(live, candidate, asOf, deadline);
    }

    /** One preview in progress: {@link #add} every lead, then {@link #report}. Not thread-safe. */
    public final class Run {

        private final Ruleset live;
        private final Ruleset candidate;
        private final Instant asOf;
        private final Deadline deadline;
        private int leads;
        private int mqlLive;
        private int mqlCandidate;
        private final Tally enter = new Tally();
        private final Tally leave = new Tally();
        /** Shift -> number of leads: shifts take few distinct values, so this stays small. */
        private final TreeMap<BigDecimal, Integer> shifts = new TreeMap<>();
        private BigDecimal shiftSum = BigDecimal.ZERO;
        private final Map<String, RuleTally> rules = new HashMap<>();

        private Run(Ruleset live, Ruleset candidate, Instant asOf, Deadline deadline) {
            this.live = live;
            this.candidate = candidate;
            this.asOf = asOf;
            this.deadline = deadline;
        }

        /** @param wasMql the lead's stored MQL state, which the hand-off rule's hysteresis starts from */
        public void add(String leadId, boolean wasMql, Lead lead, List<Event> events) {
            deadline.check(() -> "after " + leads + (leads == 1 ? " lead" : " leads"));
            ScoreCard before = scorer.score(live, lead, events, asOf, deadline);
            ScoreCard after = scorer.score(candidate, lead, events, asOf, deadline);
            boolean mqlBefore = mqlRule.isMql(wasMql, before);
            boolean mqlAfter = mqlRule.isMql(wasMql, after);
            leads++;
            mqlLive += mqlBefore ? 1 : 0;
            mqlCandidate += mqlAfter ? 1 : 0;
            if (!mqlBefore && mqlAfter) {
                enter.add(leadId);
            } else if (mqlBefore && !mqlAfter) {
                leave.add(leadId);
            }
            BigDecimal shift = after.score().subtract(before.score()).setScale(2, RoundingMode.HALF_UP);
            shifts.merge(shift, 1, Integer::sum);
            shiftSum = shiftSum.add(shift);
            Set<String> firedBefore = fired(before);
            Set<String> firedAfter = fired(after);
            firedBefore.forEach(rule -> tally(rule).firedLive++);
            firedAfter.forEach(rule -> tally(rule).firedCandidate++);
            firedAfter.stream().filter(rule -> !firedBefore.contains(rule)).forEach(rule -> tally(rule).gained++);
            firedBefore.stream().filter(rule -> !firedAfter.contains(rule)).forEach(rule -> tally(rule).lost++);
        }

        public PreviewReport report() {
            return new PreviewReport(live.version(), candidate.version(), asOf, scorer.policy().threshold(), leads,
                    mqlLive, mqlCandidate, enter.change(), leave.change(), shift(), ruleChanges());
        }

        private RuleTally tally(String rule) {
            return rules.computeIfAbsent(rule, r -> new RuleTally());
        }

        private ScoreShift shift() {
            if (leads == 0) {
                return new ScoreShift(null, null, null, null, 0, 0, 0, bucketPoints, List.of());
            }
            int up = shifts.tailMap(BigDecimal.ZERO, false).values().stream().mapToInt(Integer::intValue).sum();
            int down = shifts.headMap(BigDecimal.ZERO, false).values().stream().mapToInt(Integer::intValue).sum();
            BigDecimal mean = shiftSum.divide(BigDecimal.valueOf(leads), 2, RoundingMode.HALF_UP);
            return new ScoreShift(Points.normalize(mean), Points.normalize(median()), Points.normalize(shifts.firstKey()),
                    Points.normalize(shifts.lastKey()), up, down, leads - up - down, bucketPoints, histogram());
        }

        /** The middle shift; with an even count, the mean of the two middle ones. */
        private BigDecimal median() {
            BigDecimal lower = nth((leads - 1) / 2);
            BigDecimal upper = nth(leads / 2);
            return lower.add(upper).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        }

        /** The shift at 0-based rank {@code rank}, lowest first. */
        private BigDecimal nth(int rank) {
            int seen = 0;
            for (Map.Entry<BigDecimal, Integer> e : shifts.entrySet()) {
                seen += e.getValue();
                if (seen > rank) {
                    return e.getKey();
                }
            }
            throw new IllegalStateException("rank " + rank + " beyond " + leads + " leads");
        }

        private List<Bucket> histogram() {
            TreeMap<Long, Integer> counts = new TreeMap<>();
            shifts.forEach((shift, n) -> counts.merge(bucketOf(shift), n, Integer::sum));
            List<Bucket> buckets = new ArrayList<>();
            long first = counts.firstKey();
            long last = counts.lastKey();
            if (last - first < MAX_DENSE_BUCKETS) {
                for (long b = first; b <= last; b++) {
                    buckets.add(bucket(b, counts.getOrDefault(b, 0)));
                }
            } else {
                counts.forEach((b, n) -> buckets.add(bucket(b, n)));
            }
            return buckets;
        }

        private long bucketOf(BigDecimal shift) {
            return shift.divide(bucketPoints, 0, RoundingMode.FLOOR).longValueExact();
        }

        private Bucket bucket(long index, int n) {
            BigDecimal from = bucketPoints.multiply(BigDecimal.valueOf(index)).stripTrailingZeros();
            return new Bucket(plain(from), plain(from.add(bucketPoints).stripTrailingZeros()), n);
        }

        /** Rules of the candidate in its order, then rules only the live ruleset has. */
        private List<RuleChange> ruleChanges() {
            Map<String, RuleInfo> before = live.catalog().byName();
            Map<String, RuleInfo> after = candidate.catalog().byName();
            Set<String> names = new LinkedHashSet<>(after.keySet());
            names.addAll(before.keySet());
            return names.stream().map(name -> change(name, before.get(name), after.get(name))).toList();
        }

        private RuleChange change(String name, RuleInfo before, RuleInfo after) {
            RuleTally t = rules.getOrDefault(name, new RuleTally());
            String status;
            if (before == null) {
                status = "added";
            } else if (after == null) {
                status = "removed";
            } else if (t.gained > 0 || t.lost > 0 || !samePoints(before.points(), after.points())) {
                status = "changed";
            } else {
                status = "unchanged";
            }
            RuleInfo any = after != null ? after : before;
            return new RuleChange(name, status, any.category(), before == null ? null : before.points(),
                    after == null ? null : after.points(), t.firedLive, t.firedCandidate,
                    t.firedCandidate - t.firedLive, t.gained, t.lost);
        }
    }

    private static boolean samePoints(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static BigDecimal plain(BigDecimal value) {
        return value.scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY) : value;
    }

    private static Set<String> fired(ScoreCard card) {
        return card.hits().stream().map(RuleHit::rule).collect(Collectors.toSet());
    }

    /** Leads that changed one way: the count and the first {@code sampleSize} ids. */
    private final class Tally {
        private int count;
        private final List<String> sample = new ArrayList<>();

        void add(String leadId) {
            count++;
            if (sample.size() < sampleSize) {
                sample.add(leadId);
            }
        }

        Change change() {
            return new Change(count, List.copyOf(sample));
        }
    }

    private static final class RuleTally {
        private int firedLive;
        private int firedCandidate;
        private int gained;
        private int lost;
    }
}
