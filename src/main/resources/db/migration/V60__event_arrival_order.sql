-- Events with the same timestamp, received in the same request, are listed in the order the request sent them
-- (before: by message id). "arrival" is the message's position in its request; older rows keep 0.
alter table lead_event add column arrival integer not null default 0;
