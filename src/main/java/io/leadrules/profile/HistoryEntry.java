package io.leadrules.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;

/** One point on a lead's score timeline ({@code GET /leads/{id}/history}), with its cause. */
public record HistoryEntry(long decisionId, Instant decidedAt, BigDecimal score, boolean mql, String rulesetVersion,
                           Cause cause, JsonNode breakdown, JsonNode hits) {

    /**
     * What caused the change: {@code type} "event" with the event, "ruleset" when a newly activated ruleset
     * rescored the lead, "decay" when its signals faded past the MQL line; and {@code rulesetChange} when the
     * ruleset differs from the one of the lead's previous decision (then the change may come from the rules too).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cause(String type, String eventId, String eventType, RulesetChange rulesetChange, String detail) {
    }

    public record RulesetChange(String from, String to) {
    }
}
