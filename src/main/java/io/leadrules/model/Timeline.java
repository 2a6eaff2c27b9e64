package io.leadrules.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lead's events as seen at one instant: events after {@code asOf} have not happened yet and are left out,
 * the rest are aged and grouped into one {@link Activity} per event type.
 */
public final class Timeline {

    static final Comparator<Event> OLDEST_FIRST = Comparator.comparing(Event::getTimestamp);

    private final Instant asOf;
    private final List<Event> events;
    private final Map<String, Activity> activities;

    public Timeline(Collection<Event> rawEvents, Instant asOf) {
        this.asOf = asOf;
        List<Event> aged = new ArrayList<>(rawEvents.size());
        for (Event event : rawEvents) {
            if (!event.getTimestamp().isAfter(asOf)) {
                aged.add(event.agedAt(asOf));
            }
        }
        aged.sort(OLDEST_FIRST);
        this.events = List.copyOf(aged);
        this.activities = groupByType(events);
    }

    private Map<String, Activity> groupByType(List<Event> sorted) {
        Map<String, List<Event>> byType = new LinkedHashMap<>();
        for (Event event : sorted) {
            byType.computeIfAbsent(event.getType(), t -> new ArrayList<>()).add(event);
        }
        Map<String, Activity> result = new LinkedHashMap<>();
        byType.forEach((type, list) -> result.put(type, new Activity(type, list, this)));
        return result;
    }

    public Instant getAsOf() { return asOf; }

    /** Events up to the scoring instant, oldest first. */
    public List<Event> getEvents() { return events; }

    public Collection<Activity> getActivities() { return activities.values(); }

    /** The activity of that event type, or null when the lead never did it. */
    public Activity activity(String type) {
        return activities.get(type);
    }
}
