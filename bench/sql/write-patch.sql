-- PATCH /api/v1/incidents/{id} (a new description): the statements the service sends for one
-- request, in order, as captured in bench/out/write-sql/incident-patch.log: one transaction with the incident and its collections, the reference
-- check, the versioned update of every column (unchanged columns are written here as
-- themselves where the service sends their current values), the answer's actor names and
-- alleged violations, and the history completion (one statement: the caller and reason, the
-- served record and merge
-- patch for the pending entry, and what is left).
-- The incident and its version come from bench.write_incidents (made by write.sh through the
-- API): one statement per transaction the service does not send.
-- Parameters are written as literals or pgbench variables; the served record is a document of
-- the size the service renders, kept in bench.write_json (a literal would not do: pgbench reads
-- its ':' as variables). The -no-history script is the same without the attribution and the
-- completion (write.sh switches the record_change triggers off for it).
-- The API key is not looked up: the service answers for a key it has looked up in the last
-- 5 seconds from memory (one lookup per key and instance every 5 seconds, left out here).
\set k random(1, 1000)
select i.id as incident_id, i.version as v, (select min(actor_id::text) from incident_actor where incident_id = i.id)::uuid as actor_a, (select max(actor_id::text) from incident_actor where incident_id = i.id)::uuid as actor_b from incident i where i.id = (select id from bench.write_incidents where k = :k) \gset
BEGIN;
select i1_0.id,i1_0.admin1,i1_0.admin2,i1_0.country,i1_0.created_at,i1_0.date_precision,i1_0.description,i1_0.earliest_start,i1_0.earliest_start_note,i1_0.earliest_start_precision,i1_0.end_date,i1_0.event_type,i1_0.external_dataset,i1_0.external_id,i1_0.fatalities,i1_0.geo_precision,i1_0.latest_end,i1_0.latest_end_note,i1_0.latest_end_precision,i1_0.latitude,i1_0.longitude,i1_0.other_countries,i1_0.place_name,i1_0.start_date,i1_0.sub_event_type,i1_0.tags,i1_0.title,i1_0.updated_at,i1_0.verification,i1_0.version,i1_0.wounded from incident i1_0 where i1_0.id=:incident_id;
select a1_0.incident_id,a1_0.position,a1_0.actor_id,a1_0.role from incident_actor a1_0 where a1_0.incident_id=:incident_id;
select c1_0.incident_id,c1_0.position,c1_0.category,c1_0.outcome,c1_0.low,c1_0.best,c1_0.high,c1_0.side_actor_id,c1_0.claimant_actor_id,c1_0.source_id,c1_0.note from casualty_figure c1_0 where c1_0.incident_id=:incident_id;
select c1_0.incident_id,c1_0.position,c1_0.actor_id,c1_0.stance,c1_0.accused_actor_id,c1_0.claimed_on,c1_0.statement,c1_0.source_id from incident_claim c1_0 where c1_0.incident_id=:incident_id;
select si1_0.incident_id,si1_0.source_id from incident_source si1_0 where si1_0.incident_id=:incident_id;
select id from actor where id in (:actor_a, :actor_b);
update incident set admin1=admin1,admin2=admin2,country=country,date_precision=date_precision,description='Revised by pgbench client ' || cast(:client_id as text),earliest_start=earliest_start,earliest_start_note=earliest_start_note,earliest_start_precision=earliest_start_precision,end_date=end_date,event_type=event_type,external_dataset=external_dataset,external_id=external_id,fatalities=fatalities,geo_precision=geo_precision,latest_end=latest_end,latest_end_note=latest_end_note,latest_end_precision=latest_end_precision,latitude=latitude,longitude=longitude,other_countries=other_countries,place_name=place_name,start_date=start_date,sub_event_type=sub_event_type,tags=tags,title=title,updated_at=now(),verification=verification,version=:v+1,wounded=wounded where id=:incident_id and version=:v;
select id, name from actor where id in (:actor_a, :actor_b);
select v.incident_id, v.ceasefire_id, c.name as ceasefire_name, v.alleged_by_actor_id, a.name as alleged_by_name from ceasefire_violation v join ceasefire c on c.id = v.ceasefire_id left join actor a on a.id = v.alleged_by_actor_id where v.incident_id in (:incident_id) order by v.created_at, v.id;
with attribution as (
  select coalesce(nullif(cast('bootstrap-admin' as text), ''), 'sql:' || session_user) as actor,
         nullif(cast('ADMIN' as text), '') as role, nullif(cast('write benchmark' as text), '') as reason,
         cast(true as boolean) and coalesce(current_setting('bw.actor', true), '') = '' as applies
), pending as (
  select c.seq, c.collection, c.record_id, c.parent_id, c.version
  from record_change c
  where c.txid = pg_current_xact_id_if_assigned() and c.record is null and c.action <> 'DELETED'
    and coalesce(current_setting('bw.render', true), '') <> 'off'
    and not exists (select 1 from record_change l
                    where l.txid = c.txid and l.collection = c.collection
                      and l.record_id = c.record_id and l.seq > c.seq)
  order by c.seq
  limit 1001
), completed as (
  update record_change c
  set record = cast(s.record as json),
      patch = record_change_merge_patch(
          (select p.record::jsonb from record_change p
           where p.collection = c.collection and p.record_id = c.record_id
             and p.seq < c.seq and p.record is not null
           order by p.seq desc limit 1),
          cast(s.record as jsonb)),
      actor = case when t.applies then t.actor else c.actor end,
      role = case when t.applies then t.role else c.role end,
      reason = case when t.applies then t.reason else c.reason end
  from pending q
  join unnest(array['incidents'], array[cast(:incident_id as uuid)], array[cast(:v as bigint) + 1],
              array[(select doc from bench.write_json where k = 'incident')]) as s(collection, record_id, version, record)
    on s.collection = q.collection and s.record_id = q.record_id and s.version = q.version
  cross join attribution t
  where c.seq = q.seq and (select count(*) from pending) <= 1000
  returning c.seq
), attributed as (
  update record_change c
  set actor = t.actor, role = t.role, reason = t.reason
  from attribution t
  where t.applies and c.txid = pg_current_xact_id_if_assigned()
    and not exists (select 1 from completed d where d.seq = c.seq)
)
select q.seq, q.collection, q.record_id, q.parent_id, q.version,
       exists (select 1 from completed d where d.seq = q.seq) as completed
from pending q
order by q.seq;
COMMIT;
