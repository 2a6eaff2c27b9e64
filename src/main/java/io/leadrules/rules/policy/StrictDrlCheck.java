package io.leadrules.rules.policy;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The strict rules policy, applied to one DRL file before Drools sees it. DRL is code: a consequence, an {@code eval},
 * a {@code function}, a {@code from} expression, a dynamic salience and even a rule annotation (evaluated by MVEL when
 * the rules are built) can run any Java. So the file is parsed with the parser Drools itself uses, and every piece
 * Drools would compile is held to an allow-list: imports of the model's facts, the {@code score} global, patterns over
 * the facts with constraints in the rules vocabulary ({@link ExpressionCheck}), literal annotations and attributes, and
 * consequences that only call {@code score.award} or {@code score.decay}. Anything else is a violation, located.
 * A file that does not parse cannot be checked: its parser errors are its violations.
 */
public final class StrictDrlCheck {

    private static final String POLICY = " (strict rules policy)";
    /** Java and MVEL decode {@code \u0052} anywhere, even in comments and quoted text: it could smuggle any name in. */
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u");
    private static final Pattern PACKAGE = Pattern.compile("leadrules(\\.[a-z][a-z0-9_]*)*");
    private static final Pattern CONSTRAINT_BINDING = Pattern.compile("^\\s*(\\$?[A-Za-z_][A-Za-z0-9_$]*)\\s*:(?!=)");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,9}");
    private static final Set<String> BOOLEAN_ATTRIBUTES = Set.of("no-loop", "lock-on-active");
    private static final String FACT_HINT = "counts and recency are precomputed on Activity (count, last7Days,"
            + " last30Days, last90Days, countWithin(n), daysSinceLast, followsWithin(\"Type\", n))";

    private final String text;
    private final int[] lineStarts;
    private final List<PolicyViolation> violations = new ArrayList<>();

    private StrictDrlCheck(String text) {
        this.text = text;
        this.lineStarts = lineStarts(text);
    }

    /** Everything in {@code drl} that the strict policy refuses; empty when Drools may build it. */
    public static List<PolicyViolation> check(String drl) {
        StrictDrlCheck check = new StrictDrlCheck(drl);
        check.run();
        return check.violations.stream()
                .sorted(Comparator.comparingInt(PolicyViolation::line).thenComparingInt(PolicyViolation::column)).toList();
    }

    private void run() {
        Matcher escape = UNICODE_ESCAPE.matcher(text);
        while (escape.find()) {
            addAt(escape.start(), "A unicode escape (\\u...) is not allowed, not even in quoted text or comments: Java"
                    + " and MVEL decode it into code; type the character itself" + POLICY);
        }
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException | RuntimeException e) {
            violations.add(new PolicyViolation(1, 1, "The file cannot be parsed, so it cannot be checked: " + e.getMessage()));
            return;
        }
        if (parser.hasErrors() || pkg == null) {
            parser.getErrors().forEach(this::addParserError);
            if (pkg == null && !parser.hasErrors()) {
                violations.add(new PolicyViolation(1, 1, "The file cannot be parsed, so it cannot be checked"));
            }
            return;
        }
        checkPackage(pkg);
        pkg.getRules().forEach(this::checkRule);
    }

    /** As Drools reports them ("[ERR 102] Line 11:0 mismatched input 'then'..."), with a 1-based column. */
    private void addParserError(DroolsError error) {
        int line = error instanceof ParserError p ? p.getRow() : error.getLines().length > 0 ? error.getLines()[0] : 0;
        int column = error instanceof ParserError p && line > 0 ? p.getCol() + 1 : 0;
        violations.add(new PolicyViolation(line, column, error.getMessage()));
    }

    private void checkPackage(PackageDescr pkg) {
        if (!PACKAGE.matcher(pkg.getName()).matches()) {
            add(pkg, null, "The package \"" + pkg.getName() + "\" is not allowed: start the file with"
                    + " \"package leadrules;\" (or leadrules.something)");
        }
        pkg.getAttributes().forEach(a -> add(a, null, "The package attribute \"" + a.getName() + "\" is not allowed"));
        if (pkg.getUnit() != null) {
            add(pkg.getUnit(), null, "A rule unit is not allowed");
        }
        for (ImportDescr i : pkg.getImports()) {
            String target = i.getTarget();
            boolean fact = target.startsWith(RuleVocabulary.FACT_PACKAGE + ".")
                    && RuleVocabulary.isFact(target.substring(RuleVocabulary.FACT_PACKAGE.length() + 1));
            if (!fact) {
                add(i, null, "\"import " + target + "\" is not allowed: import only the model's facts ("
                        + RuleVocabulary.FACTS.stream().map(Class::getName).reduce((a, b) -> a + ", " + b).orElseThrow() + ")");
            }
        }
        for (FunctionImportDescr i : pkg.getFunctionImports()) {
            add(i, null, "\"import function/static " + i.getTarget() + "\" is not allowed: rules call no functions");
        }
        pkg.getAccumulateImports().forEach(i -> add(i, null, "\"import accumulate " + i.getTarget()
                + "\" is not allowed: " + FACT_HINT));
        for (GlobalDescr g : pkg.getGlobals()) {
            if (!RuleVocabulary.RECORDER.equals(g.getIdentifier()) || !RuleVocabulary.RECORDER_TYPE.equals(g.getType())) {
                add(g, null, "\"global " + g.getType() + " " + g.getIdentifier() + "\" is not allowed: the only global is"
                        + " \"global " + RuleVocabulary.RECORDER_TYPE + " " + RuleVocabulary.RECORDER + ";\"");
            }
        }
        for (FunctionDescr f : pkg.getFunctions()) {
            add(f, null, "The function \"" + f.getName() + "\" is not allowed: a rule file holds rules only");
        }
        for (TypeDeclarationDescr t : pkg.getTypeDeclarations()) {
            add(t, null, "\"declare " + t.getTypeName() + "\" is not allowed: rules match the model's facts ("
                    + RuleVocabulary.factNames() + ")");
        }
        pkg.getEnumDeclarations().forEach(e -> add(e, null, "\"declare enum " + e.getTypeName() + "\" is not allowed"));
        pkg.getEntryPointDeclarations().forEach(e -> add(e, null, "\"declare entry-point\" is not allowed"));
        pkg.getWindowDeclarations().forEach(w -> add(w, null, "\"declare window\" is not allowed"));
    }

    private void checkRule(RuleDescr rule) {
        if (rule.isQuery()) {
            add(rule, null, "The query \"" + rule.getName() + "\" is not allowed: a rule file holds rules only");
            return;
        }
        String where = "Rule \"" + rule.getName() + "\"";
        rule.getAnnotations().forEach(a -> checkAnnotation(rule, where, a));
        rule.getAttributes().values().forEach(a -> checkAttribute(rule, where, a));
        Set<String> bindings = new HashSet<>();
        collectBindings(rule.getLhs(), bindings);
        checkCondition(rule, where, rule.getLhs(), bindings);
        if (!rule.getNamedConsequences().isEmpty()) {
            add(rule, null, where + ": named consequences (then[" + String.join(", ", rule.getNamedConsequences().keySet())
                    + "]) are not allowed");
        }
        Object consequence = rule.getConsequence();
        if (consequence instanceof String code && !code.isBlank()) {
            int start = text.indexOf(code, Math.max(0, rule.getStartCharacter()));
            ExpressionCheck.consequence(code, bindings).ifPresent(r -> {
                String message = where + ", consequence: " + r.message();
                if (start >= 0) {
                    addAt(start + r.offset(), message + POLICY);
                } else {
                    violations.add(new PolicyViolation(Math.max(rule.getConsequenceLine(), rule.getLine()), 1, message + POLICY));
                }
            });
        } else if (consequence != null && !(consequence instanceof String)) {
            add(rule, null, where + ": this consequence cannot be checked");
        }
    }

    /** Rule metadata values are evaluated by MVEL when the rules are built: only literals may be there. */
    private void checkAnnotation(RuleDescr rule, String where, AnnotationDescr annotation) {
        String name = annotation.getName();
        int at = annotationOffset(rule, name);
        if (!RuleVocabulary.ANNOTATIONS.contains(name)) {
            addAt(at, where + ": the annotation @" + name + " is not allowed: rules take "
                    + String.join(", ", RuleVocabulary.ANNOTATIONS.stream().sorted().map(a -> "@" + a).toList()) + POLICY);
            return;
        }
        Map<String, Object> values = annotation.getValueMap();
        Object value = values.get("value");
        boolean literal = values.isEmpty()
                || values.size() == 1 && value instanceof String v && isLiteral(ExpressionScanner.scan(v, false));
        if (!literal) {
            addAt(at, where + ": the value of @" + name + " must be a number or a quoted text: annotation values are"
                    + " evaluated when the rules are built" + POLICY);
        }
    }

    /** A number (signed), a quoted text, or one plain word ({@code @points(ten)} is then reported as not a number). */
    private static boolean isLiteral(List<ExpressionScanner.Token> tokens) {
        List<ExpressionScanner.Token> rest = tokens;
        if (rest.size() == 2 && (rest.get(0).is("-") || rest.get(0).is("+"))) {
            rest = rest.subList(1, 2);
            return rest.get(0).kind() == ExpressionScanner.Kind.NUMBER;
        }
        if (rest.size() != 1) {
            return false;
        }
        ExpressionScanner.Token t = rest.get(0);
        return switch (t.kind()) {
            case TEXT, NUMBER -> true;
            case NAME -> !t.text().contains("$");
            default -> false;
        };
    }

    /** Salience as a plain number, no-loop and lock-on-active; others (dialect, timers, calendars, ...) are refused. */
    private void checkAttribute(RuleDescr rule, String where, AttributeDescr attribute) {
        String name = attribute.getName();
        String value = attribute.getValue() == null ? "" : attribute.getValue().trim();
        boolean allowed = name.equals("salience") ? INTEGER.matcher(value).matches()
                : BOOLEAN_ATTRIBUTES.contains(name) && (value.equals("true") || value.equals("false"));
        if (!allowed) {
            String what = name.equals("salience") ? "a salience that is not a plain whole number (" + value + ")"
                    : "the attribute \"" + name + "\"";
            add(attribute, rule, where + ": " + what + " is not allowed: rules may set salience <number>, no-loop"
                    + " and lock-on-active");
        }
    }

    private void checkCondition(RuleDescr rule, String where, BaseDescr descr, Set<String> bindings) {
        if (descr instanceof AndDescr || descr instanceof OrDescr || descr instanceof NotDescr
                || descr instanceof ExistsDescr || descr instanceof ForallDescr) {
            for (BaseDescr child : ((ConditionalElementDescr) descr).getDescrs()) {
                checkCondition(rule, where, child, bindings);
            }
        } else if (descr instanceof PatternDescr pattern) {
            checkPattern(rule, where, pattern, bindings);
        } else if (descr instanceof EvalDescr) {
            add(descr, rule, where + ": eval(...) is not allowed: test the facts inside their pattern, e.g."
                    + " Activity( type == \"Email Opened\", last30Days >= 3 )");
        } else if (descr instanceof ConditionalBranchDescr || descr instanceof NamedConsequenceDescr) {
            add(descr, rule, where + ": conditional consequences (if ... do[...]) are not allowed");
        } else {
            add(descr, rule, where + ": " + kind(descr) + " is not allowed in a condition");
        }
    }

    private void checkPattern(RuleDescr rule, String where, PatternDescr pattern, Set<String> bindings) {
        String type = pattern.getObjectType();
        if (pattern.isQuery()) {
            add(pattern, rule, where + ": calling the query \"" + type + "\" is not allowed");
            return;
        }
        if (pattern.getSource() != null) {
            // Its type and constraints are about what the source yields; the source alone is the problem.
            add(pattern, rule, where + ": " + sourceMessage(pattern.getSource()));
            return;
        }
        if (type == null) {
            add(pattern, rule, where + ": OOPath patterns (/...) are not allowed: match " + RuleVocabulary.factNames());
            return;
        }
        if (type.contains(".")) {
            add(pattern, rule, where + ": the fully qualified type \"" + type + "\" is not allowed: import the fact and"
                    + " write its simple name");
        } else if (!RuleVocabulary.isFact(type)) {
            add(pattern, rule, where + ": \"" + type + "\" is not a fact rules may match: use " + RuleVocabulary.factNames());
        }
        if (pattern.getIdentifier() != null && !pattern.getIdentifier().startsWith("$")) {
            add(pattern, rule, where + ": the binding \"" + pattern.getIdentifier() + "\" must start with $");
        }
        if (!pattern.getBehaviors().isEmpty()) {
            add(pattern, rule, where + ": sliding windows (over window:...) are not allowed");
        }
        if (!pattern.getAnnotations().isEmpty()) {
            add(pattern, rule, where + ": annotations on a pattern (@watch...) are not allowed");
        }
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (constraint instanceof ExprConstraintDescr expr) {
                String code = expr.getExpression();
                ExpressionCheck.condition(code, bindings).ifPresent(r -> {
                    String message = where + ", condition: " + r.message();
                    int start = expr.getStartCharacter();
                    if (start >= 0 && text.startsWith(code, start)) {
                        addAt(start + r.offset(), message + POLICY);
                    } else {
                        add(expr.getLine() > 0 ? expr : pattern, rule, message);
                    }
                });
            } else {
                add(pattern, rule, where + ": " + kind(constraint) + " is not allowed in a pattern");
            }
        }
    }

    private static String sourceMessage(PatternSourceDescr source) {
        if (source instanceof AccumulateDescr) {
            return "accumulate(...) is not allowed: " + FACT_HINT;
        }
        if (source instanceof CollectDescr) {
            return "collect(...) is not allowed: " + FACT_HINT;
        }
        if (source instanceof EntryPointDescr) {
            return "from entry-point is not allowed: the engine inserts the facts";
        }
        if (source instanceof FromDescr from) {
            return "\"from " + from.getDataSource() + "\" is not allowed: match the facts directly; " + FACT_HINT;
        }
        return kind(source) + " is not allowed";
    }

    /** Bound names of the rule: {@code $a : Activity(...)} and {@code $t : jobTitle} inside a pattern. */
    private static void collectBindings(BaseDescr descr, Set<String> bindings) {
        if (descr instanceof PatternDescr pattern) {
            if (pattern.getIdentifier() != null) {
                bindings.add(pattern.getIdentifier());
            }
            for (BaseDescr constraint : pattern.getDescrs()) {
                if (constraint instanceof ExprConstraintDescr expr) {
                    Matcher m = CONSTRAINT_BINDING.matcher(expr.getExpression());
                    if (m.find()) {
                        bindings.add(m.group(1));
                    }
                }
            }
        } else if (descr instanceof ConditionalElementDescr element) {
            element.getDescrs().forEach(child -> collectBindings((BaseDescr) child, bindings));
        }
    }

    private static String kind(BaseDescr descr) {
        return "\"" + descr.getClass().getSimpleName().replace("Descr", "").toLowerCase(Locale.ROOT) + "\"";
    }

    /** Where an annotation is written: its descr has no position, so look for {@code @name} after the rule's start. */
    private int annotationOffset(RuleDescr rule, String name) {
        Matcher m = Pattern.compile("@\\s*" + Pattern.quote(name) + "\\b").matcher(text);
        return m.find(Math.max(0, rule.getStartCharacter())) ? m.start() : Math.max(0, rule.getStartCharacter());
    }

    /** At the descr's position, else its rule's; messages from package-level checks carry no rule. */
    private void add(BaseDescr descr, RuleDescr rule, String message) {
        BaseDescr located = descr != null && descr.getLine() > 0 ? descr : rule;
        if (located != null && located.getLine() > 0) {
            violations.add(new PolicyViolation(located.getLine(), Math.max(0, located.getColumn()) + 1, message + POLICY));
        } else if (descr != null && descr.getStartCharacter() >= 0) {
            addAt(descr.getStartCharacter(), message + POLICY);
        } else {
            violations.add(new PolicyViolation(1, 1, message + POLICY));
        }
    }

    private void addAt(int offset, String message) {
        int line = lineOf(offset);
        violations.add(new PolicyViolation(line + 1, offset - lineStarts[line] + 1, message));
    }

    private int lineOf(int offset) {
        int line = 0;
        while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) {
            line++;
        }
        return line;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
