-- Incident statistics read model: per day, the incident count and the curated casualty figures
-- (claimant-less best estimates) by category and outcome, in three tables:
--   incident_daily_rollup         keyed by day, country, event type and sub-event type
--   incident_daily_admin1_rollup  the same, split by admin1 as well
--   incident_actor_daily_rollup   the same as the first, once per actor taking part (an incident
--                                 with two actors counts once for each)
-- A weekly series for one country over a year sums a few thousand rows of the first instead of
-- joining tens of thousands of incidents with their casualty figures; the others, larger, serve
-- only the requests that filter or group by admin1 or by actor.
--
-- Triggers on incident, casualty_figure and incident_actor keep all three exact in the writing
-- transaction, as deltas: each change adds or removes its own contribution, so concurrent writers
-- never overwrite each other's counts (INSERT .. ON CONFLICT DO UPDATE adds to the committed row
-- under its lock). The invariant each trigger keeps: every incident counts, with its current
-- curated figures, under its current key, and under (actor, key) for each distinct actor it has.
--
-- Missing country and admin1 are stored as '' so that the key can be a primary key on
-- PostgreSQL 14 (no NULLS NOT DISTINCT); readers turn '' back into null.
create table incident_daily_rollup (
    day                     date    not null,
    country                 text    not null,
    event_type              text    not null,
    sub_event_type          text    not null,
    incidents               integer not null,
    security_forces_killed  integer not null default 0,
    security_forces_wounded integer not null default 0,
    civilians_killed        integer not null default 0,
    civilians_wounded       integer not null default 0,
    militants_killed        integer not null default 0,
    militants_wounded       integer not null default 0,
    unknown_killed          integer not null default 0,
    unknown_wounded         integer not null default 0,
    primary key (country, day, event_type, sub_event_type)
) with (fillfactor = 85); -- room on each page for the HOT updates every incident write makes
-- Statistics without a country filter read a day range.
create index incident_daily_rollup_day_idx on incident_daily_rollup (day);

create table incident_daily_admin1_rollup (
    day                     date    not null,
    country                 text    not null,
    admin1                  text    not null,
    event_type              text    not null,
    sub_event_type          text    not null,
    incidents               integer not null,
    security_forces_killed  integer not null default 0,
    security_forces_wounded integer not null default 0,
    civilians_killed        integer not null default 0,
    civilians_wounded       integer not null default 0,
    militants_killed        integer not null default 0,
    militants_wounded       integer not null default 0,
    unknown_killed          integer not null default 0,
    unknown_wounded         integer not null default 0,
    primary key (country, day, admin1, event_type, sub_event_type)
) with (fillfactor = 85);
create index incident_daily_admin1_rollup_day_idx on incident_daily_admin1_rollup (day);
-- admin1 filters ignore case, as the incident list's do
create index incident_daily_admin1_rollup_admin1_idx on incident_daily_admin1_rollup (lower(admin1), day);

create table incident_actor_daily_rollup (
    actor_id                uuid    not null,
    day                     date    not null,
    country                 text    not null,
    event_type              text    not null,
    sub_event_type          text    not null,
    incidents               integer not null,
    security_forces_killed  integer not null default 0,
    security_forces_wounded integer not null default 0,
    civilians_killed        integer not null default 0,
    civilians_wounded       integer not null default 0,
    militants_killed        integer not null default 0,
    militants_wounded       integer not null default 0,
    unknown_killed          integer not null default 0,
    unknown_wounded         integer not null default 0,
    primary key (actor_id, day, country, event_type, sub_event_type)
) with (fillfactor = 85);
create index incident_actor_daily_rollup_day_idx on incident_actor_daily_rollup (day);

-- Adds a delta to one key of the actor table, for each of p_actors; a key left with no incident is
-- removed (its casualties went with them).
create function incident_actor_daily_rollup_add(p_actors uuid[],
    p_day date, p_country text, p_event_type text, p_sub_event_type text, p_incidents integer, p_sf_killed integer, p_sf_wounded integer,
    p_civ_killed integer, p_civ_wounded integer, p_mil_killed integer, p_mil_wounded integer, p_unk_killed integer,
    p_unk_wounded integer)
    returns void language plpgsql as $$
begin
    if cardinality(p_actors) = 0 then
        return;
    end if;
    insert into incident_actor_daily_rollup as r (actor_id, day, country, event_type, sub_event_type,
        incidents, security_forces_killed, security_forces_wounded, civilians_killed, civilians_wounded,
        militants_killed, militants_wounded, unknown_killed, unknown_wounded)
    select a.actor_id, p_day, coalesce(p_country, ''), p_event_type, p_sub_event_type, p_incidents, p_sf_killed, p_sf_wounded, p_civ_killed, p_civ_wounded, p_mil_killed, p_mil_wounded,
        p_unk_killed, p_unk_wounded
    from (select distinct unnest(p_actors) as actor_id) a
    on conflict (actor_id, day, country, event_type, sub_event_type) do update set
        incidents = r.incidents + excluded.incidents,
        security_forces_killed = r.security_forces_killed + excluded.security_forces_killed,
        security_forces_wounded = r.security_forces_wounded + excluded.security_forces_wounded,
        civilians_killed = r.civilians_killed + excluded.civilians_killed,
        civilians_wounded = r.civilians_wounded + excluded.civilians_wounded,
        militants_killed = r.militants_killed + excluded.militants_killed,
        militants_wounded = r.militants_wounded + excluded.militants_wounded,
        unknown_killed = r.unknown_killed + excluded.unknown_killed,
        unknown_wounded = r.unknown_wounded + excluded.unknown_wounded;
    if p_incidents < 0 then
        delete from incident_actor_daily_rollup
        where actor_id = any (p_actors) and day = p_day and country = coalesce(p_country, '')
          and event_type = p_event_type and sub_event_type = p_sub_event_type and incidents <= 0;
    end if;
end
$$;

-- Adds a delta to one key of each table (the actor table once per actor in p_actors).
create function incident_daily_rollup_add(
    p_day date, p_country text, p_admin1 text, p_event_type text, p_sub_event_type text, p_actors uuid[],
    p_incidents integer, p_sf_killed integer, p_sf_wounded integer,
    p_civ_killed integer, p_civ_wounded integer, p_mil_killed integer, p_mil_wounded integer, p_unk_killed integer,
    p_unk_wounded integer)
    returns void language plpgsql as $$
declare
    remaining integer;
begin
    insert into incident_daily_rollup as r (day, country, event_type, sub_event_type,
        incidents, security_forces_killed, security_forces_wounded, civilians_killed, civilians_wounded,
        militants_killed, militants_wounded, unknown_killed, unknown_wounded)
    values (p_day, coalesce(p_country, ''), p_event_type, p_sub_event_type, p_incidents, p_sf_killed, p_sf_wounded, p_civ_killed, p_civ_wounded, p_mil_killed, p_mil_wounded,
        p_unk_killed, p_unk_wounded)
    on conflict (country, day, event_type, sub_event_type) do update set
        incidents = r.incidents + excluded.incidents,
        security_forces_killed = r.security_forces_killed + excluded.security_forces_killed,
        security_forces_wounded = r.security_forces_wounded + excluded.security_forces_wounded,
        civilians_killed = r.civilians_killed + excluded.civilians_killed,
        civilians_wounded = r.civilians_wounded + excluded.civilians_wounded,
        militants_killed = r.militants_killed + excluded.militants_killed,
        militants_wounded = r.militants_wounded + excluded.militants_wounded,
        unknown_killed = r.unknown_killed + excluded.unknown_killed,
        unknown_wounded = r.unknown_wounded + excluded.unknown_wounded
    returning r.incidents into remaining;
    if remaining <= 0 then
        delete from incident_daily_rollup
        where country = coalesce(p_country, '') and day = p_day and event_type = p_event_type
          and sub_event_type = p_sub_event_type and incidents <= 0;
    end if;

    insert into incident_daily_admin1_rollup as r (day, country, admin1, event_type, sub_event_type,
        incidents, security_forces_killed, security_forces_wounded, civilians_killed, civilians_wounded,
        militants_killed, militants_wounded, unknown_killed, unknown_wounded)
    values (p_day, coalesce(p_country, ''), coalesce(p_admin1, ''), p_event_type, p_sub_event_type, p_incidents, p_sf_killed, p_sf_wounded, p_civ_killed, p_civ_wounded, p_mil_killed, p_mil_wounded,
        p_unk_killed, p_unk_wounded)
    on conflict (country, day, admin1, event_type, sub_event_type) do update set
        incidents = r.incidents + excluded.incidents,
        security_forces_killed = r.security_forces_killed + excluded.security_forces_killed,
        security_forces_wounded = r.security_forces_wounded + excluded.security_forces_wounded,
        civilians_killed = r.civilians_killed + excluded.civilians_killed,
        civilians_wounded = r.civilians_wounded + excluded.civilians_wounded,
        militants_killed = r.militants_killed + excluded.militants_killed,
        militants_wounded = r.militants_wounded + excluded.militants_wounded,
        unknown_killed = r.unknown_killed + excluded.unknown_killed,
        unknown_wounded = r.unknown_wounded + excluded.unknown_wounded
    returning r.incidents into remaining;
    if remaining <= 0 then
        delete from incident_daily_admin1_rollup
        where country = coalesce(p_country, '') and day = p_day and admin1 = coalesce(p_admin1, '')
          and event_type = p_event_type and sub_event_type = p_sub_event_type and incidents <= 0;
    end if;

    perform incident_actor_daily_rollup_add(p_actors, p_day, p_country, p_event_type, p_sub_event_type,
        p_incidents, p_sf_killed, p_sf_wounded, p_civ_killed, p_civ_wounded, p_mil_killed, p_mil_wounded,
        p_unk_killed, p_unk_wounded);
end
$$;

-- The distinct actors of an incident, as they are now.
create function incident_daily_rollup_actors(p_incident_id uuid) returns uuid[] language sql stable as $$
    select coalesce(array_agg(distinct actor_id), '{}') from incident_actor where incident_id = p_incident_id
$$;

-- The sums of an incident's current curated figures. Categories other than the three named ones
-- count as UNKNOWN; outcomes other than KILLED and WOUNDED do not count.
create function incident_daily_rollup_sums(p_incident_id uuid,
    out sf_k integer, out sf_w integer, out civ_k integer, out civ_w integer,
    out mil_k integer, out mil_w integer, out unk_k integer, out unk_w integer)
    language sql stable as $$
    select
        coalesce(sum(best) filter (where category = 'SECURITY_FORCES' and outcome = 'KILLED'), 0)::integer,
        coalesce(sum(best) filter (where category = 'SECURITY_FORCES' and outcome = 'WOUNDED'), 0)::integer,
        coalesce(sum(best) filter (where category = 'CIVILIANS' and outcome = 'KILLED'), 0)::integer,
        coalesce(sum(best) filter (where category = 'CIVILIANS' and outcome = 'WOUNDED'), 0)::integer,
        coalesce(sum(best) filter (where category = 'MILITANTS' and outcome = 'KILLED'), 0)::integer,
        coalesce(sum(best) filter (where category = 'MILITANTS' and outcome = 'WOUNDED'), 0)::integer,
        coalesce(sum(best) filter (where category not in ('SECURITY_FORCES', 'CIVILIANS', 'MILITANTS')
            and outcome = 'KILLED'), 0)::integer,
        coalesce(sum(best) filter (where category not in ('SECURITY_FORCES', 'CIVILIANS', 'MILITANTS')
            and outcome = 'WOUNDED'), 0)::integer
    from casualty_figure
    where incident_id = p_incident_id and claimant_actor_id is null
$$;

-- Adds one casualty figure's best estimate (signed) to the keys of its incident.
create function incident_daily_rollup_add_figure(
    p_day date, p_country text, p_admin1 text, p_event_type text, p_sub_event_type text, p_actors uuid[],
    p_category text, p_outcome text, p_best integer)
    returns void language plpgsql as $$
declare
    killed boolean := p_outcome = 'KILLED';
    sf integer := case when p_category = 'SECURITY_FORCES' then p_best else 0 end;
    civ integer := case when p_category = 'CIVILIANS' then p_best else 0 end;
    mil integer := case when p_category = 'MILITANTS' then p_best else 0 end;
    unk integer := case when p_category in ('SECURITY_FORCES', 'CIVILIANS', 'MILITANTS') then 0 else p_best end;
begin
    if p_outcome not in ('KILLED', 'WOUNDED') or p_best = 0 then
        return;
    end if;
    perform incident_daily_rollup_add(p_day, p_country, p_admin1, p_event_type, p_sub_event_type, p_actors, 0,
        case when killed then sf else 0 end, case when killed then 0 else sf end,
        case when killed then civ else 0 end, case when killed then 0 else civ end,
        case when killed then mil else 0 end, case when killed then 0 else mil end,
        case when killed then unk else 0 end, case when killed then 0 else unk end);
end
$$;

-- Moves an incident's whole contribution (itself, its current curated figures, for itself and
-- each of its actors) in or out of its key: sign +1 adds, -1 removes.
create function incident_daily_rollup_move(p_incident_id uuid, p_sign integer, p_day date, p_country text,
    p_admin1 text, p_event_type text, p_sub_event_type text)
    returns void language plpgsql as $$
declare
    f record;
begin
    select * into f from incident_daily_rollup_sums(p_incident_id);
    perform incident_daily_rollup_add(p_day, p_country, p_admin1, p_event_type, p_sub_event_type,
        incident_daily_rollup_actors(p_incident_id), p_sign,
        p_sign * f.sf_k, p_sign * f.sf_w, p_sign * f.civ_k, p_sign * f.civ_w,
        p_sign * f.mil_k, p_sign * f.mil_w, p_sign * f.unk_k, p_sign * f.unk_w);
end
$$;

-- An inserted incident has no figures or actors yet (they reference it); an update that changes
-- the key moves the incident with its figures and actors; a deleted incident takes them along. The
-- delete is handled BEFORE the row goes, while its figures and actors are still there: the cascade
-- that removes them afterwards finds no incident and leaves the rollups alone.
create function incident_daily_rollup_on_incident() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform incident_daily_rollup_add(new.start_date, new.country, new.admin1, new.event_type,
            new.sub_event_type, '{}', 1, 0, 0, 0, 0, 0, 0, 0, 0);
        return null;
    end if;
    perform incident_daily_rollup_move(old.id, -1, old.start_date, old.country, old.admin1, old.event_type,
        old.sub_event_type);
    if tg_op = 'UPDATE' then
        perform incident_daily_rollup_move(new.id, 1, new.start_date, new.country, new.admin1, new.event_type,
            new.sub_event_type);
        return null;
    end if;
    return old;
end
$$;

create trigger incident_daily_rollup_insert after insert on incident
    for each row execute function incident_daily_rollup_on_incident();
create trigger incident_daily_rollup_update after update on incident
    for each row
    when ((old.id, old.start_date, old.country, old.admin1, old.event_type, old.sub_event_type)
        is distinct from (new.id, new.start_date, new.country, new.admin1, new.event_type, new.sub_event_type))
    execute function incident_daily_rollup_on_incident();
create trigger incident_daily_rollup_delete before delete on incident
    for each row execute function incident_daily_rollup_on_incident();

-- A curated figure counts under its incident's current keys. The incident row is locked (it is
-- when the aggregate writes, since every change bumps its version) so that a concurrent change
-- of the incident's key cannot move its figures while this one is counted under the old key.
create function incident_daily_rollup_on_casualty() returns trigger language plpgsql as $$
declare
    i record;
begin
    if tg_op in ('UPDATE', 'DELETE') and old.claimant_actor_id is null then
        select id, start_date, country, admin1, event_type, sub_event_type into i
        from incident where id = old.incident_id for no key update;
        if found then
            perform incident_daily_rollup_add_figure(i.start_date, i.country, i.admin1, i.event_type,
                i.sub_event_type, incident_daily_rollup_actors(i.id), old.category, old.outcome, -old.best);
        end if;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.claimant_actor_id is null then
        select id, start_date, country, admin1, event_type, sub_event_type into i
        from incident where id = new.incident_id for no key update;
        if found then
            perform incident_daily_rollup_add_figure(i.start_date, i.country, i.admin1, i.event_type,
                i.sub_event_type, incident_daily_rollup_actors(i.id), new.category, new.outcome, new.best);
        end if;
    end if;
    return null;
end
$$;

create trigger incident_daily_rollup_casualty_insert after insert on casualty_figure
    for each row when (new.claimant_actor_id is null)
    execute function incident_daily_rollup_on_casualty();
create trigger incident_daily_rollup_casualty_update after update on casualty_figure
    for each row
    when ((old.incident_id, old.category, old.outcome, old.best, old.claimant_actor_id is null)
        is distinct from (new.incident_id, new.category, new.outcome, new.best, new.claimant_actor_id is null))
    execute function incident_daily_rollup_on_casualty();
create trigger incident_daily_rollup_casualty_delete after delete on casualty_figure
    for each row when (old.claimant_actor_id is null)
    execute function incident_daily_rollup_on_casualty();

-- An actor counts an incident once however many rows name it (two roles), so the triggers on
-- incident_actor work per statement, on the transition tables: a pair (incident, actor) is added
-- when a statement creates its first row, removed when a statement deletes its last one. Row by
-- row, two rows of one pair inserted by one statement could not tell which came first.
create function incident_daily_rollup_apply_pairs(p_sign integer, p_pairs jsonb) returns void
    language plpgsql as $$
declare
    pair record;
    i record;
    f record;
begin
    for pair in
        select (p ->> 'incident_id')::uuid as incident_id, array_agg(distinct (p ->> 'actor_id')::uuid) as actors
        from jsonb_array_elements(p_pairs) p
        group by 1
    loop
        select id, start_date, country, event_type, sub_event_type into i
        from incident where id = pair.incident_id for no key update;
        if found then
            select * into f from incident_daily_rollup_sums(i.id);
            perform incident_actor_daily_rollup_add(pair.actors, i.start_date, i.country, i.event_type,
                i.sub_event_type, p_sign, p_sign * f.sf_k, p_sign * f.sf_w, p_sign * f.civ_k, p_sign * f.civ_w,
                p_sign * f.mil_k, p_sign * f.mil_w, p_sign * f.unk_k, p_sign * f.unk_w);
        end if;
    end loop;
end
$$;

create function incident_daily_rollup_on_actor_insert() returns trigger language plpgsql as $$
begin
    -- pairs with no row but the inserted ones
    perform incident_daily_rollup_apply_pairs(1, coalesce(jsonb_agg(jsonb_build_object(
        'incident_id', n.incident_id, 'actor_id', n.actor_id)), '[]'))
    from (select distinct incident_id, actor_id from added) n
    where not exists (
        select 1 from incident_actor x
        where x.incident_id = n.incident_id and x.actor_id = n.actor_id
          and not exists (select 1 from added a where a.incident_id = x.incident_id and a.position = x.position));
    return null;
end
$$;

create function incident_daily_rollup_on_actor_delete() returns trigger language plpgsql as $$
begin
    -- pairs left with no row
    perform incident_daily_rollup_apply_pairs(-1, coalesce(jsonb_agg(jsonb_build_object(
        'incident_id', o.incident_id, 'actor_id', o.actor_id)), '[]'))
    from (select distinct incident_id, actor_id from removed) o
    where not exists (select 1 from incident_actor x where x.incident_id = o.incident_id and x.actor_id = o.actor_id);
    return null;
end
$$;

create function incident_daily_rollup_on_actor_update() returns trigger language plpgsql as $$
begin
    -- pairs of the old rows left with no row now
    perform incident_daily_rollup_apply_pairs(-1, coalesce(jsonb_agg(jsonb_build_object(
        'incident_id', o.incident_id, 'actor_id', o.actor_id)), '[]'))
    from (select distinct incident_id, actor_id from removed) o
    where not exists (select 1 from incident_actor x where x.incident_id = o.incident_id and x.actor_id = o.actor_id);
    -- pairs of the new rows that had no row before: neither among the old rows nor among the rows
    -- the statement left alone
    perform incident_daily_rollup_apply_pairs(1, coalesce(jsonb_agg(jsonb_build_object(
        'incident_id', n.incident_id, 'actor_id', n.actor_id)), '[]'))
    from (select distinct incident_id, actor_id from added) n
    where not exists (select 1 from removed o where o.incident_id = n.incident_id and o.actor_id = n.actor_id)
      and not exists (
        select 1 from incident_actor x
        where x.incident_id = n.incident_id and x.actor_id = n.actor_id
          and not exists (select 1 from added a where a.incident_id = x.incident_id and a.position = x.position));
    return null;
end
$$;

create trigger incident_daily_rollup_actor_insert after insert on incident_actor
    referencing new table as added
    for each statement execute function incident_daily_rollup_on_actor_insert();
create trigger incident_daily_rollup_actor_update after update on incident_actor
    referencing old table as removed new table as added
    for each statement execute function incident_daily_rollup_on_actor_update();
create trigger incident_daily_rollup_actor_delete after delete on incident_actor
    referencing old table as removed
    for each statement execute function incident_daily_rollup_on_actor_delete();

-- Recomputes the three tables from the raw tables: the backfill below, and the way back after a
-- bulk load that ran with these triggers disabled. Takes locks that keep writers out meanwhile.
-- Rows go in in primary key order: a country's year is then a hundred adjacent pages, not a few
-- rows on each of thousands (later rows, written day by day, stay grouped by day anyway).
create function incident_daily_rollup_rebuild() returns void language plpgsql as $$
begin
    lock table incident_daily_rollup, incident_daily_admin1_rollup, incident_actor_daily_rollup
        in access exclusive mode;
    delete from incident_daily_admin1_rollup;
    delete from incident_daily_rollup;
    delete from incident_actor_daily_rollup;
    create temporary table incident_daily_rollup_figures on commit drop as
    select incident_id,
            sum(best) filter (where category = 'SECURITY_FORCES' and outcome = 'KILLED') as sf_k,
            sum(best) filter (where category = 'SECURITY_FORCES' and outcome = 'WOUNDED') as sf_w,
            sum(best) filter (where category = 'CIVILIANS' and outcome = 'KILLED') as civ_k,
            sum(best) filter (where category = 'CIVILIANS' and outcome = 'WOUNDED') as civ_w,
            sum(best) filter (where category = 'MILITANTS' and outcome = 'KILLED') as mil_k,
            sum(best) filter (where category = 'MILITANTS' and outcome = 'WOUNDED') as mil_w,
            sum(best) filter (where category not in ('SECURITY_FORCES', 'CIVILIANS', 'MILITANTS')
                and outcome = 'KILLED') as unk_k,
            sum(best) filter (where category not in ('SECURITY_FORCES', 'CIVILIANS', 'MILITANTS')
                and outcome = 'WOUNDED') as unk_w
    from casualty_figure
    where claimant_actor_id is null
    group by incident_id;
    analyze incident_daily_rollup_figures;

    insert into incident_daily_admin1_rollup (day, country, admin1, event_type, sub_event_type,
        incidents, security_forces_killed, security_forces_wounded, civilians_killed, civilians_wounded,
        militants_killed, militants_wounded, unknown_killed, unknown_wounded)
    select i.start_date, coalesce(i.country, ''), coalesce(i.admin1, ''), i.event_type, i.sub_event_type, count(*),
        coalesce(sum(f.sf_k), 0), coalesce(sum(f.sf_w), 0), coalesce(sum(f.civ_k), 0), coalesce(sum(f.civ_w), 0),
        coalesce(sum(f.mil_k), 0), coalesce(sum(f.mil_w), 0), coalesce(sum(f.unk_k), 0), coalesce(sum(f.unk_w), 0)
    from incident i
    left join incident_daily_rollup_figures f on f.incident_id = i.id
    group by 1, 2, 3, 4, 5
    order by 2, 1, 3, 4, 5;

    insert into incident_daily_rollup (day, country, event_type, sub_event_type,
        incidents, security_forces_killed, security_forces_wounded, civilians_killed, civilians_wounded,
        militants_killed, militants_wounded, unknown_killed, unknown_wounded)
    select day, country, event_type, sub_event_type, sum(incidents),
        sum(security_forces_killed), sum(security_forces_wounded), sum(civilians_killed), sum(civilians_wounded),
        sum(militants_killed), sum(militants_wounded), sum(unknown_killed), sum(unknown_wounded)
    from incident_daily_admin1_rollup
    group by 1, 2, 3, 4
    order by 2, 1, 3, 4;

    insert into incident_actor_daily_rollup (actor_id, day, country, event_type, sub_event_type,
        incidents, security_forces_killed, security_forces_wounded, civilians_killed, civilians_wounded,
        militants_killed, militants_wounded, unknown_killed, unknown_wounded)
    select a.actor_id, i.start_date, coalesce(i.country, ''), i.event_type, i.sub_event_type, count(*),
        coalesce(sum(f.sf_k), 0), coalesce(sum(f.sf_w), 0), coalesce(sum(f.civ_k), 0), coalesce(sum(f.civ_w), 0),
        coalesce(sum(f.mil_k), 0), coalesce(sum(f.mil_w), 0), coalesce(sum(f.unk_k), 0), coalesce(sum(f.unk_w), 0)
    from (select distinct incident_id, actor_id from incident_actor) a
    join incident i on i.id = a.incident_id
    left join incident_daily_rollup_figures f on f.incident_id = i.id
    group by 1, 2, 3, 4, 5
    order by 1, 2, 3, 4, 5;
    drop table incident_daily_rollup_figures;
end
$$;

select incident_daily_rollup_rebuild();
