package io.leadrules.rules.policy;

import io.leadrules.model.Lead;
import io.leadrules.rules.RuleFile;
import io.leadrules.rules.Ruleset;
import io.leadrules.rules.RulesetCompiler;
import io.leadrules.rules.RulesetInvalidException;
import io.leadrules.scoring.Scorer;
import io.leadrules.scoring.ScoringPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Attempts to run code through DRL sent as a candidate ruleset, one per fixture under
 * {@code src/test/resources/drl/escapes/}. Each payload, if it ran, would create the file {@code ${marker}} or set
 * the system property {@code leadrules.escaped}: the strict policy must refuse the file, say where and what, and
 * nothing may have run (the file is never handed to Drools, whose build alone evaluates annotations).
 */
class StrictPolicyEscapeTest {

    private static final Path ESCAPES = Path.of("src/test/resources/drl/escapes");
    private static final String PROPERTY = "leadrules.escaped";
    private static final RulesetCompiler COMPILER = new RulesetCompiler(Clock.systemUTC(), 1);

    @TempDir
    Path dir;

    @AfterEach
    void forgetTheProperty() {
        System.clearProperty(PROPERTY);
    }

    // --- Consequences ---

    @Test
    void refusesRuntimeExecInAConsequence() {
        assertRefused("consequence-runtime-exec", 13, 5, "consequence", "\"Runtime\" is not allowed");
    }

    @Test
    void refusesAFullyQualifiedClassInAConsequence() {
        assertRefused("consequence-fully-qualified-name", 13, 5, "fully qualified name \"java.lang");
    }

    @Test
    void refusesCreatingAnObjectWithNew() {
        assertRefused("consequence-new-object", 13, 5, "\"new\" is not allowed");
    }

    @Test
    void refusesReflectionOnAClassNameGluedFromStrings() {
        assertRefused("consequence-reflection-concatenated-name", 13, 5, "\"Class\" is not allowed");
    }

    @Test
    void refusesAStatementAfterALegitimateAward() {
        assertRefused("consequence-statement-after-award", 14, 5, "\"System\" is not allowed",
                "may only call score.award");
    }

    @Test
    void refusesAPayloadConcatenatedIntoTheReason() {
        assertRefused("consequence-payload-in-reason", 13, 37, "\"System\" is not allowed");
    }

    @Test
    void refusesUsingTheRuleContextBeyondPassingItOn() {
        assertRefused("consequence-rule-context", 13, 23, "\"drools\" may only be passed on");
    }

    @Test
    void refusesModifyOfThePointsRecorder() {
        assertRefused("consequence-modify-global", 13, 5, "\"modify\"", "may only call score.award");
    }

    @Test
    void refusesALambda() {
        assertRefused("consequence-lambda", 13, 33, "lambda (->) is not allowed");
    }

    @Test
    void refusesAnInvisibleCharacterJavacWouldDropFromAName() {
        assertRefused("consequence-invisible-character", 13, 8, "U+200C");
    }

    // --- Unicode escapes, decoded by javac before it reads anything ---

    @Test
    void refusesAUnicodeLineBreakHiddenInAComment() {
        assertRefused("unicode-escape-in-comment", 13, 34, "unicode escape");
    }

    @Test
    void refusesAUnicodeQuoteHiddenInQuotedText() {
        assertRefused("unicode-escape-in-quoted-text", 13, 27, "unicode escape");
    }

    @Test
    void refusesAUnicodeLetterInAName() {
        assertRefused("unicode-escape-in-name", 14, 5, "unicode escape");
    }

    // --- Conditions ---

    @Test
    void refusesEval() {
        assertRefused("eval-static-call", 12, 5, "eval(...) is not allowed");
    }

    @Test
    void refusesAFunctionCalledFromEval() {
        assertRefused("function-called-from-eval", 8, 1, "function \"touch\" is not allowed");
        assertRefused("function-called-from-eval", 16, 5, "eval(...) is not allowed");
    }

    @Test
    void refusesAFunctionCalledFromTheConsequence() {
        assertRefused("function-called-from-consequence", 8, 1, "function \"boom\" is not allowed");
    }

    @Test
    void refusesImportFunction() {
        assertRefused("import-function", 7, 1, "import function/static java.lang.System.setProperty");
    }

    @Test
    void refusesImportingAJavaClass() {
        assertRefused("import-java-class", 7, 1, "\"import java.io.File\" is not allowed");
    }

    @Test
    void refusesFromOverAMethodCall() {
        assertRefused("from-method-call", 12, 5, "\"from new java.io.File", "precomputed on Activity");
    }

    @Test
    void refusesFromOverAnMvelInlineList() {
        assertRefused("from-inline-list", 12, 5, "\"from [");
    }

    @Test
    void refusesAccumulateWithItsOwnCode() {
        assertRefused("accumulate-inline-code", 11, 5, "accumulate(...) is not allowed", "countWithin(n)");
    }

    @Test
    void refusesAnAccumulateFunctionWithAPayloadArgument() {
        assertRefused("accumulate-function-argument", 11, 5, "accumulate(...) is not allowed");
    }

    @Test
    void refusesAStaticCallInAConstraint() {
        assertRefused("constraint-fully-qualified-call", 11, 11, "condition", "fully qualified name");
    }

    @Test
    void refusesReflectionFromAFieldValue() {
        assertRefused("constraint-reflection-on-field", 11, 14, "\"getClass\" is not allowed");
    }

    @Test
    void refusesAMethodOfTheAttributesMapThatIsNoHelper() {
        assertRefused("constraint-map-method", 11, 22, "Calling \"put(...)\" is not allowed");
    }

    @Test
    void refusesAnMvelInlineMap() {
        assertRefused("constraint-mvel-inline-map", 11, 11, "inline list or map");
    }

    @Test
    void refusesAPayloadConcatenatedIntoAHelperArgument() {
        assertRefused("constraint-concatenated-helper-argument", 11, 30, "fully qualified name");
    }

    @Test
    void refusesACommentInsideAConstraint() {
        assertRefused("constraint-hidden-in-comment", 11, 27, "comment inside a condition");
    }

    // --- Rule attributes and metadata, package-level declarations ---

    @Test
    void refusesTheMvelDialect() {
        assertRefused("dialect-mvel", 10, 13, "the attribute \"dialect\" is not allowed");
    }

    @Test
    void refusesADynamicSalience() {
        assertRefused("salience-expression", 10, 14, "salience that is not a plain whole number");
    }

    @Test
    void refusesATimerExpression() {
        assertRefused("timer-expression", 10, 11, "the attribute \"timer\" is not allowed");
    }

    @Test
    void refusesAnAnnotationValueThatTheBuildWouldEvaluate() {
        assertRefused("annotation-evaluated-at-build", 9, 22, "value of @points must be a number or a quoted text");
    }

    @Test
    void refusesADeclaredTypeWithAnExpressionDefault() {
        assertRefused("declare-type-default-value", 8, 9, "\"declare Payload\" is not allowed");
    }

    @Test
    void refusesAQuery() {
        assertRefused("query-with-payload", 8, 1, "query \"payload\" is not allowed");
    }

    @Test
    void refusesAnotherGlobal() {
        assertRefused("global-other-type", 7, 1, "\"global java.lang.ProcessBuilder shell\" is not allowed");
    }

    @Test
    void refusesNamedAndConditionalConsequences() {
        assertRefused("named-consequence", 8, 1, "named consequences (then[escape]) are not allowed");
        assertRefused("named-consequence", 12, 5, "conditional consequences");
    }

    // --- How refusal works ---

    @Test
    void aRefusedFileIsLeftOutOfTheBuildWhileTheOtherFilesAreStillCompiled() {
        Path marker = dir.resolve("mixed.marker");
        RuleFile escape = new RuleFile("annotation.drl", fixture("annotation-evaluated-at-build", marker));
        RuleFile other = new RuleFile("intent.drl", read(Path.of("src/test/resources/drl/policy/missing-import.drl")));

        RulesetInvalidException e = catchThrowableOfType(RulesetInvalidException.class,
                () -> COMPILER.compile(List.of(escape, other), "test", RulesPolicy.STRICT));

        // The other file passes the policy, so the build still reports its own error; the annotation never ran.
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.file()).isEqualTo("annotation.drl"));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("intent.drl");
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.message()).contains("Activity").doesNotContain("strict rules policy");
        });
        assertNothingRan(marker);
    }

    @Test
    void theSamePayloadsRunWhenTheFileIsTrustedUnderTheOpenPolicy() {
        // What the refusals above prevent, shown on two of the fixtures: a consequence run by scoring, and an
        // annotation evaluated while Drools builds the rules, before any rule fires and even if the set is invalid.
        Path marker = dir.resolve("open.marker");
        Ruleset ruleset = COMPILER.compile(List.of(new RuleFile("after-award.drl",
                fixture("consequence-statement-after-award", marker))), "test", RulesPolicy.OPEN);
        try {
            new Scorer(new ScoringPolicy(new BigDecimal("70"), 100, Map.of(), Optional.empty()))
                    .score(ruleset, new Lead("lead-1"), List.of(), Instant.parse("2026-11-23T00:00:00Z"));
        } finally {
            ruleset.release();
        }
        assertThat(System.getProperty(PROPERTY)).isEqualTo(marker.toString());

        System.clearProperty(PROPERTY);
        catchThrowableOfType(RulesetInvalidException.class, () -> COMPILER.compile(List.of(new RuleFile("a.drl",
                fixture("annotation-evaluated-at-build", marker))), "test", RulesPolicy.OPEN));
        assertThat(System.getProperty(PROPERTY)).isEqualTo(marker.toString());
    }

    /**
     * Compiles the fixture strictly and expects a problem at {@code line}:{@code column} whose message names each of
     * {@code what}, and no sign that the payload ran.
     */
    private void assertRefused(String name, int line, int column, String... what) {
        Path marker = dir.resolve(name + ".marker");
        String file = name + ".drl";
        RulesetInvalidException e = catchThrowableOfType(RulesetInvalidException.class, () -> COMPILER.compile(
                List.of(new RuleFile(file, fixture(name, marker))), "escape test", RulesPolicy.STRICT));

        assertThat(e).as("%s must be refused", name).isNotNull();
        assertThat(e.problems()).as(name).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.column()).isEqualTo(column);
            assertThat(p.message()).contains(what).contains("strict rules policy");
        });
        assertNothingRan(marker);
    }

    private static void assertNothingRan(Path marker) {
        assertThat(marker).doesNotExist();
        assertThat(System.getProperty(PROPERTY)).isNull();
    }

    private static String fixture(String name, Path marker) {
        return read(ESCAPES.resolve(name + ".drl")).replace("${marker}", marker.toString());
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
