package io.leadrules.calibrate;

import io.leadrules.calibrate.DriftCheck.MqlOutcome;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DriftCheckTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final DriftCheck.Settings SETTINGS = new DriftCheck.Settings(90, BigDecimal.TEN, 10);

    /** {@code won} of {@code count} MQLs closed {@code daysAgo} days before now. */
    static List<MqlOutcome> closed(int count, int won, double daysAgo) {
        List<MqlOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            outcomes.add(new MqlOutcome("l" + daysAgo + "-" + i, i < won,
                    NOW.minus(Duration.ofMillis((long) (daysAgo * 86_400_000L)))));
        }
        return outcomes;
    }

    static List<MqlOutcome> both(List<MqlOutcome> baseline, List<MqlOutcome> recent) {
        List<MqlOutcome> all = new ArrayList<>(baseline);
        all.addAll(recent);
        return all;
    }

    @Test
    void doesNotFlagAMoveOfExactlyTheMaximum() {
        // 30 % before, 40 % recently: +10 points exactly (0.4 - 0.3 is not 0.1 in doubles; here it is)
        DriftCheck.Result r = DriftCheck.check(both(closed(10, 3, 200), closed(10, 4, 10)), NOW, SETTINGS);
        assertThat(r.deltaPoints()).isEqualByComparingTo("10");
        assertThat(r.flagged()).isFalse();
    }

    @Test
    void flagsARiseOfMoreThanTheMaximum() {
        DriftCheck.Result r = DriftCheck.check(both(closed(10, 3, 200), closed(100, 41, 10)), NOW, SETTINGS);
        assertThat(r.deltaPoints()).isEqualByComparingTo("11");
        assertThat(r.flagged()).isTrue();
        assertThat(r.detail()).contains("+11.00 points").contains("review");
    }

    @Test
    void flagsADropOfMoreThanTheMaximum() {
        DriftCheck.Result r = DriftCheck.check(both(closed(100, 30, 120), closed(100, 19, 89)), NOW, SETTINGS);
        assertThat(r.deltaPoints()).isEqualByComparingTo("-11");
        assertThat(r.flagged()).isTrue();
    }

    @Test
    void countsAnOutcomeClosedExactlyAtTheWindowStartAsBaseline() {
        DriftCheck.Result r = DriftCheck.check(both(closed(4, 1, 90), closed(2, 2, 89.99)), NOW, SETTINGS);
        assertThat(r.baselineCount()).isEqualTo(4);
        assertThat(r.recentCount()).isEqualTo(2);
    }

    @Test
    void doesNotFlagWithoutOutcomesOnBothSides() {
        DriftCheck.Result r = DriftCheck.check(closed(10, 9, 5), NOW, SETTINGS);
        assertThat(r.flagged()).isFalse();
        assertThat(r.deltaPoints()).isNull();
        assertThat(r.detail()).contains("Not enough outcomes");
    }
}
