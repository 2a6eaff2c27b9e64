-- Rule-hit report benchmark data (see bench/README.md, "Rule-hit report"): 1,000,000 score decisions for 100,000
-- leads (10 each, 20 s apart in time order), their hits drawn from the default ruleset's rules with fixed
-- probabilities, decay adjustments on half of the pricing-page hits, and each lead's segment fields. The hits are
-- drawn into a scratch table, then folded into the report's tables exactly as V40__decision_rules.sql folds
-- existing hits (decision_rule, latest_decision, latest_decision_rule).
-- psql variables: version (the active ruleset version), decisions, leads.
\set ON_ERROR_STOP on
select setseed(0.42);

create temp table bench_rules (rule text, category text, points numeric(14, 2), p float);
insert into bench_rules values
  ('Title: ideal buyer', 'fit', 20, 0.35), ('Title: marketing influencer', 'fit', 8, 0.25),
  ('Title: founder or owner', 'fit', 10, 0.10), ('Industry: target vertical', 'fit', 15, 0.45),
  ('Industry: adjacent vertical', 'fit', 5, 0.15), ('GMV: $5M-$100M', 'fit', 15, 0.30),
  ('GMV: $1M-$5M', 'fit', 5, 0.20), ('Company size: 50-1000 employees', 'fit', 10, 0.40),
  ('Country: core market', 'fit', 10, 0.50), ('Pricing page in the last 7 days', 'intent', 25, 0.20),
  ('Pricing page in the last 30 days', 'intent', 10, 0.15), ('3+ email opens in 30 days', 'intent', 10, 0.30),
  ('Email link clicked in 30 days', 'intent', 5, 0.25), ('Demo requested', 'intent', 20, 0.08),
  ('Webinar attended', 'intent', 10, 0.10), ('Blog post read', 'intent', 2, 0.40),
  ('Free email domain', 'negative', -10, 0.15), ('Student email domain', 'negative', -50, 0.02),
  ('Careers page visitor', 'negative', -10, 0.05), ('Unsubscribed', 'negative', -15, 0.03);

insert into score_decision (id, lead_id, decided_at, score, mql, ruleset_version, cause_type, cause_event_id,
                            cause_event_type, breakdown, hits)
select g, 'bench-' || ((g - 1) % :leads), timestamp with time zone '2026-01-01 00:00:00+00' + g * interval '20 seconds',
       0, false, :'version', 'event', 'bench-' || g, 'Bench', '{}', '[]'
from generate_series(1, :decisions) g;

create temp table bench_hits (decision_id bigint, lead_id varchar(255), rule varchar(255), category varchar(16),
                              points numeric(14, 2), applies_to varchar(255), decided_at timestamp with time zone,
                              ruleset_version varchar(64));
insert into bench_hits (decision_id, lead_id, rule, category, points, applies_to, decided_at, ruleset_version)
select d.id, d.lead_id, r.rule, r.category, r.points, null, d.decided_at, d.ruleset_version
from score_decision d cross join bench_rules r
-- "+ 0 * d.id" ties the draw to each (decision, rule) pair; alone, random() < r.p is drawn once per rule.
where d.cause_event_type = 'Bench' and random() < r.p + 0 * d.id;

insert into bench_hits (decision_id, lead_id, rule, category, points, applies_to, decided_at, ruleset_version)
select h.decision_id, h.lead_id, 'Intent fades by a quarter per quarter', 'decay', -5, h.rule, h.decided_at,
       h.ruleset_version
from bench_hits h where h.rule = 'Pricing page in the last 7 days' and random() < 0.5;

update score_decision d set score = s.total, mql = s.total >= 70
from (select decision_id, sum(points) total from bench_hits group by decision_id) s
where s.decision_id = d.id;

insert into lead_segment (lead_id, field, field_value)
select 'bench-' || l, 'industry', (array['Apparel', 'Beauty', 'Retail', 'Software', 'Furniture'])[1 + l % 5]
from generate_series(0, :leads - 1) l;

insert into decision_rule (decision_id, lead_id, rule, category, fires, points, net, first_of_category, score, mql,
                           decided_at, ruleset_version, score_without)
select o.decision_id, d.lead_id, o.rule, o.category, o.fires, o.points, o.points + coalesce(a.points, 0),
       row_number() over (partition by o.decision_id, o.category order by o.rule) = 1,
       d.score, d.mql, d.decided_at, d.ruleset_version, d.score - o.points - coalesce(a.points, 0)
from (select decision_id, rule, min(category) category, count(*) fires, sum(points) points
      from bench_hits group by decision_id, rule) o
join score_decision d on d.id = o.decision_id
left join (select decision_id, applies_to, sum(points) points from bench_hits
           where applies_to is not null group by decision_id, applies_to) a
       on a.decision_id = o.decision_id and a.applies_to = o.rule;

insert into latest_decision (lead_id, ruleset_version, decision_id, decided_at, score, mql, latest)
select d.lead_id, d.ruleset_version, d.id, d.decided_at, d.score, d.mql, true
from score_decision d where d.id in (select max(id) from score_decision group by lead_id);

insert into latest_decision_rule (lead_id, ruleset_version, rule, category, fires, points, net, first_of_category,
                                  score, mql, decided_at, decision_id, latest, score_without)
select r.lead_id, r.ruleset_version, r.rule, r.category, r.fires, r.points, r.net, r.first_of_category, r.score,
       r.mql, r.decided_at, r.decision_id, true, r.score_without
from decision_rule r join latest_decision l on l.decision_id = r.decision_id;

-- The service's identity column continues after the loaded ids.
select setval(pg_get_serial_sequence('score_decision', 'id'), (select max(id) from score_decision));
vacuum analyze score_decision;
vacuum analyze decision_rule;
vacuum analyze latest_decision;
vacuum analyze latest_decision_rule;
vacuum analyze lead_segment;
select count(*) as decisions from score_decision;
select count(*) as hits from bench_hits;
select count(*) as tallies from decision_rule;
