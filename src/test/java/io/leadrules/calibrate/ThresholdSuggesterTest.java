package io.leadrules.calibrate;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.leadrules.calibrate.BacktesterTest.scored;
import static org.assertj.core.api.Assertions.assertThat;

class ThresholdSuggesterTest {

    static final TargetCloseRate TARGET = new TargetCloseRate(new BigDecimal("0.20"), new BigDecimal("0.30"));

    @Test
    void answersNoLabelsWhenNoLeadHasAnOutcome() {
        ThresholdSuggestion s = ThresholdSuggester.suggest(List.of(), TARGET);
        assertThat(s.status()).isEqualTo(ThresholdSuggestion.NO_LABELS);
        assertThat(s.suggested()).isNull();
        assertThat(s.candidates()).isEmpty();
    }

    @Test
    void answersAllWonWhenEveryLeadWasWon() {
        ThresholdSuggestion s = ThresholdSuggester.suggest(List.of(scored("a", 5, true), scored("b", 1, true)), TARGET);
        assertThat(s.status()).isEqualTo(ThresholdSuggestion.ALL_WON);
        assertThat(s.detail()).contains("100 %");
    }

    @Test
    void answersAllLostWhenNoLeadWasWon() {
        ThresholdSuggestion s = ThresholdSuggester.suggest(List.of(scored("a", 5, false), scored("b", 1, false)), TARGET);
        assertThat(s.status()).isEqualTo(ThresholdSuggestion.ALL_LOST);
    }

    @Test
    void keepsTiedLeadsTogetherOnOneSideOfTheThreshold() {
        // >=8: 1 of 2 (50 %); >=4: 1 of 4 (25 %, the two 4s come in together); >=1: 1 of 5 (20 %)
        List<ScoredLead> leads = List.of(scored("a", 8, true), scored("b", 8, false), scored("c", 4, false),
                scored("d", 4, false), scored("e", 1, false));
        ThresholdSuggestion s = ThresholdSuggester.suggest(leads, TARGET);
        assertThat(s.status()).isEqualTo(ThresholdSuggestion.OK);
        assertThat(s.suggested().score()).isEqualByComparingTo("1");
        assertThat(s.candidates()).extracting(c -> c.score().intValue(), ThresholdSuggestion.Candidate::leads)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 5), org.assertj.core.groups.Tuple.tuple(4, 4));
    }

    @Test
    void saysWhenTheRateJumpsOverTheTarget() {
        // >=9: 1 of 1 (100 %); >=1: 1 of 6 (16.7 %): nothing between 20 and 30 %
        List<ScoredLead> leads = List.of(scored("a", 9, true), scored("b", 1, false), scored("c", 1, false),
                scored("d", 1, false), scored("e", 1, false), scored("f", 1, false));
        ThresholdSuggestion s = ThresholdSuggester.suggest(leads, TARGET);
        assertThat(s.status()).isEqualTo(ThresholdSuggestion.NOT_REACHABLE);
        assertThat(s.detail()).contains("jumps over");
        assertThat(s.closest().score()).isEqualByComparingTo("1");
    }
}
