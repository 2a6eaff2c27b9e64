package io.leadrules.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One behavioural event (Segment naming: "Product Viewed", "Checkout Started", "Pricing Page Viewed"...).
 * {@code daysAgo} is its age at the scoring instant, so rules can say {@code Event(type == "Blog Post Read", daysAgo <= 90)}.
 */
public final class Event {

    private final String id;
    private final String type;
    private final Instant timestamp;
    private final Map<String, Object> properties;
    private final double daysAgo;

    public Event(String id, String type, Instant timestamp, Map<String, Object> properties) {
        this(id, type, timestamp, properties, 0);
    }

    private Event(String id, String type, Instant timestamp, Map<String, Object> properties, double daysAgo) {
        this.id = id;
        this.type = type;
        this.timestamp = timestamp;
        this.properties = properties == null ? Map.of() : properties;
        this.daysAgo = daysAgo;
    }

    /** This event with its age measured at {@code asOf}. */
    public Event agedAt(Instant asOf) {
        return new Event(id, type, timestamp, properties, daysBetween(timestamp, asOf));
    }

    /** Fractional days from {@code from} to {@code to}; the unit every window and decay in the rules uses. */
    public static double daysBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 86_400_000d;
    }

    public String getId() { return id; }
    public String getType() { return type; }
    public Instant getTimestamp() { return timestamp; }
    public Map<String, Object> getProperties() { return properties; }
    public double getDaysAgo() { return daysAgo; }

    /** A property's value, or null: {@code Event(type == "Order Completed", property("revenue") > 100)}. */
    public Object property(String name) {
        return properties.get(name);
    }
}
