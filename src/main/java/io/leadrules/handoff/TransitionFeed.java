package io.leadrules.handoff;

import io.leadrules.model.Instants;
import io.leadrules.model.Points;
import io.leadrules.store.InvalidQueryException;
import io.leadrules.store.PageLimit;
import io.leadrules.store.TransitionRepository;
import io.leadrules.store.TransitionRow;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The transitions feed: entered/left MQL at or after an instant, oldest first, a page at a time. */
@ApplicationScoped
public class TransitionFeed {

    private final TransitionRepository transitions;

    public TransitionFeed(TransitionRepository transitions) {
        this.transitions = transitions;
    }

    /**
     * {@code since} is an ISO-8601 instant (absent: from the beginning); poll again from the last {@code at}.
     * {@code limit}: see {@link PageLimit}.
     */
    public List<TransitionRow> since(String since, String limit) {
        Instant from = since == null || since.isBlank() ? Instant.EPOCH : parse(since);
        return transitions.since(from, PageLimit.parse(limit)).stream()
                .map(t -> new TransitionRow(t.id(), t.leadId(), t.direction(), t.at(), Points.normalize(t.score()),
                        Points.normalize(t.threshold()), t.rulesetVersion(), t.decisionId(), t.disqualifiedBy()))
                .toList();
    }

    private static Instant parse(String since) {
        try {
            return Instants.fromQuery(since);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException("since", "since must be an ISO-8601 instant such as"
                    + " 2026-11-23T00:00:00Z (or a date, 2026-11-23, for its midnight UTC), got \"" + since + "\"");
        }
    }
}
