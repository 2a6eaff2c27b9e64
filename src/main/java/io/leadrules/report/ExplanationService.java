package io.leadrules.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadrules.model.Breakdown;
import io.leadrules.model.Category;
import io.leadrules.model.EventRef;
import io.leadrules.model.Points;
import io.leadrules.model.RuleHit;
import io.leadrules.model.ScoreCard;
import io.leadrules.profile.HistoryEntry;
import io.leadrules.profile.LeadService;
import io.leadrules.profile.LeadView;
import io.leadrules.rules.ActiveRuleset;
import io.leadrules.rules.RuleCatalog;
import io.leadrules.rules.RuleInfo;
import io.leadrules.store.DecisionRow;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Explains one lead's score: the live score as a waterfall, its hits, what it lacks, and its stored timeline. */
@ApplicationScoped
public class ExplanationService {

    private static final String NEAREST_NOTE = "Rules with positive points that did not fire, largest first. "
            + "\"wouldCross\" compares their points with the gap only; whether the lead can meet their conditions, "
            + "and how caps and decay would treat them, is not simulated.";

    private final LeadService leads;
    private final ActiveRuleset active;
    private final ReportsConfig config;
    private final ObjectMapper mapper;

    public ExplanationService(LeadService leads, ActiveRuleset active, ReportsConfig config, ObjectMapper mapper) {
        this.leads = leads;
        this.active = active;
        this.config = config;
        this.mapper = mapper;
    }

    public LeadExplanation explain(String leadId) {
        LeadView view = leads.view(leadId);
        ScoreCard card = view.score();
        List<HistoryEntry> history = leads.history(leadId);
        RuleCatalog catalog = active.current().catalog();
        List<LeadExplanation.Hit> hits = card.hits().stream().map(h -> hit(h, catalog)).toList();
        LeadExplanation.Live live = new LeadExplanation.Live(card.asOf(), card.ruleset().version(), card.score(),
                card.mql(), card.breakdown(), Waterfall.of(card.breakdown()), hits);
        LeadExplanation.StoredDecision latest = history.isEmpty() ? null : stored(history.get(history.size() - 1), catalog);
        return new LeadExplanation(leadId, Points.normalize(card.threshold()), live, latest,
                nearest(card, catalog, view.profile().isTrackingOptOut()), timeline(history));
    }

    /** A stored decision with its waterfall and the sum of its hits (both equal its score). */
    public LeadExplanation.StoredDecision stored(DecisionRow row) {
        return stored(new HistoryEntry(row.id(), row.decidedAt(), Points.normalize(row.score()), row.mql(),
                row.rulesetVersion(), null, row.breakdown(), row.hits()), active.current().catalog());
    }

    private LeadExplanation.StoredDecision stored(HistoryEntry entry, RuleCatalog catalog) {
        List<RuleHit> hits = List.of(mapper.convertValue(entry.hits(), RuleHit[].class));
        Breakdown breakdown = mapper.convertValue(entry.breakdown(), Breakdown.class);
        BigDecimal total = hits.stream().map(RuleHit::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        // Hits of an older ruleset are located in the active catalog only if the rule still exists there.
        return new LeadExplanation.StoredDecision(entry.decisionId(), entry.decidedAt(), entry.rulesetVersion(),
                entry.score(), entry.mql(), Waterfall.of(breakdown), Points.normalize(total),
                hits.stream().map(h -> hit(h, catalog)).toList());
    }

    /**
     * The rules with positive points that did not fire, most points first. A lead that opted out of behavioural
     * tracking can earn no intent points (see HitRecorder), so intent rules are no way up for it.
     */
    private LeadExplanation.Nearest nearest(ScoreCard card, RuleCatalog catalog, boolean trackingOptOut) {
        BigDecimal gap = card.threshold().subtract(card.score()).max(BigDecimal.ZERO);
        Set<String> fired = new HashSet<>();
        card.hits().forEach(h -> fired.add(h.rule()));
        List<LeadExplanation.Candidate> candidates = catalog.rules().stream()
                .filter(r -> r.points() != null && r.points().signum() > 0 && !fired.contains(r.name()))
                .filter(r -> !(trackingOptOut && Category.INTENT.label().equals(r.category())))
                .sorted(Comparator.comparing(RuleInfo::points).reversed().thenComparing(RuleInfo::name))
                .limit(config.nearestRules())
                .map(r -> new LeadExplanation.Candidate(r.name(), r.category(), Points.normalize(r.points()),
                        r.description(), r.file(), r.line(), r.endLine(), gap.signum() > 0 && r.points().compareTo(gap) >= 0))
                .toList();
        return new LeadExplanation.Nearest(Points.normalize(gap), candidates, NEAREST_NOTE);
    }

    private static List<LeadExplanation.TimelinePoint> timeline(List<HistoryEntry> history) {
        List<LeadExplanation.TimelinePoint> points = new ArrayList<>();
        BigDecimal previous = null;
        for (HistoryEntry e : history) {
            BigDecimal change = previous == null ? e.score() : e.score().subtract(previous);
            points.add(new LeadExplanation.TimelinePoint(e.decisionId(), e.decidedAt(), e.score(),
                    Points.normalize(change), e.mql(), e.rulesetVersion(), e.cause().detail()));
            previous = e.score();
        }
        return points;
    }

    private static LeadExplanation.Hit hit(RuleHit h, RuleCatalog catalog) {
        Optional<RuleInfo> info = catalog.rule(h.rule());
        List<EventRef> events = h.events();
        return new LeadExplanation.Hit(h.rule(), h.category(), Points.normalize(h.points()), h.reason(), h.appliesTo(),
                events, info.map(RuleInfo::file).orElse(h.file()), info.map(RuleInfo::line).orElse(null),
                info.map(RuleInfo::endLine).orElse(null), info.map(RuleInfo::row).orElse(h.row()));
    }
}
