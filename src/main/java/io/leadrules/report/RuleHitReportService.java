package io.leadrules.report;

import io.leadrules.config.LeadrulesConfig;
import io.leadrules.model.Points;
import io.leadrules.rules.ActiveRuleset;
import io.leadrules.rules.RuleCatalog;
import io.leadrules.rules.RuleInfo;
import io.leadrules.rules.RulesetVersionNotFoundException;
import io.leadrules.rules.RulesetVersionStore;
import io.leadrules.store.RuleHitAggregates;
import io.leadrules.store.RuleHitFilter;
import io.leadrules.store.RuleHitReportRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the rule-hit report: the database aggregates (see {@link RuleHitReportRepository}), turned into shares
 * and averages, joined with the rule catalog (file and lines, dead rules).
 */
@ApplicationScoped
public class RuleHitReportService {

    private static final int SHARE_SCALE = 4;
    private static final int MAX_BUCKETS = 1000;

    private final RuleHitReportRepository repository;
    private final ActiveRuleset active;
    private final RulesetVersionStore versions;
    private final ReportsConfig config;
    private final BigDecimal threshold;
    private final Clock clock;
    /** Catalogs of stored versions: their files never change. */
    private final Map<String, RuleCatalog> catalogs = new java.util.concurrent.ConcurrentHashMap<>();

    public RuleHitReportService(RuleHitReportRepository repository, ActiveRuleset active, RulesetVersionStore versions,
                                ReportsConfig config, LeadrulesConfig leadrules, Clock clock) {
        this.repository = repository;
        this.active = active;
        this.versions = versions;
        this.config = config;
        this.threshold = leadrules.mql().threshold();
        this.clock = clock;
    }

    public RuleHitReport report(RuleHitQuery query) {
        Optional<RuleCatalog> catalog = catalogFor(query.version());
        RuleHitAggregates agg = repository.aggregate(new RuleHitFilter(query.from(), query.to(), query.version(),
                query.segmentField(), query.segmentValue()), threshold, config.scoreBucket(), config.pairMinLeads());
        long leads = agg.totals().leads();
        List<RuleHitReport.RuleStats> rules = agg.rules().stream()
                .map(r -> stats(r, leads, catalog.flatMap(c -> c.rule(r.rule()))))
                .sorted(Comparator.comparingLong(RuleHitReport.RuleStats::leads).reversed()
                        .thenComparing(RuleHitReport.RuleStats::rule))
                .toList();
        return new RuleHitReport(
                new RuleHitReport.Filter(query.from(), query.to(), query.version(), query.segment()),
                clock.instant(), Points.normalize(threshold),
                query.version() != null ? query.version() : active.current().version(),
                leads, agg.totals().mqls(), share(agg.totals().mqls(), leads),
                agg.totals().averageScore() == null ? BigDecimal.ZERO : Points.of(agg.totals().averageScore()),
                rules, catalog.map(c -> deadRules(c, rules)).orElse(null), pairs(agg, rules),
                agg.categories().stream().map(c -> new RuleHitReport.CategoryTotal(c.category(), c.leads(), c.hits(),
                        Points.normalize(c.points()))).sorted(Comparator.comparing(RuleHitReport.CategoryTotal::category)).toList(),
                distribution(agg.buckets(), BigDecimal.valueOf(config.scoreBucket())));
    }

    /**
     * The score histogram from the lowest to the highest non-empty bucket, the empty ones between included, so a
     * chart's bars stand at even steps. The database gives the non-empty buckets only; their lower bounds are
     * multiples of the width. A span of more than {@value #MAX_BUCKETS} buckets (absurd scores) keeps its gaps.
     */
    static List<RuleHitReport.Bucket> distribution(List<RuleHitAggregates.BucketRow> rows, BigDecimal width) {
        if (rows.isEmpty()) {
            return List.of();
        }
        TreeMap<BigDecimal, Long> leads = new TreeMap<>();
        rows.forEach(b -> leads.merge(b.from(), b.leads(), Long::sum));
        BigDecimal span = leads.lastKey().subtract(leads.firstKey()).divide(width, 0, RoundingMode.CEILING);
        if (span.compareTo(BigDecimal.valueOf(MAX_BUCKETS)) < 0) {
            for (BigDecimal from = leads.firstKey(); from.compareTo(leads.lastKey()) < 0; from = from.add(width)) {
                leads.putIfAbsent(from, 0L);
            }
        }
        return leads.entrySet().stream().map(e -> new RuleHitReport.Bucket(Points.normalize(e.getKey()),
                Points.normalize(e.getKey().add(width)), e.getValue())).toList();
    }

    /**
     * The catalog the report joins rules with: the active ruleset's without a version filter, else the stored
     * version's. A version neither stored nor seen in any decision is unknown (404).
     */
    private Optional<RuleCatalog> catalogFor(String version) {
        if (version == null || version.equals(active.current().version())) {
            return Optional.of(active.current().catalog());
        }
        RuleCatalog cached = catalogs.get(version);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<RuleCatalog> stored = versions.load(version).map(s -> RuleCatalog.of(s.files()));
        if (stored.isPresent()) {
            catalogs.put(version, stored.get());
            return stored;
        }
        if (!repository.hasDecisionsOf(version)) {
            throw new RulesetVersionNotFoundException(version);
        }
        return Optional.empty();
    }

    private static RuleHitReport.RuleStats stats(RuleHitAggregates.RuleRow r, long leads, Optional<RuleInfo> info) {
        return new RuleHitReport.RuleStats(r.rule(), r.category(), info.map(RuleInfo::file).orElse(null),
                info.map(RuleInfo::line).orElse(null), info.map(RuleInfo::endLine).orElse(null), r.leads(),
                share(r.leads(), leads), r.fires(), Points.normalize(r.points()), Points.normalize(r.netPoints()),
                r.leads() == 0 ? BigDecimal.ZERO : Points.of(r.points().divide(BigDecimal.valueOf(r.leads()), 2,
                        RoundingMode.HALF_UP)),
                r.decisive(), share(r.decisive(), r.leads()));
    }

    private static List<RuleHitReport.DeadRule> deadRules(RuleCatalog catalog, List<RuleHitReport.RuleStats> fired) {
        Set<String> names = new HashSet<>();
        fired.forEach(r -> names.add(r.rule()));
        return catalog.rules().stream().filter(r -> !names.contains(r.name()))
                .map(r -> new RuleHitReport.DeadRule(r.name(), r.category(), r.file(), r.line(), r.endLine(),
                        r.points() == null ? null : Points.normalize(r.points())))
                .toList();
    }

    private List<RuleHitReport.Pair> pairs(RuleHitAggregates agg, List<RuleHitReport.RuleStats> rules) {
        Map<String, Long> leadsByRule = new HashMap<>();
        rules.forEach(r -> leadsByRule.put(r.rule(), r.leads()));
        return agg.pairs().stream().map(p -> {
            long a = leadsByRule.getOrDefault(p.first(), 0L);
            long b = leadsByRule.getOrDefault(p.second(), 0L);
            boolean ordered = p.first().compareTo(p.second()) <= 0;
            return new RuleHitReport.Pair(ordered ? p.first() : p.second(), ordered ? p.second() : p.first(),
                    p.together(), ordered ? a : b, ordered ? b : a, share(p.together(), Math.min(a, b)));
        }).filter(p -> p.share().compareTo(config.pairMinShare()) >= 0)
                .sorted(Comparator.comparingLong(RuleHitReport.Pair::together).reversed()
                        .thenComparing(RuleHitReport.Pair::first).thenComparing(RuleHitReport.Pair::second))
                .toList();
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO
                : Points.normalize(BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), SHARE_SCALE, RoundingMode.HALF_UP));
    }
}
