package io.leadrules.report;

import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Formats the report templates use: {@code {r.share.percent}} shows 0.4567 as "45.7%"; {@code {id.urlSegment}}
 * makes a lead id safe as one segment of a link's path.
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
}
