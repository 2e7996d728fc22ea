-- write-actor.sql without history: the same statements without the attribution and the history
-- completion, for the run in which write.sh switches the record_change triggers off.
\set n random(1, 9000000000000000000)
BEGIN;
select a.name from actor a where lower(a.name) = lower('Pgbench actor ' || cast(:run as text) || '-' || cast(:client_id as text) || '-' || cast(:n as text)) and a.id <> gen_random_uuid() limit 1;
insert into actor (aliases,country,created_at,description,kind,name,parent_id,title,updated_at,version,id) values ('{}','PAK',now(),null,'OTHER','Pgbench actor ' || cast(:run as text) || '-' || cast(:client_id as text) || '-' || cast(:n as text),null,null,now(),0,gen_random_uuid());
COMMIT;
