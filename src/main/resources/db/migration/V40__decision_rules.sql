-- Rule-hit report speed (issue 5: < 2 s over 1 M decisions). Two changes, both written in the transaction that
-- stores a decision:
-- 1. decision_rule replaces decision_hits: one row per decision and rule (not per hit), with what the report needs
--    precomputed: the rule's firings, own points, net points (own plus the decay and cap adjustments applied to
--    it), the decision's score and MQL verdict (so "decisive" is one comparison with the threshold of the day),
--    and first_of_category (exactly one row per decision and category is marked: category leads are a sum, not a
--    count distinct). Cap adjustments are rows too (category 'cap'), for the category totals.
-- 2. latest_decision / latest_decision_rule: each lead's latest decision per ruleset version (flag "latest" on
--    the lead's latest one overall), replaced on every decision. Reports without an end date read these small
--    tables instead of finding each lead's latest decision among all of them.
create table decision_rule (
    decision_id       bigint         not null,
    lead_id           varchar(255)   not null,
    rule              varchar(255)   not null,
    category          varchar(16)    not null,
    fires             integer        not null,
    points            numeric(14, 2) not null,
    net               numeric(14, 2) not null,
    first_of_category boolean        not null,
    score             numeric(14, 2) not null,
    mql               boolean        not null,
    decided_at        timestamp with time zone not null,
    ruleset_version   varchar(64)    not null,
    primary key (decision_id, rule)
);
create index decision_rule_by_lead on decision_rule (lead_id);

create table latest_decision (
    lead_id         varchar(255)   not null,
    ruleset_version varchar(64)    not null,
    decision_id     bigint         not null,
    decided_at      timestamp with time zone not null,
    score           numeric(14, 2) not null,
    mql             boolean        not null,
    latest          boolean        not null,
    primary key (lead_id, ruleset_version)
);
create index latest_decision_by_version on latest_decision (ruleset_version, decided_at);
create index latest_decision_latest on latest_decision (latest, decided_at);

create table latest_decision_rule (
    lead_id           varchar(255)   not null,
    ruleset_version   varchar(64)    not null,
    rule              varchar(255)   not null,
    category          varchar(16)    not null,
    fires             integer        not null,
    points            numeric(14, 2) not null,
    net               numeric(14, 2) not null,
    first_of_category boolean        not null,
    score             numeric(14, 2) not null,
    mql               boolean        not null,
    decided_at        timestamp with time zone not null,
    decision_id       bigint         not null,
    latest            boolean        not null,
    primary key (lead_id, ruleset_version, rule)
);
create index latest_decision_rule_by_version on latest_decision_rule (ruleset_version, decided_at);
create index latest_decision_rule_latest on latest_decision_rule (latest, decided_at);

-- Existing decisions: their hits, folded per rule.
insert into decision_rule (decision_id, lead_id, rule, category, fires, points, net, first_of_category, score, mql,
                           decided_at, ruleset_version)
select o.decision_id, d.lead_id, o.rule, o.category, o.fires, o.points, o.points + coalesce(a.points, 0),
       row_number() over (partition by o.decision_id, o.category order by o.rule) = 1,
       d.score, d.mql, d.decided_at, d.ruleset_version
from (select decision_id, rule, min(category) category, count(*) fires, sum(points) points
      from decision_hits group by decision_id, rule) o
join score_decision d on d.id = o.decision_id
left join (select decision_id, applies_to, sum(points) points from decision_hits
           where applies_to is not null group by decision_id, applies_to) a
       on a.decision_id = o.decision_id and a.applies_to = o.rule;

insert into latest_decision (lead_id, ruleset_version, decision_id, decided_at, score, mql, latest)
select d.lead_id, d.ruleset_version, d.id, d.decided_at, d.score, d.mql,
       d.id in (select max(id) from score_decision group by lead_id)
from score_decision d
where d.id in (select max(id) from score_decision group by lead_id, ruleset_version);

insert into latest_decision_rule (lead_id, ruleset_version, rule, category, fires, points, net, first_of_category,
                                  score, mql, decided_at, decision_id, latest)
select r.lead_id, r.ruleset_version, r.rule, r.category, r.fires, r.points, r.net, r.first_of_category, r.score,
       r.mql, r.decided_at, r.decision_id, l.latest
from decision_rule r join latest_decision l on l.decision_id = r.decision_id;

drop table decision_hits;
