package io.leadrules.bench;

import io.leadrules.model.Event;
import io.leadrules.model.Lead;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The default ruleset ({@code rules/fit.drl}, {@code intent.drl}, {@code negative.drl}, {@code decay.drl}) written
 * by hand in plain Java: the speed a Drools-free implementation would reach. It returns the same total score as
 * the Drools path (per-rule cap of the blog rule, 25%-per-91-days continuous decay of intent points rounded per hit
 * to cents, total cap of 100), but no explanation. The benchmark checks the two agree on every lead.
 */
public final class HandCodedScorer {

    private static final long DAY_MILLIS = 86_400_000L;
    private static final BigDecimal TOTAL_CAP = new BigDecimal("100");
    private static final BigDecimal BLOG_CAP = new BigDecimal("10");
    private static final double DECAY_KEPT_PER_PERIOD = 0.75;
    private static final double DECAY_PERIOD_DAYS = 91;

    private static final String[] IDEAL_TITLE = {"e-commerce", "ecommerce", "cmo", "chief marketing", "growth"};
    private static final String[] MARKETING_TITLE = {"marketing", "digital", "crm", "retention"};
    private static final String[] FOUNDER_TITLE = {"founder", "owner", "ceo"};
    private static final Set<String> TARGET_INDUSTRIES = Set.of("Apparel", "Beauty", "Home & Garden",
            "Consumer Electronics", "Food & Beverage", "Sporting Goods", "Health & Wellness", "Jewelry & Accessories");
    private static final Set<String> ADJACENT_INDUSTRIES = Set.of("Retail", "Toys & Games", "Pet Supplies",
            "Furniture", "Books & Media");
    private static final Set<String> AGENCY_INDUSTRIES = Set.of("Marketing Agency", "Consulting");
    private static final Set<String> CORE_COUNTRIES = Set.of("US", "CA", "GB", "AU");
    private static final Set<String> EU_COUNTRIES = Set.of("DE", "FR", "NL", "IE", "SE", "DK", "ES", "IT");
    private static final String[] STUDENT_SUFFIXES = {".edu", ".ac.uk", ".edu.au", ".ac.in"};
    private static final String[] FREE_MAIL = {"gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com",
            "icloud.com", "proton.me", "protonmail.com", "gmx.com", "mail.com", "yandex.com"};
    private static final String[] COMPETITORS = {"klaviyo.com", "attentive.com", "omnisend.com", "yotpo.com",
            "bluecore.com", "listrak.com"};
    private static final BigDecimal MILLION = new BigDecimal("1000000");
    private static final BigDecimal FIVE_MILLION = new BigDecimal("5000000");
    private static final BigDecimal HUNDRED_MILLION = new BigDecimal("100000000");

    /** What the rules need to know about one event type: how many, how recent. */
    private static final class TypeStats {
        int count;
        long newest = Long.MIN_VALUE;
        int last7;
        int last30;
    }

    public BigDecimal score(Lead lead, Collection<Event> events, Instant asOf) {
        long now = asOf.toEpochMilli();
        Map<String, TypeStats> byType = new HashMap<>();
        BigDecimal blog = BigDecimal.ZERO;
        for (Event event : events) {
            long at = event.getTimestamp().toEpochMilli();
            if (at > now) {
                continue;
            }
            double ageDays = (double) (now - at) / DAY_MILLIS;
            TypeStats stats = byType.computeIfAbsent(event.getType(), t -> new TypeStats());
            stats.count++;
            stats.newest = Math.max(stats.newest, at);
            if (ageDays <= 7) {
                stats.last7++;
            }
            if (ageDays <= 30) {
                stats.last30++;
            }
            if (ageDays <= 90 && event.getType().equals("Blog Post Read")) {
                blog = blog.add(decayed(BigDecimal.valueOf(2), ageDays));
            }
        }
        BigDecimal intent = lead.isTrackingOptOut() ? BigDecimal.ZERO
                : intent(byType, events, now).add(blog.min(BLOG_CAP));
        BigDecimal total = BigDecimal.valueOf(fit(lead) + negative(lead, byType, now)).add(intent);
        return total.min(TOTAL_CAP).stripTrailingZeros();
    }

    private static int fit(Lead lead) {
        int points = 0;
        String title = lead.getJobTitle() == null ? null : lead.getJobTitle().toLowerCase(Locale.ROOT);
        boolean ideal = containsAny(title, IDEAL_TITLE);
        if (ideal) {
            points += 20;
        } else if (containsAny(title, MARKETING_TITLE)) {
            points += 8;
        }
        if (containsAny(title, FOUNDER_TITLE)) {
            points += 10;
        }
        String industry = lead.getIndustry();
        if (industry != null && TARGET_INDUSTRIES.contains(industry)) {
            points += 15;
        }
        if (industry != null && ADJACENT_INDUSTRIES.contains(industry)) {
            points += 5;
        }
        BigDecimal gmv = lead.getGmv();
        if (gmv != null) {
            if (gmv.compareTo(FIVE_MILLION) >= 0 && gmv.compareTo(HUNDRED_MILLION) <= 0) {
                points += 15;
            } else if (gmv.compareTo(MILLION) >= 0 && gmv.compareTo(FIVE_MILLION) < 0) {
                points += 5;
            } else if (gmv.compareTo(HUNDRED_MILLION) > 0) {
                points += 5;
            }
        }
        Integer employees = lead.getEmployees();
        if (employees != null && employees >= 50 && employees <= 1000) {
            points += 10;
        }
        String country = lead.getCountry();
        if (country != null && CORE_COUNTRIES.contains(country)) {
            points += 5;
        }
        if (country != null && EU_COUNTRIES.contains(country)) {
            points += 3;
        }
        if ("Shopify Plus".equals(lead.attribute("platform"))) {
            points += 5;
        }
        return points;
    }

    private static int negative(Lead lead, Map<String, TypeStats> byType, long now) {
        int points = 0;
        String domain = lead.getEmailDomain();
        for (String suffix : STUDENT_SUFFIXES) {
            if (domain.endsWith(suffix)) {
                points -= 50;
                break;
            }
        }
        if (domainIn(domain, FREE_MAIL)) {
            points -= 10;
        }
        if (lead.getEmployees() != null && lead.getEmployees() < 50) {
            points -= 20;
        }
        if (lead.getGmv() != null && lead.getGmv().compareTo(MILLION) < 0) {
            points -= 10;
        }
        if (domainIn(domain, COMPETITORS)) {
            points -= 100;
        }
        if (lead.isUnsubscribed()) {
            points -= 15;
        }
        TypeStats careers = byType.get("Careers Page Viewed");
        if (careers != null && daysSince(careers, now) <= 30) {
            points -= 10;
        }
        if (byType.containsKey("Email Bounced")) {
            points -= 20;
        }
        if (lead.getIndustry() != null && AGENCY_INDUSTRIES.contains(lead.getIndustry())) {
            points -= 10;
        }
        return points;
    }

    /** Intent points of the activity rules, each decayed by the age of the newest event of its type. */
    private static BigDecimal intent(Map<String, TypeStats> byType, Collection<Event> events, long now) {
        BigDecimal sum = BigDecimal.ZERO;
        TypeStats pricing = byType.get("Pricing Page Viewed");
        if (pricing != null) {
            double since = daysSince(pricing, now);
            if (since <= 7) {
                sum = sum.add(decayed(25, pricing, now));
            } else if (since <= 30) {
                sum = sum.add(decayed(10, pricing, now));
            }
        }
        TypeStats opened = byType.get("Email Opened");
        if (opened != null && opened.last30 >= 3) {
            sum = sum.add(decayed(10, opened, now));
        }
        TypeStats clicked = byType.get("Email Link Clicked");
        if (clicked != null && clicked.last30 >= 1) {
            sum = sum.add(decayed(5, clicked, now));
        }
        TypeStats demo = byType.get("Demo Attended");
        if (demo != null) {
            sum = sum.add(decayed(30, demo, now));
            long pairedDemo = pricing == null ? Long.MIN_VALUE : newestDemoWithinWeekOfPricing(events, now);
            if (pairedDemo != Long.MIN_VALUE) {
                sum = sum.add(decayed(BigDecimal.TEN, (double) (now - pairedDemo) / DAY_MILLIS));
            }
        }
        sum = sum.add(ifPresent(byType, "Demo Requested", 20, now));
        sum = sum.add(ifPresent(byType, "Comparison Guide Downloaded", 15, now));
        sum = sum.add(ifPresent(byType, "Webinar Attended", 10, now));
        sum = sum.add(ifPresent(byType, "Case Study Downloaded", 8, now));
        sum = sum.add(ifPresent(byType, "Trial Started", 20, now));
        sum = sum.add(ifPresent(byType, "Order Completed", 20, now));
        TypeStats products = byType.get("Product Viewed");
        if (products != null && products.last30 >= 5) {
            sum = sum.add(decayed(5, products, now));
        }
        TypeStats checkout = byType.get("Checkout Started");
        if (checkout != null && daysSince(checkout, now) <= 30) {
            sum = sum.add(decayed(15, checkout, now));
        }
        TypeStats visits = byType.get("Page Viewed");
        if (visits != null && visits.last7 >= 3) {
            sum = sum.add(decayed(5, visits, now));
        }
        TypeStats integrations = byType.get("Integrations Page Viewed");
        if (integrations != null && daysSince(integrations, now) <= 30) {
            sum = sum.add(decayed(5, integrations, now));
        }
        return sum;
    }

    private static BigDecimal ifPresent(Map<String, TypeStats> byType, String type, int points, long now) {
        TypeStats stats = byType.get(type);
        return stats == null ? BigDecimal.ZERO : decayed(points, stats, now);
    }

    /**
     * The newest demo attended 0 to 7 days after some pricing page view, or {@code Long.MIN_VALUE}: the sequence
     * rule's signal is its newest pair, so it decays from that demo, not from a later unpaired one.
     */
    private static long newestDemoWithinWeekOfPricing(Collection<Event> events, long now) {
        long newest = Long.MIN_VALUE;
        for (Event demo : events) {
            long demoAt = demo.getTimestamp().toEpochMilli();
            if (demoAt > now || !demo.getType().equals("Demo Attended")) {
                continue;
            }
            for (Event pricing : events) {
                long pricingAt = pricing.getTimestamp().toEpochMilli();
                if (pricingAt > now || !pricing.getType().equals("Pricing Page Viewed")) {
                    continue;
                }
                double gap = (double) (demoAt - pricingAt) / DAY_MILLIS;
                if (gap >= 0 && gap <= 7) {
                    newest = Math.max(newest, demoAt);
                    break;
                }
            }
        }
        return newest;
    }

    private static double daysSince(TypeStats stats, long now) {
        return (double) (now - stats.newest) / DAY_MILLIS;
    }

    private static BigDecimal decayed(int points, TypeStats stats, long now) {
        return decayed(BigDecimal.valueOf(points), daysSince(stats, now));
    }

    /** Points left after decay, rounded to cents the way decay.drl's hit is (25% per 91 days, continuous). */
    private static BigDecimal decayed(BigDecimal points, double ageDays) {
        if (ageDays <= 0) {
            return points;
        }
        double remaining = Math.pow(DECAY_KEPT_PER_PERIOD, ageDays / DECAY_PERIOD_DAYS);
        return points.multiply(new BigDecimal(remaining, MathContext.DECIMAL64)).setScale(2, RoundingMode.HALF_UP);
    }

    private static boolean containsAny(String lowerText, String[] words) {
        if (lowerText == null) {
            return false;
        }
        for (String word : words) {
            if (lowerText.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean domainIn(String domain, String[] domains) {
        for (String candidate : domains) {
            if (domain.equals(candidate) || domain.endsWith("." + candidate)) {
                return true;
            }
        }
        return false;
    }
}
