-- Incident statistics read model: per day, the incident count and the curated casualty figures
-- (claimant-less best estimates) by category and outcome, in two tables:
--   incident_daily_rollup         keyed by day, country, event type and sub-event type
--   incident_daily_admin1_rollup  the same, split by admin1 as well
-- A weekly series for one country over a year sums a few thousand rows of the first instead of
-- joining tens of thousands of incidents with their casualty figures; the second, several times
-- larger, serves only requests that filter or group by admin1.
--
-- Triggers on incident and casualty_figure keep both exact in the writing transaction, as deltas:
-- each row change adds or removes its own contribution, so concurrent writers never overwrite
-- each other's counts (INSERT .. ON CONFLICT DO UPDATE adds to the committed row under its lock).
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
    primary key (admin1, day, country, event_type, sub_event_type)
) with (fillfactor = 85);
create index incident_daily_admin1_rollup_day_idx on incident_daily_admin1_rollup (day);

-- Adds a delta to one key of both tables; a key left with no incident is removed (its casualties
-- went with them).
create function incident_daily_rollup_add(
    p_day date, p_country text, p_admin1 text, p_event_type text, p_sub_event_type text, p_incidents integer,
    p_sf_killed integer, p_sf_wounded integer, p_civ_killed integer, p_civ_wounded integer,
    p_mil_killed integer, p_mil_wounded integer, p_unk_killed integer, p_unk_wounded integer)
    returns void language plpgsql as $$
declare
    remaining integer;
begin
    insert into incident_daily_rollup as r (day, country, event_type, sub_event_type, incidents,
        security_forces_killed, security_forces_wounded, civilians_killed, civilians_wounded,
        militants_killed, militants_wounded, unknown_killed, unknown_wounded)
    values (p_day, coalesce(p_country, ''), p_event_type, p_sub_event_type, p_incidents,
        p_sf_killed, p_sf_wounded, p_civ_killed, p_civ_wounded, p_mil_killed, p_mil_wounded, p_unk_killed,
        p_unk_wounded)
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

    insert into incident_daily_admin1_rollup as r (day, country, admin1, event_type, sub_event_type, incidents,
        security_forces_killed, security_forces_wounded, civilians_killed, civilians_wounded,
        militants_killed, militants_wounded, unknown_killed, unknown_wounded)
    values (p_day, coalesce(p_country, ''), coalesce(p_admin1, ''), p_event_type, p_sub_event_type, p_incidents,
        p_sf_killed, p_sf_wounded, p_civ_killed, p_civ_wounded, p_mil_killed, p_mil_wounded, p_unk_killed,
        p_unk_wounded)
    on conflict (admin1, day, country, event_type, sub_event_type) do update set
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
        where admin1 = coalesce(p_admin1, '') and day = p_day and country = coalesce(p_country, '')
          and event_type = p_event_type and sub_event_type = p_sub_event_type and incidents <= 0;
    end if;
end
$$;

-- Adds one casualty figure's best estimate (signed) to the key of its incident. Categories other
-- than the three named ones count as UNKNOWN; outcomes other than KILLED and WOUNDED do not count.
create function incident_daily_rollup_add_figure(
    p_day date, p_country text, p_admin1 text, p_event_type text, p_sub_event_type text,
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
    perform incident_daily_rollup_add(p_day, p_country, p_admin1, p_event_type, p_sub_event_type, 0,
        case when killed then sf else 0 end, case when killed then 0 else sf end,
        case when killed then civ else 0 end, case when killed then 0 else civ end,
        case when killed then mil else 0 end, case when killed then 0 else mil end,
        case when killed then unk else 0 end, case when killed then 0 else unk end);
end
$$;

-- Moves an incident's whole contribution (itself and its current curated figures) in or out of
-- its key: sign +1 adds, -1 removes.
create function incident_daily_rollup_move(p_incident_id uuid, p_sign integer, p_day date, p_country text,
    p_admin1 text, p_event_type text, p_sub_event_type text)
    returns void language plpgsql as $$
declare
    sf_k integer; sf_w integer; civ_k integer; civ_w integer;
    mil_k integer; mil_w integer; unk_k integer; unk_w integer;
begin
    select
        coalesce(sum(best) filter (where category = 'SECURITY_FORCES' and outcome = 'KILLED'), 0) as sf_k,
        coalesce(sum(best) filter (where category = 'SECURITY_FORCES' and outcome = 'WOUNDED'), 0) as sf_w,
        coalesce(sum(best) filter (where category = 'CIVILIANS' and outcome = 'KILLED'), 0) as civ_k,
        coalesce(sum(best) filter (where category = 'CIVILIANS' and outcome = 'WOUNDED'), 0) as civ_w,
        coalesce(sum(best) filter (where category = 'MILITANTS' and outcome = 'KILLED'), 0) as mil_k,
        coalesce(sum(best) filter (where category = 'MILITANTS' and outcome = 'WOUNDED'), 0) as mil_w,
        coalesce(sum(best) filter (where category not in ('SECURITY_FORCES', 'CIVILIANS', 'MILITANTS')
            and outcome = 'KILLED'), 0) as unk_k,
        coalesce(sum(best) filter (where category not in ('SECURITY_FORCES', 'CIVILIANS', 'MILITANTS')
            and outcome = 'WOUNDED'), 0) as unk_w
    into sf_k, sf_w, civ_k, civ_w, mil_k, mil_w, unk_k, unk_w
    from casualty_figure
    where incident_id = p_incident_id and claimant_actor_id is null;
    perform incident_daily_rollup_add(p_day, p_country, p_admin1, p_event_type, p_sub_event_type, p_sign,
        p_sign * sf_k, p_sign * sf_w, p_sign * civ_k, p_sign * civ_w,
        p_sign * mil_k, p_sign * mil_w, p_sign * unk_k, p_sign * unk_w);
end
$$;

-- An inserted incident has no figures yet (they reference it); an update that changes the key
-- moves the incident with its figures; a deleted incident takes its figures along. The delete is
-- handled BEFORE the row goes, while its figures are still there: the cascade that removes them
-- afterwards finds no incident and leaves the rollup alone.
create function incident_daily_rollup_on_incident() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform incident_daily_rollup_add(new.start_date, new.country, new.admin1, new.event_type,
            new.sub_event_type, 1, 0, 0, 0, 0, 0, 0, 0, 0);
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

-- A curated figure counts under its incident's current key. The incident row is locked (it is
-- when the aggregate writes, since every change bumps its version) so that a concurrent change
-- of the incident's key cannot move its figures while this one is counted under the old key.
create function incident_daily_rollup_on_casualty() returns trigger language plpgsql as $$
declare
    i record;
begin
    if tg_op in ('UPDATE', 'DELETE') and old.claimant_actor_id is null then
        select start_date, country, admin1, event_type, sub_event_type into i
        from incident where id = old.incident_id for no key update;
        if found then
            perform incident_daily_rollup_add_figure(i.start_date, i.country, i.admin1, i.event_type,
                i.sub_event_type, old.category, old.outcome, -old.best);
        end if;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.claimant_actor_id is null then
        select start_date, country, admin1, event_type, sub_event_type into i
        from incident where id = new.incident_id for no key update;
        if found then
            perform incident_daily_rollup_add_figure(i.start_date, i.country, i.admin1, i.event_type,
                i.sub_event_type, new.category, new.outcome, new.best);
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

-- Recomputes both tables from the raw tables: the backfill below, and the way back after a bulk
-- load that ran with these triggers disabled. Takes locks that keep writers out meanwhile.
create function incident_daily_rollup_rebuild() returns void language plpgsql as $$
begin
    lock table incident_daily_rollup, incident_daily_admin1_rollup in access exclusive mode;
    delete from incident_daily_admin1_rollup;
    delete from incident_daily_rollup;
    insert into incident_daily_admin1_rollup (day, country, admin1, event_type, sub_event_type, incidents,
        security_forces_killed, security_forces_wounded, civilians_killed, civilians_wounded,
        militants_killed, militants_wounded, unknown_killed, unknown_wounded)
    select i.start_date, coalesce(i.country, ''), coalesce(i.admin1, ''), i.event_type, i.sub_event_type, count(*),
        coalesce(sum(f.sf_k), 0), coalesce(sum(f.sf_w), 0), coalesce(sum(f.civ_k), 0), coalesce(sum(f.civ_w), 0),
        coalesce(sum(f.mil_k), 0), coalesce(sum(f.mil_w), 0), coalesce(sum(f.unk_k), 0), coalesce(sum(f.unk_w), 0)
    from incident i
    left join (
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
        group by incident_id
    ) f on f.incident_id = i.id
    group by 1, 2, 3, 4, 5;
    insert into incident_daily_rollup (day, country, event_type, sub_event_type, incidents,
        security_forces_killed, security_forces_wounded, civilians_killed, civilians_wounded,
        militants_killed, militants_wounded, unknown_killed, unknown_wounded)
    select day, country, event_type, sub_event_type, sum(incidents),
        sum(security_forces_killed), sum(security_forces_wounded), sum(civilians_killed), sum(civilians_wounded),
        sum(militants_killed), sum(militants_wounded), sum(unknown_killed), sum(unknown_wounded)
    from incident_daily_admin1_rollup
    group by 1, 2, 3, 4;
end
$$;

select incident_daily_rollup_rebuild();
