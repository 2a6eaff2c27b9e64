package io.leadrules.rules;

import io.leadrules.model.EventUse.Reads;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a pattern's condition reads of an activity's events, from the text of the DRL vocabulary. */
class EventUseReaderTest {

    @Test
    void countsInAWindowReadThatWindow() {
        assertThat(EventUseReader.reads("type == \"Email Opened\", last30Days >= 3")).isEqualTo(Reads.window(30, true));
        assertThat(EventUseReader.reads("type == \"Page Viewed\", last7Days >= 3")).isEqualTo(Reads.window(7, true));
        assertThat(EventUseReader.reads("type == \"X\", countWithin( 14 ) >= 2")).isEqualTo(Reads.window(14, true));
    }

    @Test
    void recencyReadsItsUpperBoundAndALowerBoundNarrowsNothing() {
        assertThat(EventUseReader.reads("type == \"X\", daysSinceLast <= 7")).isEqualTo(Reads.window(7, true));
        assertThat(EventUseReader.reads("type == \"X\", daysSinceLast < 7.5")).isEqualTo(Reads.window(7.5, false));
        assertThat(EventUseReader.reads("type == \"X\", daysSinceLast > 7, daysSinceLast <= 30"))
                .isEqualTo(Reads.window(30, true));
        assertThat(EventUseReader.reads("type == \"X\", daysSinceLast > 30")).isEqualTo(Reads.ALL);
    }

    @Test
    void aSequenceReadsItsPairs() {
        assertThat(EventUseReader.reads("type == \"Demo Attended\", followsWithin(\"Pricing Page Viewed\", 7)"))
                .isEqualTo(Reads.sequence("Pricing Page Viewed", 7));
        assertThat(EventUseReader.reads("type == \"Demo Attended\", followsWithin('Pricing', 7) || last7Days > 0"))
                .isEqualTo(new Reads(false, 7, true, List.of(new io.leadrules.model.EventUse.Sequence("Pricing", 7))));
    }

    @Test
    void anythingElseOfTheActivityOrNoWindowReadsEveryEvent() {
        assertThat(EventUseReader.reads("type == \"Demo Attended\"")).isEqualTo(Reads.ALL);
        assertThat(EventUseReader.reads("type == \"X\", count >= 3, last7Days >= 1")).isEqualTo(Reads.ALL);
        assertThat(EventUseReader.reads("type == \"X\", last7Days >= 1 || events.size() > 9")).isEqualTo(Reads.ALL);
        assertThat(EventUseReader.reads("type == \"X\", countWithin($days) >= 1")).isEqualTo(Reads.ALL);
        assertThat(EventUseReader.reads("type == \"X\", daysSinceLast <= 7 * 2")).isEqualTo(Reads.ALL);
        assertThat(EventUseReader.reads("type == \"X\", !followsWithin(\"Y\", 7)")).isEqualTo(Reads.ALL);
        assertThat(EventUseReader.reads("type == \"X\", firstSeen < $t, last7Days > 0")).isEqualTo(Reads.ALL);
    }

    @Test
    void wordsInsideTextAreNotReads() {
        assertThat(EventUseReader.reads("type == \"count events\", last30Days > 1")).isEqualTo(Reads.window(30, true));
    }

    @Test
    void readsTheTypesAPatternIsLimitedTo() {
        assertThat(EventUseReader.types("type == \"Email Opened\", last30Days >= 3")).containsExactly("Email Opened");
        assertThat(EventUseReader.types("type in (\"A\", 'B'), last7Days > 0")).containsExactly("A", "B");
        assertThat(EventUseReader.types("type != \"A\", last7Days > 0")).isEmpty();
    }
}
