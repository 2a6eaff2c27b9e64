package io.leadrules.handoff;

import io.leadrules.model.Points;
import io.leadrules.store.TransitionRepository;
import io.leadrules.store.TransitionRow;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The transitions feed: entered/left MQL at or after an instant, oldest first, a page at a time. */
@ApplicationScoped
public class TransitionFeed {

    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 10_000;

    private final TransitionRepository transitions;

    public TransitionFeed(TransitionRepository transitions) {
        this.transitions = transitions;
    }

    /**
     * {@code since} is an ISO-8601 instant (absent: from the beginning); poll again from the last {@code at}.
     * {@code limit} is taken as text so that a non-number is a 400 naming it, not the 404 JAX-RS gives.
     */
    public List<TransitionRow> since(String since, String limit) {
        Instant from = since == null || since.isBlank() ? Instant.EPOCH : parse(since);
        int max = limit == null || limit.isBlank() ? DEFAULT_LIMIT : limit(limit);
        return transitions.since(from, max).stream()
                .map(t -> new TransitionRow(t.id(), t.leadId(), t.direction(), t.at(), Points.normalize(t.score()),
                        Points.normalize(t.threshold()), t.rulesetVersion(), t.decisionId()))
                .toList();
    }

    private static int limit(String limit) {
        int max;
        try {
            max = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            max = 0;
        }
        if (max < 1 || max > MAX_LIMIT) {
            throw new BadFeedQueryException("limit", "limit must be a whole number between 1 and " + MAX_LIMIT
                    + ", got \"" + limit + "\"");
        }
        return max;
    }

    private static Instant parse(String since) {
        try {
            return OffsetDateTime.parse(since).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadFeedQueryException("since", "since must be an ISO-8601 instant such as"
                    + " 2026-11-23T00:00:00Z, got \"" + since + "\"");
        }
    }

    /** A bad query parameter on the feed. */
    public static class BadFeedQueryException extends RuntimeException {
        private final String field;

        public BadFeedQueryException(String field, String detail) {
            super(detail);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
