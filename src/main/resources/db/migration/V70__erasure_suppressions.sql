-- Suppressions: after DELETE /leads/{id}, later messages naming that id are dropped until an admin lifts it.
-- Only a salted hash of the id is kept (README "Privacy"), never the id itself.

-- id_hash: hex HMAC-SHA256 of the lead id under the suppression salt. salt_id: a fingerprint of that salt (not the
-- salt), so a start-up with another salt, under which these rows would silently stop matching, is refused.
-- erased_by: who erased (the admin key's name; null when not known).
create table lead_suppression (
    id_hash   varchar(64) primary key,
    salt_id   varchar(16) not null,
    erased_at timestamp with time zone not null,
    erased_by varchar(255)
);

-- The salt generated at the first start when leadrules.privacy.suppression-salt is not set: one row, shared by
-- every replica on this database, so hashes stay the same across restarts and replicas.
create table privacy_salt (
    id         integer primary key check (id = 1),
    salt       varchar(64) not null,
    created_at timestamp with time zone not null
);
