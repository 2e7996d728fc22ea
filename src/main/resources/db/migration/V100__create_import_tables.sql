-- Dataset imports (ACLED, UCDP GED, UCDP peace agreements, PA-X).

-- A time-ordered (version 7) UUID, as the application assigns them, for rows that set-based
-- imports insert in SQL. PostgreSQL 17 has no uuidv7() of its own.
create function bw_uuid_v7() returns uuid
    language sql volatile
as $$
    select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
                                          placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
                                          from 1 for 6),
                                  52, 1),
                          53, 1),
                  'hex')::uuid
$$;

-- An actor's ids in the datasets that name it (its UCDP actor id, its ACLED name): an id
-- names one actor, so a re-import resolves to the same actor every time.
create table actor_external_id (
    actor_id    uuid not null references actor (id) on delete cascade,
    dataset     text not null,
    external_id text not null,
    primary key (dataset, external_id)
);
create index actor_external_id_actor_idx on actor_external_id (actor_id);
-- Name and alias look-ups of the importer's actor resolution.
create index actor_aliases_idx on actor using gin (aliases);

-- A ceasefire taken from a peace-agreement dataset points back at the agreement it came from.
alter table ceasefire add column external_dataset text;
alter table ceasefire add column external_id text;
alter table ceasefire add constraint ceasefire_external_ref_check
    check ((external_dataset is null) = (external_id is null));
create unique index ceasefire_external_ref_key on ceasefire (external_dataset, external_id)
    where external_dataset is not null;

-- Sources that datasets name without a url ("Xinhua", "Reuters News,1990-10-05,...") are
-- matched on publisher and title.
create index source_publisher_title_idx on source (lower(publisher), lower(title));

-- What each imported record looked like in the file it last came from, and the version the
-- import left it at: a later import compares both to tell unchanged rows, updates, and records
-- edited in BorderWatch since (conflicts).
create table imported_record (
    record_kind    text   not null,
    dataset        text   not null,
    external_id    text   not null,
    record_id      uuid   not null,
    row_hash       text   not null,
    record_version bigint not null,
    import_id      uuid   not null,
    primary key (record_kind, dataset, external_id)
);

-- One run of the importer, from the API or the command line. Progress of a running job lives in
-- the process that runs it; this row holds its state and outcome.
create table import_job (
    id              uuid primary key,
    format          text        not null,
    file_name       text        not null,
    dataset_version text,
    on_conflict     text        not null,
    strict          boolean     not null,
    requested_by    text        not null,
    state           text        not null,
    rows_read       bigint      not null default 0,
    created         bigint      not null default 0,
    updated         bigint      not null default 0,
    unchanged       bigint      not null default 0,
    conflicts       bigint      not null default 0,
    skipped         bigint      not null default 0,
    rejected        bigint      not null default 0,
    actors_created  bigint      not null default 0,
    rejected_rows   jsonb       not null default '[]',
    conflict_ids    jsonb       not null default '[]',
    notes           jsonb       not null default '[]',
    error           text,
    created_at      timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz
);
create index import_job_state_idx on import_job (state) where state in ('QUEUED', 'RUNNING');
