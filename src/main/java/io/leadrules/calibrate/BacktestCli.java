package io.leadrules.calibrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.leadrules.rules.RuleFile;
import io.leadrules.rules.Ruleset;
import io.leadrules.rules.RulesetCompiler;
import io.leadrules.rules.RulesetInvalidException;
import io.leadrules.rules.policy.RulesPolicy;
import io.leadrules.scoring.Scorer;
import io.leadrules.scoring.ScoringPolicy;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
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

/**
 * Backtests a folder of DRL files on a CSV from the command line, without starting the service:
 * <pre>
 *   ./mvnw -q compile exec:java -Dexec.args="--rules examples/xeducation/rules
 *       --mapping examples/xeducation/mapping.yaml --csv ../shared/data/xeducation-leads.csv"
 * </pre>
 * Defaults (MQL threshold, caps, target close rate, band shares) come from the same application.properties the
 * service reads; options override them. Exit code 0 on success, 2 on bad input.
 */
public final class BacktestCli {

    static final String USAGE = """
            Usage: BacktestCli --rules DIR --mapping FILE.yaml --csv FILE.csv [options]
              --format text|json      readable summary (default) or the full report as JSON
              --as-of INSTANT         score at this instant instead of the mapping's asOf
              --threshold N           MQL threshold (default leadrules.mql.threshold)
              --target-min R          lowest close rate for the threshold suggestion, 0-1
              --target-max R          highest close rate for the threshold suggestion, 0-1
              --band-shares A,B,..    shares of leads for band cut-offs, e.g. 0.1,0.2,0.3,0.4
              --policy strict|open    rules policy for --rules (default strict: the rules vocabulary only);
                                      open compiles any DRL, Java included: only for a folder you trust
            """;

    private BacktestCli() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the command; returns the exit code. Separate from main so tests can call it. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        try {
            Map<String, String> options = parse(args);
            BacktestReport report = backtest(options);
            if ("json".equals(options.getOrDefault("format", "text"))) {
                out.println(json().writeValueAsString(report));
            } else {
                out.print(BacktestSummary.text(report));
            }
            return 0;
        } catch (IllegalArgumentException | BacktestInputException e) {
            err.println("Error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (RulesetInvalidException e) {
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
        BigDecimal threshold = new BigDecimal(options.getOrDefault("threshold", defaults.getProperty("leadrules.mql.threshold", "70")));
        int maxFires = Integer.parseInt(defaults.getProperty("leadrules.engine.max-fires", "10000"));
        Map<String, BigDecimal> categoryCaps = new HashMap<>();
        String prefix = "leadrules.caps.category.";
        defaults.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> categoryCaps.put(k.substring(prefix.length()), new BigDecimal(defaults.getProperty(k))));
        Optional<BigDecimal> total = Optional.ofNullable(defaults.getProperty("leadrules.caps.total")).map(BigDecimal::new);
        return new ScoringPolicy(threshold, maxFires, categoryCaps, total);
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
    private static Properties defaults() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BacktestCli.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return properties;
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --option value, got \"" + args[i] + "\"");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        for (String required : List.of("rules", "mapping", "csv")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required");
            }
        }
        String policy = options.getOrDefault("policy", "strict");
        if (!policy.equals("strict") && !policy.equals("open")) {
            throw new IllegalArgumentException("--policy must be strict or open, got \"" + policy + "\"");
        }
        String format = options.getOrDefault("format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("--format must be text or json, got \"" + format + "\"");
        }
        return options;
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
