-- GET /api/v1/stats/incidents?interval=week&groupBy=type&country=PAK&from=<year>-01-01&to=<year>-12-31
-- The statement IncidentStatsService.fromRollup sends for that request (bench/out/sql/stats.log
-- holds the one captured from PostgreSQL's log). The bound dates become make_date(:year, ...),
-- the country comes from pgbench -D country=PAK.
\set year random(2015, 2025)
select date_trunc('week', r.day::timestamp)::date as bucket, r.event_type as key,
  sum(r.incidents) as incidents,
  sum(r.security_forces_killed) as security_forces_killed,
  sum(r.security_forces_wounded) as security_forces_wounded,
  sum(r.civilians_killed) as civilians_killed,
  sum(r.civilians_wounded) as civilians_wounded,
  sum(r.militants_killed) as militants_killed,
  sum(r.militants_wounded) as militants_wounded,
  sum(r.unknown_killed) as unknown_killed,
  sum(r.unknown_wounded) as unknown_wounded
from incident_daily_rollup r
where r.day between make_date(:year, 1, 1) and make_date(:year, 12, 31)
  and r.country in (:country)
group by 1, 2;
