-- Border crossings and their append-mostly status history; the status at any instant is derived.
create table border_crossing (
    id              uuid primary key,
    name            text             not null,
    alternate_names text[]           not null default '{}',
    country_a       text             not null,
    country_b       text             not null,
    latitude        double precision,
    longitude       double precision,
    kind            text             not null,
    description     text,
    version         bigint           not null,
    created_at      timestamptz      not null,
    updated_at      timestamptz      not null,
    constraint border_crossing_countries_check check (country_a <> country_b),
    constraint border_crossing_latitude_check check (latitude between -90 and 90),
    constraint border_crossing_longitude_check check (longitude between -180 and 180)
);
create unique index border_crossing_name_key on border_crossing (lower(name));
create index border_crossing_country_a_idx on border_crossing (country_a);
create index border_crossing_country_b_idx on border_crossing (country_b);

create table crossing_source (
    crossing_id uuid not null references border_crossing (id) on delete cascade,
    source_id   uuid not null references source (id),
    primary key (crossing_id, source_id)
);
create index crossing_source_source_idx on crossing_source (source_id);

create table crossing_status_change (
    id                  uuid primary key,
    crossing_id         uuid        not null references border_crossing (id) on delete cascade,
    effective_from      timestamptz not null,
    date_precision      text        not null,
    status              text        not null,
    allowed_traffic     text[]      not null default '{}',
    decided_by_actor_id uuid references actor (id),
    reason              text,
    cause_incident_id   uuid references incident (id),
    version             bigint      not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    constraint crossing_status_change_instant_key unique (crossing_id, effective_from),
    constraint crossing_status_change_traffic_check check (
        (status = 'CLOSED' and cardinality(allowed_traffic) = 0)
        or (status <> 'CLOSED' and cardinality(allowed_traffic) > 0))
);
-- The status as of an instant is the latest change at or before it: (crossing, effective_from desc).
create index crossing_status_change_asof_idx on crossing_status_change (crossing_id, effective_from desc);
create index crossing_status_change_effective_idx on crossing_status_change (effective_from, id);
create index crossing_status_change_decided_by_idx on crossing_status_change (decided_by_actor_id);
create index crossing_status_change_incident_idx on crossing_status_change (cause_incident_id);

create table crossing_status_change_source (
    status_change_id uuid not null references crossing_status_change (id) on delete cascade,
    source_id        uuid not null references source (id),
    primary key (status_change_id, source_id)
);
create index crossing_status_change_source_source_idx on crossing_status_change_source (source_id);
