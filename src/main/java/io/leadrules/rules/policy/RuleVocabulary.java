package io.leadrules.rules.policy;

import io.leadrules.model.Activity;
import io.leadrules.model.Event;
import io.leadrules.model.Lead;
import io.leadrules.model.RuleHit;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The allow-list of the strict policy: the facts the engine inserts into a session and the names a condition or a
 * consequence may use on them. Derived from the model classes, so a new helper on {@link Lead} is usable at once;
 * {@code RuleVocabularyTest} pins the list, because every public method of a fact is callable by untrusted DRL.
 */
final class RuleVocabulary {

    /** What the scoring engine inserts: the lead, one activity per event type, raw events, and hits for decay rules. */
    static final List<Class<?>> FACTS = List.of(Lead.class, Activity.class, Event.class, RuleHit.class);

    static final String FACT_PACKAGE = "io.leadrules.model";

    /** The points recorder every file declares as {@code global io.leadrules.scoring.HitRecorder score;}. */
    static final String RECORDER = "score";
    static final String RECORDER_TYPE = "io.leadrules.scoring.HitRecorder";

    /** The rule metadata the catalog and the engine read (RuleCatalog, HitRecorder). */
    static final Set<String> ANNOTATIONS = Set.of("category", "points", "cap", "description", "share", "everyDays");

    private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString");

    /** Public instance methods of the facts, and the bean properties their getters give, e.g. {@code daysSinceLast}. */
    static final Set<String> MEMBERS = members();

    private RuleVocabulary() {
    }

    static boolean isFact(String simpleName) {
        return FACTS.stream().anyMatch(c -> c.getSimpleName().equals(simpleName));
    }

    static boolean isMember(String name) {
        return MEMBERS.contains(name);
    }

    static String factNames() {
        return String.join(", ", FACTS.stream().map(Class::getSimpleName).toList());
    }

    private static Set<String> members() {
        Set<String> names = new TreeSet<>();
        for (Class<?> fact : FACTS) {
            for (Method m : fact.getDeclaredMethods()) {
                int mod = m.getModifiers();
                // Setters would let a condition change the facts it matches; equals and friends are no vocabulary.
                if (!Modifier.isPublic(mod) || Modifier.isStatic(mod) || m.isSynthetic() || m.isBridge()
                        || m.getName().startsWith("set") || OBJECT_METHODS.contains(m.getName())) {
                    continue;
                }
                names.add(m.getName());
                String property = property(m);
                if (property != null) {
                    names.add(property);
                }
            }
        }
        return Set.copyOf(names);
    }

    private static String property(Method m) {
        String name = m.getName();
        if (m.getParameterCount() > 0) {
            return null;
        }
        if (name.startsWith("get") && name.length() > 3) {
            return decapitalize(name.substring(3));
        }
        if (name.startsWith("is") && name.length() > 2 && m.getReturnType() == boolean.class) {
            return decapitalize(name.substring(2));
        }
        return null;
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
