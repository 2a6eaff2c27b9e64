package io.leadrules.scoring;

import io.leadrules.model.Lead;
import io.leadrules.rules.Ruleset;
import io.leadrules.rules.RulesetCompiler;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FireLimitTest {

    @Test
    void namesTheRuleThatLoopsPastTheFireLimit() {
        Ruleset ruleset = new RulesetCompiler(Clock.systemUTC(), 1)
                .compile(RulesetCompiler.readFolder(Path.of("src/test/resources/looping")), "test");
        Scorer scorer = new Scorer(new ScoringPolicy(new BigDecimal("70"), 50, Map.of(), Optional.empty()));
        try {
            assertThatThrownBy(() -> scorer.score(ruleset, new Lead("l1"), List.of(), Instant.parse("2026-03-02T12:00:00Z")))
                    .isInstanceOf(RuleFailedException.class)
                    .hasMessageContaining("Rule \"Re-triggers itself\" fired 50 times")
                    .hasMessageContaining("leadrules.engine.max-fires")
                    .extracting(e -> ((RuleFailedException) e).rule()).isEqualTo("Re-triggers itself");
        } finally {
            ruleset.release();
        }
    }
}
