package io.leadrules.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.leadrules.json.IsoInstantDeserializer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /calibration/backtest}. Leads come either as JSON ({@code leads}) or as a CSV text with its
 * YAML mapping ({@code csv} + {@code mapping}), or {@code "source": "stored"}: the stored leads that have an outcome.
 * {@code rules} is a candidate ruleset (at least one file); without it the live one runs. A lead's
 * {@code closedAt} is an instant or a bare date (midnight UTC), as for {@code POST /outcomes}.
 */
public record BacktestRequest(@Size(min = 1, message = "must name at least one .drl file; leave it out to backtest the live ruleset")
                              @JsonAlias("files") @JsonDeserialize(using = RuleFileInput.ListDeserializer.class)
                              List<@NotNull(message = "must not be null") @Valid RuleFileInput> rules,
                              List<@NotNull(message = "must not be null") @Valid LabelledLeadInput> leads,
                              @JsonDeserialize(using = IsoInstantDeserializer.OrDate.class) Instant asOf,
                              @Valid TargetInput targetCloseRate,
                              @Size(min = 1, message = "must list at least one share, e.g. [0.1, 0.2, 0.3, 0.4]")
                              List<@NotNull(message = "must not be null")
                                   @DecimalMin(value = "0", inclusive = false, message = "must be above 0")
                                   @DecimalMax(value = "1", message = "must be at most 1") BigDecimal> bandShares,
                              BigDecimal threshold,
                              String csv,
                              @JsonDeserialize(using = TextOrObject.class) String mapping,
                              @Pattern(regexp = "request|stored", message = "must be \"request\" (the leads sent) or \"stored\" (stored leads with an outcome)")
                              String source) {

    /**
     * The CSV mapping as YAML text, or as a JSON object (JSON is YAML, so it reads the same): writing it inline in
     * the request should not need escaping it into a string.
     */
    public static class TextOrObject extends StdDeserializer<String> {

        public TextOrObject() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                // Through the context, not the codec: the codec would take the rest of the body for trailing content.
                return context.readTree(parser).toString();
            }
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            return parser.getText();
        }
    }

    /** Backtest the stored leads that have an outcome instead of leads sent in the request. */
    public static final String STORED = "stored";

    /**
     * A lead as for {@code POST /score}, with its outcome: {@code won} true/false, or {@code outcome} "won"/"lost"
     * as {@code POST /outcomes} writes it (both given must agree); neither = no outcome.
     */
    public record LabelledLeadInput(@NotNull(message = "is required") @Valid ScoreRequest.LeadInput lead,
                                    List<ScoreRequest.@NotNull(message = "must not be null") @Valid EventInput> events,
                                    Boolean won,
                                    @Pattern(regexp = "(?i)won|lost", message = "must be won or lost") String outcome,
                                    @JsonDeserialize(using = IsoInstantDeserializer.OrDate.class) Instant closedAt) {

        public LabelledLeadInput {
            if (outcome != null && outcome.matches("(?i)won|lost")) {
                boolean named = outcome.equalsIgnoreCase("won");
                if (won != null && won != named) {
                    throw new ConflictingFieldException("won", "\"won\" (" + won + ") and \"outcome\" (" + outcome
                            + ") disagree: give one of them");
                }
                won = named;
            }
        }
    }

    /** Close-rate range, 0-1. */
    public record TargetInput(@NotNull(message = "is required") BigDecimal min,
                              @NotNull(message = "is required") BigDecimal max) {
    }
}
