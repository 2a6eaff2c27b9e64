package io.leadrules.rules;

import io.leadrules.model.Category;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule of a ruleset with its declared metadata, read from the DRL source so that line numbers and
 * duplicates across files are known. Also checks what Drools does not: each rule has a known category and
 * numeric points, and no two rules share a name.
 */
public final class RuleCatalog {

    /** How a second rule of the same name is reported (the Drools build's own echoes of it are dropped). */
    static final String DUPLICATE_NAME = "Duplicate rule name";

    private final Map<String, RuleInfo> rules;

    private RuleCatalog(Map<String, RuleInfo> rules) {
        this.rules = rules;
    }

    public Optional<RuleInfo> rule(String name) {
        return Optional.ofNullable(rules.get(name));
    }

    public Collection<RuleInfo> rules() {
        return rules.values();
    }

    /** The catalog of stored files (already validated when they were activated); metadata problems are skipped. */
    public static RuleCatalog of(List<RuleFile> files) {
        List<DrlSource> sources = new java.util.ArrayList<>();
        for (RuleFile file : files) {
            try {
                sources.add(DrlSource.of(file));
            } catch (RulesetInvalidException unreadable) {
                // A stored table was readable when activated; if it is not now, it simply names no rules.
            }
        }
        return readSources(sources, new java.util.ArrayList<>());
    }

    /** Reads the rules of all files, appending what is wrong with them (an unreadable table too) to {@code problems}. */
    static RuleCatalog read(List<RuleFile> files, List<DrlProblem> problems) {
        List<DrlSource> sources = new java.util.ArrayList<>();
        for (RuleFile file : files) {
            try {
                sources.add(DrlSource.of(file));
            } catch (RulesetInvalidException unreadable) {
                problems.addAll(unreadable.problems());
            }
        }
        return readSources(sources, problems);
    }

    /**
     * Reads the rules of all files, appending what is wrong with their metadata to {@code problems}. A rule of a point
     * table is placed at its row: its line is the row, and problems name the row and cell.
     */
    static RuleCatalog readSources(List<DrlSource> sources, List<DrlProblem> problems) {
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        for (DrlSource source : sources) {
            RuleFile file = source.file();
            List<DrlProblem> found = new java.util.ArrayList<>();
            for (RuleDescr descr : parse(source.drl())) {
                readRule(file, descr, found).map(info -> inTable(info, source, descr)).ifPresent(info -> {
                    RuleInfo previous = rules.putIfAbsent(info.name(), info);
                    if (previous != null) {
                        found.add(new DrlProblem(file.path(), descr.getLine(), 1, DUPLICATE_NAME + " \""
                                + info.name() + "\": also defined in " + previous.file() + " line " + previous.line()));
                    }
                });
            }
            found.stream().map(source::locate).forEach(problems::add);
        }
        return new RuleCatalog(rules);
    }

    /** A rule generated from a table row: it starts and ends on that row. */
    private static RuleInfo inTable(RuleInfo info, DrlSource source, RuleDescr descr) {
        return source.ruleRow(descr.getName()).map(cell -> new RuleInfo(info.name(), info.file(), cell.row(),
                cell.row(), info.category(), info.points(), info.cap(), info.description(), info.metadata(),
                info.eventUse(), cell.row())).orElse(info);
    }

    /** Syntax errors are left to the Drools build, which reports them with positions; here we skip such files. */
    private static List<RuleDescr> parse(String drl) {
        try {
            DrlParser parser = new DrlParser();
            PackageDescr pkg = parser.parse(false, drl);
            return parser.hasErrors() || pkg == null ? List.of() : pkg.getRules();
        } catch (DroolsParserException | RuntimeException e) {
            return List.of();
        }
    }

    private static Optional<RuleInfo> readRule(RuleFile file, RuleDescr descr, List<DrlProblem> problems) {
        int before = problems.size();
        Map<String, String> meta = metadata(descr);
        String where = "Rule \"" + descr.getName() + "\"";
        String category = meta.get("category");
        if (category == null) {
            problems.add(at(file, descr, where + " has no @category: add one of @category(\"fit\"), \"intent\", \"negative\", \"disqualify\" or \"decay\""));
        } else if (Category.ofRuleLabel(category).isEmpty()) {
            problems.add(at(file, descr, where + " has unknown category \"" + category + "\": use fit, intent, negative, disqualify or decay"));
        }
        BigDecimal points = number(meta, "points", file, descr, problems);
        // A disqualifier vetoes MQL: points are optional (none by default), as a negative rule's if given.
        if ("disqualify".equals(category) && points == null && !meta.containsKey("points")) {
            points = BigDecimal.ZERO;
        }
        BigDecimal cap = number(meta, "cap", file, descr, problems);
        checkAmounts(category, points, cap, file, descr, problems);
        if ("decay".equals(category)) {
            checkDecayTerms(meta, file, descr, problems);
        } else if (category != null && points == null && !meta.containsKey("points")) {
            problems.add(at(file, descr, where + " has no @points: add the points it gives, e.g. @points(10)"));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new RuleInfo(descr.getName(), file.path(), descr.getLine(), descr.getEndLine(), category,
                points, cap, meta.get("description"), Map.copyOf(meta), EventUseReader.read(descr), null));
    }

    private static Map<String, String> metadata(RuleDescr descr) {
        Map<String, String> meta = new HashMap<>();
        for (AnnotationDescr annotation : descr.getAnnotations()) {
            Object value = annotation.getSingleValueStripped();
            meta.put(annotation.getName(), value == null ? "" : AnnotationDescr.unquote(value.toString().trim()));
        }
        return meta;
    }

    /**
     * A decay rule keeps {@code (1 - share) ^ (age / everyDays)} of a hit's points: a share outside (0, 1) would
     * add points, take none, or take them all at once (and a negative base has no real power); a period of zero
     * or less has no meaning. Share 1 is refused too: it would wipe a hit out the moment its signal is not new.
     */
    private static void checkDecayTerms(Map<String, String> meta, RuleFile file, RuleDescr descr,
                                        List<DrlProblem> problems) {
        String where = "Decay rule \"" + descr.getName() + "\"";
        BigDecimal share = requireNumber(meta, "share", file, descr, problems);
        if (share != null && (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) >= 0)) {
            problems.add(at(file, descr, where + ": @share(" + meta.get("share") + ") must be above 0 and below 1,"
                    + " the part of the points lost per period, e.g. @share(0.25) for a quarter"));
        }
        BigDecimal everyDays = requireNumber(meta, "everyDays", file, descr, problems);
        if (everyDays != null && everyDays.signum() <= 0) {
            problems.add(at(file, descr, where + ": @everyDays(" + meta.get("everyDays") + ") must be above 0,"
                    + " the days of one period, e.g. @everyDays(91) for a quarter"));
        }
    }

    /**
     * Points and caps are amounts a marketer reads in the explanation: cents at most, and within a million (a typo
     * such as {@code 1e999} would otherwise make every score of the lead a thousand-digit number). A negative rule
     * takes points away, and a cap is a most-points value, so neither makes sense with the other sign.
     */
    private static void checkAmounts(String category, BigDecimal points, BigDecimal cap, RuleFile file,
                                     RuleDescr descr, List<DrlProblem> problems) {
        String where = "Rule \"" + descr.getName() + "\"";
        checkAmount(where, "points", points, file, descr, problems);
        checkAmount(where, "cap", cap, file, descr, problems);
        if (points != null && points.signum() > 0 && ("negative".equals(category) || "disqualify".equals(category))) {
            problems.add(at(file, descr, where + ": a " + category + " rule takes points away"
                    + ("negative".equals(category) ? "" : ", if any") + ": write @points(-" + points.toPlainString() + ")"));
        }
        if (cap != null && cap.signum() < 0) {
            problems.add(at(file, descr, where + ": @cap(" + cap.toPlainString() + ") must be 0 or more: the most points"
                    + " the rule gives (or, for a negative rule, takes) in all"));
        }
    }

    private static void checkAmount(String where, String key, BigDecimal value, RuleFile file, RuleDescr descr,
                                    List<DrlProblem> problems) {
        if (value == null) {
            return;
        }
        if (value.abs().compareTo(MAX_AMOUNT) > 0) {
            problems.add(at(file, descr, where + ": @" + key + "(" + value + ") is beyond a million points"));
        } else if (value.stripTrailingZeros().scale() > 2) {
            problems.add(at(file, descr, where + ": @" + key + "(" + value.toPlainString() + ") has more than two decimals"));
        }
    }

    private static BigDecimal requireNumber(Map<String, String> meta, String key, RuleFile file, RuleDescr descr,
                                            List<DrlProblem> problems) {
        if (!meta.containsKey(key)) {
            problems.add(at(file, descr, "Decay rule \"" + descr.getName() + "\" needs @" + key + "(...)"));
            return null;
        }
        return number(meta, key, file, descr, problems);
    }

    private static final BigDecimal MAX_AMOUNT = BigDecimal.valueOf(1_000_000);

    private static BigDecimal number(Map<String, String> meta, String key, RuleFile file, RuleDescr descr,
                                     List<DrlProblem> problems) {
        String raw = meta.get(key);
        if (raw == null) {
            return null;
        }
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            problems.add(at(file, descr, "Rule \"" + descr.getName() + "\": @" + key + "(" + raw + ") is not a number"));
            return null;
        }
    }

    private static DrlProblem at(RuleFile file, RuleDescr descr, String message) {
        return new DrlProblem(file.path(), descr.getLine(), Math.max(descr.getColumn(), 1), message);
    }

    /** Rules by name, for callers that need the whole map (e.g. to diff two rulesets). */
    public Map<String, RuleInfo> byName() {
        return new LinkedHashMap<>(rules);
    }
}
