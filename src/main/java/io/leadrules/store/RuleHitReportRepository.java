package io.leadrules.store;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        return new RuleHitAggregates(totals(latest), rules(latest, threshold), categories(latest),
                buckets(latest, bucketWidth), pairs(latest, minTogether));
    }

    /** Whether any decision was made with this ruleset version. */
    public boolean hasDecisionsOf(String version) {
        return !jdbc.query("select 1 from score_decision where ruleset_version = ? limit 1", rs -> 1, version).isEmpty();
    }

    private RuleHitAggregates.Totals totals(Latest latest) {
        return jdbc.queryOne(latest.with() + " select count(*) n, coalesce(sum(case when mql then 1 else 0 end), 0) m,"
                        + " avg(score) a from latest",
                rs -> new RuleHitAggregates.Totals(rs.getLong("n"), rs.getLong("m"), rs.getBigDecimal("a")),
                latest.params()).orElseThrow();
    }

    private List<RuleHitAggregates.RuleRow> rules(Latest latest, BigDecimal threshold) {
        Map<String, Long> decisive = decisive(latest, threshold);
        String sql = latest.with() + ", hits as (select h.decision_id, h.rule, h.category, h.points, h.applies_to"
                + " from decision_hits h join latest l on l.id = h.decision_id),"
                + " own as (select h.rule, min(h.category) category, count(distinct h.decision_id) leads, count(*) fires,"
                + " sum(h.points) points from hits h where " + RULE_HITS + " group by h.rule),"
                + " adj as (select applies_to rule, sum(points) points from hits where applies_to is not null"
                + " group by applies_to)"
                + " select o.rule, o.category, o.leads, o.fires, o.points, o.points + coalesce(a.points, 0) net"
                + " from own o left join adj a on a.rule = o.rule";
        return jdbc.query(sql, rs -> new RuleHitAggregates.RuleRow(rs.getString("rule"), rs.getString("category"),
                rs.getLong("leads"), rs.getLong("fires"), rs.getBigDecimal("points"), rs.getBigDecimal("net"),
                decisive.getOrDefault(rs.getString("rule"), 0L)), latest.params());
    }

    /**
     * Per rule, the MQL leads whose score minus the rule's net points (its own hits plus the decay and cap
     * adjustments applied to it) is below the threshold: without the rule they would not be MQL.
     */
    private Map<String, Long> decisive(Latest latest, BigDecimal threshold) {
        String sql = latest.with() + ", m as (select id, score from latest where mql),"
                + " owned as (select h.decision_id, h.rule owner, h.points from decision_hits h"
                + " join m on m.id = h.decision_id where " + RULE_HITS
                + " union all select h.decision_id, h.applies_to owner, h.points from decision_hits h"
                + " join m on m.id = h.decision_id where h.applies_to is not null),"
                + " net as (select decision_id, owner, sum(points) net from owned group by decision_id, owner),"
                + " fired as (select distinct h.decision_id, h.rule from decision_hits h join m on m.id = h.decision_id"
                + " where " + RULE_HITS + ")"
                + " select n.owner, count(*) c from net n join m on m.id = n.decision_id"
                + " join fired f on f.decision_id = n.decision_id and f.rule = n.owner"
                + " where m.score - n.net < ? group by n.owner";
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql, rs -> counts.put(rs.getString(1), rs.getLong(2)), latest.params(threshold));
        return counts;
    }

    private List<RuleHitAggregates.CategoryRow> categories(Latest latest) {
        return jdbc.query(latest.with() + " select h.category, count(distinct h.decision_id) leads, count(*) hits,"
                        + " sum(h.points) points from decision_hits h join latest l on l.id = h.decision_id"
                        + " group by h.category",
                rs -> new RuleHitAggregates.CategoryRow(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getBigDecimal(4)), latest.params());
    }

    private List<RuleHitAggregates.BucketRow> buckets(Latest latest, int width) {
        return jdbc.query(latest.with() + " select b, count(*) n from (select floor(score / " + width + ") * "
                        + width + " b from latest) x group by b order by b",
                rs -> new RuleHitAggregates.BucketRow(rs.getBigDecimal(1), rs.getLong(2)), latest.params());
    }

    private List<RuleHitAggregates.PairRow> pairs(Latest latest, int minTogether) {
        String sql = latest.with() + ", fired as (select distinct h.decision_id, h.rule from decision_hits h"
                + " join latest l on l.id = h.decision_id where " + RULE_HITS + ")"
                + " select a.rule, b.rule, count(*) n from fired a join fired b"
                + " on a.decision_id = b.decision_id and a.rule < b.rule"
                + " group by a.rule, b.rule having count(*) >= ?";
        return jdbc.query(sql, rs -> new RuleHitAggregates.PairRow(rs.getString(1), rs.getString(2), rs.getLong(3)),
                latest.params(minTogether));
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
