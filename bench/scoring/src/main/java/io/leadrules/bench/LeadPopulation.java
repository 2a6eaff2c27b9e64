package io.leadrules.bench;

import io.leadrules.model.Event;
import io.leadrules.model.Lead;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A fixed, seeded population of leads that look like a B2B e-commerce funnel: mostly page views and email opens,
 * a few demos and trials; titles, industries, company sizes and email domains that hit and miss every fit and
 * negative rule (students, free mail, competitors, opted-out leads). Same seed, same population, so runs compare.
 */
public final class LeadPopulation {

    /** Scoring instant of the whole population; events are spread over the 180 days before it. */
    public static final Instant AS_OF = Instant.parse("2026-03-02T12:00:00Z");
    private static final long HISTORY_MILLIS = Duration.ofDays(180).toMillis();

    /** One lead with its raw events, as a scoring request carries them. */
    public record Sample(Lead lead, List<Event> events) {
    }

    /** Event types with their share of traffic; the last ones are not used by any default rule. */
    private static final Object[][] EVENT_MIX = {
            {"Page Viewed", 30}, {"Email Opened", 20}, {"Blog Post Read", 12}, {"Product Viewed", 10},
            {"Pricing Page Viewed", 6}, {"Email Link Clicked", 5}, {"Integrations Page Viewed", 3},
            {"Checkout Started", 2}, {"Demo Requested", 1.5}, {"Demo Attended", 1.5}, {"Webinar Attended", 1.5},
            {"Case Study Downloaded", 1.5}, {"Comparison Guide Downloaded", 1}, {"Trial Started", 1},
            {"Order Completed", 0.5}, {"Careers Page Viewed", 1}, {"Email Bounced", 0.5},
            {"Video Played", 1.5}, {"Signed Up", 1},
    };

    private static final String[] TITLES = {
            "Director of E-commerce", "Head of Ecommerce", "CMO", "Chief Marketing Officer", "VP Growth",
            "Growth Lead", "Marketing Manager", "Digital Marketing Specialist", "CRM Manager", "Head of Retention",
            "Founder & CEO", "Owner", "Co-founder", "Software Engineer", "Student", "Operations Manager",
            "Customer Support Lead", "Analyst", null,
    };
    private static final String[] INDUSTRIES = {
            "Apparel", "Beauty", "Home & Garden", "Consumer Electronics", "Food & Beverage", "Sporting Goods",
            "Health & Wellness", "Jewelry & Accessories", "Retail", "Toys & Games", "Pet Supplies", "Furniture",
            "Books & Media", "Marketing Agency", "Consulting", "Software", "Education", "Logistics", null,
    };
    private static final String[] COUNTRIES = {
            "US", "US", "US", "CA", "GB", "GB", "AU", "DE", "FR", "NL", "IE", "SE", "ES", "IT", "BR", "IN", "JP", null,
    };
    private static final String[] FREE_MAIL = {"gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com",
            "proton.me", "gmx.com"};
    private static final String[] STUDENT_MAIL = {"mit.edu", "cs.stanford.edu", "ox.ac.uk", "unimelb.edu.au", "iitb.ac.in"};
    private static final String[] COMPETITOR_MAIL = {"klaviyo.com", "attentive.com", "yotpo.com", "eu.omnisend.com"};
    private static final String[] PLATFORMS = {"Shopify Plus", "Shopify Plus", "Shopify", "Shopify", "Magento",
            "BigCommerce", "Salesforce Commerce Cloud"};

    private LeadPopulation() {
    }

    public static List<Sample> generate(int leads, int eventsPerLead, long seed) {
        Random random = new Random(seed);
        List<Sample> samples = new ArrayList<>(leads);
        for (int i = 0; i < leads; i++) {
            samples.add(new Sample(lead(i, random), events(i, eventsPerLead, random)));
        }
        return List.copyOf(samples);
    }

    private static Lead lead(int i, Random random) {
        Lead lead = new Lead("lead-" + i);
        lead.setEmail("person" + i + "@" + domain(i, random));
        lead.setJobTitle(pick(TITLES, random));
        lead.setIndustry(pick(INDUSTRIES, random));
        lead.setCountry(pick(COUNTRIES, random));
        lead.setEmployees(random.nextInt(10) == 0 ? null : (int) logUniform(random, 2, 20_000));
        lead.setGmv(random.nextInt(10) == 0 ? null : BigDecimal.valueOf(Math.round(logUniform(random, 100_000, 500_000_000))));
        lead.setUnsubscribed(random.nextInt(100) < 8);
        lead.setTrackingOptOut(random.nextInt(100) < 5);
        Map<String, Object> attributes = new HashMap<>();
        if (random.nextInt(10) < 8) {
            attributes.put("platform", pick(PLATFORMS, random));
        }
        lead.setAttributes(attributes);
        return lead;
    }

    private static String domain(int i, Random random) {
        int roll = random.nextInt(100);
        if (roll < 20) {
            return pick(FREE_MAIL, random);
        } else if (roll < 27) {
            return pick(STUDENT_MAIL, random);
        } else if (roll < 30) {
            return pick(COMPETITOR_MAIL, random);
        }
        return "brand" + i + ".com";
    }

    /** Events skewed towards the recent past, each at a distinct millisecond so "the latest event" is unique. */
    private static List<Event> events(int leadIndex, int count, Random random) {
        List<Event> events = new ArrayList<>(count);
        Set<Long> used = new HashSet<>();
        for (int n = 0; n < count; n++) {
            long ago;
            do {
                double u = random.nextDouble();
                ago = (long) (u * u * HISTORY_MILLIS);
            } while (!used.add(ago));
            events.add(new Event("e-" + leadIndex + "-" + n, eventType(random), AS_OF.minusMillis(ago),
                    Map.of("source", "bench")));
        }
        return List.copyOf(events);
    }

    private static String eventType(Random random) {
        double total = 0;
        for (Object[] entry : EVENT_MIX) {
            total += ((Number) entry[1]).doubleValue();
        }
        double roll = random.nextDouble() * total;
        for (Object[] entry : EVENT_MIX) {
            roll -= ((Number) entry[1]).doubleValue();
            if (roll < 0) {
                return (String) entry[0];
            }
        }
        return (String) EVENT_MIX[0][0];
    }

    private static double logUniform(Random random, double min, double max) {
        return Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)));
    }

    private static <T> T pick(T[] values, Random random) {
        return values[random.nextInt(values.length)];
    }
}
