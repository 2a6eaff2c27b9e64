package io.leadrules.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one lead did of one event type, summarised at the scoring instant. Rules match this instead of
 * counting raw events, which keeps them short and fast:
 * {@code Activity(type == "Email Opened", last30Days >= 3)} or {@code Activity(type == "Pricing Page Viewed", daysSinceLast <= 7)}.
 */
public final class Activity {

    private final String type;
    /** Oldest first, none after the scoring instant. */
    private final List<Event> events;
    private final Timeline timeline;
    private final int last7Days;
    private final int last30Days;
    private final int last90Days;

    Activity(String type, List<Event> events, Timeline timeline) {
        this.type = type;
        this.events = List.copyOf(events);
        this.timeline = timeline;
        this.last7Days = countWithin(7);
        this.last30Days = countWithin(30);
        this.last90Days = countWithin(90);
    }

    public String getType() { return type; }
    public List<Event> getEvents() { return events; }
    public int getCount() { return events.size(); }
    public int getLast7Days() { return last7Days; }
    public int getLast30Days() { return last30Days; }
    public int getLast90Days() { return last90Days; }

    public Instant getLastSeen() {
        return events.get(events.size() - 1).getTimestamp();
    }

    public Instant getFirstSeen() {
        return events.get(0).getTimestamp();
    }

    /** Days since the most recent event of this type. */
    public double getDaysSinceLast() {
        return events.get(events.size() - 1).getDaysAgo();
    }

    /** Events of this type in the last {@code days} days: {@code countWithin(14) >= 2}. */
    public int countWithin(double days) {
        int count = 0;
        for (int i = events.size() - 1; i >= 0 && events.get(i).getDaysAgo() <= days; i--) {
            count++;
        }
        return count;
    }

    /**
     * The events of this type at most {@code days} days old ({@code inclusive}) or less than {@code days} old:
     * those a window such as {@code last30Days} or {@code daysSinceLast <= 7} looks at. Oldest first.
     */
    List<Event> eventsWithin(double days, boolean inclusive) {
        int from = events.size();
        while (from > 0 && inWindow(events.get(from - 1).getDaysAgo(), days, inclusive)) {
            from--;
        }
        return events.subList(from, events.size());
    }

    private static boolean inWindow(double daysAgo, double days, boolean inclusive) {
        return inclusive ? daysAgo <= days : daysAgo < days;
    }

    /**
     * The events that make {@link #followsWithin} true: every event of {@code earlierType} and every event of this
     * type that form a pair at most {@code days} days apart, the earlier one first. Oldest first; empty when none.
     */
    List<Event> pairedWith(String earlierType, double days) {
        Activity earlier = timeline.activity(earlierType);
        if (earlier == null) {
            return List.of();
        }
        boolean[] laterUsed = new boolean[events.size()];
        boolean[] earlierUsed = new boolean[earlier.events.size()];
        for (int l = 0; l < events.size(); l++) {
            for (int b = 0; b < earlier.events.size(); b++) {
                if (isPair(earlier.events.get(b), events.get(l), days)) {
                    laterUsed[l] = true;
                    earlierUsed[b] = true;
                }
            }
        }
        List<Event> used = new ArrayList<>();
        if (earlier == this) {
            // followsWithin of its own type: one list, used on either side of a pair.
            for (int i = 0; i < laterUsed.length; i++) {
                laterUsed[i] |= earlierUsed[i];
            }
            addMarked(events, laterUsed, used);
            return used;
        }
        addMarked(earlier.events, earlierUsed, used);
        addMarked(events, laterUsed, used);
        used.sort(Timeline.OLDEST_FIRST);
        return used;
    }

    private static void addMarked(List<Event> events, boolean[] marked, List<Event> into) {
        for (int i = 0; i < marked.length; i++) {
            if (marked[i]) {
                into.add(events.get(i));
            }
        }
    }

    private static boolean isPair(Event before, Event later, double days) {
        double gap = Event.daysBetween(before.getTimestamp(), later.getTimestamp());
        return gap >= 0 && gap <= days;
    }

    /**
     * True when an event of this type came at most {@code days} days after an event of {@code earlierType}:
     * {@code Activity(type == "Demo Attended", followsWithin("Pricing Page Viewed", 7))}.
     */
    public boolean followsWithin(String earlierType, double days) {
        Activity earlier = timeline.activity(earlierType);
        if (earlier == null) {
            return false;
        }
        for (Event later : events) {
            for (Event before : earlier.events) {
                if (isPair(before, later, days)) {
                    return true;
                }
            }
        }
        return false;
    }
}
