package io.leadrules.calibrate;

import io.leadrules.rules.ActiveRuleset;
import io.leadrules.rules.RuleFile;
import io.leadrules.rules.Ruleset;
import io.leadrules.scoring.ScoringEngine;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/**
 * Backtests for the service: on the live ruleset or on a candidate set of DRL files compiled just for this run
 * (and released after it), with the live scoring policy and the {@code leadrules.calibration.*} settings.
 */
@ApplicationScoped
public class BacktestService {

    private final ActiveRuleset active;
    private final ScoringEngine engine;
    private final CalibrationConfig config;

    public BacktestService(ActiveRuleset active, ScoringEngine engine, CalibrationConfig config) {
        this.active = active;
        this.engine = engine;
        this.config = config;
    }

    /**
     * @param candidate DRL files to test instead of the live ruleset; null or empty = the live ruleset
     * @param target close-rate range for the threshold suggestion; null = the configured one
     */
    public BacktestReport backtest(List<RuleFile> candidate, List<LabelledLead> leads, Instant asOf,
                                   TargetCloseRate target) {
        CalibrationSettings settings = config.settings();
        Backtester backtester = new Backtester(engine.scorer(), target == null ? settings : settings.withTarget(target));
        if (candidate == null || candidate.isEmpty()) {
            return backtester.run(active.current(), leads, asOf);
        }
        Ruleset ruleset = active.compiler().compile(candidate, "backtest");
        try {
            return backtester.run(ruleset, leads, asOf);
        } finally {
            ruleset.release();
        }
    }

    /** A backtest of a CSV read through a YAML mapping; {@code asOf} overrides the mapping's when given. */
    public BacktestReport backtestCsv(List<RuleFile> candidate, String csv, String mappingYaml, Instant asOf,
                                      TargetCloseRate target) {
        CsvMapping mapping = CsvLeadMapper.readMapping(mappingYaml);
        List<LabelledLead> leads = CsvLeadMapper.map(new StringReader(csv), mapping);
        return backtest(candidate, leads, asOf != null ? asOf : mapping.asOf(), target);
    }
}
