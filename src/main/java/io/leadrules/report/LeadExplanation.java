package io.leadrules.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.leadrules.model.Breakdown;
import io.leadrules.model.EventRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /leads/{id}/explanation}: why the lead has its score. {@code live} is the score as of now (decay goes
 * on between events): its {@code waterfall} and {@code hits} add up to it exactly. {@code latestDecision} is the
 * last stored decision (what the MQL state is based on), with its own hits. {@code timeline} lists every stored
 * decision with its cause.
 */
public record LeadExplanation(String leadId, BigDecimal threshold, Live live, StoredDecision latestDecision,
                              Nearest nearest, List<TimelinePoint> timeline) {

    public record Live(Instant asOf, String rulesetVersion, BigDecimal score, boolean mql, Breakdown breakdown,
                       Waterfall waterfall, List<Hit> hits) {
    }

    /**
     * A rule hit with its DRL location ({@code file}, {@code line}..{@code endLine}) when it is a catalog rule; for a
     * point table row, {@code row} is that row (and line = endLine = row).
     */
    public record Hit(String rule, String category, BigDecimal points, String reason, String appliesTo,
                      List<EventRef> events, String file, Integer line, Integer endLine,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Integer row) {
    }

    /** A stored decision; {@code hitsTotal} is the sum of its hits, equal to {@code score}. */
    public record StoredDecision(long id, Instant decidedAt, String rulesetVersion, BigDecimal score, boolean mql,
                                 Waterfall waterfall, BigDecimal hitsTotal, List<Hit> hits) {
    }

    /**
     * What the lead still lacks: {@code gap} points to the threshold (0 when reached), and the active rules with
     * positive points that did not fire, largest first. {@code wouldCross}: that rule's points alone cover the
     * gap. Not a simulation: a rule's facts may be out of reach (or cap and decay may trim it).
     */
    public record Nearest(BigDecimal gap, List<Candidate> rules, String note) {
    }

    public record Candidate(String rule, String category, BigDecimal points, String description, String file,
                            int line, int endLine, boolean wouldCross) {
    }

    /** One stored decision on the score timeline: its score, change from the previous one, and cause. */
    public record TimelinePoint(long decisionId, Instant decidedAt, BigDecimal score, BigDecimal change, boolean mql,
                                String rulesetVersion, String cause) {
    }
}
