package io.leadrules.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code validate DIR}: a rules folder checked as a reload would, with exit codes and lines a pipeline reads. */
class ValidateCommandTest {

    record Run(int code, String out) {
    }

    private static Run validate(String... args) {
        StringWriter out = new StringWriter();
        String[] all = Stream.concat(Stream.of("validate"), Stream.of(args)).toArray(String[]::new);
        int code = LeadrulesCommand.execute(new PrintWriter(out, true), new PrintWriter(out, true), all);
        return new Run(code, out.toString());
    }

    /** A copy of the shipped rules folder, to break. */
    private static Path copyOfRules(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            for (Path p : files.toList()) {
                Path to = target.resolve(Path.of("rules").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }

    @Test
    void theShippedRulesPassWithExitZero() {
        Run run = validate("rules");
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("OK: ").contains("scenario(s) passed");
    }

    @Test
    void aBrokenRuleIsOneFileLineColumnLineAndExitOne(@TempDir Path tmp) throws IOException {
        Path dir = copyOfRules(tmp);
        Files.writeString(dir.resolve("fit.drl"), Files.readString(dir.resolve("fit.drl"))
                .replaceFirst("Lead\\( ", "Lead( ( "));
        Run run = validate(dir.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).containsPattern(java.util.regex.Pattern.quote(dir.resolve("fit.drl").toString())
                + ":\\d+:\\d+: ");
    }

    @Test
    void whatTheStrictPolicyRefusesIsAProblemAndGithubFormatAnnotatesIt(@TempDir Path tmp) throws IOException {
        Path dir = copyOfRules(tmp);
        Files.writeString(dir.resolve("evil.drl"), """
                package leadrules;

                import io.leadrules.model.Lead;

                global io.leadrules.scoring.HitRecorder score;

                rule "Runs a program"
                    @category("fit") @points(1)
                when
                    Lead( )
                then
                    System.setProperty("leadrules.cli.pwned", "yes");
                end
                """);
        Run run = validate("--format", "github", dir.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("::error file=" + dir.resolve("evil.drl") + ",line=12,")
                .contains("System");
        assertThat(System.getProperty("leadrules.cli.pwned")).isNull();
        // Open, the folder is trusted: it compiles, and its scenarios run the rule.
        assertThat(validate("--policy", "open", dir.toString()).code()).isZero();
        assertThat(System.clearProperty("leadrules.cli.pwned")).isEqualTo("yes");
    }

    @Test
    void aFailingScenarioFailsTheFolder(@TempDir Path tmp) throws IOException {
        Path dir = copyOfRules(tmp);
        Path competitor = dir.resolve("tests/competitor.yaml");
        Files.writeString(competitor, Files.readString(competitor).replace("score: -80", "score: 10"));
        Run run = validate(dir.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("competitor.yaml").contains("scenario \"Competitor researching us\" failed");
    }

    @Test
    void aFolderThatDoesNotExistIsAProblemAndNoArgumentsStartTheService() {
        assertThat(validate("no-such-folder").code()).isEqualTo(1);
        assertThat(LeadrulesCommand.isCommand(new String[0])).isFalse();
        assertThat(LeadrulesCommand.isCommand(new String[]{"validate", "rules"})).isTrue();
    }
}
