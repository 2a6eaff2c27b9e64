package io.leadrules.api;

import io.leadrules.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.leadrules.calibrate.BacktestInputException;
import io.leadrules.calibrate.BacktestOptions;
import io.leadrules.calibrate.BacktestReport;
import io.leadrules.calibrate.BacktestService;
import io.leadrules.calibrate.DriftQuery;
import io.leadrules.calibrate.DriftReport;
import io.leadrules.calibrate.DriftService;
import io.leadrules.calibrate.LabelledLead;
import io.leadrules.calibrate.TargetCloseRate;
import io.leadrules.limits.HeavyCall;
import io.leadrules.rules.RuleFile;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.util.List;

/**
 * {@code POST /calibration/backtest}: how well a ruleset (live or candidate) ranks leads whose outcome is known;
 * {@code GET /calibration/drift}: whether the close rate of MQLs has moved.
 */
@Path("/calibration")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CalibrationResource {

    private final BacktestService backtests;
    private final DriftService drift;
    private final Clock clock;
    private final CallerPolicy callers;

    public CalibrationResource(BacktestService backtests, DriftService drift, Clock clock, CallerPolicy callers) {
        this.backtests = backtests;
        this.drift = drift;
        this.clock = clock;
        this.callers = callers;
    }

    @POST
    @Path("/backtest")
    @RolesAllowed(Roles.ANALYST)
    @HeavyCall
    public BacktestReport backtest(@NotNull(message = "is required: send a JSON object") @Valid BacktestRequest request) {
        List<RuleFile> candidate = RuleFileInput.toRuleFiles(request.rules());
        TargetCloseRate target = request.targetCloseRate() == null ? null
                : new TargetCloseRate(request.targetCloseRate().min(), request.targetCloseRate().max());
        BacktestOptions options = new BacktestOptions(target, request.bandShares(), request.threshold());
        if (BacktestRequest.STORED.equals(request.source())) {
            if (request.leads() != null || request.csv() != null) {
                throw new BacktestInputException("\"source\": \"stored\" backtests the stored leads: leave out \"leads\" and \"csv\"");
            }
            return backtests.backtestStored(candidate, request.asOf() != null ? request.asOf() : clock.instant(),
                    options, callers.policy());
        }
        if (request.csv() != null) {
            if (request.leads() != null || request.mapping() == null) {
                throw new BacktestInputException("Send either \"leads\" (JSON) or \"csv\" with its \"mapping\" (YAML text)");
            }
            return backtests.backtestCsv(candidate, request.csv(), request.mapping(), request.asOf(), options,
                    callers.policy());
        }
        if (request.leads() == null) {
            throw new BacktestInputException("Send the labelled leads: \"leads\" (JSON) or \"csv\" with its \"mapping\"");
        }
        return backtests.backtest(candidate, toLeads(request.leads()),
                request.asOf() != null ? request.asOf() : clock.instant(), options, callers.policy());
    }

    /**
     * {@code GET /calibration/drift}: close rate of MQLs closed recently against the baseline, from stored outcomes.
     * {@code asOf} (default now) ends the recent window; {@code baselineFrom} (default: all) starts the baseline;
     * both are instants or bare dates (midnight UTC).
     */
    @GET
    @Path("/drift")
    @RolesAllowed(Roles.READ)
    public DriftReport drift(@QueryParam("asOf") String asOf, @QueryParam("baselineFrom") String baselineFrom) {
        return drift.drift(DriftQuery.parse(asOf, baselineFrom));
    }

    private static List<LabelledLead> toLeads(List<BacktestRequest.LabelledLeadInput> in) {
        return in.stream().map(l -> new LabelledLead(ScoreResource.toLead(l.lead()), ScoreResource.toEvents(l.events()),
                l.won(), l.closedAt())).toList();
    }
}
