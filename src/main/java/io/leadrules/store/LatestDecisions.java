package io.leadrules.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where a rule-hit report's figures come from: per lead, its latest decision matching a {@link RuleHitFilter}
 * ({@code decisions}: decision_id, score, mql) and that decision's rule tallies ({@code tallies}), as sub-queries
 * over alias {@code t} with their parameters.
 * <p>
 * Without an end date ({@code to}) they read the small tables of each lead's latest decision per ruleset version
 * (V40): the latest overall, or the latest of the version asked for, kept when made at or after {@code from}.
 * With an end date, each lead's latest decision before it is found among all decisions in the range (slower:
 * a pass over the audit trail in the range, then a join with the tallies of those decisions). Both give the same answer
 * because a lead's decisions are stored in time order (ids and decision times grow together under its row lock).
 */
record LatestDecisions(String with, List<Object> withParams, String decisions, String tallies,
                       List<Object> subQueryParams) {

    /**
     * @param trailIds the ids of the decisions made in the filter's date range (needed with an end date only)
     */
    static LatestDecisions of(RuleHitFilter f, Supplier<IdRange> trailIds) {
        return f.to() == null ? fromLatestTables(f) : fromAuditTrail(f, trailIds.get());
    }

    /** The lowest and highest id of a set of decisions (min > max when there are none). */
    record IdRange(long min, long max) {
    }

    private static LatestDecisions fromLatestTables(RuleHitFilter f) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params, f.version() == null ? "t.latest = true" : null);
        return new LatestDecisions("", List.of(), "select t.decision_id, t.score, t.mql from latest_decision t" + where,
                "select t.decision_id, t.rule, t.category, t.fires, t.points, t.net, t.first_of_category, t.score,"
                        + " t.mql, t.score_without from latest_decision_rule t" + where, params);
    }

    /**
     * Each lead's latest decision in the range comes from one pass over the decisions in it (DISTINCT ON, whose row
     * estimate is the number of leads), and their tallies from one hash join against the tallies of the range's
     * decision ids (a primary-key range scan: ids grow with time). Both are materialized by PostgreSQL as common
     * table expressions used more than once. The id range is bound as values, found by a query before: taken from
     * the common table expression (min and max of it) PostgreSQL cannot estimate the tallies' row count, guesses
     * 0.5 % of them, and then sorts the pairs and the rules where it would hash (measured over 1 M decisions:
     * 1.95 s instead of 2.15 s). A decision stored between the two queries is after the range's end (which is
     * before the latest decision, or the report reads the latest tables) and would not count either way.
     */
    private static LatestDecisions fromAuditTrail(RuleHitFilter f, IdRange ids) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params, null);
        params.add(ids.min());
        params.add(ids.max());
        return new LatestDecisions("with trail_decisions as (select distinct on (t.lead_id) t.id decision_id,"
                + " t.score, t.mql from score_decision t" + where + " order by t.lead_id, t.id desc),"
                + " trail_tallies as (select t.decision_id, t.rule, t.category, t.fires, t.points, t.net,"
                + " t.first_of_category, t.score, t.mql, t.score_without from trail_decisions d join decision_rule t"
                + " on t.decision_id = d.decision_id where t.decision_id between ? and ?) ",
                params, "select * from trail_decisions", "select * from trail_tallies", List.of());
    }

    /**
     * The SQL (and its parameters, appended) of the id range of the decisions made in the filter's date range.
     * {@code id + 0}: plain {@code min(id)} makes PostgreSQL walk the primary key from its end until a row is in the
     * range (2 s over 1 M decisions); this way it reads the range from the time index (70 ms).
     */
    static String trailIdsQuery(RuleHitFilter f, List<Object> params) {
        RuleHitFilter dates = new RuleHitFilter(f.from(), f.to(), null, null, null);
        return "select min(t.id + 0), max(t.id + 0) from score_decision t" + where(dates, params, null);
    }

    /** The filter as a WHERE clause over alias {@code t} (columns decided_at, ruleset_version, lead_id). */
    private static String where(RuleHitFilter f, List<Object> params, String always) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (always != null) {
            where.append(" and ").append(always);
        }
        if (f.from() != null) {
            where.append(" and t.decided_at >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            where.append(" and t.decided_at < ?");
            params.add(f.to());
        }
        if (f.version() != null) {
            where.append(" and t.ruleset_version = ?");
            params.add(f.version());
        }
        if (f.segmentField() != null) {
            where.append(" and exists (select 1 from lead_segment s where s.lead_id = t.lead_id and s.field = ?"
                    + " and s.field_value = ?)");
            params.add(f.segmentField());
            params.add(f.segmentValue());
        }
        return where.toString();
    }
}
