package io.leadrules.api;

import io.leadrules.rules.RuleInfo;

import java.math.BigDecimal;

/** A rule as {@code GET /rules} lists it; {@code points} is null for decay rules, {@code cap} when uncapped. */
public record RuleView(String name, String file, int line, String category, BigDecimal points, BigDecimal cap,
                       String description) {

    static RuleView of(RuleInfo info) {
        return new RuleView(info.name(), info.file(), info.line(), info.category(), info.points(), info.cap(),
                info.description());
    }
}
