-- Webhooks: endpoints that receive the change feed as signed HTTP POSTs, through a durable
-- outbox. An endpoint's position is the feed cursor up to which changes were considered; the
-- changes its filters take are put in webhook_delivery in the same transaction that moves the
-- position, so a restart neither loses nor repeats one. Deliveries of one endpoint are sent in
-- ordinal order (feed order), the next only once the previous has succeeded or been given up.
create table webhook_endpoint (
    id                uuid        primary key,
    url               text        not null,
    description       text,
    -- The signing secret as the Standard Webhooks specification writes it (whsec_ + base64). It
    -- must be kept readable to sign with, unlike an API key.
    secret            text        not null,
    filter_collections text[]     not null default '{}',
    filter_kinds      text[]      not null default '{}',
    filter_countries  text[]      not null default '{}',
    filter_actors     uuid[]      not null default '{}',
    position          text        not null,
    enabled           boolean     not null default true,
    disabled_reason   text,
    disabled_at       timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);

create table webhook_delivery (
    id              uuid        primary key,
    endpoint_id     uuid        not null references webhook_endpoint (id) on delete cascade,
    ordinal         bigint      generated always as identity,
    cursor          text        not null,
    event_type      text        not null,
    -- The exact body sent, so every attempt signs and sends the same bytes.
    payload         text        not null,
    status          text        not null default 'PENDING',
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    constraint webhook_delivery_status_check check (status in ('PENDING', 'DELIVERED', 'FAILED'))
);
create index webhook_delivery_pending_idx on webhook_delivery (endpoint_id, ordinal) where status = 'PENDING';
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, ordinal desc);

create table webhook_attempt (
    id           bigint      generated always as identity primary key,
    delivery_id  uuid        not null references webhook_delivery (id) on delete cascade,
    attempted_at timestamptz not null,
    status_code  integer,
    error        text,
    latency_ms   bigint      not null
);
create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id, id);
