package io.leadrules.calibrate;

import io.leadrules.store.OutcomeRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
     * @param asOf         the end of the recent window; null = now
     * @param baselineFrom leave out outcomes closed before this; null = all of them
     */
    public DriftReport drift(Instant asOf, Instant baselineFrom) {
        Instant now = asOf != null ? asOf : clock.instant();
        Instant from = baselineFrom != null ? baselineFrom : Instant.EPOCH;
        if (from.isAfter(now)) {
            throw new BacktestInputException("baselineFrom (" + from + ") is after asOf (" + now + ")");
        }
        List<DriftCheck.MqlOutcome> closed = outcomes.ofMqls(from, now).stream()
                .map(o -> new DriftCheck.MqlOutcome(o.leadId(), o.won(), o.closedAt())).toList();
        DriftCheck.Settings settings = config.settings().drift();
        DriftCheck.Result r = DriftCheck.check(closed, now, settings);
        int min = Math.max(1, config.drift().minOutcomes());
        boolean enough = r.recentCount() >= min && r.baselineCount() >= min;
        String detail = enough ? r.detail() : "Not enough outcomes to compare: " + r.recentCount()
                + " MQLs closed in the last " + settings.recentDays() + " days and " + r.baselineCount()
                + " before; each window needs at least " + min + " (config leadrules.calibration.drift.min-outcomes)."
                + " Record outcomes with POST /outcomes";
        return new DriftReport(enough ? DriftReport.OK : DriftReport.NOT_ENOUGH_OUTCOMES, detail,
                enough && r.flagged(), now, from, r.recentFrom(), settings.recentDays(), r.recentCount(),
                r.recentWon(), rate(r.recentRate()), r.baselineCount(), r.baselineWon(), rate(r.baselineRate()),
                r.deltaPoints(), r.maxPoints(), min);
    }

    private static BigDecimal rate(BigDecimal rate) {
        return rate == null ? null : rate.setScale(4, RoundingMode.HALF_UP);
    }
}
