-- A negotiation is a process (the 2025 Pakistan-Afghanistan talks); its rounds are meetings.
create table negotiation (
    id          uuid primary key,
    name        text        not null,
    description text,
    version     bigint      not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create unique index negotiation_name_key on negotiation (lower(name));

create table negotiation_party (
    negotiation_id uuid not null references negotiation (id) on delete cascade,
    actor_id       uuid not null references actor (id),
    primary key (negotiation_id, actor_id)
);
create index negotiation_party_actor_idx on negotiation_party (actor_id);

create table negotiation_mediator (
    negotiation_id uuid    not null references negotiation (id) on delete cascade,
    position       integer not null,
    actor_id       uuid    not null references actor (id),
    role           text    not null,
    primary key (negotiation_id, position)
);
create index negotiation_mediator_actor_idx on negotiation_mediator (actor_id);

create table negotiation_source (
    negotiation_id uuid not null references negotiation (id) on delete cascade,
    source_id      uuid not null references source (id),
    primary key (negotiation_id, source_id)
);
create index negotiation_source_source_idx on negotiation_source (source_id);

create table talks_round (
    id             uuid primary key,
    negotiation_id uuid        not null references negotiation (id),
    round_number   integer     not null,
    venue_city     text,
    venue_country  text,
    start_date     date        not null,
    end_date       date,
    date_precision text        not null,
    status         text        not null,
    agenda_items   text[]      not null default '{}',
    outcome        text,
    version        bigint      not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    constraint talks_round_number_check check (round_number > 0),
    constraint talks_round_dates_check check (end_date is null or end_date >= start_date)
);
create unique index talks_round_number_key on talks_round (negotiation_id, round_number);
create index talks_round_start_idx on talks_round (start_date, id);
create index talks_round_venue_country_idx on talks_round (venue_country);
create index talks_round_status_idx on talks_round (status);

-- A delegation is a child entity (it owns its member list), numbered within its round.
create table talks_delegation (
    id             uuid primary key,
    talks_round_id uuid    not null references talks_round (id) on delete cascade,
    position       integer not null,
    party_actor_id uuid    not null references actor (id),
    head_actor_id  uuid references actor (id),
    note           text,
    constraint talks_delegation_position_key unique (talks_round_id, position)
);
create index talks_delegation_party_idx on talks_delegation (party_actor_id);
create index talks_delegation_head_idx on talks_delegation (head_actor_id);

create table talks_delegation_member (
    delegation_id uuid    not null references talks_delegation (id) on delete cascade,
    position      integer not null,
    actor_id      uuid    not null references actor (id),
    primary key (delegation_id, position)
);
create index talks_delegation_member_actor_idx on talks_delegation_member (actor_id);

create table talks_round_mediator (
    talks_round_id uuid    not null references talks_round (id) on delete cascade,
    position       integer not null,
    actor_id       uuid    not null references actor (id),
    role           text    not null,
    primary key (talks_round_id, position)
);
create index talks_round_mediator_actor_idx on talks_round_mediator (actor_id);

create table talks_round_source (
    talks_round_id uuid not null references talks_round (id) on delete cascade,
    source_id      uuid not null references source (id),
    primary key (talks_round_id, source_id)
);
create index talks_round_source_source_idx on talks_round_source (source_id);
