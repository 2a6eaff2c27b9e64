package io.leadrules.store;

import io.leadrules.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The repositories on the real database (H2, and PostgreSQL in the second run): the SQL must mean the same on both. */
@QuarkusTest
@Tag("db")
class LeadStoreTest {

    private static final Instant T = Instant.parse("2026-03-01T12:00:00.123Z");

    @Inject
    LeadRepository leads;
    @Inject
    EventRepository events;
    @Inject
    DecisionRepository decisions;
    @Inject
    OutboxRepository outbox;

    @Test
    void storesAMessageIdOnceAndReadsEventsInTheOrderTheyHappened() {
        String lead = Fixtures.uniqueLead("store");
        QuarkusTransaction.requiringNew().run(() -> {
            leads.create(lead, T);
            assertThat(events.insert(event(lead, lead + "-b", T.plusSeconds(60)), 0)).isTrue();
            assertThat(events.insert(event(lead, lead + "-a", T), 0)).isTrue();
            assertThat(events.insert(event(lead, lead + "-b", T.plusSeconds(999)), 0)).isFalse();
        });

        List<StoredEvent> stored = events.forLead(lead);
        assertThat(stored).extracting(StoredEvent::messageId).containsExactly(lead + "-a", lead + "-b");
        assertThat(stored.get(0).occurredAt()).isEqualTo(T);
        assertThat(stored.get(1).occurredAt()).isEqualTo(T.plusSeconds(60));
        assertThat(stored.get(0).properties()).containsEntry("plan", "pro");
    }

    @Test
    void creatingAnExistingLeadIsAUniqueViolation() {
        String lead = Fixtures.uniqueLead("twice");
        QuarkusTransaction.requiringNew().run(() -> leads.create(lead, T));
        QuarkusTransaction.requiringNew().run(() -> leads.create(lead, T)); // "where not exists": no-op

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> insertRaw(lead)))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isUniqueViolation()).isTrue());
        assertThat(leads.find(lead)).get().extracting(LeadRow::createdAt).isEqualTo(T);
    }

    @Test
    void keepsDecisionsExactAndOldestFirst() {
        String lead = Fixtures.uniqueLead("decisions");
        QuarkusTransaction.requiringNew().run(() -> {
            decisions.insert(lead, T.plusSeconds(5), new BigDecimal("71.25"), true, "v2", "event", "m2", "Demo Requested",
                    "v1", Map.of("fit", 50), List.of(Map.of("rule", "r")));
            decisions.insert(lead, T, new BigDecimal("12.5"), false, "v1", "event", "m1", "identify", null,
                    Map.of("fit", 12.5), List.of());
        });

        List<DecisionRow> rows = decisions.forLead(lead);
        assertThat(rows).extracting(DecisionRow::causeEventId).containsExactly("m1", "m2");
        assertThat(rows.get(1).score()).isEqualByComparingTo("71.25");
        assertThat(rows.get(1).previousRuleset()).isEqualTo("v1");
        assertThat(rows.get(1).hits().get(0).get("rule").asText()).isEqualTo("r");
    }

    @Test
    void outboxRowsAreClaimedWhenDueByOneClaimAtATimeUntilTheLeaseRunsOut() {
        String lead = Fixtures.uniqueLead("outbox");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long id = QuarkusTransaction.requiringNew().call(() -> outbox.insert(lead, 1, "{}", at.plus(Duration.ofHours(1))));

        assertThat(outbox.claim(lead + "#1", at, Duration.ofHours(1), 10_000)).extracting(OutboxRow::id)
                .doesNotContain(id);
        Instant due = at.plus(Duration.ofHours(2));
        assertThat(outbox.claim(lead + "#2", due, Duration.ofHours(1), 10_000)).filteredOn(r -> r.id() == id)
                .singleElement().satisfies(r -> assertThat(r.attempts()).isEqualTo(1))
                .satisfies(r -> assertThat(r.claimedBy()).isEqualTo(lead + "#2"));
        assertThat(outbox.claim(lead + "#3", due, Duration.ofHours(1), 10_000)).as("leased to claim 2")
                .extracting(OutboxRow::id).doesNotContain(id);

        Instant leaseOver = due.plus(Duration.ofHours(1));
        assertThat(outbox.claim(lead + "#4", leaseOver, Duration.ofHours(1), 10_000)).filteredOn(r -> r.id() == id)
                .singleElement().satisfies(r -> assertThat(r.attempts()).isEqualTo(2));
        assertThat(outbox.markDelivered(id, lead + "#2", leaseOver)).as("the expired claim's mark").isFalse();
        assertThat(outbox.markDelivered(id, lead + "#4", leaseOver)).isTrue();
        assertThat(outbox.claim(lead + "#5", leaseOver.plus(Duration.ofDays(1)), Duration.ofHours(1), 10_000))
                .extracting(OutboxRow::id).doesNotContain(id);
        assertThat(outbox.forLead(lead)).singleElement().satisfies(r -> assertThat(r.deliveredAt()).isEqualTo(leaseOver));
        QuarkusTransaction.requiringNew().run(() -> outbox.deleteForLead(lead));
    }

    private void insertRaw(String lead) {
        new Jdbc(io.quarkus.arc.Arc.container().instance(javax.sql.DataSource.class).get())
                .update("insert into lead_profile (lead_id, traits, mql, created_at, updated_at) values (?, '{}', false, ?, ?)",
                        lead, T, T);
    }

    private static StoredEvent event(String lead, String id, Instant at) {
        return new StoredEvent(id, lead, "track", "Email Opened", at, T, Map.of("plan", "pro"), "{}");
    }
}
