-- GET /api/v1/incidents/{id}: the statements IncidentService.get sends, in order, in its read-only
-- transaction (as captured in bench/out/sql/incident.log). The id is one of the 10,000 run.sh put
-- in bench.incident_ids, read with \gset: one extra primary-key lookup per transaction that the
-- service does not make. The service names every actor the incident refers to in one
-- "in (...)" list whose length varies; here it is always two (the incident's first two actors,
-- or its only one twice), the most common case.
\set k random(1, 10000)
select id as incident_id, actor_a, actor_b from bench.incident_ids where k = :k \gset
BEGIN READ ONLY;
select i1_0.id,i1_0.admin1,i1_0.admin2,i1_0.country,i1_0.created_at,i1_0.date_precision,i1_0.description,i1_0.earliest_start,i1_0.earliest_start_note,i1_0.earliest_start_precision,i1_0.end_date,i1_0.event_type,i1_0.external_dataset,i1_0.external_id,i1_0.fatalities,i1_0.geo_precision,i1_0.latest_end,i1_0.latest_end_note,i1_0.latest_end_precision,i1_0.latitude,i1_0.longitude,i1_0.other_countries,i1_0.place_name,i1_0.start_date,i1_0.sub_event_type,i1_0.tags,i1_0.title,i1_0.updated_at,i1_0.verification,i1_0.version,i1_0.wounded from incident i1_0 where i1_0.id=:incident_id;
select a1_0.incident_id,a1_0.position,a1_0.actor_id,a1_0.role from incident_actor a1_0 where a1_0.incident_id=:incident_id;
select c1_0.incident_id,c1_0.position,c1_0.category,c1_0.outcome,c1_0.low,c1_0.best,c1_0.high,c1_0.side_actor_id,c1_0.claimant_actor_id,c1_0.source_id,c1_0.note from casualty_figure c1_0 where c1_0.incident_id=:incident_id;
select c1_0.incident_id,c1_0.position,c1_0.actor_id,c1_0.stance,c1_0.accused_actor_id,c1_0.claimed_on,c1_0.statement,c1_0.source_id from incident_claim c1_0 where c1_0.incident_id=:incident_id;
select id, name from actor where id in (:actor_a, :actor_b);
select v.incident_id, v.ceasefire_id, c.name as ceasefire_name,
       v.alleged_by_actor_id, a.name as alleged_by_name
from ceasefire_violation v
join ceasefire c on c.id = v.ceasefire_id
left join actor a on a.id = v.alleged_by_actor_id
where v.incident_id in (:incident_id)
order by v.created_at, v.id;
select si1_0.incident_id,si1_0.source_id from incident_source si1_0 where si1_0.incident_id=:incident_id;
COMMIT;
