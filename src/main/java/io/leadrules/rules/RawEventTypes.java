package io.leadrules.rules;

import io.leadrules.model.Event;
import org.drools.base.base.ClassObjectType;
import org.drools.base.rule.IndexableConstraint;
import org.drools.base.util.index.ConstraintTypeOperator;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.mvel.accessors.ClassFieldReader;
import org.kie.api.KieBase;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which raw {@link Event} types the compiled rules can match at all. A rule such as
 * {@code Event(type == "Blog Post Read", daysAgo <= 90)} starts, in the Rete network, with an alpha test on the
 * type; an event of any other type is dropped by that test. When every path from {@code Event} starts with such a
 * test, scoring need not insert the other events: the rules cannot see the difference, and inserting facts is a
 * large part of the scoring time (see bench/README.md). Any other shape ({@code Event()} alone, a first test on
 * another field, an {@code Object()} pattern) means "all types".
 */
final class RawEventTypes {

    private static final String TYPE_FIELD = "type";

    private RawEventTypes() {
    }

    /** The event types some rule tests for, or empty when events of every type must be inserted. */
    static Optional<Set<String>> matchedBy(KieBase kieBase) {
        if (!(kieBase instanceof InternalRuleBase base)) {
            return Optional.empty();
        }
        Set<String> types = new HashSet<>();
        for (ObjectTypeNode node : base.getRete().getObjectTypeNodes()) {
            if (!(node.getObjectType() instanceof ClassObjectType objectType)
                    || !objectType.getClassType().isAssignableFrom(Event.class)) {
                continue;
            }
            for (ObjectSink sink : node.getObjectSinkPropagator().getSinks()) {
                Optional<String> type = objectType.getClassType() == Event.class ? typeTested(sink) : Optional.empty();
                if (type.isEmpty()) {
                    return Optional.empty();
                }
                types.add(type.get());
            }
        }
        return Optional.of(Set.copyOf(types));
    }

    /** The literal of a first {@code type == "..."} test, if that is what the sink is. */
    private static Optional<String> typeTested(ObjectSink sink) {
        if (sink instanceof AlphaNode alpha && alpha.getConstraint() instanceof IndexableConstraint test
                && test.getConstraintType() == ConstraintTypeOperator.EQUAL && !test.isUnification()
                && test.getField() != null && test.getField().getValue() instanceof String literal
                && test.getFieldExtractor() instanceof ClassFieldReader field
                && TYPE_FIELD.equals(field.getFieldName())) {
            return Optional.of(literal);
        }
        return Optional.empty();
    }
}
