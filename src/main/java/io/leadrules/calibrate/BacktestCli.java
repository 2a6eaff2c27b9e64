package io.leadrules.calibrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.leadrules.rules.RuleFile;
import io.leadrules.rules.Ruleset;
import io.leadrules.rules.RulesetCompiler;
import io.leadrules.rules.RulesetInvalidException;
import io.leadrules.rules.policy.RulesPolicy;
import io.leadrules.scoring.PackagedPolicy;
import io.leadrules.scoring.Scorer;
import io.leadrules.scoring.ScoringPolicy;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backtest}: backtests a folder of DRL files on a CSV from the command line, without starting the service:
 * <pre>
 *   java -jar target/quarkus-app/quarkus-run.jar backtest --rules examples/xeducation/rules
 *       --mapping examples/xeducation/mapping.yaml --csv ../shared/data/xeducation-leads.csv
 * </pre>
 * Defaults (MQL threshold and minimums, caps, target close rate, band shares) come from the same
 * application.properties the service reads; options override them. Exit code 0 on success, 2 on bad input.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Backtests the rules of a folder on a CSV of leads with known outcomes.")
public final class BacktestCli implements Callable<Integer> {

    enum Format { text, json }

    enum Policy { strict, open }

    @Option(names = "--rules", required = true, paramLabel = "DIR", description = "folder of the rules to backtest")
    Path rules;
    @Option(names = "--mapping", required = true, paramLabel = "FILE.yaml", description = "the CSV's column mapping")
    Path mapping;
    @Option(names = "--csv", required = true, paramLabel = "FILE.csv", description = "the leads, one per row")
    Path csv;
    @Option(names = "--format", defaultValue = "text", description = "text (a readable summary) or json (the report)")
    Format format;
    @Option(names = "--as-of", paramLabel = "INSTANT", description = "score at this instant instead of the mapping's asOf")
    String asOf;
    @Option(names = "--threshold", paramLabel = "N", description = "MQL threshold (default leadrules.mql.threshold)")
    String threshold;
    @Option(names = "--target-min", paramLabel = "R", description = "lowest close rate for the threshold suggestion, 0-1")
    String targetMin;
    @Option(names = "--target-max", paramLabel = "R", description = "highest close rate for the threshold suggestion, 0-1")
    String targetMax;
    @Option(names = "--band-shares", paramLabel = "A,B,..", description = "shares of leads for band cut-offs")
    String bandShares;
    @Option(names = "--policy", defaultValue = "strict", description = "rules policy for --rules: strict (the rules"
            + " vocabulary only, default) or open (any DRL, Java included: only for a folder you trust)")
    Policy policy;
    @Spec
    CommandSpec spec;

    /** Runs the command; returns the exit code (2 for bad input, picocli's usage code). Tests pass their streams. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return new CommandLine(new BacktestCli()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Map<String, String> options = options();
            BacktestReport report = backtest(options);
            if (format == Format.json) {
                out.println(json().writeValueAsString(report));
            } else {
                out.print(BacktestSummary.text(report));
            }
            out.flush();
            return 0;
        } catch (IllegalArgumentException | BacktestInputException | RulesetInvalidException e) {
            err.println("Error: " + e.getMessage());
            return 2;
        } catch (CsvMappingException e) {
            err.println("Error: " + e.getMessage());
            e.errors().stream().limit(20).forEach(x -> err.println("  " + (x.row() == null ? "" : "row " + x.row() + ", ")
                    + "column \"" + x.column() + "\"" + (x.value() == null ? "" : ", value \"" + x.value() + "\"")
                    + ": " + x.message()));
            return 2;
        } catch (IOException e) {
            err.println("Error: cannot read " + e.getMessage());
            return 2;
        }
    }

    /** The options given, by name, as the backtest reads them (absent ones from the packaged defaults). */
    private Map<String, String> options() {
        Map<String, String> options = new HashMap<>();
        options.put("rules", rules.toString());
        options.put("mapping", mapping.toString());
        options.put("csv", csv.toString());
        options.put("policy", policy.name());
        putIfGiven(options, "as-of", asOf);
        putIfGiven(options, "threshold", threshold);
        putIfGiven(options, "target-min", targetMin);
        putIfGiven(options, "target-max", targetMax);
        putIfGiven(options, "band-shares", bandShares);
        return options;
    }

    private static void putIfGiven(Map<String, String> options, String key, String value) {
        if (value != null) {
            options.put(key, value);
        }
    }

    private static BacktestReport backtest(Map<String, String> options) throws IOException {
        Properties defaults = defaults();
        CsvMapping mapping = CsvLeadMapper.readMapping(Files.readString(path(options, "mapping")));
        List<LabelledLead> leads;
        try (Reader csv = Files.newBufferedReader(path(options, "csv"), StandardCharsets.UTF_8)) {
            leads = CsvLeadMapper.map(csv, mapping);
        }
        Instant asOf = options.containsKey("as-of") ? Instant.parse(options.get("as-of")) : mapping.asOf();
        Scorer scorer = new Scorer(policy(options, defaults));
        RulesetCompiler compiler = new RulesetCompiler(Clock.systemUTC(), 1);
        Path rulesDir = path(options, "rules");
        List<RuleFile> files = RulesetCompiler.readFolder(rulesDir);
        Ruleset ruleset = compiler.compile(files, rulesDir.toString(), policy(options));
        try {
            return new Backtester(scorer, settings(options, defaults)).run(ruleset, leads, asOf);
        } finally {
            ruleset.release();
        }
    }

    /** Strict unless asked: a folder handed to the command line is not trusted just for being local. */
    private static RulesPolicy policy(Map<String, String> options) {
        return RulesPolicy.valueOf(options.getOrDefault("policy", "strict").toUpperCase(Locale.ROOT));
    }

    private static ScoringPolicy policy(Map<String, String> options, Properties defaults) {
        return PackagedPolicy.of(defaults, Optional.ofNullable(options.get("threshold")).map(BigDecimal::new));
    }

    private static CalibrationSettings settings(Map<String, String> options, Properties defaults) {
        TargetCloseRate target = new TargetCloseRate(
                new BigDecimal(options.getOrDefault("target-min", defaults.getProperty("leadrules.calibration.target-close-rate.min", "0.20"))),
                new BigDecimal(options.getOrDefault("target-max", defaults.getProperty("leadrules.calibration.target-close-rate.max", "0.30"))));
        List<BigDecimal> shares = Arrays.stream(options.getOrDefault("band-shares",
                defaults.getProperty("leadrules.calibration.band-shares", "0.1,0.2,0.3,0.4")).split(","))
                .map(String::trim).map(BigDecimal::new).toList();
        DriftCheck.Settings drift = new DriftCheck.Settings(
                Integer.parseInt(defaults.getProperty("leadrules.calibration.drift.recent-days", "90")),
                new BigDecimal(defaults.getProperty("leadrules.calibration.drift.max-points", "10")),
                Integer.parseInt(defaults.getProperty("leadrules.calibration.drift.min-outcomes", "10")));
        return new CalibrationSettings(target, shares, drift);
    }

    /** The service's application.properties, so the command line scores exactly as the service would. */
    private static Properties defaults() {
        return PackagedPolicy.properties();
    }

    private static Path path(Map<String, String> options, String key) {
        Path path = Path.of(options.get(key));
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("--" + key + " " + path.toAbsolutePath() + " does not exist");
        }
        return path;
    }

    static ObjectMapper json() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    }
}
