package io.leadrules.model;

import com.fasterxml.jackson.annotation.JsonAlias;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The person being scored, as marketers see it in DRL: {@code Lead(industry in ("Apparel", "Beauty"))}.
 * Fit rules test these fields; everything without a field of its own lives in {@link #getAttributes()}.
 * Scenario files name the fields as {@code POST /score} does, aliases included ({@code title}, {@code companySize}).
 */
public class Lead {

    private String id;
    private String email;
    /** The email's domain when only the domain is known (a CRM export without addresses); the email's wins. */
    private String emailDomain;
    private String jobTitle;
    private String industry;
    /** Number of employees at the lead's company. */
    private Integer employees;
    /** Annual gross merchandise value (or revenue) of the lead's company, in US dollars. */
    private BigDecimal gmv;
    /** ISO 3166-1 alpha-2 country code, e.g. "US". */
    private String country;
    /** Region or state, e.g. "CA". */
    private String region;
    /** The lead asked not to receive marketing email. */
    private boolean unsubscribed;
    /** The lead opted out of behavioural tracking: behavioural events earn no intent points. */
    private boolean trackingOptOut;
    private Map<String, Object> attributes = new HashMap<>();

    public Lead() {
    }

    public Lead(String id) {
        this.id = id;
    }

    /**
     * The part of the email after '@', lower case; else the domain given on its own; empty when neither is known
     * (never null, so {@code emailDomainIn(...)} reads without null checks).
     */
    public String getEmailDomain() {
        if (email == null || email.indexOf('@') < 0) {
            return emailDomain == null ? "" : emailDomain.trim().toLowerCase(Locale.ROOT);
        }
        return email.substring(email.lastIndexOf('@') + 1).trim().toLowerCase(Locale.ROOT);
    }

    @JsonAlias("domain")
    public void setEmailDomain(String emailDomain) {
        this.emailDomain = emailDomain;
    }

    /** True when the job title contains any of the words, ignoring case: {@code titleContains("CMO", "Growth")}. */
    public boolean titleContains(String... words) {
        return containsAny(jobTitle, words);
    }

    /** True when the industry contains any of the words, ignoring case. */
    public boolean industryContains(String... words) {
        return containsAny(industry, words);
    }

    /** True when the email domain is one of the domains or a subdomain of one ("mit.edu" matches "cs.mit.edu"). */
    public boolean emailDomainIn(String... domains) {
        String domain = getEmailDomain();
        for (String candidate : domains) {
            String c = candidate.toLowerCase(Locale.ROOT);
            if (domain.equals(c) || domain.endsWith("." + c)) {
                return true;
            }
        }
        return false;
    }

    /** True when the email domain ends with the suffix, e.g. {@code emailDomainEndsWith(".edu")}. */
    public boolean emailDomainEndsWith(String suffix) {
        return getEmailDomain().endsWith(suffix.toLowerCase(Locale.ROOT));
    }

    /** The attribute's value as text, or null; lets DRL write {@code attribute("plan") == "pro"}. */
    public Object attribute(String name) {
        return attributes == null ? null : attributes.get(name);
    }

    private static boolean containsAny(String text, String... words) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (lower.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getJobTitle() { return jobTitle; }
    @JsonAlias("title")
    public void setJobTitle(String jobTitle) { this.jobTitle = jobTitle; }
    public String getIndustry() { return industry; }
    public void setIndustry(String industry) { this.industry = industry; }
    public Integer getEmployees() { return employees; }
    @JsonAlias({"companySize", "employeeCount"})
    public void setEmployees(Integer employees) { this.employees = employees; }
    public BigDecimal getGmv() { return gmv; }
    @JsonAlias({"annualRevenue", "revenue", "annualGmv"})
    public void setGmv(BigDecimal gmv) { this.gmv = gmv; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getRegion() { return region; }
    @JsonAlias("state")
    public void setRegion(String region) { this.region = region; }
    public boolean isUnsubscribed() { return unsubscribed; }
    public void setUnsubscribed(boolean unsubscribed) { this.unsubscribed = unsubscribed; }
    public boolean isTrackingOptOut() { return trackingOptOut; }
    public void setTrackingOptOut(boolean trackingOptOut) { this.trackingOptOut = trackingOptOut; }
    public Map<String, Object> getAttributes() { return attributes; }
    public void setAttributes(Map<String, Object> attributes) {
        this.attributes = attributes == null ? new HashMap<>() : attributes;
    }
}
