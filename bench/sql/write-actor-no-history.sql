-- write-actor.sql without history: no attribution, no completion (write.sh switches the
-- record_change triggers off for this run).
\set n random(1, 9000000000000000000)
select * from api_key where secret_hash = sha256('bwk_write-benchmark-admin-key-not-for-production-use'::bytea);
BEGIN;
select a1_0.id,a1_0.aliases,a1_0.country,a1_0.created_at,a1_0.description,a1_0.kind,a1_0.name,a1_0.parent_id,a1_0.title,a1_0.updated_at,a1_0.version from actor a1_0 where lower(a1_0.name)=lower('Pgbench actor ' || cast(:run as text) || '-' || cast(:client_id as text) || '-' || cast(:n as text) || '-nh');
insert into actor (aliases,country,created_at,description,kind,name,parent_id,title,updated_at,version,id) values ('{}','PAK',now(),null,'OTHER','Pgbench actor ' || cast(:run as text) || '-' || cast(:client_id as text) || '-' || cast(:n as text) || '-nh',null,null,now(),0,gen_random_uuid());
COMMIT;
