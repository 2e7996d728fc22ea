-- Idempotency keys of POST requests: the first answer to a key is kept for 24 hours per
-- caller and replayed to a retry of the same request. A row without completed_at is a
-- request still running.
create table idempotency_key (
    principal    text        not null,
    key          text        not null,
    fingerprint  bytea       not null,
    created_at   timestamptz not null default now(),
    completed_at timestamptz,
    status       integer,
    headers      jsonb,
    body         bytea,
    primary key (principal, key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);
