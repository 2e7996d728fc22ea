-- write-incident.sql without history: the same statements without the attribution and the history
-- completion, for the run in which write.sh switches the record_change triggers off.
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
COMMIT;
