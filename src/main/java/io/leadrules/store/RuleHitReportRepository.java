package io.leadrules.store;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule-hit report's aggregates, computed in the database (GROUP BY over {@code decision_hits}) so a report
 * over a million decisions moves a few hundred rows, not the decisions. Each query starts from the same set: per
 * lead, its latest decision matching the {@link RuleHitFilter} (latest = highest id: a lead's decisions are
 * stored in order, under its row lock). Portable SQL for H2 (MODE=PostgreSQL) and PostgreSQL.
 */
@ApplicationScoped
public class RuleHitReportRepository {

    /** Cap hits are adjustments named after what they cap ("Cap on rule X"), not rules that fired. */
    private static final String RULE_HITS = "h.category <> 'cap'";

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
        Latest latest = latest(filter);
        List<RuleHitAggregates.RuleRow> rules = new ArrayList<>();
        List<RuleHitAggregates.CategoryRow> categories = new ArrayList<>();
        List<RuleHitAggregates.BucketRow> buckets = new ArrayList<>();
        List<RuleHitAggregates.PairRow> pairs = new ArrayList<>();
        RuleHitAggregates.Totals[] totals = {new RuleHitAggregates.Totals(0, 0, null)};
        jdbc.query(sql(latest, bucketWidth), rs -> {
            switch (rs.getString("kind")) {
                case "total" -> totals[0] = new RuleHitAggregates.Totals(rs.getLong("n1"), rs.getLong("n2"),
                        rs.getBigDecimal("x1"));
                case "rule" -> rules.add(new RuleHitAggregates.RuleRow(rs.getString("a"), rs.getString("b"),
                        rs.getLong("n1"), rs.getLong("n2"), rs.getBigDecimal("x1"), rs.getBigDecimal("x2"),
                        rs.getLong("n3")));
                case "category" -> categories.add(new RuleHitAggregates.CategoryRow(rs.getString("a"),
                        rs.getLong("n1"), rs.getLong("n2"), rs.getBigDecimal("x1")));
                case "bucket" -> buckets.add(new RuleHitAggregates.BucketRow(rs.getBigDecimal("x1"), rs.getLong("n1")));
                case "pair" -> pairs.add(new RuleHitAggregates.PairRow(rs.getString("a"), rs.getString("b"),
                        rs.getLong("n1")));
                default -> throw new SQLException("Unknown row kind " + rs.getString("kind"));
            }
            return null;
        }, latest.params(threshold, minTogether));
        buckets.sort(java.util.Comparator.comparing(RuleHitAggregates.BucketRow::from));
        return new RuleHitAggregates(totals[0], rules, categories, buckets, pairs);
    }

    /** Whether any decision was made with this ruleset version. */
    public boolean hasDecisionsOf(String version) {
        return !jdbc.query("select 1 from score_decision where ruleset_version = ? limit 1", rs -> 1, version).isEmpty();
    }

    /**
     * One statement, so the latest decisions and their hits are read once (PostgreSQL materializes a CTE used
     * more than once); its parts come back as rows of one shape, told apart by {@code kind}.
     * <ul>
     * <li>rule: leads, firings, own points, net points (own plus the decay and cap adjustments applied to it), and
     * decisive = MQL leads whose score minus the rule's net points is below the threshold;</li>
     * <li>total, category, bucket (score histogram), pair (rules that fired together for at least N leads).</li>
     * </ul>
     */
    private static String sql(Latest latest, int width) {
        return latest.with() + ","
                + " hits as (select h.decision_id, h.rule, h.category, h.points, h.applies_to from decision_hits h"
                + " where h.decision_id in (select id from latest)),"
                + " fired as (select distinct h.decision_id, h.rule from hits h where " + RULE_HITS + "),"
                + " own as (select h.rule, min(h.category) category, count(distinct h.decision_id) leads, count(*) fires,"
                + " sum(h.points) points from hits h where " + RULE_HITS + " group by h.rule),"
                + " adj as (select applies_to rule, sum(points) points from hits where applies_to is not null"
                + " group by applies_to),"
                + " owned as (select h.decision_id, h.rule owner, h.points from hits h where " + RULE_HITS
                + " union all select h.decision_id, h.applies_to owner, h.points from hits h"
                + " where h.applies_to is not null),"
                + " net as (select o.decision_id, o.owner, sum(o.points) net from owned o"
                + " join latest l on l.id = o.decision_id and l.mql group by o.decision_id, o.owner),"
                + " decisive as (select n.owner rule, count(*) c from net n join latest l on l.id = n.decision_id"
                + " join fired f on f.decision_id = n.decision_id and f.rule = n.owner"
                + " where l.score - n.net < ? group by n.owner)"
                + " select 'total' kind, cast(null as varchar(255)) a, cast(null as varchar(255)) b, count(*) n1,"
                + " coalesce(sum(case when mql then 1 else 0 end), 0) n2, cast(null as bigint) n3,"
                + " cast(avg(score) as numeric(16, 4)) x1, cast(null as numeric(16, 4)) x2 from latest"
                + " union all select 'rule', o.rule, o.category, o.leads, o.fires, coalesce(dc.c, 0), o.points,"
                + " o.points + coalesce(a.points, 0) from own o left join adj a on a.rule = o.rule"
                + " left join decisive dc on dc.rule = o.rule"
                + " union all select 'category', h.category, null, count(distinct h.decision_id), count(*), null,"
                + " sum(h.points), null from hits h group by h.category"
                + " union all select 'bucket', null, null, count(*), null, null, x.b, null from"
                + " (select floor(score / " + width + ") * " + width + " b from latest) x group by x.b"
                + " union all select 'pair', f1.rule, f2.rule, count(*), null, null, null, null from fired f1"
                + " join fired f2 on f1.decision_id = f2.decision_id and f1.rule < f2.rule"
                + " group by f1.rule, f2.rule having count(*) >= ?";
    }

    private static Latest latest(RuleHitFilter f) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.from() != null) {
            where.append(" and d2.decided_at >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            where.append(" and d2.decided_at < ?");
            params.add(f.to());
        }
        if (f.version() != null) {
            where.append(" and d2.ruleset_version = ?");
            params.add(f.version());
        }
        if (f.segmentField() != null) {
            where.append(" and exists (select 1 from lead_segment s where s.lead_id = d2.lead_id and s.field = ?"
                    + " and s.field_value = ?)");
            params.add(f.segmentField());
            params.add(f.segmentValue());
        }
        return new Latest("with latest as (select d.id, d.score, d.mql from score_decision d where d.id in"
                + " (select max(d2.id) from score_decision d2" + where + " group by d2.lead_id))", params);
    }

    /** The common table expression of the latest decisions, and its parameters. */
    private record Latest(String with, List<Object> filterParams) {

        Object[] params(Object... more) {
            List<Object> all = new ArrayList<>(filterParams);
            all.addAll(List.of(more));
            return all.toArray();
        }
    }
}
