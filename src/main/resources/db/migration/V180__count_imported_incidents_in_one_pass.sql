-- Imports write the read models of the incidents they create in one set-based pass each, at the
-- end, instead of through the statement triggers of every table they write.
--
-- An import of a file creates its incidents, then their actors, then their curated figures: each
-- statement's triggers counted the same incidents again (the incident by itself, then under its
-- actors with a tally computed per incident, then its figures with a function call per figure and
-- a country key per incident and per figure), and the deferred timeline refresh (V141) rebuilt the
-- entries with one correlated sub-query per incident and then upserted, compared and deleted
-- entries and facets that cannot exist yet for a new incident.
--
-- 1. Rollups. A transaction that sets borderwatch.defer_rollups to 'on'
--    (set_config('borderwatch.defer_rollups', 'on', true): transaction-local) skips the rollup
--    triggers of INSERTs into incident, incident_actor and casualty_figure; it must then call
--    incident_rollup_add_incidents with exactly the incidents whose rows it inserted that way
--    (the importer creates incidents, their actors and figures so, and nothing else), before it
--    commits. Updates and deletes are never deferred: they keep their triggers. Every other
--    writer leaves the setting unset. The ongoing rollup (V120) costs little and stays per
--    statement.
-- 2. Timeline. timeline_insert_incidents writes the entries and facets of new incidents (none
--    may exist yet) with one INSERT each; timeline_incident_entries, the one builder of incident
--    entries, joins the actors and claims of all its incidents at once instead of once per
--    incident.

-- The rollup key of a country list (incident_country_key) without a function call for the usual
-- one country or none: as an expression to paste into generated SQL, %1$s being the array.
create function incident_country_key_sql(p_countries text) returns text
    language sql immutable
as $$
    select format('case when cardinality(%1$s) <= 1 then coalesce((%1$s)[1], '''') '
                  || 'else incident_country_key(%1$s) end', p_countries)
$$;

-- The whole contribution of each of the given incidents (itself, its curated figures, its actors)
-- added to the daily, admin1 and actor rollups, summed by key: what the insert triggers of
-- incident, incident_actor and casualty_figure would have added, in one grouped pass. Figures map
-- to measures as incident_figure_measure says, inline rather than one call per figure.
do $generate$
declare
    figures text := incident_tally_columns(
        'sum(case when x.measure = %1$L then x.best else 0 end)::integer as %1$I');
    own text := incident_tally_columns('case %1$L when ''incidents'' then 1 '
        || 'when ''fatalities_not_reported'' then (i.fatalities is null)::integer '
        || 'when ''wounded_not_reported'' then (i.wounded is null)::integer '
        || 'else coalesce(f.%1$I, 0) end as %1$I');
    sums text := incident_tally_columns('sum(t.%1$I)::integer');
begin
    execute format($f$
        create function incident_rollup_add_incidents(p_ids uuid[]) returns void language plpgsql as $body$
        begin
            if p_ids is null or cardinality(p_ids) = 0 then
                return;
            end if;
            perform incident_rollup_add_deltas(array(
                select row(t.day, t.country, t.admin1, t.event_type, t.sub_event_type, t.actors, true,
                           row(%3$s)::incident_tally)::incident_rollup_delta
                from (select i.effective_start as day, %4$s as country, coalesce(i.admin1, '') as admin1,
                             i.event_type, i.sub_event_type, coalesce(a.actors, '{}') as actors, %2$s
                      from incident i
                      left join (select x.incident_id, %1$s
                                 from (select c.incident_id, incident_figure_measure(c.category, c.outcome) as measure,
                                              c.best
                                       from casualty_figure c
                                       where c.incident_id in (select unnest(p_ids)) and c.claimant_actor_id is null
                                         and c.outcome in ('KILLED', 'WOUNDED')) x
                                 group by x.incident_id) f on f.incident_id = i.id
                      left join (select ia.incident_id, array_agg(distinct ia.actor_id order by ia.actor_id) as actors
                                 from incident_actor ia
                                 where ia.incident_id in (select unnest(p_ids))
                                 group by ia.incident_id) a on a.incident_id = i.id
                      where i.id in (select unnest(p_ids))) t
                group by t.day, t.country, t.admin1, t.event_type, t.sub_event_type, t.actors));
        end
        $body$$f$, figures, own, sums, incident_country_key_sql('i.countries'));
end
$generate$;

-- The insert triggers step aside while rollups are deferred.
drop trigger incident_daily_rollup_insert on incident;
create trigger incident_daily_rollup_insert after insert on incident
    referencing new table as new_rows
    for each statement
    when (current_setting('borderwatch.defer_rollups', true) is distinct from 'on')
    execute function incident_rollup_on_incident_insert();
drop trigger incident_daily_rollup_casualty_insert on casualty_figure;
create trigger incident_daily_rollup_casualty_insert after insert on casualty_figure
    referencing new table as new_rows
    for each statement
    when (current_setting('borderwatch.defer_rollups', true) is distinct from 'on')
    execute function incident_rollup_on_casualty_insert();
drop trigger incident_daily_rollup_actor_insert on incident_actor;
create trigger incident_daily_rollup_actor_insert after insert on incident_actor
    referencing new table as added
    for each statement
    when (current_setting('borderwatch.defer_rollups', true) is distinct from 'on')
    execute function incident_daily_rollup_on_actor_insert();

-- The entries of incidents, as timeline_entry rows: the same entries as before (V80), with the
-- actors and claims of all the incidents grouped in one pass.
create or replace function timeline_incident_entries(p_ids uuid[]) returns setof timeline_entry
    language sql stable
as $$
    with parts as (
        select x.incident_id, x.actor_id, x.part, min(x.ord) as ord, min(x.pos) as pos
        from (select ia.incident_id, ia.actor_id, ia.role as part, 0 as ord, ia.position as pos
              from incident_actor ia where ia.incident_id in (select unnest(p_ids))
              union all
              select cl.incident_id, cl.actor_id,
                     case cl.stance when 'ACCUSES' then 'ACCUSER' when 'DENIES' then 'DENIER' else 'CLAIMANT' end,
                     1, cl.position * 2
              from incident_claim cl where cl.incident_id in (select unnest(p_ids))
              union all
              select cl.incident_id, cl.accused_actor_id, 'ACCUSED', 1, cl.position * 2 + 1
              from incident_claim cl
              where cl.incident_id in (select unnest(p_ids)) and cl.accused_actor_id is not null) x
        group by x.incident_id, x.actor_id, x.part
    ),
    ac as (
        select p.incident_id, array_agg(distinct p.actor_id) as ids,
               jsonb_agg(jsonb_build_object('id', p.actor_id, 'name', a.name, 'part', p.part)
                         order by p.ord, p.pos, p.part) as actors
        from parts p join actor a on a.id = p.actor_id
        group by p.incident_id
    )
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
    left join ac on ac.incident_id = i.id
    where i.id in (select unnest(p_ids))
$$;

-- Writes the entries and facets of incidents that have none yet (just created): two INSERTs, no
-- comparison with entries that cannot exist. An entry that already exists fails the primary key:
-- the caller asked for the wrong incidents, and its transaction rolls back.
create function timeline_insert_incidents(p_ids uuid[]) returns void
    language plpgsql
as $$
begin
    if p_ids is null or cardinality(p_ids) = 0 then
        return;
    end if;
    with fresh as materialized (
        select * from timeline_incident_entries(p_ids)
    ),
    entries as (
        insert into timeline_entry select * from fresh order by kind, record_id
    )
    insert into timeline_facet (kind, record_id, facet, day, kind_rank, instant)
    select f.kind, f.record_id, v.facet, f.day, f.kind_rank, f.instant
    from fresh f
    cross join lateral (select 'c:' || c as facet from unnest(f.countries) c
                        union
                        select 'a:' || a from unnest(f.actor_ids) a) v
    order by f.record_id, v.facet;
end
$$;
