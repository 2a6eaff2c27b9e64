package io.leadrules.profile;

import io.leadrules.model.Lead;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lead fields a report can be filtered by ({@code segment=industry:Apparel}): the text fields rules see, and
 * every scalar attribute as {@code attributes.<name>}. Numbers are kept as their plain text.
 */
public final class SegmentFields {

    /** The lead's own fields, by the names a segment filter uses; {@link #of} stores exactly these. */
    public static final List<String> LEAD_FIELDS = List.of("industry", "country", "region", "jobTitle", "emailDomain",
            "employees", "gmv");

    /** Prefix of an attribute's name, as in {@code attributes.plan}. */
    public static final String ATTRIBUTE_PREFIX = "attributes.";

    private static final int MAX_NAME = 255;
    private static final int MAX_VALUE = 1000;

    private SegmentFields() {
    }

    /** Whether a segment filter can name this field: a lead field, or {@code attributes.<name>}. */
    public static boolean known(String field) {
        return LEAD_FIELDS.contains(field) || field.startsWith(ATTRIBUTE_PREFIX)
                && field.length() > ATTRIBUTE_PREFIX.length() && field.length() <= MAX_NAME;
    }

    static Map<String, String> of(Lead lead) {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "industry", lead.getIndustry());
        put(fields, "country", lead.getCountry());
        put(fields, "region", lead.getRegion());
        put(fields, "jobTitle", lead.getJobTitle());
        put(fields, "emailDomain", lead.getEmailDomain());
        put(fields, "employees", lead.getEmployees());
        put(fields, "gmv", lead.getGmv() == null ? null : lead.getGmv().stripTrailingZeros().toPlainString());
        lead.getAttributes().forEach((name, value) -> {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                put(fields, ATTRIBUTE_PREFIX + name, value);
            }
        });
        return fields;
    }

    private static void put(Map<String, String> fields, String name, Object value) {
        if (value != null && name.length() <= MAX_NAME) {
            String text = value.toString();
            if (!text.isBlank() && text.length() <= MAX_VALUE) {
                fields.put(name, text);
            }
        }
    }
}
