package io.leadrules.rules;

import io.leadrules.model.Activity;
import io.leadrules.model.EventUse;
import io.leadrules.model.EventUse.Reads;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out from a rule's text which events of its {@link Activity} facts its condition reads (see
 * {@link EventUse}), from the windows of the DRL vocabulary: {@code last7Days}/{@code last30Days}/{@code last90Days},
 * {@code countWithin(n)}, {@code daysSinceLast <= n} (or {@code < n}) and {@code followsWithin("Type", n)}.
 * <p>
 * Conservative by design: an activity pattern that reads anything else of the activity (its {@code count}, its
 * {@code events}, {@code firstSeen}, a window given by a variable, a negated sequence...) reads every event of its
 * type, as does a pattern with no window at all. Patterns under {@code not}, {@code exists} and {@code forall} are
 * skipped: they put no fact into the match.
 */
final class EventUseReader {

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    /** After a window's number: the end of that test, so {@code daysSinceLast <= 7 * 2} is not taken for 7. */
    private static final String END_OF_TEST = "(?=\\s*(?:$|,|\\)|&&|\\|\\|))";
    private static final String NOT_MEMBER = "(?<![\\w$.])";
    private static final String LITERAL = "(\"[^\"]*\"|'[^']*')";

    private static final Pattern TYPE_IS = Pattern.compile(NOT_MEMBER + "type\\s*==\\s*" + LITERAL);
    private static final Pattern TYPE_IN = Pattern.compile(NOT_MEMBER + "type\\s+in\\s*\\(((?:\\s*" + LITERAL + "\\s*,?)+)\\)");
    private static final Pattern ANY_LITERAL = Pattern.compile(LITERAL);
    private static final Pattern LAST_N_DAYS = Pattern.compile(NOT_MEMBER + "last(\\d+)Days(?![\\w$])");
    private static final Pattern COUNT_WITHIN = Pattern.compile(NOT_MEMBER + "countWithin\\s*\\(\\s*" + NUMBER + "\\s*\\)");
    private static final Pattern DAYS_SINCE_AT_MOST = Pattern.compile(NOT_MEMBER + "daysSinceLast\\s*(<=|<)\\s*" + NUMBER + END_OF_TEST);
    /** A lower bound on the newest event's age narrows nothing: the events read are those of the upper bound. */
    private static final Pattern DAYS_SINCE_AT_LEAST = Pattern.compile(NOT_MEMBER + "daysSinceLast\\s*(>=|>)\\s*" + NUMBER + END_OF_TEST);
    private static final Pattern FOLLOWS_WITHIN = Pattern.compile(NOT_MEMBER + "followsWithin\\s*\\(\\s*" + LITERAL + "\\s*,\\s*" + NUMBER + "\\s*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile(NOT_MEMBER + "([A-Za-z_]\\w*)");

    /** Everything of an Activity a condition can read besides its type: any of it not in a known window reads all. */
    private static final Set<String> ACTIVITY_READS = activityReads();

    private EventUseReader() {
    }

    static EventUse read(RuleDescr rule) {
        List<Map.Entry<Set<String>, Reads>> patterns = new ArrayList<>();
        collect(rule.getLhs(), patterns);
        return patterns.isEmpty() ? EventUse.ALL : EventUse.of(patterns);
    }

    private static void collect(BaseDescr descr, List<Map.Entry<Set<String>, Reads>> patterns) {
        if (descr instanceof PatternDescr pattern) {
            if (isActivity(pattern) && !(pattern.getSource() instanceof AccumulateDescr)
                    && !(pattern.getSource() instanceof CollectDescr)) {
                String condition = String.join(", ", constraints(pattern));
                patterns.add(Map.entry(types(condition), reads(condition)));
            }
        } else if (descr instanceof NotDescr || descr instanceof ExistsDescr || descr instanceof ForallDescr) {
            return;
        } else if (descr instanceof ConditionalElementDescr group) {
            group.getDescrs().forEach(child -> collect(child, patterns));
        }
    }

    private static boolean isActivity(PatternDescr pattern) {
        String type = pattern.getObjectType();
        return type != null && (type.equals("Activity") || type.equals(Activity.class.getName()));
    }

    private static List<String> constraints(PatternDescr pattern) {
        List<String> texts = new ArrayList<>();
        addConstraints(pattern.getDescrs(), texts);
        return texts;
    }

    private static void addConstraints(List<? extends BaseDescr> descrs, List<String> texts) {
        for (BaseDescr descr : descrs) {
            if (descr instanceof ExprConstraintDescr expr) {
                texts.add(expr.getExpression());
            } else if (descr instanceof ConditionalElementDescr group) {
                addConstraints(group.getDescrs(), texts);
            } else if (descr.getText() != null) {
                texts.add(descr.getText());
            }
        }
    }

    /** The event types a pattern is limited to ({@code type == "X"}, {@code type in ("X", "Y")}); empty: any. */
    static Set<String> types(String condition) {
        Set<String> types = new LinkedHashSet<>();
        Matcher is = TYPE_IS.matcher(condition);
        while (is.find()) {
            types.add(unquote(is.group(1)));
        }
        Matcher in = TYPE_IN.matcher(condition);
        while (in.find()) {
            Matcher literal = ANY_LITERAL.matcher(in.group(1));
            while (literal.find()) {
                types.add(unquote(literal.group(1)));
            }
        }
        return types;
    }

    /** What one pattern's condition reads of its activity's events. */
    static Reads reads(String condition) {
        StringBuilder rest = new StringBuilder(condition);
        Reads reads = Reads.NOTHING;
        reads = reads.and(take(rest, LAST_N_DAYS, m -> Reads.window(Double.parseDouble(m.group(1)), true)));
        reads = reads.and(take(rest, COUNT_WITHIN, m -> Reads.window(Double.parseDouble(m.group(1)), true)));
        reads = reads.and(take(rest, DAYS_SINCE_AT_MOST,
                m -> Reads.window(Double.parseDouble(m.group(2)), m.group(1).equals("<="))));
        take(rest, DAYS_SINCE_AT_LEAST, m -> Reads.NOTHING);
        reads = reads.and(take(rest, FOLLOWS_WITHIN, m -> negated(condition, m.start()) ? Reads.ALL
                : Reads.sequence(unquote(m.group(1)), Double.parseDouble(m.group(2)))));
        take(rest, TYPE_IS, m -> Reads.NOTHING);
        take(rest, TYPE_IN, m -> Reads.NOTHING);
        if (readsMore(rest.toString()) || reads.readsNothing()) {
            return Reads.ALL;
        }
        return reads;
    }

    /** The reads of every match of {@code test}, blanking the matched text so that the rest can be checked. */
    private static Reads take(StringBuilder text, Pattern test, Function<Matcher, Reads> reads) {
        Reads taken = Reads.NOTHING;
        Matcher m = test.matcher(text);
        while (m.find()) {
            taken = taken.and(reads.apply(m));
            for (int i = m.start(); i < m.end(); i++) {
                text.setCharAt(i, ' ');
            }
        }
        return taken;
    }

    /** {@code !followsWithin(...)}: true when no pair exists, so every event of both types was looked at. */
    private static boolean negated(String condition, int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(condition.charAt(i))) {
            i--;
        }
        return i >= 0 && condition.charAt(i) == '!';
    }

    /** Whether what is left of the condition, literals aside, still reads the activity some other way. */
    private static boolean readsMore(String rest) {
        Matcher id = IDENTIFIER.matcher(ANY_LITERAL.matcher(rest).replaceAll("\"\""));
        while (id.find()) {
            if (ACTIVITY_READS.contains(id.group(1))) {
                return true;
            }
        }
        return false;
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String unquote(String literal) {
        return literal.substring(1, literal.length() - 1);
    }

    /** Activity's public methods, as called and as bean properties ({@code getCount} is also {@code count}). */
    private static Set<String> activityReads() {
        Set<String> names = new HashSet<>();
        for (Method method : Activity.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String name = method.getName();
            names.add(name);
            if (name.startsWith("get") && name.length() > 3) {
                names.add(decapitalize(name.substring(3)));
            } else if (name.startsWith("is") && name.length() > 2) {
                names.add(decapitalize(name.substring(2)));
            }
        }
        names.add("this");
        names.remove("type");
        names.remove("getType");
        return Set.copyOf(names);
    }
}
