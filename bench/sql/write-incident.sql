-- POST /api/v1/incidents: the statements the service sends for one request, in order, as
-- captured in bench/out/write-sql/incident-create.log: one transaction
-- with the reference check of both actors, the incident, its two actors and
-- its figure, the answer's actor names and alleged violations, and the history completion
-- (one statement: the caller and reason, the served record and merge patch for the pending
-- entry, and what is left).
-- The actor ids and the new id come from bench.write_actors: one statement per transaction the
-- service does not send.
-- Parameters are written as literals or pgbench variables; the served record is a document of
-- the size the service renders, kept in bench.write_json (a literal would not do: pgbench reads
-- its ':' as variables). The -no-history script is the same without the attribution and the
-- completion (write.sh switches the record_change triggers off for it).
-- The API key is not looked up: the service answers for a key it has looked up in the last
-- 5 seconds from memory (one lookup per key and instance every 5 seconds, left out here).
\set a random(1, 1000)
\set b random(1, 1000)
select (select id from bench.write_actors where k = :a) as actor_a, (select id from bench.write_actors where k = :b) as actor_b, gen_random_uuid() as incident_id \gset
BEGIN;
select id from actor where id in (:actor_a, :actor_b);
insert into incident (admin1,admin2,country,created_at,date_precision,description,earliest_start,earliest_start_note,earliest_start_precision,end_date,event_type,external_dataset,external_id,fatalities,geo_precision,latest_end,latest_end_note,latest_end_precision,latitude,longitude,other_countries,place_name,start_date,sub_event_type,tags,title,updated_at,verification,version,wounded,id) values (null,null,'PAK',now(),'DAY',null,null,null,null,date '2025-02-26','BATTLES',null,null,13,null,null,null,null,null,null,'{}',null,date '2025-02-26','ARMED_CLASH','{}','Pgbench clash',now(),'REPORTED',0,null,:incident_id);
insert into incident_actor (incident_id,position,actor_id,role) values (:incident_id,0,:actor_a,'INITIATOR');
insert into incident_actor (incident_id,position,actor_id,role) values (:incident_id,1,:actor_b,'TARGET');
insert into casualty_figure (incident_id,position,category,outcome,low,best,high,side_actor_id,claimant_actor_id,source_id,note) values (:incident_id,0,'SECURITY_FORCES','KILLED',null,13,null,null,null,null,null);
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
  join unnest(array['incidents'], array[cast(:incident_id as uuid)], array[cast(0 as bigint)],
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
