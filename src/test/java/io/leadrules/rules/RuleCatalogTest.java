package io.leadrules.rules;

import io.leadrules.TestRulesets;
import io.leadrules.model.EventUse;
import io.leadrules.model.EventUse.Reads;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RuleCatalogTest {

    private static final String HEADER = """
            package leadrules;
            import io.leadrules.model.RuleHit;
            global io.leadrules.scoring.HitRecorder score;
            """;

    private static String decayRule(String name, String share, String everyDays) {
        return "\nrule \"" + name + "\"\n    @category(\"decay\") @share(" + share + ") @everyDays(" + everyDays + ")\n"
                + "when\n    $hit : RuleHit( category == \"intent\", signalAgeDays > 0 )\nthen\n"
                + "    score.decay(drools, $hit);\nend\n";
    }

    @Test
    void refusesADecayShareOutsideZeroToOneAndAPeriodOfZeroDaysOrLess() {
        String drl = HEADER
                + decayRule("Too much", "1.5", "0")      // line 5
                + decayRule("All at once", "1", "91")    // line 13
                + decayRule("Nothing", "0", "-7")        // line 21
                + decayRule("Growing", "-0.25", "91");   // line 29

        RulesetInvalidException e = catchThrowableOfType(RulesetInvalidException.class,
                () -> TestRulesets.compile(List.of(new RuleFile("decay.drl", drl))));

        assertThat(e.problems()).extracting(DrlProblem::file).containsOnly("decay.drl");
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).isEqualTo("Decay rule \"Too much\": @share(1.5) must be above 0 and below 1,"
                    + " the part of the points lost per period, e.g. @share(0.25) for a quarter");
        });
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("\"Too much\": @everyDays(0) must be above 0");
        });
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.message()).contains("\"All at once\": @share(1) must be above 0 and below 1");
        });
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(21);
            assertThat(p.message()).contains("\"Nothing\": @share(0) must be above 0");
        });
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.message()).contains("\"Nothing\": @everyDays(-7) must be above 0"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.message()).contains("\"Growing\": @share(-0.25) must be above 0"));
        assertThat(e.problems()).hasSize(6);
    }

    @Test
    void acceptsDecayTermsInsideTheirRanges() {
        List<DrlProblem> problems = new ArrayList<>();
        RuleCatalog catalog = RuleCatalog.read(List.of(new RuleFile("decay.drl",
                HEADER + decayRule("Slow", "0.01", "0.5") + decayRule("Fast", "0.99", "365"))), problems);

        assertThat(problems).isEmpty();
        assertThat(catalog.rules()).extracting(RuleInfo::name).containsExactly("Slow", "Fast");
    }

    @Test
    void readsWhichEventsEachDefaultRuleUses() {
        RuleCatalog catalog = RuleCatalog.read(RulesetCompiler.readFolder(java.nio.file.Path.of("rules")), new ArrayList<>());

        assertThat(use(catalog, "3+ email opens in 30 days"))
                .isEqualTo(EventUse.of(List.of(Map.entry(Set.of("Email Opened"), Reads.window(30, true)))));
        assertThat(use(catalog, "Pricing page in the last 30 days"))
                .isEqualTo(EventUse.of(List.of(Map.entry(Set.of("Pricing Page Viewed"), Reads.window(30, true)))));
        assertThat(use(catalog, "Pricing page then demo within 7 days")).isEqualTo(EventUse.of(List.of(
                Map.entry(Set.of("Demo Attended"), Reads.sequence("Pricing Page Viewed", 7)))));
        assertThat(use(catalog, "Live demo attended")).isEqualTo(EventUse.of(List.of(
                Map.entry(Set.of("Demo Attended"), Reads.ALL))));
        assertThat(use(catalog, "Title: ideal buyer")).isEqualTo(EventUse.ALL);
    }

    private static EventUse use(RuleCatalog catalog, String rule) {
        return catalog.rule(rule).orElseThrow().eventUse();
    }
}
