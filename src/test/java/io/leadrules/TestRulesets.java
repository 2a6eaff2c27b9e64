package io.leadrules;

import io.leadrules.rules.RuleFile;
import io.leadrules.rules.Ruleset;
import io.leadrules.rules.RulesetCompiler;
import io.leadrules.rules.policy.RulesPolicy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Compiles real DRL folders for engine tests: the shipped {@code rules/} or a fixture under src/test/resources/drl. */
public final class TestRulesets {

    private static final RulesetCompiler COMPILER = new RulesetCompiler(Clock.systemUTC(), 2);

    private TestRulesets() {
    }

    public static Ruleset defaultRuleset() {
        return COMPILER.compile(RulesetCompiler.readFolder(Path.of("rules")), "rules");
    }

    public static Ruleset fixture(String name) {
        return COMPILER.compile(fixtureFiles(name), name);
    }

    /**
     * A fixture that needs more than the rules vocabulary (a looping {@code modify}), compiled as trusted folder rules
     * are under {@code leadrules.rules.policy=open}.
     */
    public static Ruleset trustedFixture(String name) {
        return COMPILER.compile(fixtureFiles(name), name, RulesPolicy.OPEN);
    }

    public static List<RuleFile> fixtureFiles(String name) {
        return RulesetCompiler.readFolder(Path.of("src/test/resources/drl", name));
    }

    /** Files as a trusted folder holds them (a fixture may use more than the rules vocabulary). */
    public static Ruleset compileTrusted(List<RuleFile> files) {
        return COMPILER.compile(files, "test", RulesPolicy.OPEN);
    }

    public static Ruleset compile(List<RuleFile> files) {
        return COMPILER.compile(files, "test");
    }
}
