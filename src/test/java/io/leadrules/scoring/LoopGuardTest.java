package io.leadrules.scoring;

import io.leadrules.TestRulesets;
import io.leadrules.rules.Ruleset;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import static io.leadrules.scoring.LeadBuilder.AS_OF;
import static io.leadrules.scoring.LeadBuilder.lead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LoopGuardTest {

    private final Ruleset looping = TestRulesets.trustedFixture("looping");
    private final Scorer scorer = new Scorer(new ScoringPolicy(new BigDecimal("70"), 500, Map.of(), Optional.empty()));

    @Test
    void stopsALoopingRuleAtTheFireLimitAndNamesIt() {
        LeadBuilder b = lead("loop-1").industry("Loop");

        RuleFailedException e = catchThrowableOfType(RuleFailedException.class,
                () -> scorer.score(looping, b.build(), b.eventList(), AS_OF));

        assertThat(e.rule()).isEqualTo("Counts visits forever");
        assertThat(e.getMessage()).contains("fire limit (500").contains("leadrules.engine.max-fires");
    }

    @Test
    void theSameRulesetStillScoresOtherLeadsAfterALoop() {
        LeadBuilder looper = lead("loop-2").industry("Loop");
        catchThrowableOfType(RuleFailedException.class, () -> scorer.score(looping, looper.build(), looper.eventList(), AS_OF));

        LeadBuilder ordinary = lead("ok-1").industry("Apparel");
        assertThat(scorer.score(looping, ordinary.build(), ordinary.eventList(), AS_OF).score()).isEqualByComparingTo("5");
    }
}
