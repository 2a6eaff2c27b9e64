package io.leadrules.profile;

import io.leadrules.model.Lead;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lead fields a report can be filtered by ({@code segment=industry:Apparel}): the text fields rules see, and
 * every scalar attribute as {@code attributes.<name>}. Numbers are kept as their plain text.
 */
final class SegmentFields {

    private static final int MAX_VALUE = 1000;

    private SegmentFields() {
    }

    static Map<String, String> of(Lead lead) {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "industry", lead.getIndustry());
        put(fields, "country", lead.getCountry());
        put(fields, "region", lead.getRegion());
        put(fields, "jobTitle", lead.getJobTitle());
        put(fields, "emailDomain", lead.getEmailDomain());
        put(fields, "employees", lead.getEmployees());
        put(fields, "gmv", lead.getGmv() == null ? null : lead.getGmv().toPlainString());
        lead.getAttributes().forEach((name, value) -> {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                put(fields, "attributes." + name, value);
            }
        });
        return fields;
    }

    private static void put(Map<String, String> fields, String name, Object value) {
        if (value != null && name.length() <= 255) {
            String text = value.toString();
            if (!text.isBlank() && text.length() <= MAX_VALUE) {
                fields.put(name, text);
            }
        }
    }
}
