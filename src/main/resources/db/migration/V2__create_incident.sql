-- Clashes, strikes, attacks: ACLED's taxonomy, UCDP's uncertainty, and who said what.
create table incident (
    id               uuid primary key,
    title            text             not null,
    description      text,
    start_date       date             not null,
    end_date         date             not null,
    date_precision   text             not null,
    event_type       text             not null,
    sub_event_type   text             not null,
    place_name       text,
    admin1           text,
    admin2           text,
    country          text,
    latitude         double precision,
    longitude        double precision,
    geo_precision    text,
    verification     text             not null,
    tags             text[]           not null default '{}',
    external_dataset text,
    external_id      text,
    -- Headline figures: sums of the curated (claimant-less) best estimates, kept by the aggregate
    -- on every write so that lists can filter and sort on them without touching the figures.
    fatalities       integer          not null default 0,
    wounded          integer          not null default 0,
    search           tsvector generated always as (
        to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || coalesce(description, ''))) stored,
    version          bigint           not null,
    created_at       timestamptz      not null,
    updated_at       timestamptz      not null,
    constraint incident_dates_check check (end_date >= start_date),
    constraint incident_latitude_check check (latitude between -90 and 90),
    constraint incident_longitude_check check (longitude between -180 and 180),
    constraint incident_external_ref_check check ((external_dataset is null) = (external_id is null))
);
create unique index incident_external_ref_key on incident (external_dataset, external_id)
    where external_dataset is not null;
create index incident_start_idx on incident (start_date, id);
create index incident_end_idx on incident (end_date);
create index incident_country_start_idx on incident (country, start_date, id);
create index incident_type_start_idx on incident (event_type, start_date);
create index incident_sub_type_start_idx on incident (sub_event_type, start_date);
create index incident_admin1_idx on incident (admin1);
create index incident_fatalities_idx on incident (fatalities);
create index incident_verification_idx on incident (verification);
create index incident_tags_idx on incident using gin (tags);
create index incident_search_idx on incident using gin (search);
create index incident_location_idx on incident (longitude, latitude) where longitude is not null;

create table incident_actor (
    incident_id uuid    not null references incident (id) on delete cascade,
    position    integer not null,
    actor_id    uuid    not null references actor (id),
    role        text    not null,
    primary key (incident_id, position)
);
create index incident_actor_actor_idx on incident_actor (actor_id, incident_id);

-- Casualty figures: without a claimant they are the curated assessment; with one, a competing claim.
create table casualty_figure (
    incident_id       uuid    not null references incident (id) on delete cascade,
    position          integer not null,
    category          text    not null,
    outcome           text    not null,
    low               integer,
    best              integer not null,
    high              integer,
    side_actor_id     uuid references actor (id),
    claimant_actor_id uuid references actor (id),
    source_id         uuid references source (id),
    note              text,
    primary key (incident_id, position),
    constraint casualty_figure_range_check check (
        best >= 0 and (low is null or (low >= 0 and low <= best)) and (high is null or high >= best))
);
create index casualty_figure_side_idx on casualty_figure (side_actor_id);
create index casualty_figure_claimant_idx on casualty_figure (claimant_actor_id);
create index casualty_figure_source_idx on casualty_figure (source_id);

-- Claims of responsibility, accusations, denials and confirmations, as data.
create table incident_claim (
    incident_id       uuid    not null references incident (id) on delete cascade,
    position          integer not null,
    actor_id          uuid    not null references actor (id),
    stance            text    not null,
    accused_actor_id  uuid references actor (id),
    claimed_on        date,
    statement         text,
    source_id         uuid references source (id),
    primary key (incident_id, position)
);
create index incident_claim_actor_idx on incident_claim (actor_id, stance);
create index incident_claim_accused_idx on incident_claim (accused_actor_id);
create index incident_claim_source_idx on incident_claim (source_id);

create table incident_source (
    incident_id uuid not null references incident (id) on delete cascade,
    source_id   uuid not null references source (id),
    primary key (incident_id, source_id)
);
create index incident_source_source_idx on incident_source (source_id);
