package io.leadrules.calibrate;

import io.leadrules.calibrate.PreviewReport.Bucket;
import io.leadrules.calibrate.PreviewReport.RuleChange;
import io.leadrules.model.Event;
import io.leadrules.model.Lead;
import io.leadrules.rules.RuleFile;
import io.leadrules.rules.Ruleset;
import io.leadrules.rules.RulesetCompiler;
import io.leadrules.scoring.Deadline;
import io.leadrules.scoring.Scorer;
import io.leadrules.scoring.ScoringPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ImpactPreview}'s figures on the real engine without Quarkus. The live ruleset is
 * calibration/rules/points.drl (one point per "Point" event, so a lead's score is its number of events); a
 * candidate changes what a "Point" is worth, so each lead's shift is known: events x (candidate points - 1).
 */
class ImpactPreviewTest {

    private static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");
    private static final RulesetCompiler COMPILER = new RulesetCompiler(Clock.systemUTC(), 1);
    private static List<RuleFile> liveFiles;

    private final List<Ruleset> compiled = new ArrayList<>();

    @BeforeAll
    static void readLive() {
        liveFiles = RulesetCompiler.readFolder(Path.of("src/test/resources/calibration/rules"));
    }

    @AfterEach
    void release() {
        compiled.forEach(Ruleset::release);
    }

    /** The live files with the "Point" rule giving {@code points} instead of 1. */
    private Ruleset candidate(int points) {
        List<RuleFile> files = liveFiles.stream().map(f -> new RuleFile(f.path(),
                f.content().replace("@category(\"intent\") @points(1)", "@category(\"intent\") @points(" + points + ")")))
                .toList();
        assertThat(files).anyMatch(f -> f.content().contains("@points(" + points + ")"));
        return compile(files);
    }

    private Ruleset compile(List<RuleFile> files) {
        Ruleset ruleset = COMPILER.compile(files, "test");
        compiled.add(ruleset);
        return ruleset;
    }

    /** Threshold 5, no hysteresis: MQL at 5 points or more, as the scorer judges it. */
    private static ImpactPreview preview() {
        Scorer scorer = new Scorer(new ScoringPolicy(new BigDecimal("5"), 1000, Map.of(), Optional.empty()));
        return new ImpactPreview(scorer, (wasMql, card) -> card.mql(), 2, BigDecimal.TEN);
    }

    /** Previews leads "lead-1".. with these numbers of "Point" events. */
    private PreviewReport run(Ruleset candidate, int... events) {
        ImpactPreview.Run run = preview().start(compile(liveFiles), candidate, AS_OF, Deadline.NONE);
        for (int i = 0; i < events.length; i++) {
            String id = "lead-" + (i + 1);
            run.add(id, false, new Lead(id), points(id, events[i]));
        }
        return run.report();
    }

    private static List<Event> points(String lead, int n) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(new Event(lead + "-" + i, "Point", AS_OF.minus(Duration.ofDays(2)), null));
        }
        return events;
    }

    private static RuleChange rule(PreviewReport report, String name) {
        return report.ruleChanges().stream().filter(r -> r.rule().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void medianOfAnOddCountIsTheMiddleShift() {
        // doubled points: shifts 1, 2, 4
        PreviewReport.ScoreShift shift = run(candidate(2), 4, 1, 2).scoreShift();
        assertThat(shift.median()).isEqualByComparingTo("2");
        assertThat(shift.mean()).isEqualByComparingTo("2.33");
        assertThat(shift.min()).isEqualByComparingTo("1");
        assertThat(shift.max()).isEqualByComparingTo("4");
        assertThat(shift.up()).isEqualTo(3);
        assertThat(shift.down()).isZero();
        assertThat(shift.unchanged()).isZero();
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleShifts() {
        // shifts 1, 2, 4, 7: (2 + 4) / 2
        assertThat(run(candidate(2), 7, 1, 4, 2).scoreShift().median()).isEqualByComparingTo("3");
        // shifts 1, 2: (1 + 2) / 2, not rounded to a whole point
        assertThat(run(candidate(2), 2, 1).scoreShift().median()).isEqualByComparingTo("1.5");
    }

    @Test
    void anUnchangedRulesetShiftsNothingIntoOneBucketAtZero() {
        PreviewReport report = run(compile(liveFiles), 0, 3, 6);
        PreviewReport.ScoreShift shift = report.scoreShift();
        assertThat(shift.unchanged()).isEqualTo(3);
        assertThat(shift.up()).isZero();
        assertThat(shift.down()).isZero();
        assertThat(List.of(shift.mean(), shift.median(), shift.min(), shift.max()))
                .allSatisfy(v -> assertThat(v).isEqualByComparingTo("0"));
        assertThat(shift.histogram()).containsExactly(new Bucket(BigDecimal.ZERO, BigDecimal.TEN, 3));
        assertThat(report.enterMql().count()).isZero();
        assertThat(report.leaveMql().count()).isZero();
        assertThat(report.mqlLive()).isEqualTo(1).isEqualTo(report.mqlCandidate());
        assertThat(report.ruleChanges()).extracting(RuleChange::status).containsOnly("unchanged");
        assertThat(report.liveVersion()).isEqualTo(report.candidateVersion());
    }

    @Test
    void negativeShiftsFallInBucketsBelowZeroAndLeadsLeaveMql() {
        // points worth 0: shifts -3 and -12; the lead with 12 points was MQL (>= 5) and leaves
        PreviewReport report = run(candidate(0), 3, 12);
        PreviewReport.ScoreShift shift = report.scoreShift();
        assertThat(shift.down()).isEqualTo(2);
        assertThat(shift.min()).isEqualByComparingTo("-12");
        assertThat(shift.max()).isEqualByComparingTo("-3");
        assertThat(shift.mean()).isEqualByComparingTo("-7.5");
        assertThat(shift.median()).isEqualByComparingTo("-7.5");
        assertThat(shift.histogram()).containsExactly(
                new Bucket(new BigDecimal("-20"), new BigDecimal("-10"), 1),
                new Bucket(new BigDecimal("-10"), BigDecimal.ZERO, 1));
        assertThat(report.leaveMql().count()).isEqualTo(1);
        assertThat(report.leaveMql().sample()).containsExactly("lead-2");
        assertThat(report.mqlLive()).isEqualTo(1);
        assertThat(report.mqlCandidate()).isZero();
        RuleChange point = rule(report, "Point");
        assertThat(point.status()).isEqualTo("changed");
        assertThat(point.pointsLive()).isEqualByComparingTo("1");
        assertThat(point.pointsCandidate()).isEqualByComparingTo("0");
    }

    @Test
    void emptyBucketsBetweenShiftsAreListedAndSamplesAreCapped() {
        // tripled points: shifts 2, 4, 6, 8, 30 (buckets 0 x4 and 30; 10 and 20 empty); scores 3, 6, 9, 12, 45
        // against 1, 2, 3, 4, 15 live: three leads enter MQL (>= 5), the sample keeps the first two
        PreviewReport report = run(candidate(3), 1, 2, 3, 4, 15);
        assertThat(report.scoreShift().histogram()).extracting(Bucket::leads).containsExactly(4, 0, 0, 1);
        assertThat(report.scoreShift().histogram()).extracting(Bucket::from).extracting(BigDecimal::intValue)
                .containsExactly(0, 10, 20, 30);
        assertThat(report.enterMql().count()).isEqualTo(3);
        assertThat(report.enterMql().sample()).containsExactly("lead-2", "lead-3");
    }

    @Test
    void noLeadsGiveNullFiguresAndNoHistogram() {
        PreviewReport report = run(candidate(2));
        PreviewReport.ScoreShift shift = report.scoreShift();
        assertThat(report.leads()).isZero();
        assertThat(shift.mean()).isNull();
        assertThat(shift.median()).isNull();
        assertThat(shift.min()).isNull();
        assertThat(shift.max()).isNull();
        assertThat(shift.up() + shift.down() + shift.unchanged()).isZero();
        assertThat(shift.histogram()).isEmpty();
        assertThat(shift.bucketPoints()).isEqualByComparingTo("10");
        assertThat(rule(report, "Point").firedLive()).isZero();
    }
}
