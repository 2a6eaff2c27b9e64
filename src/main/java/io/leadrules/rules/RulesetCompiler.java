package io.leadrules.rules;

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
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns DRL files into a {@link Ruleset}, or into the full list of what is wrong with them. The only place that
 * builds KIE modules.
 */
public final class RulesetCompiler {

    /** Inside the in-memory KIE module, files live here; stripped again from error paths. */
    private static final String KIE_ROOT = "src/main/resources/leadrules/";
    private static final Pattern RAW_EVENT_PATTERN = Pattern.compile("(?<![\\w.])Event\\s*\\(");
    private static final AtomicLong BUILDS = new AtomicLong();

    private final Clock clock;
    private final int poolSize;

    public RulesetCompiler(Clock clock, int poolSize) {
        this.clock = clock;
        this.poolSize = poolSize;
    }

    /** The DRL files under {@code dir}, sorted by path; scenario tests in {@code tests/} are not rules. */
    public static List<RuleFile> readFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RulesetInvalidException(List.of(new DrlProblem(dir.toString(), 0, 0,
                    "The rules folder does not exist (config leadrules.rules.dir)")));
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> drls = paths.filter(p -> p.toString().endsWith(".drl"))
                    .filter(p -> !dir.relativize(p).startsWith("tests"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
            List<RuleFile> files = new ArrayList<>();
            for (Path p : drls) {
                files.add(new RuleFile(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p)));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rules folder " + dir, e);
        }
    }

    /** Compiles and validates; throws {@link RulesetInvalidException} listing every problem. */
    public Ruleset compile(List<RuleFile> files, String source) {
        List<DrlProblem> problems = new ArrayList<>();
        if (files.isEmpty()) {
            problems.add(new DrlProblem("", 0, 0, "The ruleset has no .drl files"));
        }
        RuleCatalog catalog = RuleCatalog.read(files, problems);
        KieServices ks = KieServices.get();
        ReleaseId releaseId = ks.newReleaseId("io.leadrules", "ruleset", "1.0." + BUILDS.incrementAndGet());
        problems.addAll(build(ks, releaseId, files));
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            throw new RulesetInvalidException(problems);
        }
        KieContainer container = ks.newKieContainer(releaseId);
        boolean rawEvents = files.stream().anyMatch(f -> RAW_EVENT_PATTERN.matcher(f.content()).find());
        return new Ruleset(version(files), clock.instant(), source, files, catalog, container, poolSize, rawEvents);
    }

    /** Content hash of the files (path and text), so the version names exactly what was compiled. */
    public static String version(List<RuleFile> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (RuleFile file : files) {
                sha.update(file.path().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(file.content().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private List<DrlProblem> build(KieServices ks, ReleaseId releaseId, List<RuleFile> files) {
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        files.forEach(f -> kfs.write(KIE_ROOT + f.path(), f.content()));
        try {
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
            return builder.getResults().getMessages(Message.Level.ERROR).stream().map(this::toProblem).toList();
        } catch (RuntimeException crash) {
            // Some invalid DRL crashes the compiler instead of being reported; name the file(s) that do it.
            return blameCrash(ks, files, crash);
        }
    }

    private List<DrlProblem> blameCrash(KieServices ks, List<RuleFile> files, RuntimeException crash) {
        List<DrlProblem> problems = new ArrayList<>();
        for (RuleFile file : files) {
            KieFileSystem single = ks.newKieFileSystem().write(KIE_ROOT + file.path(), file.content());
            try {
                ks.newKieBuilder(single).buildAll();
            } catch (RuntimeException e) {
                problems.add(new DrlProblem(file.path(), 0, 0, "Drools could not compile this file: " + describe(e)));
            }
        }
        if (problems.isEmpty()) {
            problems.add(new DrlProblem("", 0, 0, "Drools could not compile the ruleset: " + describe(crash)));
        }
        return problems;
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private DrlProblem toProblem(Message message) {
        String path = message.getPath() == null ? "" : message.getPath();
        int root = path.indexOf(KIE_ROOT);
        String file = root >= 0 ? path.substring(root + KIE_ROOT.length()) : path;
        // type errors name the file relative to the resources root ("leadrules/fit.drl"), not the module root
        String resourceRoot = KIE_ROOT.substring("src/main/resources/".length());
        if (root < 0 && file.startsWith(resourceRoot)) {
            file = file.substring(resourceRoot.length());
        }
        return new DrlProblem(file, message.getLine(), message.getColumn(), message.getText().trim());
    }
}
