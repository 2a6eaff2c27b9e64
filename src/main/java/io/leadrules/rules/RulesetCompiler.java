package io.leadrules.rules;

import io.leadrules.rules.policy.PolicyViolation;
import io.leadrules.rules.policy.RulesPolicy;
import io.leadrules.rules.policy.StrictDrlCheck;
import io.leadrules.rules.table.PointTable;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns DRL files into a {@link Ruleset}, or into the full list of what is wrong with them. The only place that
 * builds KIE modules.
 */
public final class RulesetCompiler {

    /** Inside the in-memory KIE module, files live here; stripped again from error paths. */
    private static final String KIE_ROOT = "src/main/resources/leadrules/";
    /** Drools reports paths relative to the resources root. */
    private static final String REPORTED_ROOT = "leadrules/";
    private static final Pattern RAW_EVENT_PATTERN = Pattern.compile("(?<![\\w.])Event\\s*\\(");
    private static final AtomicLong BUILDS = new AtomicLong();
    /** The points recorder every rule file declares as {@code global <type> score;} (scoring.HitRecorder). */
    private static final String SCORE_GLOBAL_TYPE = "io.leadrules.scoring.HitRecorder";
    private static final Pattern PARSER_POSITION = Pattern.compile("Line (\\d+):(\\d+)");

    private final Clock clock;
    private final int poolSize;

    public RulesetCompiler(Clock clock, int poolSize) {
        this.clock = clock;
        this.poolSize = poolSize;
    }

    /**
     * The rule files under {@code dir}, sorted by path: DRL files and point tables ({@code .drl.csv}, {@code .drl.xlsx},
     * {@code .drl.xls}); scenario tests in {@code tests/} are not rules.
     */
    public static List<RuleFile> readFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RulesetInvalidException(List.of(new DrlProblem(dir.toString(), 0, 0,
                    "The rules folder does not exist (config leadrules.rules.dir)")));
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            // Editors leave hidden lock and backup files (Emacs ".#fit.drl", a dangling link): not rules.
            List<Path> drls = paths.filter(p -> isRuleFile(p.toString()))
                    .filter(p -> !dir.relativize(p).startsWith("tests"))
                    .filter(p -> !isHidden(dir.relativize(p)) && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(Path::toString)).toList();
            List<RuleFile> files = new ArrayList<>();
            for (Path p : drls) {
                String path = dir.relativize(p).toString().replace('\\', '/');
                String content = PointTable.isWorkbook(path) ? Base64.getEncoder().encodeToString(Files.readAllBytes(p))
                        : Files.readString(p);
                files.add(new RuleFile(path, content));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rules folder " + dir, e);
        }
    }

    /** A DRL file or a point table (office lock files such as "~$fit-points.drl.xlsx" are hidden ones). */
    public static boolean isRuleFile(String path) {
        return path.endsWith(".drl") || PointTable.isTable(path);
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".") || part.toString().startsWith("~$")) {
                return true;
            }
        }
        return false;
    }

    /** Compiles under the {@link RulesPolicy#STRICT strict} policy: the safe choice for DRL of unknown origin. */
    public Ruleset compile(List<RuleFile> files, String source) {
        return compile(files, source, RulesPolicy.STRICT);
    }

    /**
     * Compiles and validates; throws {@link RulesetInvalidException} listing every problem. Under the strict policy
     * a file that breaks it never reaches Drools (building alone can run code, see {@link StrictDrlCheck}); the other
     * files are still built, so their own errors are listed too.
     */
    public Ruleset compile(List<RuleFile> files, String source, RulesPolicy policy) {
        List<DrlProblem> problems = new ArrayList<>();
        if (files.isEmpty()) {
            problems.add(new DrlProblem("", 0, 0, "The ruleset has no .drl files or point tables"));
        }
        problems.addAll(duplicatePaths(files));
        List<DrlSource> sources = new ArrayList<>();
        for (RuleFile file : files) {
            try {
                sources.add(DrlSource.of(file));
            } catch (RulesetInvalidException unreadable) {
                problems.addAll(unreadable.problems());
            }
        }
        RuleCatalog catalog = RuleCatalog.readSources(sources, problems);
        List<DrlSource> buildable = sources;
        if (policy == RulesPolicy.STRICT) {
            buildable = new ArrayList<>();
            for (DrlSource drl : sources) {
                List<DrlProblem> refused = strictProblems(drl);
                problems.addAll(refused);
                if (refused.isEmpty()) {
                    buildable.add(drl);
                }
            }
        }
        KieServices ks = KieServices.get();
        ReleaseId releaseId = ks.newReleaseId("io.leadrules", "ruleset", "1.0." + BUILDS.incrementAndGet());
        if (!buildable.isEmpty()) {
            problems.addAll(withoutEchoesOfDuplicates(build(ks, releaseId, buildable), problems));
        }
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            throw new RulesetInvalidException(problems);
        }
        KieContainer container = ks.newKieContainer(releaseId);
        if (!declaresScoreGlobal(container)) {
            ks.getRepository().removeKieModule(releaseId);
            throw new RulesetInvalidException(List.of(new DrlProblem(files.get(0).path(), 1, 1,
                    "No file declares the points recorder: add \"global " + SCORE_GLOBAL_TYPE
                            + " score;\" after the imports")));
        }
        boolean rawEvents = sources.stream().anyMatch(f -> RAW_EVENT_PATTERN.matcher(f.drl()).find());
        return new Ruleset(version(files), clock.instant(), source, files, catalog, container, poolSize, rawEvents);
    }

    /**
     * What the strict policy refuses in the file (its parser errors included, as it cannot be checked then); for a
     * point table, in the DRL generated from it, at its rows and cells. A table Drools cannot read is refused too.
     */
    public static List<DrlProblem> strictProblems(RuleFile file) {
        try {
            return strictProblems(DrlSource.of(file));
        } catch (RulesetInvalidException unreadable) {
            return unreadable.problems();
        }
    }

    private static List<DrlProblem> strictProblems(DrlSource source) {
        List<PolicyViolation> violations = StrictDrlCheck.check(source.drl());
        return violations.stream()
                .map(v -> source.locate(new DrlProblem(source.file().path(), v.line(), v.column(), v.message())))
                .toList();
    }

    /** Two files under one path: the second would silently replace the first in the build. */
    private static List<DrlProblem> duplicatePaths(List<RuleFile> files) {
        Set<String> seen = new HashSet<>();
        return files.stream().filter(f -> !seen.add(f.path()))
                .map(f -> new DrlProblem(f.path(), 0, 0, "Two files are named " + f.path())).toList();
    }

    /** Scoring hands every session its recorder as global {@code score}: without it, no rule can award points. */
    private static boolean declaresScoreGlobal(KieContainer container) {
        return container.getKieBase().getKiePackages().stream().flatMap(p -> p.getGlobalVariables().stream())
                .anyMatch(g -> "score".equals(g.getName()) && SCORE_GLOBAL_TYPE.equals(g.getType()));
    }

    /** Content hash of the files (path and text), so the version names exactly what was compiled. */
    public static String version(List<RuleFile> files) {
        return contentHash(files).substring(0, 12);
    }

    /** The full SHA-256 (hex) of the files' paths and texts; {@link #version} is its first 12 characters. */
    public static String contentHash(List<RuleFile> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (RuleFile file : files) {
                sha.update(file.path().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(file.content().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private List<DrlProblem> build(KieServices ks, ReleaseId releaseId, List<DrlSource> sources) {
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        sources.forEach(f -> kfs.write(KIE_ROOT + f.buildPath(), f.drl()));
        try {
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
            return withoutEchoes(builder.getResults().getMessages(Message.Level.ERROR).stream()
                    .map(m -> toProblem(m, sources)).toList());
        } catch (RuntimeException crash) {
            // Some invalid DRL crashes the compiler instead of being reported; name the file(s) that do it.
            return blameCrash(ks, sources, crash);
        }
    }

    /** After a syntax error Drools adds "Parser returned a null Package" for the same file: it says nothing more. */
    private static List<DrlProblem> withoutEchoes(List<DrlProblem> problems) {
        return problems.stream().filter(p -> !(p.line() == 0 && p.message().contains("Parser returned a null Package")
                && problems.stream().anyMatch(o -> o != p && o.file().equals(p.file())))).toList();
    }

    private List<DrlProblem> blameCrash(KieServices ks, List<DrlSource> sources, RuntimeException crash) {
        List<DrlProblem> problems = new ArrayList<>();
        for (DrlSource source : sources) {
            KieFileSystem single = ks.newKieFileSystem().write(KIE_ROOT + source.buildPath(), source.drl());
            try {
                ks.newKieBuilder(single).buildAll();
            } catch (RuntimeException e) {
                problems.add(new DrlProblem(source.file().path(), 0, 0,
                        "Drools could not compile this file: " + describe(e)));
            }
        }
        if (problems.isEmpty()) {
            problems.add(new DrlProblem("", 0, 0, "Drools could not compile the ruleset: " + describe(crash)));
        }
        return problems;
    }

    /**
     * A duplicate rule name, which the catalog already reports with both places, also makes Drools report its
     * generated classes ("The type Rule_Twice1024784828 is already defined"): noise that names no line of ours.
     */
    private static List<DrlProblem> withoutEchoesOfDuplicates(List<DrlProblem> built, List<DrlProblem> catalog) {
        if (catalog.stream().noneMatch(p -> p.message().contains(RuleCatalog.DUPLICATE_NAME))) {
            return built;
        }
        return built.stream().filter(p -> !p.message().contains("is already defined")
                && !p.message().toLowerCase(java.util.Locale.ROOT).contains("duplicate rule name")).toList();
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private DrlProblem toProblem(Message message, List<DrlSource> sources) {
        String path = message.getPath() == null ? "" : message.getPath();
        String file = path.startsWith(KIE_ROOT) ? path.substring(KIE_ROOT.length())
                : path.startsWith(REPORTED_ROOT) ? path.substring(REPORTED_ROOT.length()) : path;
        // Drools columns are 0-based; ours are 1-based like an editor's, 0 meaning unknown. Parser errors report
        // column 0 but name the position in their text: "[ERR 102] Line 7:28 mismatched input ')'".
        String text = message.getText().trim();
        Matcher at = PARSER_POSITION.matcher(text);
        int column = message.getLine() <= 0 ? 0
                : at.find() && Integer.parseInt(at.group(1)) == message.getLine() ? Integer.parseInt(at.group(2)) + 1
                : message.getColumn() + 1;
        DrlProblem problem = new DrlProblem(file, message.getLine(), column, text);
        return sources.stream().filter(s -> s.buildPath().equals(file)).findFirst()
                .map(s -> s.locate(new DrlProblem(s.file().path(), problem.line(), problem.column(), text)))
                .orElse(problem);
    }
}
