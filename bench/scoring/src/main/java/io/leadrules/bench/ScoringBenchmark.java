package io.leadrules.bench;

import io.leadrules.bench.LeadPopulation.Sample;
import io.leadrules.model.ScoreCard;
import io.leadrules.rules.RuleFile;
import io.leadrules.rules.Ruleset;
import io.leadrules.rules.RulesetCompiler;
import io.leadrules.rules.policy.RulesPolicy;
import io.leadrules.scoring.Scorer;
import io.leadrules.scoring.ScoringPolicy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Leads scored per second on one thread (issue 2): the default ruleset through the service's {@link Scorer}, the
 * same rules hand-coded in Java, and the same rules written naively over raw events. Each invocation scores the
 * next lead of a fixed population of 1,000 leads with 20 events each.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ScoringBenchmark {

    static final int LEADS = 1_000;
    static final int EVENTS_PER_LEAD = 20;
    static final long SEED = 20260302L;
    /** Where the default ruleset is; defaults to the {@code rules/} folder of the repository. */
    static final String RULES_DIR_PROPERTY = "leadrules.bench.rules";
    static final String POOL_SIZE_PROPERTY = "leadrules.bench.pool-size";
    static final String NAIVE_FILES = "naive/intent.drl,naive/negative.drl";

    /** The population, the compiled rulesets and the scorers, shared by all benchmarks of a fork. */
    @State(Scope.Benchmark)
    public static class Fixture {
        List<Sample> leads;
        Ruleset defaultRuleset;
        Ruleset naiveRuleset;
        final Scorer scorer = new Scorer(new ScoringPolicy(new BigDecimal("70"), 10_000, Map.of(),
                Optional.of(new BigDecimal("100"))));
        final HandCodedScorer handCoded = new HandCodedScorer();

        @Setup(Level.Trial)
        public void setUp() {
            leads = LeadPopulation.generate(LEADS, EVENTS_PER_LEAD, SEED);
            RulesetCompiler compiler = new RulesetCompiler(Clock.systemUTC(), Integer.getInteger(POOL_SIZE_PROPERTY, 8));
            Path rules = rulesDir();
            defaultRuleset = compiler.compile(RulesetCompiler.readFolder(rules), "bench");
            // The naive variant counts events with accumulate and static calls, which only the open policy builds.
            naiveRuleset = compiler.compile(naiveFiles(rules), "bench-naive", RulesPolicy.OPEN);
            ScoreCheck.requireSameScores(this);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            defaultRuleset.release();
            naiveRuleset.release();
        }

        ScoreCard drools(Ruleset ruleset, Sample sample) {
            return scorer.score(ruleset, sample.lead(), sample.events(), LeadPopulation.AS_OF);
        }

        BigDecimal handCoded(Sample sample) {
            return handCoded.score(sample.lead(), sample.events(), LeadPopulation.AS_OF);
        }
    }

    /** Walks the population round-robin, one lead per invocation. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        Sample next(Fixture fixture) {
            Sample sample = fixture.leads.get(next);
            next = (next + 1) % fixture.leads.size();
            return sample;
        }
    }

    @Benchmark
    public ScoreCard droolsDefaultRuleset(Fixture fixture, Cursor cursor) {
        return fixture.drools(fixture.defaultRuleset, cursor.next(fixture));
    }

    @Benchmark
    public BigDecimal handCodedJava(Fixture fixture, Cursor cursor) {
        return fixture.handCoded(cursor.next(fixture));
    }

    @Benchmark
    public ScoreCard naiveDrlOverRawEvents(Fixture fixture, Cursor cursor) {
        return fixture.drools(fixture.naiveRuleset, cursor.next(fixture));
    }

    /** {@code -Dleadrules.bench.rules=...}, else the first {@code rules/} folder with DRL files from here upwards. */
    static Path rulesDir() {
        String configured = System.getProperty(RULES_DIR_PROPERTY);
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("rules/fit.drl")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir.resolve("rules");
            }
        }
        throw new IllegalStateException("Cannot find the repository's rules/ folder from "
                + Path.of("").toAbsolutePath() + "; run from the repository or pass -D" + RULES_DIR_PROPERTY + "=<dir>");
    }

    /** The default fit and decay files with the naive intent and negative files in place of the real ones. */
    static List<RuleFile> naiveFiles(Path rules) {
        List<RuleFile> files = new ArrayList<>();
        for (RuleFile file : RulesetCompiler.readFolder(rules)) {
            if (file.path().equals("fit.drl") || file.path().equals("decay.drl")) {
                files.add(file);
            }
        }
        for (String resource : NAIVE_FILES.split(",")) {
            files.add(new RuleFile(resource, readResource(resource)));
        }
        return files;
    }

    private static String readResource(String name) {
        try (InputStream in = ScoringBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing benchmark resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
