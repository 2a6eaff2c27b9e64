package io.leadrules.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.leadrules.json.JsonErrors;
import io.leadrules.model.RuleHit;
import io.leadrules.model.ScoreCard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads scenario files and runs them through the real scorer against a candidate ruleset. Reload, the validate
 * call and the JUnit suite all use this one class, so a scenario means the same everywhere.
 */
public final class ScenarioRunner {

    /** Where scenario files live, inside the rules folder. */
    public static final String TESTS_DIR = "tests";

    /** JSON is YAML, so one reader takes both; unknown fields fail, so a typo is an error, not a silent pass. */
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final RulesetScorer scorer;

    public ScenarioRunner(RulesetScorer scorer) {
        this.scorer = scorer;
    }

    /** The scenario files in {@code <rulesDir>/tests/} (.yaml, .yml, .json), sorted, paths relative to rulesDir. */
    public static List<ScenarioFile> readFolder(Path rulesDir) {
        Path tests = rulesDir.resolve(TESTS_DIR);
        if (!Files.isDirectory(tests)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(tests)) {
            List<Path> found = paths.filter(Files::isRegularFile).filter(ScenarioRunner::isScenarioFile)
                    .sorted(Comparator.comparing(Path::toString)).toList();
            List<ScenarioFile> files = new ArrayList<>();
            for (Path p : found) {
                files.add(new ScenarioFile(rulesDir.relativize(p).toString().replace('\\', '/'), Files.readString(p)));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the scenario folder " + tests, e);
        }
    }

    static boolean isScenarioFile(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    /** Parses the files; what cannot be read is appended to {@code problems} with its line and column. */
    public static List<Scenario> parse(List<ScenarioFile> files, List<DrlProblem> problems) {
        List<Scenario> scenarios = new ArrayList<>();
        for (ScenarioFile file : files) {
            try {
                Scenario scenario = YAML.readValue(file.content(), Scenario.class);
                if (scenario == null) {
                    problems.add(new DrlProblem(file.path(), 1, 1, "The scenario file is empty"));
                    continue;
                }
                scenario = scenario.located(file.path(), baseName(file.path()));
                List<String> missing = check(scenario);
                if (missing.isEmpty()) {
                    scenarios.add(scenario);
                } else {
                    missing.forEach(m -> problems.add(new DrlProblem(file.path(), 1, 1, m)));
                }
            } catch (JsonProcessingException e) {
                problems.add(problem(file.path(), e));
            }
        }
        return scenarios;
    }

    /**
     * Scenarios sent in a request: each either a scenario object or {@code {"path": ..., "content": "<YAML>"}}.
     * What cannot be read is appended to {@code problems}, named {@code scenarios[i]} or by its path.
     */
    public static List<Scenario> fromJson(List<JsonNode> nodes, List<DrlProblem> problems) {
        List<Scenario> scenarios = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            String where = "scenarios[" + i + "]";
            if (node.isObject() && node.path("content").isTextual() && node.size() <= 2
                    && (node.size() == 1 || node.path("path").isTextual())) {
                String path = node.path("path").isTextual() ? node.get("path").asText() : where;
                scenarios.addAll(parse(List.of(new ScenarioFile(path, node.get("content").asText())), problems));
            } else if (node.isObject()) {
                Scenario scenario = fromTree(node, where, problems);
                if (scenario != null) {
                    scenarios.add(scenario);
                }
            } else {
                problems.add(new DrlProblem(where, 0, 0, "A scenario is an object: the scenario itself, or {\"path\", \"content\"} with its YAML"));
            }
        }
        return scenarios;
    }

    /** A scenario sent as JSON (e.g. inline in the validate call); {@code where} names it in errors. */
    public static Scenario fromTree(JsonNode node, String where, List<DrlProblem> problems) {
        try {
            Scenario scenario = YAML.treeToValue(node, Scenario.class).located(null, where);
            List<String> missing = check(scenario);
            missing.forEach(m -> problems.add(new DrlProblem(where, 0, 0, m)));
            return missing.isEmpty() ? scenario : null;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException j ? JsonErrors.describe(j) : e.getMessage();
            problems.add(new DrlProblem(where, 0, 0, message));
            return null;
        }
    }

    private static List<String> check(Scenario s) {
        List<String> missing = new ArrayList<>();
        if (s.lead() == null) {
            missing.add("Scenario \"" + s.name() + "\" needs a lead");
        } else if (s.lead().getId() == null || s.lead().getId().isBlank()) {
            missing.add("Scenario \"" + s.name() + "\": the lead needs an id");
        }
        if (s.asOf() == null) {
            missing.add("Scenario \"" + s.name() + "\" needs asOf, the instant to score at (e.g. 2026-11-01T00:00:00Z)");
        }
        if (s.expect() == null) {
            missing.add("Scenario \"" + s.name() + "\" needs expect: score, scoreBetween, mql, fired or notFired");
        } else if (s.expect().scoreBetween() != null && (s.expect().scoreBetween().size() != 2
                || s.expect().scoreBetween().contains(null))) {
            missing.add("Scenario \"" + s.name() + "\": scoreBetween takes two numbers, [low, high]");
        } else if (s.expect().scoreBetween() != null
                && s.expect().scoreBetween().get(0).compareTo(s.expect().scoreBetween().get(1)) > 0) {
            missing.add("Scenario \"" + s.name() + "\": scoreBetween " + s.expect().scoreBetween()
                    + " is empty: write the lower bound first, [low, high]");
        }
        if (s.events() != null) {
            for (int i = 0; i < s.events().size(); i++) {
                Scenario.ScenarioEvent e = s.events().get(i);
                if (e == null || e.type() == null || e.type().isBlank()) {
                    missing.add("Scenario \"" + s.name() + "\": events[" + i + "] needs a type");
                } else if (e.timestamp() != null && e.daysAgo() != null) {
                    missing.add("Scenario \"" + s.name() + "\": events[" + i + "] has both timestamp and daysAgo; keep one");
                } else if (e.count() != null && e.count() < 1) {
                    missing.add("Scenario \"" + s.name() + "\": events[" + i + "].count must be 1 or more");
                }
            }
        }
        return missing;
    }

    public List<ScenarioResult> run(Ruleset ruleset, List<Scenario> scenarios) {
        return scenarios.stream().map(s -> run(ruleset, s)).toList();
    }

    public ScenarioResult run(Ruleset ruleset, Scenario scenario) {
        ScoreCard card;
        try {
            card = scorer.score(ruleset, scenario.lead(), scenario.toEvents(), scenario.asOf());
        } catch (RuntimeException e) {
            return new ScenarioResult(scenario.name(), scenario.file(), false, null, null, List.of(),
                    List.of("Scoring failed: " + e.getMessage()));
        }
        List<String> fired = firedRules(card);
        List<String> failures = failures(ruleset, scenario.expect(), card, fired);
        return new ScenarioResult(scenario.name(), scenario.file(), failures.isEmpty(), card.score(), card.mql(),
                fired, failures);
    }

    private static List<String> failures(Ruleset ruleset, Scenario.Expectation expect, ScoreCard card, List<String> fired) {
        List<String> failures = new ArrayList<>();
        BigDecimal score = card.score();
        if (expect.score() != null && score.compareTo(expect.score()) != 0) {
            failures.add("expected score " + expect.score().toPlainString() + " but was " + score.toPlainString());
        }
        if (expect.scoreBetween() != null) {
            BigDecimal low = expect.scoreBetween().get(0);
            BigDecimal high = expect.scoreBetween().get(1);
            if (score.compareTo(low) < 0 || score.compareTo(high) > 0) {
                failures.add("expected a score between " + low.toPlainString() + " and " + high.toPlainString()
                        + " but was " + score.toPlainString());
            }
        }
        if (expect.mql() != null && expect.mql() != card.mql()) {
            failures.add("expected mql " + expect.mql() + " but was " + card.mql() + " (score " + score.toPlainString()
                    + ", threshold " + card.threshold().toPlainString() + ")");
        }
        for (String rule : nullToEmpty(expect.fired())) {
            if (ruleset.catalog().rule(rule).isEmpty()) {
                failures.add("expected rule \"" + rule + "\" to fire, but the ruleset has no rule of that name");
            } else if (!fired.contains(rule)) {
                failures.add("expected rule \"" + rule + "\" to fire, but it did not");
            }
        }
        for (String rule : nullToEmpty(expect.notFired())) {
            if (ruleset.catalog().rule(rule).isEmpty()) {
                failures.add("expected rule \"" + rule + "\" not to fire, but the ruleset has no rule of that name");
            } else if (fired.contains(rule)) {
                failures.add("expected rule \"" + rule + "\" not to fire, but it did");
            }
        }
        return failures;
    }

    /** Rules that fired, each once; cap adjustments are the engine's, not rules. */
    private static List<String> firedRules(ScoreCard card) {
        Set<String> names = new LinkedHashSet<>();
        for (RuleHit hit : card.hits()) {
            if (!"cap".equals(hit.category())) {
                names.add(hit.rule());
            }
        }
        return List.copyOf(names);
    }

    private static List<String> nullToEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static String baseName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static DrlProblem problem(String file, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : Math.max(loc.getLineNr(), 0);
        int column = loc == null ? 0 : Math.max(loc.getColumnNr(), 0);
        return new DrlProblem(file, line, column, JsonErrors.describe(e));
    }
}
