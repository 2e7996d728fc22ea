-- Ceasefires with a lifecycle: proposed, in effect, then collapsed, expired or terminated.
create table ceasefire (
    id                uuid primary key,
    name              text        not null,
    arrangement       text        not null,
    form              text        not null,
    agreed_on         date,
    effective_from    date,
    ended_on          date,
    date_precision    text        not null,
    status            text        not null,
    ended_by_actor_id uuid references actor (id),
    end_reason        text,
    terms             text,
    scope             text,
    talks_round_id    uuid references talks_round (id),
    version           bigint      not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    constraint ceasefire_end_check check (ended_on is null or effective_from is null or ended_on >= effective_from),
    constraint ceasefire_status_check check (
        (status in ('PROPOSED', 'IN_EFFECT') and ended_on is null)
        or (status in ('COLLAPSED', 'EXPIRED', 'TERMINATED') and ended_on is not null))
);
create unique index ceasefire_name_key on ceasefire (lower(name));
create index ceasefire_effective_idx on ceasefire (effective_from, ended_on);
create index ceasefire_status_idx on ceasefire (status);
create index ceasefire_ended_by_idx on ceasefire (ended_by_actor_id);
create index ceasefire_talks_round_idx on ceasefire (talks_round_id);

create table ceasefire_party (
    ceasefire_id uuid not null references ceasefire (id) on delete cascade,
    actor_id     uuid not null references actor (id),
    primary key (ceasefire_id, actor_id)
);
create index ceasefire_party_actor_idx on ceasefire_party (actor_id);

create table ceasefire_mediator (
    ceasefire_id uuid    not null references ceasefire (id) on delete cascade,
    position     integer not null,
    actor_id     uuid    not null references actor (id),
    role         text    not null,
    primary key (ceasefire_id, position)
);
create index ceasefire_mediator_actor_idx on ceasefire_mediator (actor_id);

create table ceasefire_source (
    ceasefire_id uuid not null references ceasefire (id) on delete cascade,
    source_id    uuid not null references source (id),
    primary key (ceasefire_id, source_id)
);
create index ceasefire_source_source_idx on ceasefire_source (source_id);

-- An incident alleged to break a ceasefire, and by whom.
create table ceasefire_violation (
    id                   uuid primary key,
    ceasefire_id         uuid        not null references ceasefire (id) on delete cascade,
    incident_id          uuid        not null references incident (id),
    alleged_by_actor_id  uuid references actor (id),
    note                 text,
    created_at           timestamptz not null,
    constraint ceasefire_violation_incident_key unique (ceasefire_id, incident_id)
);
create index ceasefire_violation_incident_idx on ceasefire_violation (incident_id);
create index ceasefire_violation_alleged_by_idx on ceasefire_violation (alleged_by_actor_id);
