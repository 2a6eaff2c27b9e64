package io.leadrules.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One firing of one rule: the points it gave, why, and the events behind it. Hits are also facts, so a decay
 * rule can match {@code RuleHit(category == "intent", signalAgeDays > 0)}.
 *
 * @param appliesTo for decay and cap adjustments, the rule (or category) whose points they adjust
 * @param lastEventAt the most recent event behind the hit, null for hits on lead fields only
 * @param signalAgeDays days from {@code lastEventAt} to the scoring instant, 0 without events
 * @param row for a rule from a point table ({@code file} is then e.g. "fit-points.drl.csv"), its row; absent for DRL
 */
public record RuleHit(String rule, String category, BigDecimal points, String reason, String file,
                      List<EventRef> events, Instant lastEventAt, double signalAgeDays, String appliesTo,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Integer row) {

    public RuleHit {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** A hit of a DRL rule, or an adjustment (cap), which has no table row. */
    public RuleHit(String rule, String category, BigDecimal points, String reason, String file,
                   List<EventRef> events, Instant lastEventAt, double signalAgeDays, String appliesTo) {
        this(rule, category, points, reason, file, events, lastEventAt, signalAgeDays, appliesTo, null);
    }

    /** Getters in bean style, so DRL constraints read naturally ({@code category == "intent"}). */
    public String getRule() { return rule; }
    public String getCategory() { return category; }
    public BigDecimal getPoints() { return points; }
    public double getSignalAgeDays() { return signalAgeDays; }
}
