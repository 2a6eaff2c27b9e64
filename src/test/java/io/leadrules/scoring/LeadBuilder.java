package io.leadrules.scoring;

import io.leadrules.model.Event;
import io.leadrules.model.Lead;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small fluent fixture for engine tests: a lead and its events relative to a scoring instant. */
final class LeadBuilder {

    static final Instant AS_OF = Instant.parse("2026-11-23T00:00:00Z");

    private final Lead lead;
    private final List<Event> events = new ArrayList<>();

    private LeadBuilder(String id) {
        this.lead = new Lead(id);
    }

    static LeadBuilder lead(String id) {
        return new LeadBuilder(id);
    }

    /** Director of E-commerce at a $25M US apparel brand with 220 people: 65 fit points. */
    static LeadBuilder idealBuyer(String id) {
        return lead(id).title("Director of E-commerce").industry("Apparel").employees(220).gmv("25000000")
                .country("US").email("maya@northwind-apparel.com");
    }

    LeadBuilder title(String title) { lead.setJobTitle(title); return this; }
    LeadBuilder industry(String industry) { lead.setIndustry(industry); return this; }
    LeadBuilder employees(int employees) { lead.setEmployees(employees); return this; }
    LeadBuilder gmv(String gmv) { lead.setGmv(new BigDecimal(gmv)); return this; }
    LeadBuilder country(String country) { lead.setCountry(country); return this; }
    LeadBuilder email(String email) { lead.setEmail(email); return this; }
    LeadBuilder unsubscribed() { lead.setUnsubscribed(true); return this; }
    LeadBuilder optedOutOfTracking() { lead.setTrackingOptOut(true); return this; }

    /** An event {@code daysAgo} days before {@link #AS_OF} (negative: after it). */
    LeadBuilder event(String type, double daysAgo) {
        Instant at = AS_OF.minus(Duration.ofMillis(Math.round(daysAgo * 86_400_000d)));
        events.add(new Event(type + "-" + events.size(), type, at, null));
        return this;
    }

    LeadBuilder events(String type, int count, double daysAgo) {
        for (int i = 0; i < count; i++) {
            event(type, daysAgo);
        }
        return this;
    }

    Lead build() { return lead; }
    List<Event> eventList() { return events; }
}
