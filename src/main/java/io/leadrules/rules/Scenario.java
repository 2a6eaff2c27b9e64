package io.leadrules.rules;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.leadrules.model.Event;
import io.leadrules.model.Lead;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scenario test for the rules, written by a marketer: a lead, its events, the instant to score at, and what
 * the score must be. Read from YAML (or JSON) files in {@code rules/tests/}.
 *
 * @param file where the scenario came from (set by the reader; null for scenarios sent inline)
 */
public record Scenario(String name, String description, Lead lead, List<ScenarioEvent> events, Instant asOf,
                       Expectation expect, String file) {

    /**
     * An event of the scenario. Either {@code timestamp} or {@code daysAgo} (before {@code asOf}) places it;
     * {@code count} repeats it, so "six blog posts today" is one line.
     */
    public record ScenarioEvent(String id, @JsonAlias("event") String type, Instant timestamp, Double daysAgo,
                                Integer count, Map<String, Object> properties) {
    }

    /**
     * What must hold. {@code score} is exact; {@code scoreBetween} is an inclusive [low, high] range.
     * {@code fired} rules must fire, {@code notFired} ones must not.
     */
    public record Expectation(BigDecimal score, List<BigDecimal> scoreBetween, Boolean mql, List<String> fired,
                              List<String> notFired) {
    }

    /** The events as the scorer takes them; {@code daysAgo} is measured back from {@code asOf}. */
    public List<Event> toEvents() {
        List<Event> result = new ArrayList<>();
        if (events == null) {
            return result;
        }
        int n = 0;
        for (ScenarioEvent e : events) {
            Instant at = e.timestamp() != null ? e.timestamp()
                    : asOf.minus(Duration.ofMillis(Math.round((e.daysAgo() == null ? 0 : e.daysAgo()) * 86_400_000d)));
            int count = e.count() == null ? 1 : e.count();
            for (int i = 0; i < count; i++) {
                n++;
                String id = e.id() != null ? e.id() + (count > 1 ? "-" + (i + 1) : "") : "event-" + n;
                result.add(new Event(id, e.type(), at, e.properties()));
            }
        }
        return result;
    }

    Scenario located(String file, String defaultName) {
        return new Scenario(name == null || name.isBlank() ? defaultName : name, description, lead, events, asOf,
                expect, file);
    }
}
