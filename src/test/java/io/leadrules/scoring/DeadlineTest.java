package io.leadrules.scoring;

import io.leadrules.TestRulesets;
import io.leadrules.rules.Ruleset;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static io.leadrules.scoring.LeadBuilder.AS_OF;
import static io.leadrules.scoring.LeadBuilder.lead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A score stops firing rules once its deadline has passed, however high the fire limit. */
class DeadlineTest {

    private final Ruleset looping = TestRulesets.trustedFixture("looping");
    /** A fire limit no loop reaches in the time allowed: only the deadline can stop it. */
    private final Scorer scorer = new Scorer(new ScoringPolicy(new BigDecimal("70"), Integer.MAX_VALUE - 1, Map.of(),
            Optional.empty()));

    @Test
    void aLoopingRuleIsStoppedAtTheDeadlineNamingTheRuleAndTheLead() {
        LeadBuilder warm = lead("warm-1").industry("Apparel");
        scorer.score(looping, warm.build(), warm.eventList(), AS_OF);   // a new ruleset's first score loads classes
        LeadBuilder b = lead("slow-1").industry("Loop");
        long start = System.nanoTime();

        DeadlineExceededException e = catchThrowableOfType(DeadlineExceededException.class, () -> scorer.score(looping,
                b.build(), b.eventList(), AS_OF, Deadline.in(Duration.ofMillis(300), "leadrules.limits.score-deadline", "Scoring")));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        // The loop re-triggers both rules of the file: either fired last.
        assertThat(e.rule()).isIn("Counts visits forever", "Any lead");
        assertThat(e.leadId()).isEqualTo("slow-1");
        assertThat(e.rulesetVersion()).isEqualTo(looping.version());
        assertThat(e.getMessage()).startsWith("Scoring did not finish within 300 ms (config leadrules.limits.score-deadline)")
                .contains(": stopped while scoring lead \"slow-1\" (").endsWith("; rule \"" + e.rule() + "\" fired last)");
    }

    @Test
    void aDeadlineAlreadyPassedFiresNoRule() {
        LeadBuilder b = lead("slow-2").industry("Apparel");

        DeadlineExceededException e = catchThrowableOfType(DeadlineExceededException.class, () -> scorer.score(looping,
                b.build(), b.eventList(), AS_OF, Deadline.in(Duration.ZERO, "leadrules.limits.score-deadline", "Scoring")));

        assertThat(e.getMessage()).endsWith("stopped while scoring lead \"slow-2\" (0 firings)");
        assertThat(e.rule()).isNull();
    }

    @Test
    void aLeadThatFinishesInTimeScoresAsWithoutDeadline() {
        LeadBuilder b = lead("quick-1").industry("Apparel");

        assertThat(scorer.score(looping, b.build(), b.eventList(), AS_OF, Deadline.in(Duration.ofSeconds(30), "k", "Scoring"))
                .score()).isEqualByComparingTo("5");
    }
}
