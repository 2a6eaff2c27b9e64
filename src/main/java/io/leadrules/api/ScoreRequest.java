package io.leadrules.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Body of {@code POST /score}: a lead, its events, and optionally the instant to score at (default: now). */
public record ScoreRequest(@NotNull(message = "is required") @Valid LeadInput lead,
                           List<@NotNull(message = "must not be null") @Valid EventInput> events,
                           @JsonDeserialize(using = IsoInstantDeserializer.class) Instant asOf) {

    /**
     * The lead's fit fields; {@code attributes} holds anything else. The aliases are the names CRMs and CDPs use
     * for the same fields, so a payload copied from one scores without renaming.
     */
    public record LeadInput(@NotBlank(message = "is required") String id,
                            String email,
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

    /** One event; {@code event} is accepted as a synonym of {@code type}, as Segment names it. */
    public record EventInput(@JsonAlias("messageId") String id,
                             @JsonAlias("event") @NotBlank(message = "is required") String type,
                             @NotNull(message = "is required") @JsonDeserialize(using = IsoInstantDeserializer.class)
                             Instant timestamp,
                             Map<String, Object> properties) {
    }
}
