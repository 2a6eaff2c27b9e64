package io.leadrules.report;

import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formats the report templates use: {@code {r.share.percent}} shows 0.4567 as "45.7%". */
@TemplateExtension
final class PageFormats {

    private PageFormats() {
    }

    static String percent(BigDecimal share) {
        return share == null ? "" : share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP) + "%";
    }
}
