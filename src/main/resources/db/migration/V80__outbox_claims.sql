-- Several senders share one outbox (README "Running several replicas"): a sender claims due rows before it POSTs
-- them. The claim is a lease on next_attempt_at (moved past the time the sender needs for its batch) with attempts
-- counted at once, so rows claimed by a sender that dies mid-delivery become due again when the lease runs out and
-- are retried by another, with the same delivery id.
-- claimed_by: the claim, "<sender>#<n>": the sender that holds (or last held) the row, and which of its claims; a
-- sender marks a row delivered, retried or failed only while the row is still its claim.
alter table webhook_outbox add column claimed_by varchar(200);
create index webhook_outbox_claim on webhook_outbox (claimed_by);
