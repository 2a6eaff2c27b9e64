package io.leadrules.rules.policy;

import io.leadrules.rules.policy.ExpressionScanner.Kind;
import io.leadrules.rules.policy.ExpressionScanner.Token;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Holds a constraint or a consequence to the small language marketers write, by parsing its tokens with a grammar
 * of only what is allowed: literals, bound variables ({@code $hit}), the facts' fields and helpers, comparison,
 * arithmetic and logic, {@code in (...)}; and, as consequence, only {@code score.award(drools, ...)} and
 * {@code score.decay(drools, ...)}. Anything else stops the parse at its first token, which is then described.
 * Not a Java parser: whatever this grammar does not name is refused, not interpreted.
 */
final class ExpressionCheck {

    /** Where (index in the checked text) and what is not allowed. */
    record Refusal(int offset, String message) {
    }

    private enum Mode { CONDITION, ARGUMENT }

    private static final Pattern NUMBER = Pattern.compile(
            "0[xX][0-9a-fA-F_]+[lL]?|[0-9][0-9_]*(\\.[0-9][0-9_]*)?([eE][+-]?[0-9]+)?[lLfFdDbBiI]?");
    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
    private static final Set<String> JAVA_ROOTS = Set.of("java", "javax", "jakarta", "jdk", "sun", "com", "org", "net", "io");
    private static final Set<String> SYSTEM_CLASSES = Set.of("System", "Runtime", "Thread", "Class", "ClassLoader",
            "Process", "ProcessBuilder", "ProcessHandle", "Object", "String", "Math", "Files", "Paths", "Path", "File",
            "Method", "Field", "Constructor", "MethodHandles", "Unsafe", "ScriptEngineManager", "Proxy", "Array",
            "Integer", "Long", "Double", "Boolean", "StringBuilder", "Instant", "Duration");
    private static final Set<String> REFLECTION = Set.of("class", "getClass", "forName", "getMethod", "getMethods",
            "getDeclaredMethod", "getDeclaredField", "getField", "invoke", "newInstance", "getConstructor",
            "setAccessible", "loadClass", "getClassLoader", "getRuntime", "exec", "exit", "halt", "setProperty",
            "getProperty", "getenv", "lookup", "start");
    private static final Set<String> ENGINE_NAMES = Set.of("drools", "kcontext");
    private static final Set<String> CONSEQUENCE_VERBS = Set.of("modify", "update", "insert", "insertLogical",
            "delete", "retract", "if", "for", "while", "do", "switch", "return", "throw", "try", "synchronized");
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("[", "an inline list or map, or indexing, with [...]"),
            Map.entry("]", "an inline list or map, or indexing, with [...]"),
            Map.entry("{", "a block { ... }"),
            Map.entry("}", "a block { ... }"),
            Map.entry("=", "an assignment"),
            Map.entry(";", "a second statement"),
            Map.entry("->", "a lambda (->)"),
            Map.entry("::", "a method reference (::)"),
            Map.entry(":=", "unification (:=)"),
            Map.entry("?", "a conditional (? :)"),
            Map.entry("?.", "a null-safe call (?.)"),
            Map.entry("!.", "a null-safe call (!.)"),
            Map.entry("#", "an MVEL cast (#)"),
            Map.entry("@", "an MVEL template (@)"),
            Map.entry("`", "a backquote"),
            Map.entry("++", "an increment"),
            Map.entry("--", "a decrement"));

    private final List<Token> tokens;
    private final Mode mode;
    private final Set<String> bindings;
    private int pos;

    private ExpressionCheck(List<Token> tokens, Mode mode, Set<String> bindings) {
        this.tokens = tokens;
        this.mode = mode;
        this.bindings = bindings;
    }

    /**
     * A constraint inside a pattern, as MVEL will compile it: {@code type == "Email Opened"}, {@code $t : jobTitle},
     * {@code !titleContains("cmo")}, {@code industry in ("Apparel", "Beauty")}, {@code daysAgo < $e.daysAgo}.
     */
    static Optional<Refusal> condition(String text, Set<String> bindings) {
        ExpressionCheck check = new ExpressionCheck(ExpressionScanner.scan(text, false), Mode.CONDITION, bindings);
        return check.run(() -> {
            if (check.peek(1) != null && check.peek(1).is(":") && check.peek(0).kind() == Kind.NAME) {
                check.binding(check.next("a binding"));
                check.pos++;
            }
            check.expression();
            check.end();
        });
    }

    /** A consequence, as Java will compile it: statements {@code score.award(drools, ...);} or {@code score.decay(drools, $hit);}. */
    static Optional<Refusal> consequence(String text, Set<String> bindings) {
        ExpressionCheck check = new ExpressionCheck(ExpressionScanner.scan(text, true), Mode.ARGUMENT, bindings);
        return check.run(() -> {
            while (check.peek(0) != null) {
                if (check.peek(0).is(";")) {
                    check.pos++;
                } else {
                    check.recorderCall();
                }
            }
        });
    }

    private Optional<Refusal> run(Runnable parse) {
        try {
            // Text the scanner could not read safely comes first: the grammar would only stumble over its pieces.
            tokens.stream().filter(t -> t.kind() == Kind.INVALID).findFirst().ifPresent(t -> {
                throw refuse(t, describe(t));
            });
            parse.run();
            return Optional.empty();
        } catch (Refused r) {
            return Optional.of(new Refusal(r.offset, r.getMessage()));
        }
    }

    /** {@code score.award(drools[, points], reason)} or {@code score.decay(drools, $hit)}, then {@code ;} or the end. */
    private void recorderCall() {
        Token start = peek(0);
        if (!start.is(RuleVocabulary.RECORDER) || peek(1) == null || !peek(1).is(".") || peek(2) == null
                || !(peek(2).is("award") || peek(2).is("decay"))) {
            throw refuse(start.is(RuleVocabulary.RECORDER) && peek(2) != null ? peek(2) : start, statementMessage(start));
        }
        String verb = peek(2).text();
        pos += 3;
        expect("(");
        Token drools = next("the rule context \"drools\"");
        if (!drools.is("drools")) {
            throw refuse(drools, "score." + verb + "(...) takes \"drools\" as its first argument");
        }
        if (peekIs(".")) {
            throw refuse(peek(0), "\"drools\" may only be passed on to score." + verb + ", not used (drools.)");
        }
        int arguments = 0;
        while (peek(0) != null && peek(0).is(",")) {
            pos++;
            expression();
            arguments++;
        }
        expect(")");
        boolean award = verb.equals("award");
        if (award && (arguments < 1 || arguments > 2) || !award && arguments != 1) {
            throw refuse(start, award ? "score.award takes (drools, \"reason\") or (drools, points, \"reason\")"
                    : "score.decay takes (drools, $hit)");
        }
        if (peek(0) != null && !peek(0).is(";")) {
            throw refuse(peek(0), describe(peek(0)) + " after score." + verb + "(...)");
        }
    }

    private String statementMessage(Token start) {
        String what = start.kind() == Kind.NAME && CONSEQUENCE_VERBS.contains(start.text())
                ? "\"" + start.text() + "\"" : describe(start);
        return what + (what.startsWith("\"") && what.endsWith("\"") ? ":" : ";")
                + " a consequence may only call score.award(drools, ...) or score.decay(drools, $hit)";
    }

    private void expression() {
        conjunction();
        while (peekIs("||")) {
            pos++;
            conjunction();
        }
    }

    private void conjunction() {
        comparison();
        while (peekIs("&&")) {
            pos++;
            comparison();
        }
    }

    private void comparison() {
        sum();
        Token t = peek(0);
        if (t == null) {
            return;
        }
        if (t.kind() == Kind.SYMBOL && COMPARISONS.contains(t.text())) {
            pos++;
            sum();
        } else if (mode == Mode.CONDITION && (t.is("in") || t.is("not") && peek(1) != null && peek(1).is("in"))) {
            pos += t.is("not") ? 2 : 1;
            arguments();
        }
    }

    private void sum() {
        product();
        while (peekIs("+") || peekIs("-")) {
            pos++;
            product();
        }
    }

    private void product() {
        unary();
        while (peekIs("*") || peekIs("/") || peekIs("%")) {
            pos++;
            unary();
        }
    }

    private void unary() {
        if (peekIs("!") || peekIs("-") || peekIs("+")) {
            pos++;
            unary();
            return;
        }
        primary();
        while (peekIs(".")) {
            pos++;
            Token member = next("a field or helper after \".\"");
            if (member.kind() != Kind.NAME || !RuleVocabulary.isMember(member.text())) {
                throw refuse(member, describe(member));
            }
            if (peekIs("(")) {
                arguments();
            }
        }
    }

    private void primary() {
        Token t = next("a value");
        switch (t.kind()) {
            case TEXT -> {
                return;
            }
            case NUMBER -> {
                if (!NUMBER.matcher(t.text()).matches()) {
                    throw refuse(t, describe(t));
                }
                return;
            }
            case NAME -> {
                if (t.is("null") || t.is("true") || t.is("false")) {
                    return;
                }
                if (t.text().startsWith("$")) {
                    binding(t);
                    return;
                }
                if (mode == Mode.CONDITION && RuleVocabulary.isMember(t.text())) {
                    if (peekIs("(")) {
                        arguments();
                    }
                    return;
                }
                throw refuse(t, describe(t));
            }
            case SYMBOL -> {
                if (t.is("(")) {
                    expression();
                    expect(")");
                    return;
                }
                throw refuse(t, describe(t));
            }
            default -> throw refuse(t, describe(t));
        }
    }

    /** {@code (a, b, ...)}: a helper's arguments or an {@code in} list. */
    private void arguments() {
        expect("(");
        if (peekIs(")")) {
            pos++;
            return;
        }
        expression();
        while (peekIs(",")) {
            pos++;
            expression();
        }
        expect(")");
    }

    /** A variable bound in this rule; bindings are written with a leading {@code $} so they cannot pass for anything else. */
    private void binding(Token t) {
        if (!t.text().startsWith("$")) {
            throw refuse(t, "the binding \"" + t.text() + "\" must start with $ (e.g. $" + t.text() + " : ...)");
        }
        if (!bindings.contains(t.text())) {
            throw refuse(t, "\"" + t.text() + "\" is not bound in this rule");
        }
    }

    private void end() {
        if (peek(0) != null) {
            throw refuse(peek(0), describe(peek(0)));
        }
    }

    private void expect(String symbol) {
        Token t = next("\"" + symbol + "\"");
        if (!t.is(symbol)) {
            boolean plain = t.kind() == Kind.SYMBOL && !SYMBOLS.containsKey(t.text()) || t.kind() == Kind.TEXT;
            throw refuse(t, plain ? describe(t) + " where \"" + symbol + "\" was expected" : describe(t));
        }
    }

    private Token next(String expected) {
        Token t = peek(0);
        if (t == null) {
            int at = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).offset();
            throw new Refused(at, "the text ends where " + expected + " was expected");
        }
        pos++;
        return t;
    }

    private Token peek(int ahead) {
        return pos + ahead < tokens.size() ? tokens.get(pos + ahead) : null;
    }

    private boolean peekIs(String symbol) {
        return peek(0) != null && peek(0).kind() == Kind.SYMBOL && peek(0).is(symbol);
    }

    /** What a refused token is, in words, with what to write instead where there is an obvious alternative. */
    private String describe(Token t) {
        int index = tokens.indexOf(t);
        Token next = index + 1 < tokens.size() ? tokens.get(index + 1) : null;
        Token after = index + 2 < tokens.size() ? tokens.get(index + 2) : null;
        String text = t.text();
        return switch (t.kind()) {
            case INVALID -> text + " is not allowed";
            case TEXT -> "quoted text is not allowed here";
            case NUMBER -> "\"" + text + "\" is not a number";
            case SYMBOL -> SYMBOLS.containsKey(text) ? capitalize(SYMBOLS.get(text)) + " is not allowed"
                    : "\"" + text + "\" is not allowed here";
            case NAME -> describeName(text, next, after);
        };
    }

    private String describeName(String name, Token next, Token after) {
        boolean dotted = next != null && next.is(".");
        if (name.equals("new")) {
            return "Creating objects with \"new\" is not allowed";
        }
        if (dotted && JAVA_ROOTS.contains(name)) {
            return "The fully qualified name \"" + name + "." + (after == null ? "" : after.text())
                    + "...\" is not allowed: rules cannot use Java classes";
        }
        if (SYSTEM_CLASSES.contains(name)) {
            return "\"" + name + "\" is not allowed: rules cannot use Java classes, reflection or the system";
        }
        if (REFLECTION.contains(name)) {
            return "\"" + name + "\" is not allowed: rules cannot use reflection, processes or the system";
        }
        if (dotted && RuleVocabulary.isFact(name)) {
            return "The static call \"" + name + "." + (after == null ? "" : after.text())
                    + "\" is not allowed: use the facts' fields and helpers";
        }
        if (ENGINE_NAMES.contains(name)) {
            return "\"" + name + "\" may only be the first argument of score.award(...) or score.decay(...)";
        }
        if (name.equals(RuleVocabulary.RECORDER)) {
            return "\"score\" may only be called as score.award(drools, ...) or score.decay(drools, $hit)";
        }
        if (mode == Mode.ARGUMENT && RuleVocabulary.isMember(name)) {
            return "\"" + name + "\" needs the fact it belongs to: bind the fact ($lead : Lead()) and write $lead."
                    + name;
        }
        if (next != null && next.is("(")) {
            return "Calling \"" + name + "(...)\" is not allowed: only the facts' helpers (such as titleContains,"
                    + " attribute, countWithin, followsWithin) may be called";
        }
        return "\"" + name + "\" is not allowed: it is not a field or helper of " + RuleVocabulary.factNames();
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Refused refuse(Token t, String message) {
        return new Refused(t.offset(), message);
    }

    /** Ends the parse at the first refused token; the grammar has no recovery to make. */
    private static final class Refused extends RuntimeException {

        private final int offset;

        Refused(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }
}
