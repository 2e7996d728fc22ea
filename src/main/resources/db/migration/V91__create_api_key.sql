-- API keys: only the SHA-256 of each secret is kept. The secrets carry 256 random bits, so a
-- plain hash cannot be reversed by guessing, and it can be looked up through a unique index.
create table api_key (
    id           uuid primary key,
    name         text        not null,
    role         text        not null,
    secret_hash  bytea       not null,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    constraint api_key_role_check check (role in ('READER', 'EDITOR', 'ADMIN'))
);
create unique index api_key_secret_hash_key on api_key (secret_hash);
create index api_key_created_idx on api_key (created_at, id);
