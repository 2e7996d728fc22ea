-- write-actor.sql without history: the same statements without the attribution and the history
-- completion, for the run in which write.sh switches the record_change triggers off.
\set n random(1, 9000000000000000000)
select * from api_key where secret_hash = sha256('bwk_write-benchmark-admin-key-not-for-production-use'::bytea);
BEGIN;
select a1_0.id,a1_0.aliases,a1_0.country,a1_0.created_at,a1_0.description,a1_0.kind,a1_0.name,a1_0.parent_id,a1_0.title,a1_0.updated_at,a1_0.version from actor a1_0 where lower(a1_0.name)=lower('Pgbench actor ' || cast(:run as text) || '-' || cast(:client_id as text) || '-' || cast(:n as text));
insert into actor (aliases,country,created_at,description,kind,name,parent_id,title,updated_at,version,id) values ('{}','PAK',now(),null,'OTHER','Pgbench actor ' || cast(:run as text) || '-' || cast(:client_id as text) || '-' || cast(:n as text),null,null,now(),0,gen_random_uuid());
COMMIT;
