package io.leadrules.scoring;

import io.leadrules.model.Event;
import io.leadrules.model.Lead;
import io.leadrules.model.RuleHit;
import io.leadrules.model.ScoreCard;
import io.leadrules.rules.Ruleset;
import io.leadrules.rules.RulesetCompiler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DecayReasonTest {

    private static final Instant AS_OF = Instant.parse("2026-03-02T12:00:00Z");

    private Ruleset ruleset;
    private Locale defaultLocale;

    @BeforeEach
    void compileDefaultRules() {
        defaultLocale = Locale.getDefault();
        ruleset = new RulesetCompiler(Clock.systemUTC(), 1).compile(RulesetCompiler.readFolder(Path.of("rules")), "test");
    }

    @AfterEach
    void restore() {
        Locale.setDefault(defaultLocale);
        ruleset.release();
    }

    @Test
    void explainsDecayWithTheSignalAgeToOneDecimalWhateverTheDefaultLocale() {
        Locale.setDefault(Locale.GERMANY);
        Event demo = new Event("e1", "Demo Attended", AS_OF.minus(Duration.ofHours(10 * 24 + 6)), Map.of());
        Scorer scorer = new Scorer(new ScoringPolicy(new BigDecimal("70"), 1000, Map.of(), Optional.empty()));

        ScoreCard card = scorer.score(ruleset, new Lead("l1"), List.of(demo), AS_OF);

        RuleHit decay = card.hits().stream().filter(h -> "decay".equals(h.category())).findFirst().orElseThrow();
        assertThat(decay.reason()).isEqualTo(
                "\"Live demo attended\" faded by 3.2% after 10.3 days without the signal (25% per 91 days)");
        assertThat(decay.points()).isEqualByComparingTo("-0.96");
    }

    @Test
    void thePercentageFadedComesFromTheExactFactorNotFromTheRoundedPoints() {
        // 2 points after 12 days keep 0.75^(12/91) = 96.28%: 1.93 once rounded, so 0.07 lost, which is 3.5% of 2;
        // the signal has really faded by 3.72%.
        Event blog = new Event("b1", "Blog Post Read", AS_OF.minus(Duration.ofDays(12)), Map.of());
        Scorer scorer = new Scorer(new ScoringPolicy(new BigDecimal("70"), 1000, Map.of(), Optional.empty()));

        ScoreCard card = scorer.score(ruleset, new Lead("l2"), List.of(blog), AS_OF);

        RuleHit decay = card.hits().stream().filter(h -> "decay".equals(h.category())).findFirst().orElseThrow();
        assertThat(decay.points()).isEqualByComparingTo("-0.07");
        assertThat(decay.reason()).isEqualTo(
                "\"Blog post read\" faded by 3.7% after 12.0 days without the signal (25% per 91 days)");
    }

    @Test
    void aWholePeriodReadsAsExactlyTheShare() {
        Event demo = new Event("d1", "Demo Attended", AS_OF.minus(Duration.ofDays(91)), Map.of());
        Scorer scorer = new Scorer(new ScoringPolicy(new BigDecimal("70"), 1000, Map.of(), Optional.empty()));

        RuleHit decay = scorer.score(ruleset, new Lead("l3"), List.of(demo), AS_OF).hits().stream()
                .filter(h -> "decay".equals(h.category())).findFirst().orElseThrow();

        assertThat(decay.points()).isEqualByComparingTo("-7.5");
        assertThat(decay.reason()).startsWith("\"Live demo attended\" faded by 25% after 91.0 days");
    }
}
