package io.leadrules.calibrate;

import io.leadrules.limits.CandidateLimits;
import io.leadrules.limits.LimitsConfig;
import io.leadrules.profile.StoredLeads;
import io.leadrules.rules.ActiveRuleset;
import io.leadrules.rules.RuleFile;
import io.leadrules.rules.Ruleset;
import io.leadrules.rules.policy.RulesPolicy;
import io.leadrules.scoring.Deadline;
import io.leadrules.scoring.Scorer;
import io.leadrules.scoring.ScoringEngine;
import io.leadrules.scoring.ScoringPolicy;
import io.leadrules.store.OutcomeRepository;
import io.leadrules.store.OutcomeRow;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Backtests for the service: on the live ruleset or on a candidate set of DRL files compiled just for this run
 * (and released after it), with the live scoring policy and the {@code leadrules.calibration.*} settings.
 */
@ApplicationScoped
public class BacktestService {

    private final ActiveRuleset active;
    private final ScoringEngine engine;
    private final CalibrationConfig config;
    private final OutcomeRepository outcomes;
    private final StoredLeads stored;
    private final LimitsConfig limits;
    private final CandidateLimits candidateLimits;

    public BacktestService(ActiveRuleset active, ScoringEngine engine, CalibrationConfig config,
                           OutcomeRepository outcomes, StoredLeads stored, LimitsConfig limits,
                           CandidateLimits candidateLimits) {
        this.active = active;
        this.engine = engine;
        this.config = config;
        this.outcomes = outcomes;
        this.stored = stored;
        this.limits = limits;
        this.candidateLimits = candidateLimits;
    }

    /**
     * @param candidate DRL files to test instead of the live ruleset; null or empty = the live ruleset
     * @param options this request's target, band shares and threshold; their null parts: the configured ones
     * @param callerPolicy {@link RulesPolicy#STRICT} unless the caller is trusted with open DRL; the candidate is
     *                     compiled under the stricter of it and the configured policy
     */
    public BacktestReport backtest(List<RuleFile> candidate, List<LabelledLead> leads, Instant asOf,
                                   BacktestOptions options, RulesPolicy callerPolicy) {
        candidateLimits.check(contents(candidate));
        return backtest(candidate, leads, asOf, options, callerPolicy, deadline());
    }

    private BacktestReport backtest(List<RuleFile> candidate, List<LabelledLead> leads, Instant asOf,
                                    BacktestOptions options, RulesPolicy callerPolicy, Deadline deadline) {
        Backtester backtester = backtester(options, deadline);
        if (candidate == null || candidate.isEmpty()) {
            return backtester.run(active.current(), leads, asOf);
        }
        Ruleset ruleset = compile(candidate, callerPolicy);
        try {
            return backtester.run(ruleset, leads, asOf);
        } finally {
            ruleset.release();
        }
    }

    /**
     * A backtest of the stored leads that have an outcome, read a page at a time; each is scored from its stored
     * profile and events at {@code asOf} (one instant for all, so scores compare), keeping only the figures.
     */
    public BacktestReport backtestStored(List<RuleFile> candidate, Instant asOf, BacktestOptions options,
                                         RulesPolicy callerPolicy) {
        candidateLimits.check(contents(candidate));
        Backtester backtester = backtester(options, deadline());
        if (candidate == null || candidate.isEmpty()) {
            return backtestStored(backtester, active.current(), asOf);
        }
        Ruleset ruleset = compile(candidate, callerPolicy);
        try {
            return backtestStored(backtester, ruleset, asOf);
        } finally {
            ruleset.release();
        }
    }

    private BacktestReport backtestStored(Backtester backtester, Ruleset ruleset, Instant asOf) {
        List<ScoredLead> scored = new ArrayList<>();
        String after = null;
        List<OutcomeRow> page;
        do {
            page = outcomes.page(after, config.pageSize());
            Map<String, OutcomeRow> byLead = page.stream().collect(Collectors.toMap(OutcomeRow::leadId, o -> o));
            for (StoredLeads.Entry lead : stored.load(byLead.keySet())) {
                OutcomeRow outcome = byLead.get(lead.leadId());
                scored.add(backtester.score(ruleset, new LabelledLead(lead.lead(), lead.events(), outcome.won(),
                        outcome.closedAt()), asOf));
            }
            after = page.isEmpty() ? after : page.get(page.size() - 1).leadId();
        } while (page.size() == config.pageSize());
        if (scored.isEmpty()) {
            throw new BacktestInputException("No stored lead has an outcome yet: record outcomes with POST /outcomes"
                    + " (leadId, outcome won/lost, closedAt) first");
        }
        return backtester.report(ruleset, asOf, scored.size(), scored);
    }

    /** A backtest of a CSV read through a YAML mapping; {@code asOf} overrides the mapping's when given. */
    public BacktestReport backtestCsv(List<RuleFile> candidate, String csv, String mappingYaml, Instant asOf,
                                      BacktestOptions options, RulesPolicy callerPolicy) {
        Deadline deadline = deadline();
        candidateLimits.check(contents(candidate));
        CsvMapping mapping = CsvLeadMapper.readMapping(mappingYaml, backtestLimits());
        List<LabelledLead> leads = CsvLeadMapper.map(new StringReader(csv), mapping, backtestLimits(), deadline);
        return backtest(candidate, leads, asOf != null ? asOf : mapping.asOf(), options, callerPolicy, deadline);
    }

    private Ruleset compile(List<RuleFile> candidate, RulesPolicy callerPolicy) {
        return active.compiler().compile(candidate, "backtest", RulesPolicy.strictest(active.folderPolicy(), callerPolicy));
    }

    /** Started when the backtest starts: reading a CSV counts, compiling a candidate too. */
    private Deadline deadline() {
        return Deadline.in(limits.backtestDeadline(), Backtester.DEADLINE_KEY, "The backtest");
    }

    private BacktestLimits backtestLimits() {
        return new BacktestLimits(limits.backtestMaxLeads(), limits.backtestMaxEvents(), limits.csvMaxRows(),
                limits.mappingMaxEventLimit());
    }

    private static List<String> contents(List<RuleFile> candidate) {
        return candidate == null ? null : candidate.stream().map(RuleFile::content).toList();
    }

    /** The live engine's scorer, at this request's threshold if it sets one. */
    private Backtester backtester(BacktestOptions options, Deadline deadline) {
        Scorer scorer = engine.scorer();
        if (options.threshold() != null) {
            ScoringPolicy policy = scorer.policy();
            scorer = new Scorer(new ScoringPolicy(options.threshold(), policy.maxFires(), policy.categoryCaps(),
                    policy.totalCap()));
        }
        return new Backtester(scorer, options.applyTo(config.settings()), backtestLimits(), deadline);
    }
}
