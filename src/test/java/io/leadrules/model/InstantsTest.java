package io.leadrules.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Instants as clients write them, one reading everywhere. */
class InstantsTest {

    private static final Instant TEN_UTC = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void readsEveryOffsetSpellingClientsSend() {
        assertThat(Instants.parse("2026-11-20T10:00:00Z")).isEqualTo(TEN_UTC);
        assertThat(Instants.parse("2026-11-20T10:00:00.000Z")).isEqualTo(TEN_UTC);
        assertThat(Instants.parse("2026-11-20T11:00:00+01:00")).isEqualTo(TEN_UTC);
        assertThat(Instants.parse("2026-11-20T10:00:00.000+0000")).isEqualTo(TEN_UTC);
        assertThat(Instants.parse("2026-11-20T05:00:00-0500")).isEqualTo(TEN_UTC);
    }

    @Test
    void aTimeWithoutOffsetIsRefusedAndADateOnlyWhereAsked() {
        assertThatThrownBy(() -> Instants.parse("2026-11-20T10:00:00")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Instants.parse("2026-11-20")).isInstanceOf(DateTimeParseException.class);
        assertThat(Instants.parseOrDate("2026-11-20")).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(Instants.parseOrDateOrNull("last tuesday")).isNull();
        assertThat(Instants.parseOrDateOrNull("+999999999-12-31T23:59:59Z")).as("beyond year 9999").isNull();
    }

    @Test
    void aQueryParameterGetsBackThePlusItsOffsetLostToUrlDecoding() {
        assertThat(Instants.fromQuery("2026-11-20T11:00:00 01:00")).isEqualTo(TEN_UTC);
        assertThat(Instants.fromQuery("2026-11-20T11:00:00+01:00")).isEqualTo(TEN_UTC);
        assertThat(Instants.fromQuery("2026-11-20")).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
    }
}
