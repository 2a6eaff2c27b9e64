-- Outcomes: how a lead's deal ended, for backtests and drift checks. One current outcome per lead: recording a
-- new one replaces it (recorded_at says when). Erasing a lead deletes its outcome with the rest of its data.
create table outcomes (
    lead_id     varchar(255) primary key,
    outcome     varchar(8)   not null, -- 'won' or 'lost', checked by the service
    closed_at   timestamp with time zone not null,
    recorded_at timestamp with time zone not null
);
create index outcomes_by_closed_at on outcomes (closed_at);
