package io.leadrules.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which events of a matched {@link Activity} one rule's condition reads, so that its hit names those and no
 * others: {@code last30Days >= 3} reads the events of the last 30 days, {@code daysSinceLast <= 7} those of the
 * last 7, {@code followsWithin("Pricing Page Viewed", 7)} the pricing views and events of the type that form a pair,
 * and {@code count} or a bare type test every event of the type. Worked out once per rule from its text when the
 * ruleset is read ({@code rules.EventUseReader}), applied to each hit by the {@code HitRecorder}.
 */
public final class EventUse {

    /** Every event of each matched activity: rules whose conditions have no window. */
    public static final EventUse ALL = new EventUse(Map.of(), Reads.ALL);

    /** Reads of the activity patterns that name their event type, by type. */
    private final Map<String, Reads> byType;
    /** Reads of the patterns that do not name one (they may match any type); null when every pattern does. */
    private final Reads anyType;

    private EventUse(Map<String, Reads> byType, Reads anyType) {
        this.byType = byType;
        this.anyType = anyType;
    }

    /**
     * One rule's use of events from what each of its activity patterns reads.
     *
     * @param patterns each pattern's event types (empty: any type) and what it reads of them
     */
    public static EventUse of(List<Map.Entry<Set<String>, Reads>> patterns) {
        Map<String, Reads> byType = new HashMap<>();
        Reads anyType = null;
        for (Map.Entry<Set<String>, Reads> pattern : patterns) {
            Reads reads = pattern.getValue();
            if (pattern.getKey().isEmpty()) {
                anyType = anyType == null ? reads : anyType.and(reads);
            }
            for (String type : pattern.getKey()) {
                byType.merge(type, reads, Reads::and);
            }
        }
        return byType.isEmpty() && (anyType == null || anyType.all()) ? ALL : new EventUse(Map.copyOf(byType), anyType);
    }

    /** The events of {@code activity} (and, for sequences, of the earlier type) the rule's condition read. */
    public List<Event> of(Activity activity) {
        Reads reads = byType.get(activity.getType());
        if (reads == null) {
            reads = anyType;
        } else if (anyType != null) {
            reads = reads.and(anyType);
        }
        return reads == null ? activity.getEvents() : reads.select(activity);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventUse other && byType.equals(other.byType) && Objects.equals(anyType, other.anyType);
    }

    @Override
    public int hashCode() {
        return byType.hashCode() * 31 + Objects.hashCode(anyType);
    }

    @Override
    public String toString() {
        return "EventUse" + byType + (anyType == null ? "" : " any type: " + anyType);
    }

    /**
     * What one or more conditions on an activity read: every event ({@code all}), or the events inside a window
     * of {@code windowDays} days before the scoring instant, plus those forming the pairs of some sequences.
     *
     * @param windowDays the widest window; negative when no window is read
     * @param inclusive whether an event exactly {@code windowDays} old is inside ({@code <=}) or not ({@code <})
     */
    public record Reads(boolean all, double windowDays, boolean inclusive, List<Sequence> sequences) {

        public static final Reads ALL = new Reads(true, -1, true, List.of());
        public static final Reads NOTHING = new Reads(false, -1, true, List.of());

        public Reads {
            sequences = List.copyOf(sequences);
        }

        public static Reads window(double days, boolean inclusive) {
            return new Reads(false, days, inclusive, List.of());
        }

        public static Reads sequence(String earlierType, double days) {
            return new Reads(false, -1, true, List.of(new Sequence(earlierType, days)));
        }

        /** Both conditions are read: the union of their events. */
        public Reads and(Reads other) {
            if (all || other.all) {
                return ALL;
            }
            double widest = Math.max(windowDays, other.windowDays);
            boolean incl = windowDays == other.windowDays ? inclusive || other.inclusive
                    : (windowDays > other.windowDays ? inclusive : other.inclusive);
            List<Sequence> both = new ArrayList<>(sequences);
            other.sequences.stream().filter(s -> !both.contains(s)).forEach(both::add);
            return new Reads(false, widest, incl, both);
        }

        /** True when the conditions read nothing measurable (e.g. only the type): then they read every event. */
        public boolean readsNothing() {
            return !all && windowDays < 0 && sequences.isEmpty();
        }

        List<Event> select(Activity activity) {
            if (all) {
                return activity.getEvents();
            }
            List<Event> inWindow = windowDays < 0 ? List.of() : activity.eventsWithin(windowDays, inclusive);
            if (sequences.isEmpty()) {
                return inWindow;
            }
            Set<Event> used = new LinkedHashSet<>(inWindow);
            for (Sequence sequence : sequences) {
                used.addAll(activity.pairedWith(sequence.earlierType(), sequence.days()));
            }
            List<Event> sorted = new ArrayList<>(used);
            sorted.sort(Timeline.OLDEST_FIRST);
            return sorted;
        }
    }

    /** {@code followsWithin(earlierType, days)}. */
    public record Sequence(String earlierType, double days) {
    }
}
