-- Provenance: every record cites the sources it rests on.
create table source (
    id           uuid primary key,
    publisher    text        not null,
    title        text        not null,
    url          text,
    published_on date,
    kind         text        not null,
    language     text,
    version      bigint      not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create unique index source_url_key on source (url) where url is not null;
create index source_published_on_idx on source (published_on, id);
create index source_publisher_idx on source (lower(publisher));
create index source_kind_idx on source (kind);

-- States, governments, forces, armed groups, organisations and named people.
create table actor (
    id          uuid primary key,
    name        text        not null,
    aliases     text[]      not null default '{}',
    kind        text        not null,
    country     text,
    parent_id   uuid references actor (id),
    title       text,
    description text,
    version     bigint      not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
-- Names are unique regardless of case; the same index serves the list's name order.
create unique index actor_name_key on actor (lower(name));
create index actor_kind_idx on actor (kind);
create index actor_country_idx on actor (country);
create index actor_parent_idx on actor (parent_id);

-- Who listed the actor as what, since when (the UN and the US list the TTP as terrorist).
create table actor_designation (
    actor_id         uuid    not null references actor (id) on delete cascade,
    position         integer not null,
    designated_by_id uuid references actor (id),
    designation      text    not null,
    since            date,
    until            date,
    source_id        uuid references source (id),
    primary key (actor_id, position),
    constraint actor_designation_period_check check (until is null or since is null or until >= since)
);
create index actor_designation_by_idx on actor_designation (designated_by_id);
create index actor_designation_source_idx on actor_designation (source_id);

create table actor_relation (
    actor_id         uuid    not null references actor (id) on delete cascade,
    position         integer not null,
    kind             text    not null,
    related_actor_id uuid    not null references actor (id),
    since            date,
    until            date,
    primary key (actor_id, position),
    constraint actor_relation_period_check check (until is null or since is null or until >= since)
);
create index actor_relation_related_idx on actor_relation (related_actor_id);

create table actor_source (
    actor_id  uuid not null references actor (id) on delete cascade,
    source_id uuid not null references source (id),
    primary key (actor_id, source_id)
);
create index actor_source_source_idx on actor_source (source_id);
