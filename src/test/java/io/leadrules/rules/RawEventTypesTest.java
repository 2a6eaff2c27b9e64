package io.leadrules.rules;

import io.leadrules.model.Event;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class RawEventTypesTest {

    private static final RulesetCompiler COMPILER = new RulesetCompiler(Clock.systemUTC(), 1);

    @Test
    void defaultRulesetMatchesOnlyTheRawEventTypesItTestsFor() {
        withRuleset(Path.of("rules"), ruleset -> {
            assertThat(ruleset.matchesRawEvent(event("Blog Post Read"))).isTrue();
            assertThat(ruleset.matchesRawEvent(event("Page Viewed"))).isFalse();
            assertThat(ruleset.matchesRawEvent(event("Email Opened"))).isFalse();
        });
    }

    @Test
    void eventPatternNotStartingWithATypeTestMatchesEveryType() {
        withRuleset(Path.of("src/test/resources/raw-events/any-type"), ruleset -> {
            assertThat(ruleset.matchesRawEvent(event("Page Viewed"))).isTrue();
            assertThat(ruleset.matchesRawEvent(event("Something New"))).isTrue();
        });
    }

    @Test
    void rulesetWithoutEventPatternsMatchesNoRawEvent() {
        withRuleset(Path.of("src/test/resources/raw-events/none"), ruleset ->
                assertThat(ruleset.matchesRawEvent(event("Blog Post Read"))).isFalse());
    }

    private static void withRuleset(Path dir, Consumer<Ruleset> check) {
        Ruleset ruleset = COMPILER.compile(RulesetCompiler.readFolder(dir), "test");
        try {
            check.accept(ruleset);
        } finally {
            ruleset.release();
        }
    }

    private static Event event(String type) {
        return new Event("e1", type, Instant.parse("2026-03-01T00:00:00Z"), Map.of());
    }
}
