package io.leadrules.calibrate;

import io.leadrules.calibrate.BacktestReport.Band;
import io.leadrules.calibrate.BacktestReport.RuleLift;
import io.leadrules.rules.Ruleset;
import io.leadrules.rules.RulesetCompiler;
import io.leadrules.scoring.Scorer;
import io.leadrules.scoring.ScoringPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Backtest figures on a ten-lead set whose scores are known (score = its "points" column, see
 * calibration/rules/points.drl). Expected values are computed by hand in the comments.
 */
class BacktesterTest {

    static final Path DIR = Path.of("src/test/resources/calibration");
    static Ruleset ruleset;
    static List<LabelledLead> leads;
    static CsvMapping mapping;

    @BeforeAll
    static void load() throws IOException {
        ruleset = new RulesetCompiler(Clock.systemUTC(), 1).compile(RulesetCompiler.readFolder(DIR.resolve("rules")), "test");
        mapping = CsvLeadMapper.readMapping(Files.readString(DIR.resolve("small.yaml")));
        try (Reader csv = Files.newBufferedReader(DIR.resolve("small.csv"))) {
            leads = CsvLeadMapper.map(csv, mapping);
        }
    }

    @AfterAll
    static void release() {
        ruleset.release();
    }

    static BacktestReport run(String min, String max, List<BigDecimal> shares) {
        Scorer scorer = new Scorer(new ScoringPolicy(new BigDecimal("5"), 1000, Map.of(), Optional.empty()));
        CalibrationSettings settings = new CalibrationSettings(new TargetCloseRate(new BigDecimal(min), new BigDecimal(max)),
                shares, new DriftCheck.Settings(90, BigDecimal.TEN, 10));
        return new Backtester(scorer, settings).run(ruleset, leads, mapping.asOf());
    }

    @Test
    void computesAucByRanksCountingTiesHalf() {
        // won a9 b8 d6 f5 i1, lost c7 e5 g3 h2 j0: pairs won>lost = 5+5+4+(3+0.5 tie)+1 = 18.5 of 25
        BacktestReport report = run("0.2", "0.3", List.of(new BigDecimal("0.1")));
        assertThat(report.count()).isEqualTo(10);
        assertThat(report.positives()).isEqualTo(5);
        assertThat(report.baseRate()).isEqualTo(0.5);
        assertThat(report.auc()).isEqualTo(0.74);
    }

    @Test
    void splitsLeadsIntoDecilesHighestScoresFirst() {
        List<Band> deciles = run("0.2", "0.3", List.of()).deciles();
        assertThat(deciles).hasSize(10);
        assertThat(deciles.get(0)).isEqualTo(new Band(1, new BigDecimal("9"), new BigDecimal("9"), 1, 1, 1.0));
        assertThat(deciles.get(2)).isEqualTo(new Band(3, new BigDecimal("7"), new BigDecimal("7"), 1, 0, 0.0));
        assertThat(deciles).extracting(Band::won).containsExactly(1, 1, 0, 1, 0, 1, 0, 0, 1, 0);
    }

    @Test
    void comparesLeadsAtOrAboveTheMqlThresholdWithThoseBelow() {
        // threshold 5: a b c d e f (won a b d f) against g h i j (won i)
        var band = run("0.2", "0.3", List.of()).thresholdBand();
        assertThat(band.threshold()).isEqualByComparingTo("5");
        assertThat(band.atOrAbove()).isEqualTo(new BacktestReport.Group(6, 4, 0.6667));
        assertThat(band.below()).isEqualTo(new BacktestReport.Group(4, 1, 0.25));
    }

    @Test
    void measuresEachRulesLiftAndLeavesItNullWhenUndefined() {
        List<RuleLift> lifts = run("0.2", "0.3", List.of()).ruleLift();
        RuleLift flagged = lifts.stream().filter(l -> l.rule().equals("Flagged")).findFirst().orElseThrow();
        // fired on a b c (2 won), not on d..j (3 won of 7): (2/3)/(3/7) = 14/9
        assertThat(flagged).isEqualTo(new RuleLift("Flagged", "fit", 3, 2, 0.6667, 7, 3, 0.4286, 1.5556));
        RuleLift point = lifts.stream().filter(l -> l.rule().equals("Point")).findFirst().orElseThrow();
        // only j (lost) never fired: rate 0 when not fired, so no finite lift
        assertThat(point.notFiredCount()).isEqualTo(1);
        assertThat(point.notFiredRate()).isEqualTo(0.0);
        assertThat(point.lift()).isNull();
    }

    @Test
    void suggestsTheLowestScoreWhoseLeadsCloseWithinTheTarget() {
        // >=5: a..f, 4 of 6 won = 66.7 %; >=7: a b c, 2 of 3; >=6: 3 of 4 = 75 %; >=3: 4 of 7 = 57 %
        ThresholdSuggestion s = run("0.6", "0.7", List.of()).suggestedThresholds();
        assertThat(s.status()).isEqualTo(ThresholdSuggestion.OK);
        assertThat(s.suggested().score()).isEqualByComparingTo("5");
        assertThat(s.suggested().leads()).as("both leads tied at 5 are in").isEqualTo(6);
        assertThat(s.suggested().won()).isEqualTo(4);
        assertThat(s.suggested().shareOfLeads()).isEqualTo(0.6);
        assertThat(s.candidates()).extracting(c -> c.score().intValue()).containsExactly(5, 7);
    }

    @Test
    void saysWhenTheTargetCloseRateIsBelowEveryThreshold() {
        ThresholdSuggestion s = run("0.2", "0.3", List.of()).suggestedThresholds();
        assertThat(s.status()).isEqualTo(ThresholdSuggestion.NOT_REACHABLE);
        assertThat(s.suggested()).isNull();
        assertThat(s.detail()).contains("even all leads together close above the target");
        assertThat(s.closest().score()).isEqualByComparingTo("0");
        assertThat(s.closest().closeRate()).isEqualTo(0.5);
    }

    @Test
    void cutsOffTheTopSharesOfLeadsIncludingTies() {
        var cutoffs = run("0.2", "0.3", List.of(new BigDecimal("0.1"), new BigDecimal("0.4"), new BigDecimal("0.5"))).bandCutoffs();
        assertThat(cutoffs.get(0).minScore()).isEqualByComparingTo("9");
        assertThat(cutoffs.get(0).leads()).isEqualTo(1);
        assertThat(cutoffs.get(1).minScore()).isEqualByComparingTo("6");
        assertThat(cutoffs.get(1).conversionRate()).isEqualTo(0.75);
        // the 5th lead scores 5 and so does the 6th: both are in
        assertThat(cutoffs.get(2).minScore()).isEqualByComparingTo("5");
        assertThat(cutoffs.get(2).leads()).isEqualTo(6);
        assertThat(cutoffs.get(2).actualShare()).isEqualTo(0.6);
    }

    @Test
    void refusesAnEmptySet() {
        assertThatThrownBy(() -> backtester(10).run(ruleset, List.of(), mapping.asOf()))
                .isInstanceOf(BacktestInputException.class).hasMessageContaining("empty");
    }

    @Test
    void aSetWithoutOutcomesIsAReportThatSaysSo() {
        List<LabelledLead> unlabelled = leads.stream().map(l -> new LabelledLead(l.lead(), l.events(), null, null)).toList();
        BacktestReport report = backtester(10).run(ruleset, unlabelled, mapping.asOf());
        assertThat(report.count()).isEqualTo(10);
        assertThat(report.labelled()).isZero();
        assertThat(report.auc()).isNull();
        assertThat(report.baseRate()).isNull();
        assertThat(report.deciles()).isEmpty();
        assertThat(report.suggestedThresholds().status()).isEqualTo(ThresholdSuggestion.NO_LABELS);
        assertThat(report.suggestedThresholds().suggested()).isNull();
        assertThat(report.bandCutoffs()).isEmpty();
        assertThat(report.note()).contains("None of the 10 leads has an outcome").contains("no AUC");
        assertThat(report.drift().status()).isEqualTo(DriftReport.NO_LABELS);
        assertThat(BacktestSummary.text(report)).contains("Note: None of the 10 leads").contains("[NO_LABELS]");
        assertThat(run("0.2", "0.3", List.of()).note()).as("labelled sets carry no note").isNull();
    }

    @Test
    void driftComparesTheRecentCloseRateOfTheMqlsWithEarlierCloses() {
        // Threshold 5: MQLs a9 b8 c7 d6 e5 f5. asOf 2026-06-01, recent = the 90 days after 2026-03-03.
        // recent: a won (05-01), c lost (04-01); e lost closes after asOf (06-15): left out.
        // baseline: b won (02-01), d won (01-15), f won (03-03, exactly at the window start: baseline).
        // g h i j are below the threshold (i won, recently): not MQLs, not counted.
        // recent 1/2 = 50 %, baseline 3/3 = 100 %: -50 points, more than 10: flagged.
        Map<String, String> closed = Map.of("a", "2026-05-01", "b", "2026-02-01", "c", "2026-04-01", "d", "2026-01-15",
                "e", "2026-06-15", "f", "2026-03-03", "g", "2026-05-01", "h", "2026-05-01", "i", "2026-05-02",
                "j", "2026-05-03");
        List<LabelledLead> dated = leads.stream().map(l -> new LabelledLead(l.lead(), l.events(), l.won(),
                Instant.parse(closed.get(l.lead().getId()) + "T00:00:00Z"))).toList();
        DriftReport drift = backtester(2).run(ruleset, dated, mapping.asOf()).drift();
        assertThat(drift.status()).isEqualTo(DriftReport.OK);
        assertThat(drift.asOf()).isEqualTo(mapping.asOf());
        assertThat(drift.recentFrom()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
        assertThat(drift.recentCount()).isEqualTo(2);
        assertThat(drift.recentWon()).isEqualTo(1);
        assertThat(drift.recentRate()).isEqualByComparingTo("0.5");
        assertThat(drift.baselineCount()).isEqualTo(3);
        assertThat(drift.baselineWon()).isEqualTo(3);
        assertThat(drift.baselineRate()).isEqualByComparingTo("1");
        assertThat(drift.deltaPoints()).isEqualByComparingTo("-50");
        assertThat(drift.flagged()).isTrue();
        // The same leads with the configured minimum of 10 per window: too few to judge, not flagged
        DriftReport few = backtester(10).run(ruleset, dated, mapping.asOf()).drift();
        assertThat(few.status()).isEqualTo(DriftReport.NOT_ENOUGH_OUTCOMES);
        assertThat(few.flagged()).isFalse();
        assertThat(few.detail()).contains("at least 10").contains("1 MQL(s) closed after asOf");
    }

    @Test
    void driftSaysWhyWhenTheLeadsHaveNoCloseDates() {
        BacktestReport report = run("0.2", "0.3", List.of());
        assertThat(report.drift().status()).isEqualTo(DriftReport.NO_CLOSE_DATES);
        assertThat(report.drift().flagged()).isFalse();
        assertThat(report.drift().detail()).contains("None of the 10 labelled leads has a close date");
        assertThat(BacktestSummary.text(report)).contains("Drift of the MQL close rate: [NO_CLOSE_DATES]");
    }

    /** Threshold 5, target 20-30 %, drift over 90 days flagged beyond 10 points with {@code minOutcomes} a window. */
    static Backtester backtester(int minOutcomes) {
        Scorer scorer = new Scorer(new ScoringPolicy(new BigDecimal("5"), 1000, Map.of(), Optional.empty()));
        return new Backtester(scorer, new CalibrationSettings(new TargetCloseRate(new BigDecimal("0.2"),
                new BigDecimal("0.3")), List.of(), new DriftCheck.Settings(90, BigDecimal.TEN, minOutcomes)));
    }

    @Test
    void aucIsHalfWhenEveryScoreTies() {
        List<ScoredLead> tied = List.of(scored("x", 3, true), scored("y", 3, false), scored("z", 3, false));
        assertThat(RocAuc.of(tied)).isCloseTo(0.5, within(1e-9));
        assertThat(RocAuc.of(List.of(scored("x", 3, true)))).isNull();
    }

    static ScoredLead scored(String id, int score, boolean won) {
        return new ScoredLead(id, BigDecimal.valueOf(score), won, java.util.Set.of(), null, true);
    }
}
