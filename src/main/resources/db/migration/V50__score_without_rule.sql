-- "Decisive for an MQL verdict" means: without the rule, the lead would have been below the threshold. With caps,
-- that is not the score minus the rule's net points (a total capped at 100 from 125 loses nothing when a rule of
-- 20 goes), so each tally now stores the score the lead would have had without the rule, caps applied again,
-- computed when the decision is made. Decisions stored before: the score minus the net points (exact when no
-- category or total cap bit).
alter table decision_rule add column score_without numeric(14, 2);
update decision_rule set score_without = score - net;
alter table decision_rule alter column score_without set not null;

alter table latest_decision_rule add column score_without numeric(14, 2);
update latest_decision_rule set score_without = score - net;
alter table latest_decision_rule alter column score_without set not null;
