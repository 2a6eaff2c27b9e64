package io.leadrules.cli;

import io.leadrules.rules.DrlProblem;
import io.leadrules.rules.RuleFile;
import io.leadrules.rules.Ruleset;
import io.leadrules.rules.RulesetCompiler;
import io.leadrules.rules.RulesetInvalidException;
import io.leadrules.rules.Scenario;
import io.leadrules.rules.ScenarioResult;
import io.leadrules.rules.ScenarioRunner;
import io.leadrules.rules.policy.RulesPolicy;
import io.leadrules.scoring.PackagedPolicy;
import io.leadrules.scoring.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code validate DIR}: what a reload would check, for a git pipeline: compiles the folder's rules, holds them to
 * the rules policy and runs its scenario tests, without the service, its port or its database. One
 * {@code file:line:column: message} line per problem (or GitHub Actions annotations); exit 0 when good, 1 when not.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compiles a rules folder, checks the rules policy and runs its scenario tests.")
public class ValidateCommand implements Callable<Integer> {

    enum Format { text, github }

    enum Policy { strict, open }

    @Parameters(index = "0", paramLabel = "DIR", description = "the rules folder (scenario tests in its tests/)")
    Path dir;
    @Option(names = "--format", defaultValue = "text",
            description = "text (file:line:column: message) or github (GitHub Actions annotations)")
    Format format;
    @Option(names = "--policy", defaultValue = "strict",
            description = "strict (the rules vocabulary only, default) or open (any DRL: a folder you trust)")
    Policy policy;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(dir)) {
            report(out, new DrlProblem(dir.toString(), 0, 0, "no such folder"));
            return 1;
        }
        List<DrlProblem> problems = new ArrayList<>();
        List<Scenario> scenarios = ScenarioRunner.parse(ScenarioRunner.readFolder(dir), problems);
        Ruleset ruleset;
        try {
            List<RuleFile> files = RulesetCompiler.readFolder(dir);
            ruleset = new RulesetCompiler(Clock.systemUTC(), 1).compile(files, dir.toString(),
                    RulesPolicy.valueOf(policy.name().toUpperCase(java.util.Locale.ROOT)));
        } catch (RulesetInvalidException e) {
            problems.addAll(e.problems());
            problems.forEach(p -> report(out, p));
            out.println(problems.size() + " problem(s) in " + dir);
            return 1;
        }
        try {
            Scorer scorer = new Scorer(PackagedPolicy.of(PackagedPolicy.properties(), Optional.empty()));
            List<ScenarioResult> results = new ScenarioRunner(scorer::score).run(ruleset, scenarios);
            problems.forEach(p -> report(out, p));
            List<ScenarioResult> failed = results.stream().filter(r -> !r.passed()).toList();
            failed.forEach(r -> report(out, new DrlProblem(ScenarioRunner.TESTS_DIR + "/" + r.file(), 1, 1,
                    "scenario \"" + r.name() + "\" failed: " + String.join("; ", r.failures()))));
            if (problems.isEmpty() && failed.isEmpty()) {
                out.println("OK: " + ruleset.catalog().rules().size() + " rules in " + ruleset.files().size()
                        + " files, " + results.size() + " scenario(s) passed (version " + ruleset.version() + ")");
                return 0;
            }
            out.println((problems.size() + failed.size()) + " problem(s) in " + dir);
            return 1;
        } finally {
            ruleset.release();
        }
    }

    /** One problem, located as editors and CI annotate: the path under the folder given. */
    private void report(PrintWriter out, DrlProblem p) {
        String file = p.file().isEmpty() ? dir.toString() : dir.resolve(p.file()).toString();
        if (format == Format.github) {
            out.println("::error file=" + file + ",line=" + Math.max(p.line(), 1) + ",col=" + Math.max(p.column(), 1)
                    + "::" + p.message().replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"));
        } else {
            out.println(file + ":" + p.line() + ":" + p.column() + ": " + p.message().replace("\n", " "));
        }
    }
}
