package io.leadrules.profile;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** A verdict that changed with no event says why: faded signals only when the score fell. */
class NoEventCauseTest {

    @Test
    void aLowerScoreIsDecayTheSameOrAHigherOneIsTheConfiguration() {
        assertThat(LeadService.withoutEvent(new BigDecimal("64.5"), new BigDecimal("70")))
                .isEqualTo("No new event: the signals faded with time");
        assertThat(LeadService.withoutEvent(new BigDecimal("70"), new BigDecimal("70.00")))
                .contains("the score is unchanged").contains("threshold or hysteresis");
        assertThat(LeadService.withoutEvent(new BigDecimal("75"), new BigDecimal("70")))
                .contains("rose with the configuration");
        assertThat(LeadService.withoutEvent(new BigDecimal("60"), null))
                .as("the first decision on a page has no known predecessor")
                .isEqualTo("No new event: the signals faded with time");
    }
}
