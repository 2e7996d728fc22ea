-- write-patch.sql without history: the same statements without the attribution and the history
-- completion, for the run in which write.sh switches the record_change triggers off.
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
COMMIT;
