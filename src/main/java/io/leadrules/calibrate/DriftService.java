package io.leadrules.calibrate;

import io.leadrules.store.InvalidQueryException;
import io.leadrules.store.OutcomeRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Drift on stored data: the outcomes of leads that entered MQL at least once, split by when they closed into the
 * last {@code leadrules.calibration.drift.recent-days} and the baseline before, compared by {@link DriftCheck}.
 */
@ApplicationScoped
public class DriftService {

    private final OutcomeRepository outcomes;
    private final CalibrationConfig config;
    private final Clock clock;

    public DriftService(OutcomeRepository outcomes, CalibrationConfig config, Clock clock) {
        this.outcomes = outcomes;
        this.config = config;
        this.clock = clock;
    }

    /**
     * {@code query.asOf()} ends the recent window (null = now); {@code query.baselineFrom()} leaves out outcomes
     * closed before it (null = none).
     */
    public DriftReport drift(DriftQuery query) {
        Instant now = query.asOf() != null ? query.asOf() : clock.instant();
        Instant from = query.baselineFrom() != null ? query.baselineFrom() : Instant.EPOCH;
        if (from.isAfter(now)) {
            throw new InvalidQueryException("baselineFrom", "\"baselineFrom\" (" + from + ") must not be after"
                    + " \"asOf\" (" + now + (query.asOf() == null ? ", now" : "") + ")");
        }
        List<DriftCheck.MqlOutcome> closed = outcomes.ofMqls(from, now).stream()
                .map(o -> new DriftCheck.MqlOutcome(o.leadId(), o.won(), o.closedAt())).toList();
        return DriftReport.compare(closed, now, from, config.settings().drift(), "Record outcomes with POST /outcomes");
    }
}
