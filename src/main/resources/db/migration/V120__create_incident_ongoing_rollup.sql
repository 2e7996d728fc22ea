-- Incidents still going on, per day: for every day, how many incidents began on an earlier day and
-- had not ended before it (effective_start < day <= effective_end), by the incident's country key
-- (incident_country_key, as in the other rollups) and event type. The statistics count an
-- incident that spans several buckets as "ongoing" in each later bucket it reaches: that is this
-- table read at the first day of each bucket (and at the request's own first day), a few rows per
-- bucket, where a scan of every multi-day incident overlapping the range, grouped per request,
-- made the statistics about ten times slower. Requests that filter or group by sub-type, admin1 or
-- actor still count from the incidents (IncidentStatsService.ongoing).
--
-- Only incidents spanning several days have rows here: a single-day incident is never ongoing.
-- One spanning n days adds 1 to n - 1 rows. Kept exact in the writing transaction by the
-- statement triggers below, as deltas added under the row lock of INSERT .. ON CONFLICT DO UPDATE
-- (concurrent writers never overwrite each other's counts), in one order of keys for every writer.
-- A key left at zero is removed. Bulk loads that bypass the triggers rebuild it set-based with
-- incident_ongoing_rollup_rebuild().
create table incident_ongoing_rollup (
    day        date    not null,
    country    text    not null,
    event_type text    not null,
    incidents  integer not null,
    primary key (country, day, event_type)
) with (fillfactor = 85);
-- statistics without a country filter read days of every country
create index incident_ongoing_rollup_day_idx on incident_ongoing_rollup (day);
-- the few keys of incidents in several countries ('AFG,PAK'), found by either country
create index incident_ongoing_rollup_shared_idx on incident_ongoing_rollup (day) where country like '%,%';

-- One incident's days ongoing, counted with a sign: +1 for a span added, -1 for one removed.
create type incident_ongoing_span as (
    country    text,
    event_type text,
    first_day  date,
    last_day   date,
    sign       integer
);

create function incident_ongoing_rollup_add(p_spans incident_ongoing_span[]) returns void
    language plpgsql
as $$
begin
    -- most writes are of single-day incidents, or leave an incident's span and key alone
    if cardinality(p_spans) = 0 then
        return;
    end if;
    insert into incident_ongoing_rollup as r (country, day, event_type, incidents)
    select s.country, s.first_day + g, s.event_type, sum(s.sign)::integer
    from unnest(p_spans) s
    cross join lateral generate_series(0, s.last_day - s.first_day) g
    group by 1, 2, 3
    having sum(s.sign) <> 0
    -- one order for every writer: two transactions never wait for each other's rows crosswise
    order by 1, 2, 3
    on conflict (country, day, event_type) do update set incidents = r.incidents + excluded.incidents;

    delete from incident_ongoing_rollup r
    using (select distinct s.country, s.first_day + g as day, s.event_type
           from unnest(p_spans) s
           cross join lateral generate_series(0, s.last_day - s.first_day) g
           where s.sign < 0) k
    where r.country = k.country and r.day = k.day and r.event_type = k.event_type and r.incidents <= 0;
end
$$;

create function incident_ongoing_rollup_on_insert() returns trigger language plpgsql as $$
begin
    perform incident_ongoing_rollup_add(array(
        select row(incident_country_key(n.countries), n.event_type, n.effective_start + 1, n.effective_end, 1)
                   ::incident_ongoing_span
        from new_rows n
        where n.effective_end > n.effective_start));
    return null;
end
$$;

-- Only the rows whose span or key changed move; an edit of the title or the figures costs a join
-- of the statement's rows and nothing more.
create function incident_ongoing_rollup_on_update() returns trigger language plpgsql as $$
begin
    perform incident_ongoing_rollup_add(array(
        with changed as (
            select o.id as old_id, n.id as new_id
            from old_rows o
            full join new_rows n on n.id = o.id
            where (o.effective_start, o.effective_end, o.countries, o.event_type)
                is distinct from (n.effective_start, n.effective_end, n.countries, n.event_type))
        select row(incident_country_key(s.countries), s.event_type, s.effective_start + 1, s.effective_end, s.sign)
                   ::incident_ongoing_span
        from (select o.countries, o.event_type, o.effective_start, o.effective_end, -1 as sign
              from old_rows o where o.id in (select old_id from changed)
              union all
              select n.countries, n.event_type, n.effective_start, n.effective_end, 1
              from new_rows n where n.id in (select new_id from changed)) s
        where s.effective_end > s.effective_start));
    return null;
end
$$;

create function incident_ongoing_rollup_on_delete() returns trigger language plpgsql as $$
begin
    perform incident_ongoing_rollup_add(array(
        select row(incident_country_key(o.countries), o.event_type, o.effective_start + 1, o.effective_end, -1)
                   ::incident_ongoing_span
        from old_rows o
        where o.effective_end > o.effective_start));
    return null;
end
$$;

create function incident_ongoing_rollup_on_truncate() returns trigger language plpgsql as $$
begin
    truncate incident_ongoing_rollup;
    return null;
end
$$;

-- The whole table from the incidents, set-based: after a bulk load that bypassed the triggers.
create function incident_ongoing_rollup_rebuild() returns void language plpgsql as $$
begin
    truncate incident_ongoing_rollup;
    insert into incident_ongoing_rollup (country, day, event_type, incidents)
    select incident_country_key(i.countries), i.effective_start + g, i.event_type, count(*)::integer
    from incident i
    cross join lateral generate_series(1, i.effective_end - i.effective_start) g
    where i.effective_end > i.effective_start
    group by 1, 2, 3
    order by 1, 2, 3;
end
$$;

create trigger incident_ongoing_rollup_insert after insert on incident
    referencing new table as new_rows
    for each statement execute function incident_ongoing_rollup_on_insert();
create trigger incident_ongoing_rollup_update after update on incident
    referencing old table as old_rows new table as new_rows
    for each statement execute function incident_ongoing_rollup_on_update();
create trigger incident_ongoing_rollup_delete after delete on incident
    referencing old table as old_rows
    for each statement execute function incident_ongoing_rollup_on_delete();
create trigger incident_ongoing_rollup_truncate after truncate on incident
    for each statement execute function incident_ongoing_rollup_on_truncate();

select incident_ongoing_rollup_rebuild();
analyze incident_ongoing_rollup;
