package io.leadrules.scoring;

import io.leadrules.model.Event;
import io.leadrules.model.Lead;
import io.leadrules.rules.Ruleset;
import io.leadrules.rules.RulesetCompiler;
import io.leadrules.rules.policy.RulesPolicy;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FireLimitTest {

    @Test
    void namesTheRuleThatLoopsPastTheFireLimit() {
        Ruleset ruleset = new RulesetCompiler(Clock.systemUTC(), 1)
                .compile(RulesetCompiler.readFolder(Path.of("src/test/resources/looping")), "test", RulesPolicy.OPEN);
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

    @Test
    void aLimitBelowWhatTheRulesetNeedsIsCalledThatNotALoop() {
        Ruleset ruleset = new RulesetCompiler(Clock.systemUTC(), 1).compile(RulesetCompiler.readFolder(Path.of("rules")),
                "test");
        Scorer scorer = new Scorer(new ScoringPolicy(new BigDecimal("70"), 3, Map.of(), Optional.empty()));
        Lead ideal = new Lead("ideal");
        ideal.setJobTitle("CMO");
        ideal.setIndustry("Apparel");
        ideal.setEmployees(200);
        ideal.setGmv(new BigDecimal("20000000"));
        ideal.setCountry("US");
        try {
            assertThatThrownBy(() -> scorer.score(ruleset, ideal, List.of(), Instant.parse("2026-03-02T12:00:00Z")))
                    .isInstanceOf(RuleFailedException.class)
                    .hasMessageContaining("fired 1 time,")
                    .hasMessageContaining("the limit is probably too low for this ruleset")
                    .hasMessageNotContaining("re-triggers");
        } finally {
            ruleset.release();
        }
    }

    @Test
    void aLeadWithManyEventsIsNoLoop() {
        Ruleset ruleset = new RulesetCompiler(Clock.systemUTC(), 1).compile(RulesetCompiler.readFolder(Path.of("rules")),
                "test");
        Scorer scorer = new Scorer(new ScoringPolicy(new BigDecimal("70"), 100, Map.of(), Optional.empty()));
        Instant asOf = Instant.parse("2026-03-02T12:00:00Z");
        // 300 blog reads: the blog rule fires 300 times and its decay 300 more, three times the fire limit of 100.
        List<Event> reads = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            reads.add(new Event("read-" + i, "Blog Post Read", asOf.minusSeconds(3_600L * (i + 1)), Map.of()));
        }
        try {
            assertThat(scorer.score(ruleset, new Lead("reader"), reads, asOf).hits())
                    .filteredOn(h -> h.rule().equals("Blog post read")).hasSize(300);
        } finally {
            ruleset.release();
        }
    }
}
