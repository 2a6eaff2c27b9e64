package io.leadrules.rules;

import io.leadrules.TestRulesets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RulesetCompilerTest {

    @Test
    void compilesTheDefaultRulesetWithAboutFortyCategorisedRules() {
        Ruleset ruleset = TestRulesets.defaultRuleset();

        assertThat(ruleset.catalog().rules()).hasSizeBetween(35, 45);
        assertThat(ruleset.catalog().rules()).allSatisfy(r -> assertThat(r.description()).as(r.name()).isNotBlank());
        assertThat(ruleset.catalog().rules()).extracting(RuleInfo::category)
                .contains("fit", "intent", "negative", "decay");
        assertThat(ruleset.version()).matches("[0-9a-f]{12}");
        assertThat(ruleset.catalog().rule("Pricing page in the last 7 days")).get()
                .satisfies(r -> {
                    assertThat(r.file()).isEqualTo("intent.drl");
                    assertThat(r.points()).isEqualByComparingTo("25");
                    assertThat(r.line()).isPositive();
                });
    }

    @Test
    void versionIsAHashOfTheFileContents() {
        List<RuleFile> files = TestRulesets.fixtureFiles("looping");
        List<RuleFile> edited = List.of(new RuleFile(files.get(0).path(), files.get(0).content() + "\n// edited\n"));

        assertThat(RulesetCompiler.version(files)).isEqualTo(RulesetCompiler.version(List.copyOf(files)));
        assertThat(RulesetCompiler.version(edited)).isNotEqualTo(RulesetCompiler.version(files));
    }

    @Test
    void reportsEveryDrlErrorWithFileLineColumnAndText() {
        RulesetInvalidException e = catchThrowableOfType(RulesetInvalidException.class,
                () -> TestRulesets.fixture("broken"));

        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("fit.drl");
            assertThat(p.line()).isEqualTo(18);
            assertThat(p.message()).contains("companySizeX");
        });
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("intent.drl");
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.column()).isEqualTo(1);
            assertThat(p.message()).contains("mismatched input 'then'");
        });
        assertThat(e.getMessage()).contains("fit.drl:18:").contains("intent.drl:");
    }

    @Test
    void parserErrorsPointAtTheColumnOfTheFault() {
        String drl = """
                package leadrules;
                import io.leadrules.model.Lead;
                global io.leadrules.scoring.HitRecorder score;

                rule "Country: New Zealand" @category("fit") @points(5)
                when
                    Lead( country == "NZ" ) )
                then
                    score.award(drools, "NZ");
                end
                """;
        RulesetInvalidException e = catchThrowableOfType(RulesetInvalidException.class, () ->
                new RulesetCompiler(Clock.systemUTC(), 1).compile(List.of(new RuleFile("nz.drl", drl)), "test"));

        // The stray ")" is the 29th character of line 7.
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("nz.drl");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.column()).isEqualTo(29);
        });
    }

    @Test
    void aRulesetWithoutThePointsRecorderOrWithTwoFilesOfOneNameIsInvalid() {
        RulesetCompiler compiler = new RulesetCompiler(Clock.systemUTC(), 1);
        RulesetInvalidException noGlobal = catchThrowableOfType(RulesetInvalidException.class,
                () -> compiler.compile(List.of(new RuleFile("a.drl", "package leadrules;\n")), "test"));
        assertThat(noGlobal.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("a.drl");
            assertThat(p.message()).contains("global io.leadrules.scoring.HitRecorder score;");
        });

        String drl = "package leadrules;\nglobal io.leadrules.scoring.HitRecorder score;\n";
        RulesetInvalidException twice = catchThrowableOfType(RulesetInvalidException.class,
                () -> compiler.compile(List.of(new RuleFile("a.drl", drl), new RuleFile("a.drl", drl)), "test"));
        assertThat(twice.problems()).extracting(DrlProblem::message).contains("Two files are named a.drl");
    }

    @Test
    void hiddenEditorFilesInTheFolderAreNotRules(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("fit.drl"), "package leadrules;\n");
        Files.createSymbolicLink(dir.resolve(".#fit.drl"), dir.resolve("user@host.1234:1"));
        Files.writeString(dir.resolve(".fit.drl.swp.drl"), "not drl");

        assertThat(RulesetCompiler.readFolder(dir)).extracting(RuleFile::path).containsExactly("fit.drl");
    }

    @Test
    void rejectsMissingOrUnknownCategoriesNonNumericPointsAndDuplicateNames() {
        RulesetInvalidException e = catchThrowableOfType(RulesetInvalidException.class,
                () -> TestRulesets.fixture("metadata"));

        assertThat(e.problems()).extracting(DrlProblem::message).anySatisfy(m -> assertThat(m)
                .contains("\"No category\"").contains("no @category"));
        assertThat(e.problems()).extracting(DrlProblem::message).anySatisfy(m -> assertThat(m)
                .contains("unknown category \"vibes\""));
        assertThat(e.problems()).extracting(DrlProblem::message).anySatisfy(m -> assertThat(m)
                .contains("@points(ten) is not a number"));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("b.drl");
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("Duplicate rule name \"Twice\"").contains("a.drl line 31");
        });
        assertThat(e.problems()).extracting(DrlProblem::message).noneMatch(m -> m.contains("is already defined"));
    }

    @Test
    void refusesPointsAndCapsNoMarketerMeans() {
        RulesetInvalidException e = catchThrowableOfType(RulesetInvalidException.class,
                () -> TestRulesets.fixture("amounts"));

        assertThat(e.problems()).extracting(p -> p.line() + ": " + p.message()).containsExactlyInAnyOrder(
                "7: Rule \"Overflowing\": @points(1E+999) is beyond a million points",
                "15: Rule \"Fractions of a cent\": @points(0.001) has more than two decimals",
                "23: Rule \"Positive negative rule\": a negative rule takes points away: write @points(-10)",
                "31: Rule \"Negative cap\": @cap(-5) must be 0 or more: the most points the rule gives (or, for a"
                        + " negative rule, takes) in all");
    }

    @Test
    void refusesAnEmptyOrMissingFolder() {
        assertThatThrownBy(() -> RulesetCompiler.readFolder(Path.of("no-such-rules-dir")))
                .isInstanceOf(RulesetInvalidException.class).hasMessageContaining("leadrules.rules.dir");
        assertThatThrownBy(() -> new RulesetCompiler(Clock.systemUTC(), 1).compile(List.of(), "empty"))
                .isInstanceOf(RulesetInvalidException.class).hasMessageContaining("no .drl files");
    }
}
