package io.leadrules.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail, sent as {@code application/problem+json}. {@code errors} locates each fault: a JSON
 * field for bad requests, a file/line/column for bad DRL.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, String rule,
                      String leadId, List<?> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static Problem of(String slug, String title, int status, String detail) {
        return new Problem("/problems/" + slug, title, status, detail, null, null, null, null);
    }

    Problem withField(String field) {
        return new Problem(type, title, status, detail, field, rule, leadId, errors);
    }

    /** A rule that failed while scoring, and the lead it failed on (null when not known). */
    Problem withRule(String rule, String leadId) {
        return new Problem(type, title, status, detail, field, rule, leadId, errors);
    }

    Problem withErrors(List<?> errors) {
        return new Problem(type, title, status, detail, field, rule, leadId, errors);
    }

    /** A bad value in a request body. */
    public record FieldError(String field, String message) {
    }
}
