package io.leadrules.calibrate;

import io.leadrules.limits.LimitExceededException;
import io.leadrules.model.Lead;
import io.leadrules.rules.Ruleset;
import io.leadrules.rules.RulesetCompiler;
import io.leadrules.scoring.Deadline;
import io.leadrules.scoring.DeadlineExceededException;
import io.leadrules.scoring.Scorer;
import io.leadrules.scoring.ScoringPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A backtest's input is bounded before it is held in memory, and its run by its deadline. */
class BacktestLimitsTest {

    private static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");
    private static final BacktestLimits SMALL = new BacktestLimits(3, 20, 4, 100);
    private static Ruleset ruleset;

    @BeforeAll
    static void compile() {
        ruleset = new RulesetCompiler(Clock.systemUTC(), 1).compile(RulesetCompiler.readFolder(
                Path.of("src/test/resources/calibration/rules")), "test");
    }

    @AfterAll
    static void release() {
        ruleset.release();
    }

    @Test
    void aMappingsEventLimitAboveTheMostIsAMappingErrorNamingIt() {
        String mapping = "id: id\nlabel: {column: won, won: [\"1\"]}\nasOf: 2026-06-01\n"
                + "events: [{column: n, type: Email Opened, limit: 2147483647}]\n";

        CsvMappingException e = catchThrowableOfType(CsvMappingException.class,
                () -> CsvLeadMapper.readMapping(mapping, SMALL));

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.column()).isEqualTo("events[0].limit");
            assertThat(error.message()).contains("at most 100").contains("leadrules.limits.mapping-max-event-limit");
        });
    }

    @Test
    void moreCsvRowsThanTheLimitStopTheReading() {
        CsvMapping mapping = CsvLeadMapper.readMapping("id: id\nlabel: {column: won, won: [\"1\"]}\nasOf: 2026-06-01\n", SMALL);
        String csv = "id,won\n" + String.join("\n", IntStream.range(0, 5).mapToObj(i -> "l" + i + ",1").toList());

        assertThatThrownBy(() -> CsvLeadMapper.map(new StringReader(csv), mapping, SMALL, Deadline.NONE))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("more than 4 data rows")
                .hasMessageContaining("leadrules.limits.csv-max-rows");
    }

    @Test
    void readingACsvStopsAtTheBacktestsDeadline() {
        CsvMapping mapping = CsvLeadMapper.readMapping("id: id\nlabel: {column: won, won: [\"1\"]}\nasOf: 2026-06-01\n");
        String csv = "id,won\n" + String.join("\n", IntStream.range(0, 2000).mapToObj(i -> "l" + i + ",1").toList());

        assertThatThrownBy(() -> CsvLeadMapper.map(new StringReader(csv), mapping, BacktestLimits.NONE,
                Deadline.in(Duration.ZERO, Backtester.DEADLINE_KEY, "The backtest")))
                .isInstanceOf(DeadlineExceededException.class)
                .hasMessageEndingWith("stopped while reading row 1000 of the CSV");
    }

    @Test
    void eventsPastTheLimitStopTheReadingBeforeTheyAreMade() {
        CsvMapping mapping = CsvLeadMapper.readMapping("id: id\nlabel: {column: won, won: [\"1\"]}\nasOf: 2026-06-01\n"
                + "events: [{column: n, type: Email Opened, limit: 100}]\n", SMALL);

        assertThatThrownBy(() -> CsvLeadMapper.map(new StringReader("id,won,n\na,1,15\nb,1,15\n"), mapping, SMALL, Deadline.NONE))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("more than 20 events (row 2")
                .hasMessageContaining("leadrules.limits.backtest-max-events");
    }

    @Test
    void aHugeCountIsACellErrorWithoutComputingIt() {
        CsvMapping mapping = CsvLeadMapper.readMapping("id: id\nlabel: {column: won, won: [\"1\"]}\nasOf: 2026-06-01\n"
                + "events: [{column: n, type: Email Opened, per: 0.000000001}]\n", SMALL);
        String csv = "id,won,n\na,1,1e999999999\nb,1," + "9".repeat(5000) + "\n";

        CsvMappingException e = catchThrowableOfType(CsvMappingException.class,
                () -> CsvLeadMapper.map(new StringReader(csv), mapping, SMALL, Deadline.NONE));

        assertThat(e.errors()).extracting(CsvMappingException.Error::message)
                .containsExactly("gives more events than the limit of 100 (raise events[].limit or use per)",
                        "is not a number: 5000 characters, more than the 1000 a number may have");
    }

    @Test
    void moreLeadsOrEventsThanTheLimitAre413sNamingTheLeads() {
        List<LabelledLead> four = IntStream.range(0, 4).mapToObj(i -> new LabelledLead(new Lead("l" + i), List.of(),
                true, null)).toList();

        assertThatThrownBy(() -> backtester(SMALL, Deadline.NONE).run(ruleset, four, AS_OF))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("4 leads; the limit is 3")
                .hasMessageContaining("leadrules.limits.backtest-max-leads");
    }

    @Test
    void aBacktestStopsAtItsDeadlineSayingHowFarItGot() {
        List<LabelledLead> two = IntStream.range(0, 2).mapToObj(i -> new LabelledLead(new Lead("l" + i), List.of(),
                true, null)).toList();

        DeadlineExceededException e = catchThrowableOfType(DeadlineExceededException.class, () -> backtester(
                BacktestLimits.NONE, Deadline.in(Duration.ZERO, Backtester.DEADLINE_KEY, "The backtest")).run(ruleset, two, AS_OF));

        assertThat(e.getMessage()).isEqualTo("The backtest did not finish within 0 s (config"
                + " leadrules.limits.backtest-deadline): stopped after 0 leads");
        assertThat(e.leadId()).isNull();
    }

    private static Backtester backtester(BacktestLimits limits, Deadline deadline) {
        Scorer scorer = new Scorer(new ScoringPolicy(new BigDecimal("5"), 1000, Map.of(), Optional.empty()));
        return new Backtester(scorer, new CalibrationSettings(new TargetCloseRate(new BigDecimal("0.2"),
                new BigDecimal("0.3")), List.of(new BigDecimal("0.5")), new DriftCheck.Settings(90, BigDecimal.TEN, 10)),
                limits, deadline);
    }
}
