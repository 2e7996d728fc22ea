-- Weekly and monthly sums of incident_daily_rollup by event type (not sub-type), for statistics by
-- week, month or year that neither filter nor group by sub-type: the dashboard's usual series. A
-- country's year is about 7,000 daily rows (a day has a row per sub-event type that occurred) but
-- about 320 weekly and 72 monthly ones: a weekly series reads the whole weeks inside the range
-- from incident_weekly_rollup and only the days of a partial first or last week from the daily
-- table; monthly and yearly series do the same with incident_monthly_rollup.
--
-- Both are kept from the daily table itself by statement-level triggers: whatever changes a daily
-- row (the incident triggers of V60, the rebuild function) changes its week and month by the same
-- delta in the same transaction, added under the row lock of INSERT .. ON CONFLICT DO UPDATE, so
-- concurrent writers never overwrite each other's sums. A period left with no incident is removed.
create table incident_weekly_rollup (
    period_start            date    not null, -- a Monday (ISO week, as date_trunc('week') gives it)
    country                 text    not null,
    event_type              text    not null,
    incidents               integer not null,
    security_forces_killed  integer not null default 0,
    security_forces_wounded integer not null default 0,
    civilians_killed        integer not null default 0,
    civilians_wounded       integer not null default 0,
    militants_killed        integer not null default 0,
    militants_wounded       integer not null default 0,
    unknown_killed          integer not null default 0,
    unknown_wounded         integer not null default 0,
    primary key (country, period_start, event_type)
) with (fillfactor = 85);
create index incident_weekly_rollup_period_idx on incident_weekly_rollup (period_start);

create table incident_monthly_rollup (like incident_weekly_rollup including all) with (fillfactor = 85);
comment on column incident_monthly_rollup.period_start is 'the first day of the month';

-- Adds the daily rows p_added and subtracts p_removed, week by week and month by month.
create function incident_period_rollup_apply(p_added incident_daily_rollup[], p_removed incident_daily_rollup[])
    returns void language plpgsql as $$
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
            with delta as (
                select date_trunc(%1$L, d.day::timestamp)::date as period_start, d.country, d.event_type,
                    d.sign * d.incidents as incidents,
                    d.sign * d.security_forces_killed as security_forces_killed,
                    d.sign * d.security_forces_wounded as security_forces_wounded,
                    d.sign * d.civilians_killed as civilians_killed,
                    d.sign * d.civilians_wounded as civilians_wounded,
                    d.sign * d.militants_killed as militants_killed,
                    d.sign * d.militants_wounded as militants_wounded,
                    d.sign * d.unknown_killed as unknown_killed,
                    d.sign * d.unknown_wounded as unknown_wounded
                from (select a.*, 1 as sign from unnest($1) a
                      union all
                      select r.*, -1 as sign from unnest($2) r) d
            ),
            summed as (
                select period_start, country, event_type, sum(incidents) as incidents,
                    sum(security_forces_killed) as security_forces_killed,
                    sum(security_forces_wounded) as security_forces_wounded,
                    sum(civilians_killed) as civilians_killed, sum(civilians_wounded) as civilians_wounded,
                    sum(militants_killed) as militants_killed, sum(militants_wounded) as militants_wounded,
                    sum(unknown_killed) as unknown_killed, sum(unknown_wounded) as unknown_wounded
                from delta
                group by 1, 2, 3
                -- one order for every writer: two transactions never wait for each other's rows crosswise
                order by 2, 1, 3
            )
            insert into %2$I as r (period_start, country, event_type, incidents,
                security_forces_killed, security_forces_wounded, civilians_killed, civilians_wounded,
                militants_killed, militants_wounded, unknown_killed, unknown_wounded)
            select * from summed
            on conflict (country, period_start, event_type) do update set
                incidents = r.incidents + excluded.incidents,
                security_forces_killed = r.security_forces_killed + excluded.security_forces_killed,
                security_forces_wounded = r.security_forces_wounded + excluded.security_forces_wounded,
                civilians_killed = r.civilians_killed + excluded.civilians_killed,
                civilians_wounded = r.civilians_wounded + excluded.civilians_wounded,
                militants_killed = r.militants_killed + excluded.militants_killed,
                militants_wounded = r.militants_wounded + excluded.militants_wounded,
                unknown_killed = r.unknown_killed + excluded.unknown_killed,
                unknown_wounded = r.unknown_wounded + excluded.unknown_wounded
            $sql$, unit, 'incident_' || unit || 'ly_rollup')
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

create function incident_period_rollup_on_insert() returns trigger language plpgsql as $$
begin
    perform incident_period_rollup_apply(array(select row(n.*)::incident_daily_rollup from new_rows n), '{}');
    return null;
end
$$;

create function incident_period_rollup_on_update() returns trigger language plpgsql as $$
begin
    perform incident_period_rollup_apply(array(select row(n.*)::incident_daily_rollup from new_rows n), array(select row(o.*)::incident_daily_rollup from old_rows o));
    return null;
end
$$;

create function incident_period_rollup_on_delete() returns trigger language plpgsql as $$
begin
    perform incident_period_rollup_apply('{}', array(select row(o.*)::incident_daily_rollup from old_rows o));
    return null;
end
$$;

create trigger incident_period_rollup_insert after insert on incident_daily_rollup
    referencing new table as new_rows for each statement execute function incident_period_rollup_on_insert();
create trigger incident_period_rollup_update after update on incident_daily_rollup
    referencing old table as old_rows new table as new_rows
    for each statement execute function incident_period_rollup_on_update();
create trigger incident_period_rollup_delete after delete on incident_daily_rollup
    referencing old table as old_rows for each statement execute function incident_period_rollup_on_delete();

-- The rows already in the daily table, through the same function the triggers use.
select incident_period_rollup_apply(array(select r from incident_daily_rollup r), '{}');
