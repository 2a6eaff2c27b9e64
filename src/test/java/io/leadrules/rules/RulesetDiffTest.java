package io.leadrules.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The diff is a unified diff that patch(1) applies, down to a file's missing final newline. */
class RulesetDiffTest {

    private static RulesetVersionStore.StoredRuleset version(String v, String content) {
        return new RulesetVersionStore.StoredRuleset(v, List.of(new RuleFile("nl.drl", content)), List.of());
    }

    @Test
    void aChangedLastLineWithoutNewlineIsMarkedAsDiffWritesIt() {
        List<RulesetDiff.FileDiff> diffs = RulesetDiff.between(version("a", "one\ntwo\nthree"),
                version("b", "one\ntwo\nTHREE"));
        assertThat(diffs).singleElement().extracting(RulesetDiff.FileDiff::diff).isEqualTo("""
                --- a/nl.drl
                +++ b/nl.drl
                @@ -1,3 +1,3 @@
                 one
                 two
                -three
                \\ No newline at end of file
                +THREE
                \\ No newline at end of file
                """);
    }

    @Test
    void aNewlineAddedAtTheEndIsAChange() {
        List<RulesetDiff.FileDiff> diffs = RulesetDiff.between(version("a", "one\ntwo"), version("b", "one\ntwo\n"));
        assertThat(diffs).singleElement().extracting(RulesetDiff.FileDiff::diff).isEqualTo("""
                --- a/nl.drl
                +++ b/nl.drl
                @@ -1,2 +1,2 @@
                 one
                -two
                \\ No newline at end of file
                +two
                """);
    }

    @Test
    void filesEndingInANewlineHaveNoMarker() {
        List<RulesetDiff.FileDiff> diffs = RulesetDiff.between(version("a", "one\ntwo\n"), version("b", "one\n2\n"));
        assertThat(diffs).singleElement().extracting(RulesetDiff.FileDiff::diff).asString()
                .doesNotContain("No newline").endsWith("-two\n+2\n");
    }
}
