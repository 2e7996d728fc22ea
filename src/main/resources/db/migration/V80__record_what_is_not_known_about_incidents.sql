-- What the record does not know, said as such, and the read models built from shared pieces.
--
-- 1. Unknown is not zero. fatalities and wounded (the sums of the curated best estimates) are
--    null when no curated figure of that outcome exists: "casualties not reported" is not
--    "0 killed". A curated figure of 0 (a dataset's explicit zero) keeps the sum at 0. Whoever
--    writes incidents with SQL keeps them so: null exactly when the incident has no claimant-less
--    KILLED (WOUNDED) figure. Left out of an INSERT, they are null.
-- 2. Incidents across a border. country stays the one country of the record (null for a border
--    incident of two countries); other_countries names the others; countries (generated) is all
--    of them, country first. Filters, the timeline and the statistics read countries.
-- 3. Imprecise dates that keep their order. start_date/end_date/date_precision stay the period
--    the report names ("October 2025": 2025-10-01..2025-10-31, MONTH). earliest_start and
--    latest_end narrow it where the report bounds it ("began after the explosions of 9 October",
--    "stopped with the ceasefire of 19 October"), each with its precision and a note saying why.
--    effective_start/effective_end (generated) are the narrowest range known: what the timeline
--    sorts by, what situation windows and statistics count.
--
-- Every new column is nullable or has a default: an INSERT that names none of them still works.

alter table incident
    alter column fatalities drop not null,
    alter column fatalities drop default,
    alter column wounded drop not null,
    alter column wounded drop default,
    add column other_countries          text[] not null default '{}',
    add column earliest_start           date,
    add column earliest_start_precision text,
    add column earliest_start_note      text,
    add column latest_end               date,
    add column latest_end_precision     text,
    add column latest_end_note          text;

alter table incident
    add column countries text[] generated always as (
        case when country is null then other_countries
             else array[country] || array_remove(other_countries, country) end) stored,
    add column effective_start date generated always as (greatest(start_date, earliest_start)) stored,
    add column effective_end date generated always as (least(end_date, latest_end)) stored,
    add constraint incident_bounds_check check (greatest(start_date, earliest_start) <= least(end_date, latest_end));

-- country filters match any country of the incident
create index incident_countries_idx on incident using gin (countries);
create index incident_effective_start_idx on incident (effective_start);
-- incidents spanning several days, for "overlaps this window" questions (few of them); the columns
-- the statistics group and filter by are included, so that the ongoing count is an index-only scan
create index incident_effective_span_idx on incident using gist (daterange(effective_start, effective_end, '[]'))
    include (effective_start, effective_end, countries, event_type, sub_event_type, admin1, id)
    where effective_end > effective_start;

-- Existing zeros that no curated figure backs were "not reported".
update incident i set fatalities = null
where fatalities = 0
  and not exists (select 1 from casualty_figure f
                  where f.incident_id = i.id and f.claimant_actor_id is null and f.outcome = 'KILLED');
update incident i set wounded = null
where wounded = 0
  and not exists (select 1 from casualty_figure f
                  where f.incident_id = i.id and f.claimant_actor_id is null and f.outcome = 'WOUNDED');


-- ---------------------------------------------------------------------------------------------
-- The timeline: one builder per source of entries, one writer for all of them.
-- ---------------------------------------------------------------------------------------------

-- "24 killed, 200 wounded"; "casualties not reported" when neither figure is known.
create function timeline_casualties(p_killed integer, p_wounded integer) returns text
    language sql immutable
as $$
    select case when p_killed is null and p_wounded is null then 'casualties not reported'
                else coalesce(p_killed || ' killed', 'killed not reported')
                     || case when p_wounded is null then ', wounded not reported'
                             when p_wounded > 0 then ', ' || p_wounded || ' wounded'
                             else '' end
           end
$$;

-- The entries of incidents, as timeline_entry rows. An incident sorts by the earliest day it can
-- have begun (effective_start). Within a day, an incident whose start is known to the day sorts at
-- the start of it; one whose day is only the earliest it can have begun (a coarser precision, or
-- an earliest-start bound such as "after the explosions of 9 October") at its last instant: after
-- what is known to have happened that day, which is where a cause it followed stands.
create function timeline_incident_entries(p_ids uuid[]) returns setof timeline_entry
    language sql stable
as $$
    select 'INCIDENT'::text, 1, i.id, i.effective_start,
           case when i.date_precision = 'DAY' and i.effective_start = i.start_date
                then i.effective_start::timestamp at time zone 'UTC'
                else (i.effective_start + 1)::timestamp at time zone 'UTC' - interval '1 microsecond' end,
           i.effective_end, i.date_precision, i.title,
           concat_ws('; ',
               timeline_label(i.event_type) || ' / ' || timeline_label(i.sub_event_type),
               nullif(concat_ws(', ', i.place_name, i.admin1, nullif(array_to_string(i.countries, ', '), '')), ''),
               timeline_casualties(i.fatalities, i.wounded)),
           i.countries, coalesce(ac.ids, '{}'), coalesce(ac.actors, '[]'),
           i.place_name, i.latitude, i.longitude, i.fatalities, i.wounded, null::uuid, i.search
    from incident i
    left join lateral (
        select array_agg(distinct p.actor_id) as ids,
               jsonb_agg(jsonb_build_object('id', p.actor_id, 'name', a.name, 'part', p.part)
                         order by p.ord, p.pos, p.part) as actors
        from (select x.actor_id, x.part, min(x.ord) as ord, min(x.pos) as pos
              from (select ia.actor_id, ia.role as part, 0 as ord, ia.position as pos
                    from incident_actor ia where ia.incident_id = i.id
                    union all
                    select cl.actor_id,
                           case cl.stance when 'ACCUSES' then 'ACCUSER' when 'DENIES' then 'DENIER' else 'CLAIMANT' end,
                           1, cl.position * 2
                    from incident_claim cl where cl.incident_id = i.id
                    union all
                    select cl.accused_actor_id, 'ACCUSED', 1, cl.position * 2 + 1
                    from incident_claim cl where cl.incident_id = i.id and cl.accused_actor_id is not null) x
              group by x.actor_id, x.part) p
        join actor a on a.id = p.actor_id
    ) ac on true
    where i.id in (select unnest(p_ids))
$$;

create function timeline_ceasefire_entries(p_ids uuid[]) returns setof timeline_entry
    language sql stable
as $$
    with base as (
        select c.*, pa.ids as party_ids, pa.names as party_names, pa.countries, pa.actors as party_actors,
               me.ids as mediator_ids, me.text as mediator_text, me.actors as mediator_actors,
               eb.name as ended_by_name
        from ceasefire c
        left join lateral (
            select coalesce(array_agg(a.id order by a.name, a.id), '{}') as ids,
                   string_agg(a.name, ', ' order by a.name, a.id) as names,
                   coalesce(array_agg(distinct a.country) filter (where a.country is not null), '{}') as countries,
                   coalesce(jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name, 'part', 'PARTY')
                                      order by a.name, a.id), '[]') as actors
            from ceasefire_party cp join actor a on a.id = cp.actor_id
            where cp.ceasefire_id = c.id
        ) pa on true
        left join lateral (
            select coalesce(array_agg(a.id order by m.position), '{}') as ids,
                   string_agg(a.name || ' (' || lower(m.role) || ')', ', ' order by m.position) as text,
                   coalesce(jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name, 'part', 'MEDIATOR', 'role', m.role)
                                      order by m.position), '[]') as actors
            from ceasefire_mediator m join actor a on a.id = m.actor_id
            where m.ceasefire_id = c.id
        ) me on true
        left join actor eb on eb.id = c.ended_by_actor_id
        where c.id in (select unnest(p_ids))
    )
    select 'CEASEFIRE_AGREED'::text, 2, b.id, coalesce(b.agreed_on, b.effective_from),
           coalesce(b.agreed_on, b.effective_from)::timestamp at time zone 'UTC',
           null::date, b.date_precision, b.name || ' agreed',
           concat_ws('; ',
               concat_ws(' ', timeline_label(b.arrangement), lower(b.form), 'ceasefire')
                   || coalesce(' between ' || b.party_names, ''),
               'brokered by ' || b.mediator_text,
               'effective from ' || b.effective_from,
               timeline_label(b.status)),
           b.countries, array(select distinct x from unnest(b.party_ids || b.mediator_ids) x),
           b.party_actors || b.mediator_actors,
           null::text, null::double precision, null::double precision, null::integer, null::integer, null::uuid,
           to_tsvector('english', concat_ws(' ', b.name, b.terms, b.scope, b.end_reason))
    from base b
    where b.status <> 'PROPOSED' and coalesce(b.agreed_on, b.effective_from) is not null
    union all
    select 'CEASEFIRE_ENDED', 3, b.id, b.ended_on, b.ended_on::timestamp at time zone 'UTC', null,
           b.date_precision, b.name || ' ended',
           concat_ws('; ', timeline_label(b.status), 'ended by ' || b.ended_by_name, b.end_reason),
           b.countries,
           array(select distinct x from unnest(b.party_ids || b.mediator_ids
                                               || case when b.ended_by_actor_id is null then '{}'::uuid[]
                                                       else array[b.ended_by_actor_id] end) x),
           b.party_actors || b.mediator_actors
               || case when b.ended_by_actor_id is null then '[]'::jsonb
                       else jsonb_build_array(jsonb_build_object('id', b.ended_by_actor_id,
                                                                 'name', b.ended_by_name, 'part', 'ENDED_BY')) end,
           null, null, null, null, null, null,
           to_tsvector('english', concat_ws(' ', b.name, b.terms, b.scope, b.end_reason))
    from base b
    where b.ended_on is not null
$$;

-- The mediators of a talks round as they stand: the round's own, then those of its negotiation
-- that the round does not list itself (ord 0 and 1, each in its list's order). The one definition
-- the timeline and the situation both read.
create function talks_round_mediators(p_round_id uuid, p_negotiation_id uuid)
    returns table (actor_id uuid, role text, ord integer, "position" integer)
    language sql stable
as $$
    select rm.actor_id, rm.role, 0, rm.position
    from talks_round_mediator rm where rm.talks_round_id = p_round_id
    union all
    select nm.actor_id, nm.role, 1, nm.position
    from negotiation_mediator nm
    where nm.negotiation_id = p_negotiation_id
      and not exists (select 1 from talks_round_mediator rm
                      where rm.talks_round_id = p_round_id and rm.actor_id = nm.actor_id)
$$;

create function timeline_talks_round_entries(p_ids uuid[]) returns setof timeline_entry
    language sql stable
as $$
    select 'TALKS_ROUND'::text, 4, t.id, t.start_date, t.start_date::timestamp at time zone 'UTC', t.end_date,
           t.date_precision,
           'Round ' || t.round_number || ' of ' || n.name || coalesce(' in ' || t.venue_city, ''),
           concat_ws('; ',
               timeline_label(t.status),
               'delegations: ' || de.text,
               'mediators: ' || me.text,
               'agenda: ' || nullif(array_to_string(t.agenda_items, ', '), ''),
               'outcome: ' || t.outcome),
           array(select distinct c from unnest(array[t.venue_country] || pa.countries) c
                 where c is not null order by c),
           array(select distinct x from unnest(pa.ids || me.ids || de.head_ids) x),
           pa.actors || me.actors || de.head_actors,
           t.venue_city, null::double precision, null::double precision, null::integer, null::integer, null::uuid,
           to_tsvector('english', concat_ws(' ', n.name, t.venue_city, array_to_string(t.agenda_items, ' '),
                                             t.outcome))
    from talks_round t
    join negotiation n on n.id = t.negotiation_id
    -- The parties: those of the negotiation and those that sent a delegation to this round.
    left join lateral (
        select coalesce(array_agg(a.id order by a.name, a.id), '{}') as ids,
               coalesce(array_agg(a.country) filter (where a.country is not null), '{}') as countries,
               coalesce(jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name, 'part', 'PARTY')
                                  order by a.name, a.id), '[]') as actors
        from actor a
        where a.id in (select np.actor_id from negotiation_party np where np.negotiation_id = t.negotiation_id
                       union
                       select d.party_actor_id from talks_delegation d where d.talks_round_id = t.id)
    ) pa on true
    left join lateral (
        select coalesce(array_agg(m.actor_id order by m.ord, m.position), '{}') as ids,
               string_agg(a.name || ' (' || lower(m.role) || ')', ', ' order by m.ord, m.position) as text,
               coalesce(jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name, 'part', 'MEDIATOR', 'role', m.role)
                                  order by m.ord, m.position), '[]') as actors
        from talks_round_mediators(t.id, t.negotiation_id) m
        join actor a on a.id = m.actor_id
    ) me on true
    left join lateral (
        select coalesce(array_agg(d.head_actor_id order by d.position) filter (where d.head_actor_id is not null),
                        '{}') as head_ids,
               string_agg(p.name || coalesce(' led by ' || h.name, ''), ', ' order by d.position) as text,
               coalesce(jsonb_agg(jsonb_build_object('id', h.id, 'name', h.name, 'part', 'DELEGATION_HEAD')
                                  order by d.position) filter (where h.id is not null), '[]') as head_actors
        from talks_delegation d
        join actor p on p.id = d.party_actor_id
        left join actor h on h.id = d.head_actor_id
        where d.talks_round_id = t.id
    ) de on true
    where t.id in (select unnest(p_ids))
$$;

create function timeline_crossing_change_entries(p_ids uuid[]) returns setof timeline_entry
    language sql stable
as $$
    select 'CROSSING_STATUS_CHANGED'::text, 5, s.id, (s.effective_from at time zone 'UTC')::date, s.effective_from,
           null::date, s.date_precision, bc.name || ' ' || s.status,
           concat_ws('; ',
               case when s.status = 'CLOSED' or cardinality(s.allowed_traffic) = 0 then 'No traffic allowed'
                    else 'Allowed: ' || (select string_agg(lower(replace(t, '_', ' ')), ', ')
                                         from unnest(s.allowed_traffic) t) end,
               s.reason,
               'decided by ' || db.name),
           array[bc.country_a, bc.country_b],
           case when db.id is null then '{}'::uuid[] else array[db.id] end,
           case when db.id is null then '[]'::jsonb
                else jsonb_build_array(jsonb_build_object('id', db.id, 'name', db.name, 'part', 'DECIDED_BY')) end,
           bc.name, bc.latitude, bc.longitude, null::integer, null::integer, bc.id,
           to_tsvector('english', concat_ws(' ', bc.name, array_to_string(bc.alternate_names, ' '), s.reason))
    from crossing_status_change s
    join border_crossing bc on bc.id = s.crossing_id
    left join actor db on db.id = s.decided_by_actor_id
    where s.id in (select unnest(p_ids))
$$;

-- Recomputes the entries of kinds p_kinds for the records p_ids: upserts those that should exist,
-- deletes the others (record gone, or no longer an entry), and brings their facets in line. The
-- one writer of timeline_entry, for every source: each builder above answers only when its kinds
-- are asked for (a one-time filter: the others are not even run). Upserts rather than
-- delete-and-insert, so that two transactions refreshing the same record wait for each other
-- instead of failing on the primary key; in key order, so that two refreshes of overlapping sets
-- take their row locks in the same order rather than deadlocking.
create function timeline_store(p_kinds text[], p_ids uuid[]) returns void
    language plpgsql
as $$
declare
    k text;
begin
    if p_ids is null or cardinality(p_ids) = 0 then
        return;
    end if;
    with fresh as materialized (
        select * from timeline_incident_entries(p_ids) where 'INCIDENT' = any (p_kinds)
        union all
        select * from timeline_ceasefire_entries(p_ids) where 'CEASEFIRE_AGREED' = any (p_kinds)
        union all
        select * from timeline_talks_round_entries(p_ids) where 'TALKS_ROUND' = any (p_kinds)
        union all
        select * from timeline_crossing_change_entries(p_ids) where 'CROSSING_STATUS_CHANGED' = any (p_kinds)
    ),
    upserted as (
        insert into timeline_entry
        select * from fresh order by kind, record_id
        on conflict (kind, record_id) do update
            set kind_rank = excluded.kind_rank, day = excluded.day, instant = excluded.instant,
                end_day = excluded.end_day, date_precision = excluded.date_precision, title = excluded.title,
                summary = excluded.summary, countries = excluded.countries, actor_ids = excluded.actor_ids,
                actors = excluded.actors, place_name = excluded.place_name, latitude = excluded.latitude,
                longitude = excluded.longitude, fatalities = excluded.fatalities, wounded = excluded.wounded,
                crossing_id = excluded.crossing_id, search = excluded.search
    )
    delete from timeline_entry e
    where e.kind = any (p_kinds) and e.record_id in (select unnest(p_ids))
      and not exists (select 1 from fresh f where f.kind = e.kind and f.record_id = e.record_id);
    foreach k in array p_kinds loop
        perform timeline_sync_facets(k, p_ids);
    end loop;
end
$$;

-- The refresh functions the triggers, timeline_refresh_actors and timeline_rebuild call keep their
-- names; each is now the writer applied to its kinds.
create or replace function timeline_refresh_incidents(p_ids uuid[]) returns void
    language plpgsql
as $$
begin
    perform timeline_store(array['INCIDENT'], p_ids);
end
$$;

create or replace function timeline_refresh_ceasefires(p_ids uuid[]) returns void
    language plpgsql
as $$
begin
    perform timeline_store(array['CEASEFIRE_AGREED', 'CEASEFIRE_ENDED'], p_ids);
end
$$;

create or replace function timeline_refresh_talks_rounds(p_ids uuid[]) returns void
    language plpgsql
as $$
begin
    perform timeline_store(array['TALKS_ROUND'], p_ids);
end
$$;

create or replace function timeline_refresh_crossing_changes(p_ids uuid[]) returns void
    language plpgsql
as $$
begin
    perform timeline_store(array['CROSSING_STATUS_CHANGED'], p_ids);
end
$$;

-- Situation windows count the incidents whose range overlaps them: those that begin in the
-- window (an index range, index-only), and the few spanning several days that began before it.
drop index timeline_entry_incident_day_idx;
create index timeline_entry_incident_day_idx on timeline_entry (day)
    include (end_day, countries, actor_ids, fatalities, wounded) where kind_rank = 1;
create index timeline_entry_incident_span_idx on timeline_entry using gist (daterange(day, end_day, '[]'))
    include (day, end_day, countries, actor_ids, fatalities, wounded) where kind_rank = 1 and end_day > day;

select timeline_rebuild();


-- ---------------------------------------------------------------------------------------------
-- The statistics rollups: one list of measures, one tally of an incident, one upsert per table
-- generated from that list.
-- ---------------------------------------------------------------------------------------------

-- The measures of every rollup row: the incidents, their curated best estimates by category and
-- outcome, and how many of the incidents have no curated killed (wounded) figure at all. Every
-- rollup table holds exactly these columns, in this order, after its key columns; the rollup
-- functions below are generated from this list, so a new measure is a new field here, the same
-- column at the end of each table, and the generator run again.
create type incident_tally as (
    incidents               integer,
    security_forces_killed  integer,
    security_forces_wounded integer,
    civilians_killed        integer,
    civilians_wounded       integer,
    militants_killed        integer,
    militants_wounded       integer,
    unknown_killed          integer,
    unknown_wounded         integer,
    fatalities_not_reported integer,
    wounded_not_reported    integer
);

alter table incident_daily_rollup
    add column fatalities_not_reported integer not null default 0,
    add column wounded_not_reported    integer not null default 0;
alter table incident_daily_admin1_rollup
    add column fatalities_not_reported integer not null default 0,
    add column wounded_not_reported    integer not null default 0;
alter table incident_actor_daily_rollup
    add column fatalities_not_reported integer not null default 0,
    add column wounded_not_reported    integer not null default 0;
alter table incident_weekly_rollup
    add column fatalities_not_reported integer not null default 0,
    add column wounded_not_reported    integer not null default 0;
alter table incident_monthly_rollup
    add column fatalities_not_reported integer not null default 0,
    add column wounded_not_reported    integer not null default 0;

-- The measures as SQL text: p_format applied to each field name (format()'s %1$I), joined.
create function incident_tally_columns(p_format text, p_separator text default ', ') returns text
    language sql stable
as $$
    select string_agg(format(p_format, a.attname), p_separator order by a.attnum)
    from pg_attribute a
    where a.attrelid = 'incident_tally'::regclass and a.attnum > 0 and not a.attisdropped
$$;

-- The rollup key of an incident's countries: them sorted and comma-joined ('AFG,PAK'), '' for
-- none. An incident of two countries counts once, under the key of both; a country filter matches
-- a key that contains the country (see IncidentStatsService).
create function incident_country_key(p_countries text[]) returns text
    language sql immutable
as $$
    select coalesce(string_agg(c, ',' order by c), '') from (select distinct unnest(p_countries) as c) s
$$;

do $generate$
begin
    execute format($f$
        create function incident_tally_zero() returns incident_tally language sql immutable as
        'select row(%s)::incident_tally'$f$, incident_tally_columns('0'));
    -- a + k * b
    execute format($f$
        create function incident_tally_add(a incident_tally, b incident_tally, k integer) returns incident_tally
        language sql immutable as 'select row(%s)::incident_tally'$f$,
        incident_tally_columns('a.%1$I + k * b.%1$I'));
    execute format($f$
        create function incident_tally_plus(a incident_tally, b incident_tally) returns incident_tally
        language sql immutable strict as 'select row(%s)::incident_tally'$f$,
        incident_tally_columns('a.%1$I + b.%1$I'));
    execute format($f$
        create aggregate incident_tally_sum(incident_tally) (
            sfunc = incident_tally_plus, stype = incident_tally, initcond = %L)$f$,
        '(' || incident_tally_columns('0', ',') || ')');
end
$generate$;

-- The measure a casualty figure counts under: its category and outcome ('civilians_killed').
-- Categories other than the three named ones count as UNKNOWN; outcomes other than KILLED and
-- WOUNDED name no measure and do not count. The one place that maps figures to measures.
create function incident_figure_measure(p_category text, p_outcome text) returns text
    language sql immutable
as $$
    select case p_category when 'SECURITY_FORCES' then 'security_forces' when 'CIVILIANS' then 'civilians'
                           when 'MILITANTS' then 'militants' else 'unknown' end
           || '_' || lower(p_outcome)
$$;

do $generate$
begin
    -- What one casualty figure adds: its best estimate under its measure.
    execute format($f$
        create function incident_figure_tally(p_category text, p_outcome text, p_best integer) returns incident_tally
        language sql immutable as $body$
            select row(%s)::incident_tally from (select incident_figure_measure(p_category, p_outcome) as m) s
        $body$$f$, incident_tally_columns('case when s.m = %1$L then p_best else 0 end'));
    -- What an incident adds by itself, before its figures: one incident, and whether its killed
    -- and wounded are not reported (the headline columns are null).
    execute format($f$
        create function incident_tally_base(p incident) returns incident_tally language sql stable as $body$
            select row(%s)::incident_tally
        $body$$f$, incident_tally_columns('case %1$L when ''incidents'' then 1 '
            || 'when ''fatalities_not_reported'' then (p.fatalities is null)::integer '
            || 'when ''wounded_not_reported'' then (p.wounded is null)::integer else 0 end'));
end
$generate$;

-- An incident's whole contribution: itself and its current curated figures.
create function incident_tally_of(p incident) returns incident_tally
    language sql stable
as $$
    select incident_tally_add(incident_tally_base(p),
        coalesce((select incident_tally_sum(incident_figure_tally(c.category, c.outcome, c.best))
                  from casualty_figure c where c.incident_id = p.id and c.claimant_actor_id is null),
                 incident_tally_zero()), 1)
$$;

-- The upserts, generated from the list: add a tally to one key of a table (to one key per actor
-- for the actor table); a key left with no incident is removed.
do $generate$
declare
    columns text := incident_tally_columns('%I');
    sums text := incident_tally_columns('%1$I = r.%1$I + excluded.%1$I');
begin
    execute format($f$
        create function incident_actor_rollup_add(p_actors uuid[], p_day date, p_country text, p_event_type text,
            p_sub_event_type text, p_tally incident_tally) returns void language plpgsql as $body$
        begin
            if cardinality(p_actors) = 0 then
                return;
            end if;
            insert into incident_actor_daily_rollup as r (actor_id, day, country, event_type, sub_event_type, %1$s)
            select a.actor_id, p_day, p_country, p_event_type, p_sub_event_type, (p_tally).*
            from (select distinct unnest(p_actors) as actor_id) a
            order by a.actor_id
            on conflict (actor_id, day, country, event_type, sub_event_type) do update set %2$s;
            if (p_tally).incidents < 0 then
                delete from incident_actor_daily_rollup
                where actor_id = any (p_actors) and day = p_day and country = p_country
                  and event_type = p_event_type and sub_event_type = p_sub_event_type and incidents <= 0;
            end if;
        end
        $body$$f$, columns, sums);

    execute format($f$
        create function incident_rollup_add(p_day date, p_country text, p_admin1 text, p_event_type text,
            p_sub_event_type text, p_actors uuid[], p_tally incident_tally) returns void language plpgsql as $body$
        declare
            remaining integer;
        begin
            insert into incident_daily_rollup as r (day, country, event_type, sub_event_type, %1$s)
            select p_day, p_country, p_event_type, p_sub_event_type, (p_tally).*
            on conflict (country, day, event_type, sub_event_type) do update set %2$s
            returning r.incidents into remaining;
            if remaining <= 0 then
                delete from incident_daily_rollup
                where country = p_country and day = p_day and event_type = p_event_type
                  and sub_event_type = p_sub_event_type and incidents <= 0;
            end if;

            insert into incident_daily_admin1_rollup as r (day, country, admin1, event_type, sub_event_type, %1$s)
            select p_day, p_country, p_admin1, p_event_type, p_sub_event_type, (p_tally).*
            on conflict (country, day, admin1, event_type, sub_event_type) do update set %2$s
            returning r.incidents into remaining;
            if remaining <= 0 then
                delete from incident_daily_admin1_rollup
                where country = p_country and day = p_day and admin1 = p_admin1 and event_type = p_event_type
                  and sub_event_type = p_sub_event_type and incidents <= 0;
            end if;

            perform incident_actor_rollup_add(p_actors, p_day, p_country, p_event_type, p_sub_event_type, p_tally);
        end
        $body$$f$, columns, sums);
end
$generate$;

-- Adds (sign +1) or removes (-1) a tally under an incident's current key, and its actors' keys.
create function incident_rollup_apply(p incident, p_tally incident_tally, p_sign integer) returns void
    language plpgsql
as $$
begin
    perform incident_rollup_add(p.effective_start, incident_country_key(p.countries), coalesce(p.admin1, ''),
        p.event_type, p.sub_event_type, incident_daily_rollup_actors(p.id),
        incident_tally_add(incident_tally_zero(), p_tally, p_sign));
end
$$;

-- The incident triggers keep their names; an update moves the incident when its key, or whether
-- its figures are reported, changes. An inserted incident has no figures or actors yet.
create or replace function incident_daily_rollup_on_incident() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform incident_rollup_add(new.effective_start, incident_country_key(new.countries),
            coalesce(new.admin1, ''), new.event_type, new.sub_event_type, '{}', incident_tally_base(new));
        return null;
    end if;
    perform incident_rollup_apply(old, incident_tally_of(old), -1);
    if tg_op = 'UPDATE' then
        perform incident_rollup_apply(new, incident_tally_of(new), 1);
        return null;
    end if;
    return old;
end
$$;

drop trigger incident_daily_rollup_update on incident;
create trigger incident_daily_rollup_update after update on incident
    for each row
    when ((old.id, old.effective_start, old.countries, old.admin1, old.event_type, old.sub_event_type,
           old.fatalities is null, old.wounded is null)
        is distinct from (new.id, new.effective_start, new.countries, new.admin1, new.event_type,
           new.sub_event_type, new.fatalities is null, new.wounded is null))
    execute function incident_daily_rollup_on_incident();

-- A curated figure counts under its incident's current keys (the incident row locked, so that a
-- concurrent change of its key cannot move its figures while this one is counted).
create or replace function incident_daily_rollup_on_casualty() returns trigger language plpgsql as $$
declare
    i incident;
begin
    if tg_op in ('UPDATE', 'DELETE') and old.claimant_actor_id is null and old.best <> 0
            and old.outcome in ('KILLED', 'WOUNDED') then
        select * into i from incident where id = old.incident_id for no key update;
        if found then
            perform incident_rollup_apply(i, incident_figure_tally(old.category, old.outcome, old.best), -1);
        end if;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.claimant_actor_id is null and new.best <> 0
            and new.outcome in ('KILLED', 'WOUNDED') then
        select * into i from incident where id = new.incident_id for no key update;
        if found then
            perform incident_rollup_apply(i, incident_figure_tally(new.category, new.outcome, new.best), 1);
        end if;
    end if;
    return null;
end
$$;

create or replace function incident_daily_rollup_apply_pairs(p_sign integer, p_pairs jsonb) returns void
    language plpgsql as $$
declare
    pair record;
    i incident;
begin
    for pair in
        select (p ->> 'incident_id')::uuid as incident_id, array_agg(distinct (p ->> 'actor_id')::uuid) as actors
        from jsonb_array_elements(p_pairs) p
        group by 1
    loop
        select * into i from incident where id = pair.incident_id for no key update;
        if found then
            perform incident_actor_rollup_add(pair.actors, i.effective_start, incident_country_key(i.countries),
                i.event_type, i.sub_event_type, incident_tally_add(incident_tally_zero(), incident_tally_of(i), p_sign));
        end if;
    end loop;
end
$$;

-- Recomputes every rollup from the raw tables (the way back after a bulk load that ran with the
-- triggers disabled). TRUNCATE fires no delete trigger: the weekly and monthly tables are emptied
-- too, and refilled by the insert triggers of the daily one. Rows go in in primary key order.
-- The sums are built-in sum()s over the tallies' fields (the statements are generated once per
-- call from incident_tally's list): a custom aggregate over a million rows costs minutes.
create or replace function incident_daily_rollup_rebuild() returns void language plpgsql as $$
declare
    sums text := incident_tally_columns('sum((t).%1$I)::integer');
begin
    truncate incident_weekly_rollup, incident_monthly_rollup, incident_daily_rollup, incident_daily_admin1_rollup,
        incident_actor_daily_rollup;
    execute format($sql$
        create temporary table incident_rollup_rebuild on commit drop as
        select i.id, i.effective_start as day, incident_country_key(i.countries) as country,
               coalesce(i.admin1, '') as admin1, i.event_type, i.sub_event_type,
               incident_tally_add(incident_tally_base(i), coalesce(f.t, incident_tally_zero()), 1) as t
        from incident i
        left join (select incident_id, row(%s)::incident_tally as t
                   -- offset 0: one call of the function per figure, not one per field
                   from (select incident_id, incident_figure_tally(category, outcome, best) as t
                         from casualty_figure where claimant_actor_id is null offset 0) c
                   group by incident_id) f on f.incident_id = i.id
        $sql$, sums);
    analyze incident_rollup_rebuild;

    -- the tables' measure columns follow their keys in incident_tally's order
    execute format($sql$
        insert into incident_daily_admin1_rollup
        select day, country, admin1, event_type, sub_event_type, %s
        from incident_rollup_rebuild group by 1, 2, 3, 4, 5
        order by country, day, admin1, event_type, sub_event_type
        $sql$, sums);

    execute format($sql$
        insert into incident_daily_rollup
        select day, country, event_type, sub_event_type, %s
        from incident_rollup_rebuild group by 1, 2, 3, 4
        order by country, day, event_type, sub_event_type
        $sql$, sums);

    execute format($sql$
        insert into incident_actor_daily_rollup
        select a.actor_id, r.day, r.country, r.event_type, r.sub_event_type, %s
        from (select distinct incident_id, actor_id from incident_actor) a
        join incident_rollup_rebuild r on r.id = a.incident_id
        group by 1, 2, 3, 4, 5
        order by 1, 2, 3, 4, 5
        $sql$, replace(sums, '(t)', '(r.t)'));
    drop table incident_rollup_rebuild;
end
$$;

-- Weekly and monthly sums of the daily rows, kept by the daily table's statement triggers.
create or replace function incident_period_rollup_apply(p_added incident_daily_rollup[],
    p_removed incident_daily_rollup[]) returns void language plpgsql as $$
declare
    unit text;
begin
    -- INSERT .. ON CONFLICT DO UPDATE fires both the insert and the update trigger, one of them
    -- with nothing in its transition tables
    if cardinality(p_added) = 0 and cardinality(p_removed) = 0 then
        return;
    end if;
    foreach unit in array array['week', 'month'] loop
        execute format($sql$
            insert into %1$I as r (period_start, country, event_type, %3$s)
            select date_trunc(%2$L, d.day::timestamp)::date as period_start, d.country, d.event_type, %4$s
            from (select a.*, 1 as sign from unnest($1) a
                  union all
                  select r.*, -1 as sign from unnest($2) r) d
            group by 1, 2, 3
            -- one order for every writer: two transactions never wait for each other's rows crosswise
            order by 2, 1, 3
            on conflict (country, period_start, event_type) do update set %5$s
            $sql$, 'incident_' || unit || 'ly_rollup', unit, incident_tally_columns('%I'),
            incident_tally_columns('sum(d.sign * d.%1$I)::integer'),
            incident_tally_columns('%1$I = r.%1$I + excluded.%1$I'))
        using p_added, p_removed;

        continue when cardinality(p_removed) = 0;
        execute format($sql$
            delete from %1$I r
            using (select distinct date_trunc(%2$L, d.day::timestamp)::date as period_start, d.country, d.event_type
                   from unnest($1) d) k
            where r.period_start = k.period_start and r.country = k.country and r.event_type = k.event_type
              and r.incidents <= 0
            $sql$, 'incident_' || unit || 'ly_rollup', unit)
        using p_removed;
    end loop;
end
$$;

drop function incident_daily_rollup_add(date, text, text, text, text, uuid[], integer, integer, integer, integer,
    integer, integer, integer, integer, integer);
drop function incident_actor_daily_rollup_add(uuid[], date, text, text, text, integer, integer, integer, integer,
    integer, integer, integer, integer, integer);
drop function incident_daily_rollup_add_figure(date, text, text, text, text, uuid[], text, text, integer);
drop function incident_daily_rollup_move(uuid, integer, date, text, text, text, text);
drop function incident_daily_rollup_sums(uuid);

-- A country filter also reads the keys of incidents in several countries ('AFG,PAK'): few rows.
create index incident_daily_rollup_shared_idx on incident_daily_rollup (day) where country like '%,%';
create index incident_daily_admin1_rollup_shared_idx on incident_daily_admin1_rollup (day)
    where country like '%,%';
create index incident_actor_daily_rollup_shared_idx on incident_actor_daily_rollup (actor_id, day)
    where country like '%,%';
create index incident_weekly_rollup_shared_idx on incident_weekly_rollup (period_start) where country like '%,%';
create index incident_monthly_rollup_shared_idx on incident_monthly_rollup (period_start) where country like '%,%';

-- Every rollup table ends with incident_tally's fields, in order: the generated code relies on it.
do $check$
declare
    t text;
    tail_columns text;
begin
    foreach t in array array['incident_daily_rollup', 'incident_daily_admin1_rollup', 'incident_actor_daily_rollup',
                             'incident_weekly_rollup', 'incident_monthly_rollup'] loop
        select string_agg(attname, ', ' order by attnum) into tail_columns
        from (select attname, attnum from pg_attribute
              where attrelid = t::regclass and attnum > 0 and not attisdropped
              order by attnum desc
              limit (select count(*) from pg_attribute
                     where attrelid = 'incident_tally'::regclass and attnum > 0 and not attisdropped)) c;
        if tail_columns is distinct from incident_tally_columns('%s') then
            raise exception '% does not end with the fields of incident_tally: %', t, tail_columns;
        end if;
    end loop;
end
$check$;

select incident_daily_rollup_rebuild();
