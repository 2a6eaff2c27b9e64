package io.leadrules.store;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rule-hit report's aggregates, computed in the database (GROUP BY over the rule tallies of V40) so a report
 * over a million decisions moves a few hundred rows, not the decisions. Each report counts, per lead, its latest
 * decision matching the {@link RuleHitFilter} (latest = highest id: a lead's decisions are stored in order, under
 * its row lock). Portable SQL for H2 (MODE=PostgreSQL) and PostgreSQL.
 */
@ApplicationScoped
public class RuleHitReportRepository {

    private final Jdbc jdbc;

    public RuleHitReportRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * @param threshold    the MQL threshold a decisive rule's removal would fall below
     * @param bucketWidth  width of the score histogram's buckets
     * @param minTogether  pairs of rules are returned when they fired together for at least this many leads
     */
    public RuleHitAggregates aggregate(RuleHitFilter filter, BigDecimal threshold, int bucketWidth, int minTogether) {
        RuleHitFilter f = withoutNeedlessEnd(filter);
        LatestDecisions latest = LatestDecisions.of(f, () -> trailIds(f));
        List<RuleHitAggregates.RuleRow> tallies = new ArrayList<>();
        List<RuleHitAggregates.BucketRow> buckets = new ArrayList<>();
        List<RuleHitAggregates.PairRow> pairs = new ArrayList<>();
        RuleHitAggregates.Totals[] totals = {new RuleHitAggregates.Totals(0, 0, null)};
        Statement sql = sql(latest, bucketWidth, threshold, minTogether);
        jdbc.query(sql.text.toString(), rs -> {
            switch (rs.getString("kind")) {
                case "total" -> totals[0] = new RuleHitAggregates.Totals(rs.getLong("n1"), rs.getLong("n2"),
                        rs.getBigDecimal("x1"));
                case "rule" -> tallies.add(new RuleHitAggregates.RuleRow(rs.getString("a"), rs.getString("b"),
                        rs.getLong("n1"), rs.getLong("n2"), rs.getBigDecimal("x1"), rs.getBigDecimal("x2"),
                        rs.getLong("n3"), rs.getLong("n4")));
                case "bucket" -> buckets.add(new RuleHitAggregates.BucketRow(rs.getBigDecimal("x1"), rs.getLong("n1")));
                case "pair" -> pairs.add(new RuleHitAggregates.PairRow(rs.getString("a"), rs.getString("b"),
                        rs.getLong("n1")));
                default -> throw new SQLException("Unknown row kind " + rs.getString("kind"));
            }
            return null;
        }, sql.params.toArray());
        buckets.sort(Comparator.comparing(RuleHitAggregates.BucketRow::from));
        return new RuleHitAggregates(totals[0], rules(tallies), categories(tallies), buckets, pairs);
    }

    /**
     * An end date after every stored decision cuts nothing ("last 30 days" ending today): the report is then the
     * same without it, and reads the small latest-decision tables instead of the audit trail.
     */
    private RuleHitFilter withoutNeedlessEnd(RuleHitFilter f) {
        if (f.to() == null || !jdbc.query("select 1 from score_decision where decided_at >= ? limit 1", rs -> 1,
                f.to()).isEmpty()) {
            return f;
        }
        return new RuleHitFilter(f.from(), null, f.version(), f.segmentField(), f.segmentValue());
    }

    /** The id range of the decisions made in the filter's date range (an index range scan of score_decision_by_time). */
    private LatestDecisions.IdRange trailIds(RuleHitFilter f) {
        List<Object> params = new ArrayList<>();
        String sql = LatestDecisions.trailIdsQuery(f, params);
        return jdbc.queryOne(sql, rs -> rs.getObject(1) == null ? new LatestDecisions.IdRange(0, -1)
                : new LatestDecisions.IdRange(rs.getLong(1), rs.getLong(2)), params.toArray()).orElseThrow();
    }

    /** Whether any decision was made with this ruleset version. */
    public boolean hasDecisionsOf(String version) {
        return !jdbc.query("select 1 from score_decision where ruleset_version = ? limit 1", rs -> 1, version).isEmpty();
    }

    /**
     * One statement, so every figure comes from the same snapshot; its parts come back as rows of one shape, told
     * apart by {@code kind}:
     * <ul>
     * <li>total: leads, MQLs, average score; bucket: the score histogram;</li>
     * <li>rule (per rule and category): leads, firings, decisive = MQL leads whose score without the rule
     * (caps applied again, V50) is below the threshold, tallies marked first of their category, own points, net points;</li>
     * <li>pair: rules that fired together for at least N leads; decay rules are left out, they fire with every
     * signal they age and would pair with all of them.</li>
     * </ul>
     * Cap adjustments are tallies of category {@code cap}: counted in the category totals, never decisive nor
     * paired, and not listed as rules. The sub-queries are repeated rather than shared through a common table
     * expression: PostgreSQL would materialize it, where inline it scans the small tables in parallel and
     * aggregates in memory (measured: 0.8 s instead of 1.5 s over 1 M decisions).
     */
    private static Statement sql(LatestDecisions latest, int width, BigDecimal threshold, int minTogether) {
        Statement sql = new Statement().append(latest.with(), latest.withParams());
        String d = "(" + latest.decisions() + ") d";
        String r = "(" + latest.tallies() + ")";
        List<Object> p = latest.subQueryParams();
        return sql.append("select 'total' kind, cast(null as varchar(255)) a, cast(null as varchar(255)) b,"
                        + " count(*) n1, coalesce(sum(case when mql then 1 else 0 end), 0) n2, cast(null as bigint) n3,"
                        + " cast(null as bigint) n4, cast(avg(score) as numeric(16, 4)) x1,"
                        + " cast(null as numeric(16, 4)) x2 from " + d, p)
                .append(" union all select 'rule', rule, category, count(*), sum(fires),"
                        + " sum(case when mql and category <> 'cap' and score_without < ? then 1 else 0 end),"
                        + " sum(case when first_of_category then 1 else 0 end), sum(points), sum(net)"
                        + " from " + r + " r group by rule, category", List.of(threshold), p)
                .append(" union all select 'bucket', null, null, count(*), null, null, null, x.b, null from"
                        + " (select floor(score / " + width + ") * " + width + " b from " + d + ") x group by x.b", p)
                .append(" union all select 'pair', f1.rule, f2.rule, count(*), null, null, null, null, null"
                        + " from " + r + " f1", p)
                .append(" join " + r + " f2 on f1.decision_id = f2.decision_id and f1.rule < f2.rule", p)
                .append(" where f1.category not in ('cap', 'decay') and f2.category not in ('cap', 'decay')"
                        + " group by f1.rule, f2.rule having count(*) >= ?", List.of(minTogether));
    }

    /** SQL text and its parameters, appended together so they stay in order. */
    private static final class Statement {
        private final StringBuilder text = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        /** Appends {@code sql}; its parameters are the lists in order (a sub-query's, then the part's own...). */
        @SafeVarargs
        final Statement append(String sql, List<Object>... parameterLists) {
            text.append(sql);
            for (List<Object> list : parameterLists) {
                params.addAll(list);
            }
            return this;
        }
    }

    /** The rules that fired: tallies other than caps, one row per rule (a rule tallied under two categories is merged). */
    private static List<RuleHitAggregates.RuleRow> rules(List<RuleHitAggregates.RuleRow> tallies) {
        Map<String, RuleHitAggregates.RuleRow> byRule = new TreeMap<>();
        tallies.stream().filter(t -> !"cap".equals(t.category()))
                .forEach(t -> byRule.merge(t.rule(), t, RuleHitAggregates.RuleRow::plus));
        return List.copyOf(byRule.values());
    }

    /** Per category: leads with a hit in it (the tallies marked first of their category), hits and points. */
    private static List<RuleHitAggregates.CategoryRow> categories(List<RuleHitAggregates.RuleRow> tallies) {
        Map<String, RuleHitAggregates.CategoryRow> byCategory = new TreeMap<>();
        tallies.forEach(t -> byCategory.merge(t.category(),
                new RuleHitAggregates.CategoryRow(t.category(), t.firstOfCategory(), t.fires(), t.points()),
                RuleHitAggregates.CategoryRow::plus));
        return List.copyOf(byCategory.values());
    }
}
