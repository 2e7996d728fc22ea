-- GET /api/v1/stats/incidents?interval=week&groupBy=type&country=PAK&from=<year>-01-01&to=<year>-12-31
-- The statement IncidentStatsService.fromRollup sends for that request (bench/out/sql/stats.log
-- holds the one captured from PostgreSQL's log): the whole weeks of the year from the weekly
-- rollup (by type), the days of a partial first or last week from the daily one. The range and the cut are
-- computed from :year by one extra select with \gset, which the service does in Java; the
-- country comes from pgbench -D country=PAK. The measures are the fields of the database's
-- incident_tally type, which every rollup table ends with (IncidentStatsService.MEASURES); the
-- country condition also reads the keys of incidents of several countries ('AFG,PAK'). The same
-- statement also counts the incidents that began earlier and still went on (the last measure,
-- ongoing; IncidentStatsService.OngoingRollup): the rows of incident_ongoing_rollup on the first
-- day of the range and on every Monday after it (:days, a date[] as the service binds it; computed
-- by the select above, in Java by the service), which carry 0 in every other measure.
\set year random(2015, 2025)
select make_date(:year, 1, 1) as from_day, make_date(:year, 12, 31) as to_day,
       (date_trunc('week', make_date(:year, 1, 1) - 1) + interval '7 days')::date as whole_from,
       date_trunc('week', make_date(:year + 1, 1, 1))::date as whole_until,
       (select array_agg(d::date)::text from generate_series(make_date(:year, 1, 1), make_date(:year, 12, 31), interval '1 day') d
        where d = make_date(:year, 1, 1) or extract(isodow from d) = 1) as days \gset
select date_trunc('week', r.day::timestamp)::date as bucket, r.event_type as key,
  sum(r.incidents) as incidents,
  sum(r.security_forces_killed) as security_forces_killed,
  sum(r.security_forces_wounded) as security_forces_wounded,
  sum(r.civilians_killed) as civilians_killed,
  sum(r.civilians_wounded) as civilians_wounded,
  sum(r.militants_killed) as militants_killed,
  sum(r.militants_wounded) as militants_wounded,
  sum(r.unknown_killed) as unknown_killed,
  sum(r.unknown_wounded) as unknown_wounded,
  sum(r.fatalities_not_reported) as fatalities_not_reported,
  sum(r.wounded_not_reported) as wounded_not_reported,
  sum(r.ongoing) as ongoing
from (select day, country, event_type, incidents, security_forces_killed, security_forces_wounded, civilians_killed, civilians_wounded, militants_killed, militants_wounded, unknown_killed, unknown_wounded, fatalities_not_reported, wounded_not_reported, 0 as ongoing from incident_daily_rollup where day >= :from_day and day < :whole_from
 union all
 select period_start, country, event_type, incidents, security_forces_killed, security_forces_wounded, civilians_killed, civilians_wounded, militants_killed, militants_wounded, unknown_killed, unknown_wounded, fatalities_not_reported, wounded_not_reported, 0 as ongoing from incident_weekly_rollup
 where period_start >= :whole_from and period_start < :whole_until
 union all
 select day, country, event_type, incidents, security_forces_killed, security_forces_wounded, civilians_killed, civilians_wounded, militants_killed, militants_wounded, unknown_killed, unknown_wounded, fatalities_not_reported, wounded_not_reported, 0 as ongoing from incident_daily_rollup where day >= :whole_until and day <= :to_day
 union all
 select day, country, event_type, 0 as incidents, 0 as security_forces_killed, 0 as security_forces_wounded, 0 as civilians_killed, 0 as civilians_wounded, 0 as militants_killed, 0 as militants_wounded, 0 as unknown_killed, 0 as unknown_wounded, 0 as fatalities_not_reported, 0 as wounded_not_reported, incidents as ongoing from incident_ongoing_rollup where day = any (cast(:days as date[]))) r
where r.day between :from_day and :to_day
  and (r.country = any (cast(array[:country] as text[]))
 or (r.country like '%,%' and string_to_array(r.country, ',') && cast(array[:country] as text[])))
group by 1, 2;
