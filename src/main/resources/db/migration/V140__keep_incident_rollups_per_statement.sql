-- The statistics rollups kept per statement instead of per row.
--
-- The row triggers of incident and casualty_figure upserted three rollup tables for every row,
-- and each of those upserts fired the daily table's statement triggers that keep the weekly and
-- monthly tables: an import of 20,000 incidents made 84,000 weekly/monthly passes and spent 95%
-- of its time there. The triggers below see a whole statement's rows at once (transition
-- tables), sum their contributions by rollup key and upsert each table once per statement,
-- whatever the path: a single write through the API (one row), an import's INSERT .. SELECT, a
-- psql session. The invariant stays the one of V60: every incident counts, with its current
-- curated figures, under its current key, and under (actor, key) for each distinct actor it has.
--
-- A deletion of an incident keeps its row trigger (before delete: it must read the incident's
-- figures before the cascade removes them, which a statement trigger after the delete cannot).

-- One contribution to the rollups: a key, the actors it also counts under, whether it counts in
-- the daily and admin1 tables (false for an actor joining or leaving an incident), and the tally.
create type incident_rollup_delta as (
    day            date,
    country        text,
    admin1         text,
    event_type     text,
    sub_event_type text,
    actors         uuid[],
    daily          boolean,
    t              incident_tally
);

-- The curated tallies of some incidents, set-based: each incident itself and its current curated
-- figures (incident_tally_of for many incidents in one pass, with built-in sums).
do $generate$
declare
    sums text := incident_tally_columns('sum((f.t).%1$I)::integer');
begin
    execute format($f$
        create function incident_tallies(p_ids uuid[]) returns table (incident_id uuid, t incident_tally)
        language sql stable as $body$
            select i.id, incident_tally_add(incident_tally_base(i), coalesce(s.t, incident_tally_zero()), 1)
            from incident i
            left join (select f.incident_id, row(%s)::incident_tally as t
                       -- offset 0: one call of the function per figure, not one per field
                       from (select c.incident_id, incident_figure_tally(c.category, c.outcome, c.best) as t
                             from casualty_figure c
                             where c.incident_id = any (p_ids) and c.claimant_actor_id is null offset 0) f
                       group by f.incident_id) s on s.incident_id = i.id
            where i.id = any (p_ids)
        $body$$f$, sums);
end
$generate$;

-- Adds contributions to the rollups: summed by key, each table upserted once, in key order (one
-- order for every writer, so that two transactions never wait for each other's rows crosswise);
-- keys left with no incident are removed. The weekly and monthly tables follow through the daily
-- table's statement triggers, once per statement here.
do $generate$
declare
    columns text := incident_tally_columns('%I');
    sums text := incident_tally_columns('sum((d.t).%1$I)::integer');
    nonzero text := incident_tally_columns('sum((d.t).%1$I) <> 0', ' or ');
    adds text := incident_tally_columns('%1$I = r.%1$I + excluded.%1$I');
begin
    execute format($f$
        create function incident_rollup_add_deltas(p_deltas incident_rollup_delta[]) returns void
        language plpgsql as $body$
        declare
            removing boolean;
        begin
            if p_deltas is null or cardinality(p_deltas) = 0 then
                return;
            end if;
            select bool_or((d.t).incidents < 0) into removing from unnest(p_deltas) d;

            insert into incident_daily_rollup as r (day, country, event_type, sub_event_type, %1$s)
            select d.day, d.country, d.event_type, d.sub_event_type, %2$s
            from unnest(p_deltas) d where d.daily
            group by d.country, d.day, d.event_type, d.sub_event_type
            having %3$s
            order by d.country, d.day, d.event_type, d.sub_event_type
            on conflict (country, day, event_type, sub_event_type) do update set %4$s;

            insert into incident_daily_admin1_rollup as r (day, country, admin1, event_type, sub_event_type, %1$s)
            select d.day, d.country, d.admin1, d.event_type, d.sub_event_type, %2$s
            from unnest(p_deltas) d where d.daily
            group by d.country, d.day, d.admin1, d.event_type, d.sub_event_type
            having %3$s
            order by d.country, d.day, d.admin1, d.event_type, d.sub_event_type
            on conflict (country, day, admin1, event_type, sub_event_type) do update set %4$s;

            insert into incident_actor_daily_rollup as r (actor_id, day, country, event_type, sub_event_type, %1$s)
            select a.actor_id, d.day, d.country, d.event_type, d.sub_event_type, %2$s
            from unnest(p_deltas) d cross join lateral (select distinct unnest(d.actors) as actor_id) a
            group by a.actor_id, d.day, d.country, d.event_type, d.sub_event_type
            having %3$s
            order by a.actor_id, d.day, d.country, d.event_type, d.sub_event_type
            on conflict (actor_id, day, country, event_type, sub_event_type) do update set %4$s;

            if not removing then
                return;
            end if;
            delete from incident_daily_rollup r
            using (select distinct d.country, d.day, d.event_type, d.sub_event_type
                   from unnest(p_deltas) d where d.daily) k
            where r.country = k.country and r.day = k.day and r.event_type = k.event_type
              and r.sub_event_type = k.sub_event_type and r.incidents <= 0;
            delete from incident_daily_admin1_rollup r
            using (select distinct d.country, d.day, d.admin1, d.event_type, d.sub_event_type
                   from unnest(p_deltas) d where d.daily) k
            where r.country = k.country and r.day = k.day and r.admin1 = k.admin1 and r.event_type = k.event_type
              and r.sub_event_type = k.sub_event_type and r.incidents <= 0;
            delete from incident_actor_daily_rollup r
            using (select distinct a.actor_id, d.day, d.country, d.event_type, d.sub_event_type
                   from unnest(p_deltas) d cross join lateral unnest(d.actors) a(actor_id)) k
            where r.actor_id = k.actor_id and r.day = k.day and r.country = k.country
              and r.event_type = k.event_type and r.sub_event_type = k.sub_event_type and r.incidents <= 0;
        end
        $body$$f$, columns, sums, nonzero, adds);
end
$generate$;

-- Locks incidents whose figures or actors are being counted (in id order, one order for every
-- writer). An import (borderwatch.bulk = 'on', see V141) needs no lock: every incident whose
-- figures and actors it writes is one it created (invisible to others) or updated (locked by its
-- own UPDATE), and a million row locks would each write a page.
create function incident_rollup_lock(p_ids uuid[]) returns void language plpgsql as $$
begin
    if current_setting('borderwatch.bulk', true) = 'on' then
        return;
    end if;
    perform 1 from incident where id = any (p_ids) order by id for no key update;
end
$$;

-- The trigger functions. Each builds its contributions (day, country, admin1, event_type,
-- sub_event_type, actors, daily, t) and sums them by key before handing them over, so that the
-- array stays as small as the number of keys touched.
do $generate$
declare
    -- %s: a query of contributions
    deltas text := format($t$
        perform incident_rollup_add_deltas(array(
            select row(x.day, x.country, x.admin1, x.event_type, x.sub_event_type, x.actors, x.daily,
                       row(%s)::incident_tally)::incident_rollup_delta
            from (%%s offset 0) x(day, country, admin1, event_type, sub_event_type, actors, daily, t)
            group by x.day, x.country, x.admin1, x.event_type, x.sub_event_type, x.actors, x.daily));$t$,
        incident_tally_columns('sum((x.t).%1$I)::integer'));
    figure_sums text := incident_tally_columns('sum(f.sign * (f.t).%1$I)::integer');
    -- the curated figures that count, of the new rows (sign 1) and of the old ones (-1)
    new_figures text := $q$
        select n.incident_id, 1 as sign, incident_figure_tally(n.category, n.outcome, n.best) as t
        from new_rows n
        where n.claimant_actor_id is null and n.best <> 0 and n.outcome in ('KILLED', 'WOUNDED')$q$;
    old_figures text := $q$
        select o.incident_id, -1 as sign, incident_figure_tally(o.category, o.outcome, o.best) as t
        from old_rows o
        where o.claimant_actor_id is null and o.best <> 0 and o.outcome in ('KILLED', 'WOUNDED')$q$;
    figures text;
    op text;
begin
    -- An inserted incident counts by itself: it has no figures or actors yet (those inserted later
    -- count through their own triggers).
    execute format($f$
        create function incident_rollup_on_incident_insert() returns trigger language plpgsql as $body$
        begin
            %s
            return null;
        end
        $body$$f$, format(deltas, $q$
                select n.effective_start, incident_country_key(n.countries), coalesce(n.admin1, ''), n.event_type,
                       n.sub_event_type, '{}'::uuid[], true, incident_tally_base(n)
                from new_rows n$q$));

    -- An update moves an incident when its key, or whether its figures are reported, changes: its
    -- whole tally (current figures) leaves the old key and joins the new one, with its actors.
    execute format($f$
        create function incident_rollup_on_incident_update() returns trigger language plpgsql as $body$
        declare
            moved uuid[];
        begin
            select array_agg(n.id order by n.id) into moved
            from old_rows o join new_rows n on n.id = o.id
            where (o.effective_start, o.countries, o.admin1, o.event_type, o.sub_event_type, o.fatalities is null,
                   o.wounded is null)
                  is distinct from (n.effective_start, n.countries, n.admin1, n.event_type, n.sub_event_type,
                   n.fatalities is null, n.wounded is null);
            if moved is null then
                return null;
            end if;
            %s
            return null;
        end
        $body$$f$, format(deltas, $q$
                select r.effective_start, incident_country_key(r.countries), coalesce(r.admin1, ''), r.event_type,
                       r.sub_event_type, coalesce(a.actors, '{}'), true,
                       incident_tally_add(incident_tally_zero(), r.t, r.sign)
                from (select o.id, o.effective_start, o.countries, o.admin1, o.event_type, o.sub_event_type,
                             incident_tally_of(o) as t, -1 as sign
                      from old_rows o where o.id = any (moved)
                      union all
                      select n.id, n.effective_start, n.countries, n.admin1, n.event_type, n.sub_event_type,
                             incident_tally_of(n), 1
                      from new_rows n where n.id = any (moved)) r
                left join (select incident_id, array_agg(distinct actor_id order by actor_id) as actors
                           from incident_actor where incident_id = any (moved) group by incident_id) a
                       on a.incident_id = r.id$q$));

    -- Curated figures count under their incident's current keys, the incidents locked first (in
    -- id order), so that a concurrent change of an incident's key cannot move its figures while
    -- these are counted. Figures of a deleted incident no longer count anywhere. An update
    -- removes the old rows' figures and adds the new ones'; unchanged ones cancel out.
    foreach op in array array['insert', 'update', 'delete'] loop
        figures := case op when 'insert' then new_figures
                           when 'delete' then old_figures
                           else new_figures || ' union all ' || old_figures end;
        execute format($f$
            create function %I() returns trigger language plpgsql as $body$
            declare
                touched uuid[];
            begin
                select array_agg(distinct f.incident_id) into touched from (%s) f;
                if touched is null then
                    return null;
                end if;
                perform incident_rollup_lock(touched);
                %s
                return null;
            end
            $body$$f$, 'incident_rollup_on_casualty_' || op, figures, format(deltas, format($q$
                    select i.effective_start, incident_country_key(i.countries), coalesce(i.admin1, ''), i.event_type,
                           i.sub_event_type, coalesce(a.actors, '{}'), true, s.t
                    from (select f.incident_id, row(%s)::incident_tally as t
                          from (%s offset 0) f group by f.incident_id) s
                    join incident i on i.id = s.incident_id
                    left join (select incident_id, array_agg(distinct actor_id order by actor_id) as actors
                               from incident_actor where incident_id = any (touched) group by incident_id) a
                           on a.incident_id = s.incident_id$q$, figure_sums, figures)));
    end loop;

    -- An actor joining (p_sign 1) or leaving (-1) incidents: the incidents' whole tallies under
    -- (actor, key), the incidents locked first.
    execute format($f$
        create function incident_rollup_apply_pairs(p_sign integer, p_incidents uuid[], p_actors uuid[])
        returns void language plpgsql as $body$
        declare
            touched uuid[];
        begin
            select array_agg(distinct x) into touched from unnest(p_incidents) x;
            if touched is null then
                return;
            end if;
            perform incident_rollup_lock(touched);
            %s
        end
        $body$$f$, format(deltas, $q$
                select i.effective_start, incident_country_key(i.countries), coalesce(i.admin1, ''), i.event_type,
                       i.sub_event_type, p.actors, false, incident_tally_add(incident_tally_zero(), t.t, p_sign)
                from (select x.incident_id, array_agg(distinct x.actor_id order by x.actor_id) as actors
                      from unnest(p_incidents, p_actors) x(incident_id, actor_id) group by x.incident_id) p
                join incident i on i.id = p.incident_id
                join incident_tallies(touched) t on t.incident_id = p.incident_id$q$));
end
$generate$;

-- The pair triggers of V60 (an actor counts an incident once however many rows name it) keep
-- their rules; the pairs go over as arrays, not one incident at a time.
create or replace function incident_daily_rollup_on_actor_insert() returns trigger language plpgsql as $$
declare
    incidents uuid[];
    actors uuid[];
begin
    -- pairs with no row but the inserted ones
    select array_agg(n.incident_id), array_agg(n.actor_id) into incidents, actors
    from (select distinct incident_id, actor_id from added) n
    where not exists (
        select 1 from incident_actor x
        where x.incident_id = n.incident_id and x.actor_id = n.actor_id
          and not exists (select 1 from added a where a.incident_id = x.incident_id and a.position = x.position));
    perform incident_rollup_apply_pairs(1, incidents, actors);
    return null;
end
$$;

create or replace function incident_daily_rollup_on_actor_delete() returns trigger language plpgsql as $$
declare
    incidents uuid[];
    actors uuid[];
begin
    -- pairs left with no row
    select array_agg(o.incident_id), array_agg(o.actor_id) into incidents, actors
    from (select distinct incident_id, actor_id from removed) o
    where not exists (select 1 from incident_actor x where x.incident_id = o.incident_id and x.actor_id = o.actor_id);
    perform incident_rollup_apply_pairs(-1, incidents, actors);
    return null;
end
$$;

create or replace function incident_daily_rollup_on_actor_update() returns trigger language plpgsql as $$
declare
    incidents uuid[];
    actors uuid[];
begin
    -- pairs of the old rows left with no row now
    select array_agg(o.incident_id), array_agg(o.actor_id) into incidents, actors
    from (select distinct incident_id, actor_id from removed) o
    where not exists (select 1 from incident_actor x where x.incident_id = o.incident_id and x.actor_id = o.actor_id);
    perform incident_rollup_apply_pairs(-1, incidents, actors);
    -- pairs of the new rows that had no row before: neither among the old rows nor among the rows
    -- the statement left alone
    select array_agg(n.incident_id), array_agg(n.actor_id) into incidents, actors
    from (select distinct incident_id, actor_id from added) n
    where not exists (select 1 from removed o where o.incident_id = n.incident_id and o.actor_id = n.actor_id)
      and not exists (
        select 1 from incident_actor x
        where x.incident_id = n.incident_id and x.actor_id = n.actor_id
          and not exists (select 1 from added a where a.incident_id = x.incident_id and a.position = x.position));
    perform incident_rollup_apply_pairs(1, incidents, actors);
    return null;
end
$$;

drop function incident_daily_rollup_apply_pairs(integer, jsonb);

-- The row triggers of insert and update on incident, and all those of casualty_figure, give way
-- to statement triggers (transition tables allow one event per trigger).
drop trigger incident_daily_rollup_insert on incident;
drop trigger incident_daily_rollup_update on incident;
create trigger incident_daily_rollup_insert after insert on incident
    referencing new table as new_rows
    for each statement execute function incident_rollup_on_incident_insert();
create trigger incident_daily_rollup_update after update on incident
    referencing old table as old_rows new table as new_rows
    for each statement execute function incident_rollup_on_incident_update();

drop trigger incident_daily_rollup_casualty_insert on casualty_figure;
drop trigger incident_daily_rollup_casualty_update on casualty_figure;
drop trigger incident_daily_rollup_casualty_delete on casualty_figure;
create trigger incident_daily_rollup_casualty_insert after insert on casualty_figure
    referencing new table as new_rows
    for each statement execute function incident_rollup_on_casualty_insert();
create trigger incident_daily_rollup_casualty_update after update on casualty_figure
    referencing old table as old_rows new table as new_rows
    for each statement execute function incident_rollup_on_casualty_update();
create trigger incident_daily_rollup_casualty_delete after delete on casualty_figure
    referencing old table as old_rows
    for each statement execute function incident_rollup_on_casualty_delete();
