package io.leadrules.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.leadrules.json.IsoInstantDeserializer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Body of {@code POST /score}: a lead, its events, and optionally the instant to score at (default: now). */
public record ScoreRequest(@NotNull(message = "is required") @Valid LeadInput lead,
                           List<@NotNull(message = "must not be null") @Valid EventInput> events,
                           @JsonDeserialize(using = IsoInstantDeserializer.OrDate.class) Instant asOf) {

    /**
     * The lead's fit fields; {@code attributes} holds anything else. The aliases are the names CRMs and CDPs use
     * for the same fields, so a payload copied from one scores without renaming.
     */
    public record LeadInput(@NotBlank(message = "is required") String id,
                            String email,
                            @JsonAlias("domain") String emailDomain,
                            @JsonAlias("title") String jobTitle,
                            String industry,
                            @JsonAlias({"companySize", "employeeCount"})
                            @PositiveOrZero(message = "must be zero or more") Integer employees,
                            @JsonAlias({"annualRevenue", "revenue", "annualGmv"}) @PositiveOrZero(message = "must be zero or more") BigDecimal gmv,
                            String country,
                            @JsonAlias("state") String region,
                            Boolean unsubscribed,
                            Boolean trackingOptOut,
                            Map<String, Object> attributes) {
    }

    /**
     * One event. {@code event} names it as Segment does, {@code messageId} is Segment's {@code id}. A Segment track
     * message pasted whole ({@code "type": "track", "event": "Order Completed"}) is the event it names; otherwise
     * two different names (or ids) for one event are refused rather than one of them silently winning.
     */
    public record EventInput(String id,
                             String messageId,
                             @NotBlank(message = "is required") String type,
                             String event,
                             @NotNull(message = "is required") @JsonDeserialize(using = IsoInstantDeserializer.class)
                             Instant timestamp,
                             Map<String, Object> properties) {

        private static final Set<String> SEGMENT_CALLS = Set.of("track", "page", "screen");

        public EventInput {
            if (event != null) {
                if (type == null || SEGMENT_CALLS.contains(type)) {
                    type = event;
                } else if (!type.equals(event)) {
                    throw new ConflictingFieldException("type", "\"type\" (" + type + ") and \"event\" (" + event
                            + ") name this event differently: give one of them");
                }
            }
            if (messageId != null) {
                if (id == null) {
                    id = messageId;
                } else if (!id.equals(messageId)) {
                    throw new ConflictingFieldException("id", "\"id\" (" + id + ") and \"messageId\" (" + messageId
                            + ") differ: give one of them");
                }
            }
        }
    }
}
