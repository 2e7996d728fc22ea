-- GET /api/v1/timeline?country=PAK&from=2024-01-01&to=2024-12-31&cursor=...: the one statement
-- TimelineService.page sends (no transaction around it). A single country drives the scan
-- through timeline_facet. The keyset position is one of those run.sh put in
-- bench.timeline_keys (every 50th entry of the country-year, which is where the collected
-- cursors point), read with \gset: one extra primary-key lookup per transaction that the service
-- does not make. The page asks for 51 rows: 50 and one to know whether a next page exists.
\set r random(1, 1000000)
select day as after_day, kind_rank as after_rank, instant as after_instant, record_id as after_id, from_day, to_day
from bench.timeline_keys where k = 1 + cast(:r as bigint) % (select max(k) from bench.timeline_keys) \gset
select e.kind, e.record_id, e.day, e.end_day, e.date_precision,
case when e.kind <> 'CROSSING_STATUS_CHANGED' and e.instant = e.day::timestamp at time zone 'UTC'
then null else e.instant end as instant, e.title, e.summary, e.countries,
e.actors::text as actors, e.place_name, e.latitude, e.longitude, e.fatalities, e.crossing_id
from timeline_entry e
join timeline_facet k on k.kind = e.kind and k.record_id = e.record_id and k.facet = concat('c', ':', cast(:country as text))
where k.day >= :from_day
  and k.day <= :to_day
  and (k.day, k.kind_rank, k.instant, k.record_id) > (:after_day, :after_rank, :after_instant, :after_id)
order by k.day, k.kind_rank, k.instant, k.record_id
limit 51;
