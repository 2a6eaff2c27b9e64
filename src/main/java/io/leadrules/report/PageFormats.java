package io.leadrules.report;

import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Formats the report templates use: {@code {r.share.percent}} shows 0.4567 as "45.7%"; {@code {id.urlSegment}}
 * makes a lead id safe as one segment of a link's path; {@code {report.filter.linkQuery}} carries the report's
 * filters into its download links.
 */
@TemplateExtension
final class PageFormats {

    private PageFormats() {
    }

    static String percent(BigDecimal share) {
        return share == null ? "" : share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP) + "%";
    }

    static String urlSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Every filter of the report as {@code &name=value} pairs (URL-encoded, none for an unset filter), to append to
     * a link's query so the CSV and JSON downloads hold the same leads as the page. {@code from} and {@code to}
     * are written as the instants the report used: a {@code to} date was inclusive, its instant is exclusive, so
     * the range is the same.
     */
    static String linkQuery(RuleHitReport.Filter filter) {
        StringBuilder query = new StringBuilder();
        param(query, "from", filter.from());
        param(query, "to", filter.to());
        param(query, "version", filter.version());
        param(query, "segment", filter.segment());
        return query.toString();
    }

    private static void param(StringBuilder query, String name, Object value) {
        if (value != null) {
            query.append('&').append(name).append('=').append(urlSegment(value.toString()));
        }
    }
}
