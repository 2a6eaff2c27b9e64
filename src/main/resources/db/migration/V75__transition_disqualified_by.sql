-- The disqualify rules that fired at a transition (JSON array of rule names; null when none): a lead that leaves MQL
-- because a disqualifier fired says so in the feed and the webhook.
alter table mql_transition add column disqualified_by text;
