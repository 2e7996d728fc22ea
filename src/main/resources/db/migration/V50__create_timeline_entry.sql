-- The timeline's read model: one row per entry of the chronological feed (an incident, a
-- ceasefire agreed or ended, a talks round, a crossing status change), kept in step with the
-- source tables by the statement-level triggers below, in the same transaction as the write.
-- A page of the timeline is then one index-ordered keyset scan over precomputed rows, instead
-- of a UNION ALL over five sources that assembles actors and countries per row at read time
-- (measured on 1,000,000 incidents: about four times the database time per page).
create table timeline_entry (
    kind           text             not null,
    -- The position of the kind among entries of the same date: part of the feed's total order.
    kind_rank      integer          not null,
    record_id      uuid             not null,
    day            date             not null,
    -- The exact instant for crossing changes (their effective time); midnight UTC of day otherwise.
    instant        timestamptz      not null,
    end_day        date,
    date_precision text,
    title          text             not null,
    summary        text,
    countries      text[]           not null default '{}',
    actor_ids      uuid[]           not null default '{}',
    -- [{id, name, part, role}]: the actors as the feed shows them, names included.
    actors         jsonb            not null default '[]',
    place_name     text,
    latitude       double precision,
    longitude      double precision,
    fatalities     integer,
    wounded        integer,
    crossing_id    uuid,
    search         tsvector,
    primary key (kind, record_id)
);
create index timeline_entry_order_idx on timeline_entry (day, kind_rank, instant, record_id);
create index timeline_entry_search_idx on timeline_entry using gin (search);
create index timeline_entry_location_idx on timeline_entry (longitude, latitude) where longitude is not null;
create index timeline_entry_crossing_idx on timeline_entry (crossing_id) where crossing_id is not null;
-- Incident totals and most involved actors over a window of days (the situation), index-only.
create index timeline_entry_incident_day_idx on timeline_entry (day) include (countries, actor_ids, fatalities, wounded)
    where kind_rank = 1;

-- One row per country ('c:PAK') and per actor ('a:<uuid>') of each entry, carrying the entry's
-- sort key, so that a country or actor filter is one ordered index range as well.
create table timeline_facet (
    kind      text        not null,
    record_id uuid        not null,
    facet     text        not null,
    day       date        not null,
    kind_rank integer     not null,
    instant   timestamptz not null,
    primary key (kind, record_id, facet),
    foreign key (kind, record_id) references timeline_entry (kind, record_id) on delete cascade
);
-- kind is included so that the scan of a page needs no visit to the facet rows themselves.
create index timeline_facet_order_idx on timeline_facet (facet, day, kind_rank, instant, record_id) include (kind);

-- 'REFUGEES_RETURNING' -> 'Refugees returning'; ACLED's types and sub-types under ACLED's own
-- names where the plain rule would lose their slashes and hyphens.
create function timeline_label(code text) returns text
    language sql immutable
as $$
    select case code
               when 'EXPLOSIONS_REMOTE_VIOLENCE' then 'Explosions/Remote violence'
               when 'NON_STATE_ACTOR_OVERTAKES_TERRITORY' then 'Non-state actor overtakes territory'
               when 'AIR_DRONE_STRIKE' then 'Air/drone strike'
               when 'SHELLING_ARTILLERY_MISSILE_ATTACK' then 'Shelling/artillery/missile attack'
               when 'REMOTE_EXPLOSIVE_LANDMINE_IED' then 'Remote explosive/landmine/IED'
               when 'ABDUCTION_FORCED_DISAPPEARANCE' then 'Abduction/forced disappearance'
               when 'CHANGE_TO_GROUP_ACTIVITY' then 'Change to group/activity'
               when 'LOOTING_PROPERTY_DESTRUCTION' then 'Looting/property destruction'
               when 'NON_VIOLENT_TRANSFER_OF_TERRITORY' then 'Non-violent transfer of territory'
               else case when code is null or code = '' then code
                         else upper(left(code, 1)) || lower(replace(substr(code, 2), '_', ' ')) end
           end
$$;

-- Brings the facets of the entries of one kind in line with their countries and actors.
-- (PL/pgSQL rather than SQL: it keeps its plans from one call to the next.)
create function timeline_sync_facets(p_kind text, p_ids uuid[]) returns void
    language plpgsql
as $$
begin
    delete from timeline_facet f
    where f.kind = p_kind and f.record_id in (select unnest(p_ids))
      and not exists (select 1 from timeline_entry e
                      where e.kind = f.kind and e.record_id = f.record_id
                        and (f.facet in (select 'c:' || c from unnest(e.countries) c)
                             or f.facet in (select 'a:' || a from unnest(e.actor_ids) a)));
    insert into timeline_facet (kind, record_id, facet, day, kind_rank, instant)
    select e.kind, e.record_id, v.facet, e.day, e.kind_rank, e.instant
    from timeline_entry e
    cross join lateral (select 'c:' || c as facet from unnest(e.countries) c
                        union
                        select 'a:' || a from unnest(e.actor_ids) a) v
    where e.kind = p_kind and e.record_id in (select unnest(p_ids))
    order by e.record_id, v.facet
    on conflict (kind, record_id, facet) do update
        set day = excluded.day, kind_rank = excluded.kind_rank, instant = excluded.instant
        where (timeline_facet.day, timeline_facet.kind_rank, timeline_facet.instant)
              is distinct from (excluded.day, excluded.kind_rank, excluded.instant);
end
$$;

-- Each refresh function recomputes the entries of the given records from the source tables:
-- upserts those that should exist and deletes the others (record gone, or no longer an entry).
-- Upserts rather than delete-and-insert, so that two transactions refreshing the same record
-- (an incident edited while one of its actors is renamed) wait for each other instead of
-- failing on the primary key; in key order, so that two refreshes of overlapping sets take
-- their row locks in the same order rather than deadlocking.

create function timeline_refresh_incidents(p_ids uuid[]) returns void
    language plpgsql
as $$
begin
    if p_ids is null or cardinality(p_ids) = 0 then
        return;
    end if;
    with fresh as (
        select 'INCIDENT'::text as kind, 1 as kind_rank, i.id as record_id, i.start_date as day,
               (i.start_date::timestamp at time zone 'UTC') as instant, i.end_date as end_day,
               i.date_precision, i.title,
               concat_ws('; ',
                   timeline_label(i.event_type) || ' / ' || timeline_label(i.sub_event_type),
                   nullif(concat_ws(', ', i.place_name, i.admin1, i.country), ''),
                   i.fatalities || ' killed' || case when i.wounded > 0 then ', ' || i.wounded || ' wounded' else '' end)
                   as summary,
               case when i.country is null then '{}'::text[] else array[i.country] end as countries,
               coalesce(ac.ids, '{}') as actor_ids, coalesce(ac.actors, '[]') as actors,
               i.place_name, i.latitude, i.longitude, i.fatalities, i.wounded, null::uuid as crossing_id, i.search
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
    ),
    upserted as (
        insert into timeline_entry (kind, kind_rank, record_id, day, instant, end_day, date_precision, title, summary,
                                    countries, actor_ids, actors, place_name, latitude, longitude, fatalities,
                                    wounded, crossing_id, search)
        select * from fresh order by record_id
        on conflict (kind, record_id) do update
            set kind_rank = excluded.kind_rank, day = excluded.day, instant = excluded.instant,
                end_day = excluded.end_day, date_precision = excluded.date_precision, title = excluded.title,
                summary = excluded.summary, countries = excluded.countries, actor_ids = excluded.actor_ids,
                actors = excluded.actors, place_name = excluded.place_name, latitude = excluded.latitude,
                longitude = excluded.longitude, fatalities = excluded.fatalities, wounded = excluded.wounded,
                crossing_id = excluded.crossing_id, search = excluded.search
    )
    delete from timeline_entry e
    where e.kind = 'INCIDENT' and e.record_id in (select unnest(p_ids))
      and not exists (select 1 from fresh f where f.record_id = e.record_id);
    perform timeline_sync_facets('INCIDENT', p_ids);
end
$$;

create function timeline_refresh_ceasefires(p_ids uuid[]) returns void
    language plpgsql
as $$
begin
    if p_ids is null or cardinality(p_ids) = 0 then
        return;
    end if;
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
    ),
    fresh as (
        select 'CEASEFIRE_AGREED'::text as kind, 2 as kind_rank, b.id as record_id,
               coalesce(b.agreed_on, b.effective_from) as day,
               (coalesce(b.agreed_on, b.effective_from)::timestamp at time zone 'UTC') as instant,
               null::date as end_day, b.date_precision, b.name || ' agreed' as title,
               concat_ws('; ',
                   concat_ws(' ', timeline_label(b.arrangement), lower(b.form), 'ceasefire')
                       || coalesce(' between ' || b.party_names, ''),
                   'brokered by ' || b.mediator_text,
                   'effective from ' || b.effective_from,
                   timeline_label(b.status)) as summary,
               b.countries, b.party_ids || b.mediator_ids as actor_ids, b.party_actors || b.mediator_actors as actors,
               null::text as place_name, null::double precision as latitude, null::double precision as longitude,
               null::integer as fatalities, null::integer as wounded, null::uuid as crossing_id,
               to_tsvector('english', concat_ws(' ', b.name, b.terms, b.scope, b.end_reason)) as search
        from base b
        where b.status <> 'PROPOSED' and coalesce(b.agreed_on, b.effective_from) is not null
        union all
        select 'CEASEFIRE_ENDED', 3, b.id, b.ended_on, (b.ended_on::timestamp at time zone 'UTC'), null,
               b.date_precision, b.name || ' ended',
               concat_ws('; ', timeline_label(b.status), 'ended by ' || b.ended_by_name, b.end_reason),
               b.countries,
               b.party_ids || b.mediator_ids || case when b.ended_by_actor_id is null then '{}'::uuid[]
                                                     else array[b.ended_by_actor_id] end,
               b.party_actors || b.mediator_actors
                   || case when b.ended_by_actor_id is null then '[]'::jsonb
                           else jsonb_build_array(jsonb_build_object('id', b.ended_by_actor_id,
                                                                     'name', b.ended_by_name, 'part', 'ENDED_BY')) end,
               null, null, null, null, null, null,
               to_tsvector('english', concat_ws(' ', b.name, b.terms, b.scope, b.end_reason))
        from base b
        where b.ended_on is not null
    ),
    upserted as (
        insert into timeline_entry (kind, kind_rank, record_id, day, instant, end_day, date_precision, title, summary,
                                    countries, actor_ids, actors, place_name, latitude, longitude, fatalities,
                                    wounded, crossing_id, search)
        select kind, kind_rank, record_id, day, instant, end_day, date_precision, title, summary, countries,
               array(select distinct unnest(actor_ids)), actors, place_name, latitude, longitude, fatalities,
               wounded, crossing_id, search
        from fresh
        order by kind, record_id
        on conflict (kind, record_id) do update
            set kind_rank = excluded.kind_rank, day = excluded.day, instant = excluded.instant,
                end_day = excluded.end_day, date_precision = excluded.date_precision, title = excluded.title,
                summary = excluded.summary, countries = excluded.countries, actor_ids = excluded.actor_ids,
                actors = excluded.actors, search = excluded.search
    )
    delete from timeline_entry e
    where e.kind in ('CEASEFIRE_AGREED', 'CEASEFIRE_ENDED') and e.record_id in (select unnest(p_ids))
      and not exists (select 1 from fresh f where f.kind = e.kind and f.record_id = e.record_id);
    perform timeline_sync_facets('CEASEFIRE_AGREED', p_ids);
    perform timeline_sync_facets('CEASEFIRE_ENDED', p_ids);
end
$$;

create function timeline_refresh_talks_rounds(p_ids uuid[]) returns void
    language plpgsql
as $$
begin
    if p_ids is null or cardinality(p_ids) = 0 then
        return;
    end if;
    with fresh as (
        select 'TALKS_ROUND'::text as kind, 4 as kind_rank, t.id as record_id, t.start_date as day,
               (t.start_date::timestamp at time zone 'UTC') as instant, t.end_date as end_day, t.date_precision,
               'Round ' || t.round_number || ' of ' || n.name || coalesce(' in ' || t.venue_city, '') as title,
               concat_ws('; ',
                   timeline_label(t.status),
                   'delegations: ' || de.text,
                   'mediators: ' || me.text,
                   'agenda: ' || nullif(array_to_string(t.agenda_items, ', '), ''),
                   'outcome: ' || t.outcome) as summary,
               array(select distinct c from unnest(array[t.venue_country] || pa.countries) c
                     where c is not null order by c) as countries,
               array(select distinct x from unnest(pa.ids || me.ids || de.head_ids) x) as actor_ids,
               pa.actors || me.actors || de.head_actors as actors,
               t.venue_city as place_name, null::double precision as latitude, null::double precision as longitude,
               null::integer as fatalities, null::integer as wounded, null::uuid as crossing_id,
               to_tsvector('english', concat_ws(' ', n.name, t.venue_city, array_to_string(t.agenda_items, ' '),
                                                 t.outcome)) as search
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
        -- The round's mediators, then those of the negotiation that the round does not list itself.
        left join lateral (
            select coalesce(array_agg(m.actor_id order by m.ord, m.position), '{}') as ids,
                   string_agg(a.name || ' (' || lower(m.role) || ')', ', ' order by m.ord, m.position) as text,
                   coalesce(jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name, 'part', 'MEDIATOR', 'role', m.role)
                                      order by m.ord, m.position), '[]') as actors
            from (select rm.actor_id, rm.role, 0 as ord, rm.position
                  from talks_round_mediator rm where rm.talks_round_id = t.id
                  union all
                  select nm.actor_id, nm.role, 1, nm.position
                  from negotiation_mediator nm
                  where nm.negotiation_id = t.negotiation_id
                    and not exists (select 1 from talks_round_mediator rm
                                    where rm.talks_round_id = t.id and rm.actor_id = nm.actor_id)) m
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
    ),
    upserted as (
        insert into timeline_entry (kind, kind_rank, record_id, day, instant, end_day, date_precision, title, summary,
                                    countries, actor_ids, actors, place_name, latitude, longitude, fatalities,
                                    wounded, crossing_id, search)
        select * from fresh order by record_id
        on conflict (kind, record_id) do update
            set day = excluded.day, instant = excluded.instant, end_day = excluded.end_day,
                date_precision = excluded.date_precision, title = excluded.title, summary = excluded.summary,
                countries = excluded.countries, actor_ids = excluded.actor_ids, actors = excluded.actors,
                place_name = excluded.place_name, search = excluded.search
    )
    delete from timeline_entry e
    where e.kind = 'TALKS_ROUND' and e.record_id in (select unnest(p_ids))
      and not exists (select 1 from fresh f where f.record_id = e.record_id);
    perform timeline_sync_facets('TALKS_ROUND', p_ids);
end
$$;

create function timeline_refresh_crossing_changes(p_ids uuid[]) returns void
    language plpgsql
as $$
begin
    if p_ids is null or cardinality(p_ids) = 0 then
        return;
    end if;
    with fresh as (
        select 'CROSSING_STATUS_CHANGED'::text as kind, 5 as kind_rank, s.id as record_id,
               (s.effective_from at time zone 'UTC')::date as day, s.effective_from as instant,
               null::date as end_day, s.date_precision, bc.name || ' ' || s.status as title,
               concat_ws('; ',
                   case when s.status = 'CLOSED' or cardinality(s.allowed_traffic) = 0 then 'No traffic allowed'
                        else 'Allowed: ' || (select string_agg(lower(replace(t, '_', ' ')), ', ')
                                             from unnest(s.allowed_traffic) t) end,
                   s.reason,
                   'decided by ' || db.name) as summary,
               array[bc.country_a, bc.country_b] as countries,
               case when db.id is null then '{}'::uuid[] else array[db.id] end as actor_ids,
               case when db.id is null then '[]'::jsonb
                    else jsonb_build_array(jsonb_build_object('id', db.id, 'name', db.name, 'part', 'DECIDED_BY')) end
                   as actors,
               bc.name as place_name, bc.latitude, bc.longitude, null::integer as fatalities,
               null::integer as wounded, bc.id as crossing_id,
               to_tsvector('english', concat_ws(' ', bc.name, array_to_string(bc.alternate_names, ' '), s.reason))
                   as search
        from crossing_status_change s
        join border_crossing bc on bc.id = s.crossing_id
        left join actor db on db.id = s.decided_by_actor_id
        where s.id in (select unnest(p_ids))
    ),
    upserted as (
        insert into timeline_entry (kind, kind_rank, record_id, day, instant, end_day, date_precision, title, summary,
                                    countries, actor_ids, actors, place_name, latitude, longitude, fatalities,
                                    wounded, crossing_id, search)
        select * from fresh order by record_id
        on conflict (kind, record_id) do update
            set day = excluded.day, instant = excluded.instant, date_precision = excluded.date_precision,
                title = excluded.title, summary = excluded.summary, countries = excluded.countries,
                actor_ids = excluded.actor_ids, actors = excluded.actors, place_name = excluded.place_name,
                latitude = excluded.latitude, longitude = excluded.longitude, crossing_id = excluded.crossing_id,
                search = excluded.search
    )
    delete from timeline_entry e
    where e.kind = 'CROSSING_STATUS_CHANGED' and e.record_id in (select unnest(p_ids))
      and not exists (select 1 from fresh f where f.record_id = e.record_id);
    perform timeline_sync_facets('CROSSING_STATUS_CHANGED', p_ids);
end
$$;

-- Re-renders every entry that names one of these actors (after a rename or a change of country).
create function timeline_refresh_actors(p_ids uuid[]) returns void
    language plpgsql
as $$
declare
    facets text[];
begin
    if p_ids is null or cardinality(p_ids) = 0 then
        return;
    end if;
    facets := array(select 'a:' || id from unnest(p_ids) id);
    perform timeline_refresh_incidents(array(
        select record_id from timeline_facet where facet = any (facets) and kind = 'INCIDENT'));
    perform timeline_refresh_ceasefires(array(
        select record_id from timeline_facet where facet = any (facets) and kind like 'CEASEFIRE%'));
    perform timeline_refresh_talks_rounds(array(
        select record_id from timeline_facet where facet = any (facets) and kind = 'TALKS_ROUND'));
    perform timeline_refresh_crossing_changes(array(
        select record_id from timeline_facet where facet = any (facets) and kind = 'CROSSING_STATUS_CHANGED'));
end
$$;

-- Switches the insert triggers off (and on again) around a bulk load; timeline_rebuild() then
-- makes the entries in one pass. Updates and deletes stay watched.
create function timeline_insert_triggers(p_enabled boolean) returns void
    language plpgsql
as $$
declare
    t record;
begin
    for t in select tgrelid::regclass as source, tgname from pg_trigger
             where tgname like 'timeline\_insert\_%' and not tgisinternal loop
        execute format('alter table %s %s trigger %I', t.source, case when p_enabled then 'enable' else 'disable' end,
                       t.tgname);
    end loop;
end
$$;

-- Recomputes the whole read model from the source tables: after a bulk load that ran with the
-- timeline's triggers disabled (bench/generate.sql does), or to repair it.
create function timeline_rebuild() returns void
    language plpgsql
as $$
begin
    truncate timeline_facet, timeline_entry;
    perform timeline_refresh_incidents(array(select id from incident));
    perform timeline_refresh_ceasefires(array(select id from ceasefire));
    perform timeline_refresh_talks_rounds(array(select id from talks_round));
    perform timeline_refresh_crossing_changes(array(select id from crossing_status_change));
end
$$;

-- One trigger function for every source table. TG_ARGV[0] names what to refresh, TG_ARGV[1] the
-- column of the changed rows that identifies it. Statement-level with transition tables, so a
-- bulk insert (or COPY) refreshes all its records in one pass instead of row by row.
create function timeline_source_changed() returns trigger
    language plpgsql
as $$
declare
    target text := TG_ARGV[0];
    id_column text := TG_ARGV[1];
    ids uuid[];
begin
    if TG_OP = 'INSERT' then
        execute format('select array_agg(distinct %I) from new_rows', id_column) into ids;
    elsif TG_OP = 'DELETE' then
        execute format('select array_agg(distinct %I) from old_rows', id_column) into ids;
    elsif TG_TABLE_NAME = 'actor' then
        -- Only a new name or country changes what the timeline shows.
        select array_agg(n.id) into ids
        from new_rows n join old_rows o on o.id = n.id
        where n.name is distinct from o.name or n.country is distinct from o.country;
    elsif TG_TABLE_NAME = 'negotiation' then
        select array_agg(n.id) into ids
        from new_rows n join old_rows o on o.id = n.id
        where n.name is distinct from o.name;
    elsif TG_TABLE_NAME = 'border_crossing' then
        select array_agg(n.id) into ids
        from new_rows n join old_rows o on o.id = n.id
        where (n.name, n.alternate_names, n.country_a, n.country_b, n.latitude, n.longitude)
              is distinct from (o.name, o.alternate_names, o.country_a, o.country_b, o.latitude, o.longitude);
    else
        execute format('select array_agg(distinct x) from (select %1$I as x from new_rows union select %1$I from old_rows) s',
                       id_column) into ids;
    end if;
    if ids is null then
        return null;
    end if;
    if target = 'incident' then
        perform timeline_refresh_incidents(ids);
    elsif target = 'ceasefire' then
        perform timeline_refresh_ceasefires(ids);
    elsif target = 'talks_round' then
        perform timeline_refresh_talks_rounds(ids);
    elsif target = 'negotiation' then
        perform timeline_refresh_talks_rounds(array(select id from talks_round where negotiation_id = any (ids)));
    elsif target = 'crossing_change' then
        perform timeline_refresh_crossing_changes(ids);
    elsif target = 'crossing' then
        perform timeline_refresh_crossing_changes(array(
            select id from crossing_status_change where crossing_id = any (ids)));
    elsif target = 'actor' then
        perform timeline_refresh_actors(ids);
    end if;
    return null;
end
$$;

-- Transition tables allow one event per trigger, hence three triggers per table.
create procedure timeline_watch(p_table text, p_target text, p_id_column text, p_events text[])
    language plpgsql
as $$
declare
    event text;
begin
    foreach event in array p_events loop
        execute format(
            'create trigger %I after %s on %I referencing %s for each statement execute function timeline_source_changed(%L, %L)',
            'timeline_' || lower(event) || '_' || p_table, event, p_table,
            case event when 'INSERT' then 'new table as new_rows'
                       when 'DELETE' then 'old table as old_rows'
                       else 'old table as old_rows new table as new_rows' end,
            p_target, p_id_column);
    end loop;
end
$$;

call timeline_watch('incident', 'incident', 'id', array['INSERT', 'UPDATE', 'DELETE']);
call timeline_watch('incident_actor', 'incident', 'incident_id', array['INSERT', 'UPDATE', 'DELETE']);
call timeline_watch('incident_claim', 'incident', 'incident_id', array['INSERT', 'UPDATE', 'DELETE']);
call timeline_watch('ceasefire', 'ceasefire', 'id', array['INSERT', 'UPDATE', 'DELETE']);
call timeline_watch('ceasefire_party', 'ceasefire', 'ceasefire_id', array['INSERT', 'UPDATE', 'DELETE']);
call timeline_watch('ceasefire_mediator', 'ceasefire', 'ceasefire_id', array['INSERT', 'UPDATE', 'DELETE']);
call timeline_watch('talks_round', 'talks_round', 'id', array['INSERT', 'UPDATE', 'DELETE']);
call timeline_watch('talks_delegation', 'talks_round', 'talks_round_id', array['INSERT', 'UPDATE', 'DELETE']);
call timeline_watch('talks_round_mediator', 'talks_round', 'talks_round_id', array['INSERT', 'UPDATE', 'DELETE']);
call timeline_watch('negotiation', 'negotiation', 'id', array['UPDATE']);
call timeline_watch('negotiation_party', 'negotiation', 'negotiation_id', array['INSERT', 'UPDATE', 'DELETE']);
call timeline_watch('negotiation_mediator', 'negotiation', 'negotiation_id', array['INSERT', 'UPDATE', 'DELETE']);
call timeline_watch('crossing_status_change', 'crossing_change', 'id', array['INSERT', 'UPDATE', 'DELETE']);
call timeline_watch('border_crossing', 'crossing', 'id', array['UPDATE']);
call timeline_watch('actor', 'actor', 'id', array['UPDATE']);

drop procedure timeline_watch(text, text, text, text[]);

-- A TRUNCATE fires no row or statement triggers of the kinds above.
create function timeline_source_truncated() returns trigger
    language plpgsql
as $$
begin
    delete from timeline_entry where kind = any (TG_ARGV);
    return null;
end
$$;
create trigger timeline_truncate_incident after truncate on incident
    for each statement execute function timeline_source_truncated('INCIDENT');
create trigger timeline_truncate_ceasefire after truncate on ceasefire
    for each statement execute function timeline_source_truncated('CEASEFIRE_AGREED', 'CEASEFIRE_ENDED');
create trigger timeline_truncate_talks_round after truncate on talks_round
    for each statement execute function timeline_source_truncated('TALKS_ROUND');
create trigger timeline_truncate_crossing_status_change after truncate on crossing_status_change
    for each statement execute function timeline_source_truncated('CROSSING_STATUS_CHANGED');

-- Entries for what the database already holds.
select timeline_rebuild();
