package io.leadrules.calibrate;

import io.leadrules.handoff.MqlHandoff;
import io.leadrules.limits.CandidateLimits;
import io.leadrules.limits.LimitsConfig;
import io.leadrules.profile.StoredLeads;
import io.leadrules.rules.ActiveRuleset;
import io.leadrules.rules.RuleFile;
import io.leadrules.rules.Ruleset;
import io.leadrules.rules.RulesetCompiler;
import io.leadrules.rules.policy.RulesPolicy;
import io.leadrules.scoring.Deadline;
import io.leadrules.scoring.ScoringEngine;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /rules/preview}: compiles a candidate ruleset (never activating it), runs an {@link ImpactPreview}
 * over every stored lead a page at a time, and releases the candidate.
 */
@ApplicationScoped
public class PreviewService {

    private final ActiveRuleset active;
    private final ScoringEngine engine;
    private final MqlHandoff handoff;
    private final StoredLeads stored;
    private final CalibrationConfig config;
    private final Clock clock;
    private final LimitsConfig limits;
    private final CandidateLimits candidateLimits;

    public PreviewService(ActiveRuleset active, ScoringEngine engine, MqlHandoff handoff, StoredLeads stored,
                          CalibrationConfig config, Clock clock, LimitsConfig limits, CandidateLimits candidateLimits) {
        this.active = active;
        this.engine = engine;
        this.handoff = handoff;
        this.stored = stored;
        this.config = config;
        this.clock = clock;
        this.limits = limits;
        this.candidateLimits = candidateLimits;
    }

    /**
     * @param files the candidate's DRL files; null = the rules folder's files as they are now (under its policy).
     *              The whole preview stops at {@code leadrules.limits.backtest-deadline}.
     * @param callerPolicy {@link RulesPolicy#STRICT} unless the caller is trusted with open DRL; sent files are
     *                     compiled under the stricter of it and the configured policy
     */
    public PreviewReport preview(List<RuleFile> files, RulesPolicy callerPolicy) {
        Deadline deadline = Deadline.in(limits.backtestDeadline(), Backtester.DEADLINE_KEY, "The preview");
        candidateLimits.check(files == null ? null : files.stream().map(RuleFile::content).toList());
        List<RuleFile> candidateFiles = files != null ? files : RulesetCompiler.readFolder(active.rulesDir());
        RulesPolicy policy = files != null ? RulesPolicy.strictest(active.folderPolicy(), callerPolicy)
                : active.folderPolicy();
        Ruleset candidate = active.compiler().compile(candidateFiles, "preview", policy);
        try {
            ImpactPreview preview = new ImpactPreview(engine.scorer(), handoff::isMql,
                    config.preview().sampleSize(), config.preview().bucketPoints());
            Instant now = clock.instant();
            ImpactPreview.Run run = preview.start(active.current(), candidate, now, deadline);
            stored.forEachPage(config.pageSize(), page -> page.forEach(
                    lead -> run.add(lead.leadId(), lead.mql(), lead.lead(), lead.events())));
            return run.report();
        } finally {
            candidate.release();
        }
    }
}
