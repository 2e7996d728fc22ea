-- POST /api/v1/actors: the statements the service sends for one request, in order, as captured
-- in bench/out/write-sql/actor-create.log: one transaction with the
-- case-insensitive name check (served by actor_name_key), the insert (whose history trigger
-- writes the entry) and the history completion: one statement that gives the pending entry the
-- caller and reason (the attribution), the served record and merge patch and lists what is
-- left (the service renders
-- the record it answers with once, for both, no statement). The insert returns the new id here
-- (the service knows it), the only difference from what the service sends.
-- Parameters are written as literals or pgbench variables; the served record is a document of
-- the size the service renders, kept in bench.write_json (a literal would not do: pgbench reads
-- its ':' as variables). The -no-history script is the same without the attribution and the
-- completion (write.sh switches the record_change triggers off for it).
-- The API key is not looked up: the service answers for a key it has looked up in the last
-- 5 seconds from memory (one lookup per key and instance every 5 seconds, left out here).
\set n random(1, 9000000000000000000)
BEGIN;
select a.name from actor a where lower(a.name) = lower('Pgbench actor ' || cast(:run as text) || '-' || cast(:client_id as text) || '-' || cast(:n as text)) and a.id <> gen_random_uuid() limit 1;
insert into actor (aliases,country,created_at,description,kind,name,parent_id,title,updated_at,version,id) values ('{}','PAK',now(),null,'OTHER','Pgbench actor ' || cast(:run as text) || '-' || cast(:client_id as text) || '-' || cast(:n as text),null,null,now(),0,gen_random_uuid()) returning id as actor_id \gset
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
  join unnest(array['actors'], array[cast(:actor_id as uuid)], array[cast(0 as bigint)],
              array[(select doc from bench.write_json where k = 'actor')]) as s(collection, record_id, version, record)
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
