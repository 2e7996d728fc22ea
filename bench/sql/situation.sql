-- GET /api/v1/situation?asOf=<random day 2015-2025>: the four statements SituationService sends,
-- in order, in its read-only transaction (no country filter).
\set d random(0, 4017)
BEGIN READ ONLY;
select c.id, c.name, c.status, c.arrangement, c.agreed_on, c.effective_from,
       coalesce((select jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name) order by a.name, a.id)
                 from ceasefire_party cp join actor a on a.id = cp.actor_id
                 where cp.ceasefire_id = c.id), '[]')::text as parties,
       coalesce((select jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name, 'role', m.role)
                                  order by m.position)
                 from ceasefire_mediator m join actor a on a.id = m.actor_id
                 where m.ceasefire_id = c.id), '[]')::text as mediators
from ceasefire c
where c.status <> 'PROPOSED' and c.effective_from <= date '2015-01-01' + cast(:d as integer)
  and (c.ended_on is null or c.ended_on >= date '2015-01-01' + cast(:d as integer))
order by c.effective_from, c.id;
select bc.id, bc.name, bc.country_a, bc.country_b,
       s.id as change_id, s.status, s.allowed_traffic, s.effective_from, s.reason,
       s.decided_by_actor_id, a.name as decided_by_name
from border_crossing bc
left join lateral (select * from crossing_status_change s
                   where s.crossing_id = bc.id
                     and s.effective_from < (date '2015-01-01' + cast(:d as integer) + 1)::timestamp at time zone 'UTC'
                   order by s.effective_from desc limit 1) s on true
left join actor a on a.id = s.decided_by_actor_id
order by lower(bc.name), bc.id;
select r.which, t.id, t.round_number, t.venue_city, t.venue_country, t.start_date, t.end_date, t.status,
       n.id as negotiation_id, n.name as negotiation_name,
       coalesce((select jsonb_agg(jsonb_build_object(
                            'party', jsonb_build_object('id', p.id, 'name', p.name),
                            'head', case when h.id is null then null
                                         else jsonb_build_object('id', h.id, 'name', h.name) end,
                            'note', d.note) order by d.position)
                 from talks_delegation d
                 join actor p on p.id = d.party_actor_id
                 left join actor h on h.id = d.head_actor_id
                 where d.talks_round_id = t.id), '[]')::text as delegations,
       coalesce((select jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name, 'role', m.role)
                                  order by m.ord, m.position)
                 from talks_round_mediators(t.id, t.negotiation_id) m
                 join actor a on a.id = m.actor_id), '[]')::text as mediators
from ((select 'LATEST' as which, t.id from talks_round t
       where t.start_date <= date '2015-01-01' + cast(:d as integer)
       order by t.start_date desc, t.id desc limit 1)
      union all
      (select 'NEXT', t.id from talks_round t
       where t.start_date > date '2015-01-01' + cast(:d as integer)
       order by t.start_date, t.id limit 1)) r
join talks_round t on t.id = r.id
join negotiation n on n.id = t.negotiation_id;
with e as not materialized (select e.* from (select e.day, e.end_day, e.countries, e.actor_ids, e.fatalities, e.wounded
 from timeline_entry e
 where e.kind_rank = 1 and e.day between date '2015-01-01' + cast(:d as integer) - 29 and date '2015-01-01' + cast(:d as integer)
 union all
 select e.day, e.end_day, e.countries, e.actor_ids, e.fatalities, e.wounded
 from (values (7), (31), (92), (366), (1830), (1000000)) as s(span)
 cross join lateral (
   select e.day, e.end_day, e.countries, e.actor_ids, e.fatalities, e.wounded
   from timeline_entry e
   where e.kind_rank = 1 and e.end_day > e.day
     and (case when e.end_day - e.day <= 7 then 7 when e.end_day - e.day <= 31 then 31
               when e.end_day - e.day <= 92 then 92 when e.end_day - e.day <= 366 then 366
               when e.end_day - e.day <= 1830 then 1830 else 1000000 end) = s.span
     and e.day >= date '2015-01-01' + cast(:d as integer) - 29 - s.span
     and e.day < date '2015-01-01' + cast(:d as integer) - 29
     and e.end_day >= date '2015-01-01' + cast(:d as integer) - 29) e) e),
counts as (select u.actor_id, count(*) as incidents
           from (select unnest(e.actor_ids) as actor_id from e) u
           group by u.actor_id),
top as (select a.id, a.name, c.incidents
        from counts c join actor a on a.id = c.actor_id
        where c.incidents >= coalesce((select incidents from counts order by incidents desc
                                       offset 5 - 1 limit 1), 0)
        order by c.incidents desc, a.name, a.id
        limit 5)
select count(*) filter (where in7),
       coalesce(sum(e.fatalities) filter (where in7), 0),
       coalesce(sum(e.wounded) filter (where in7), 0),
       count(*) filter (where in7 and e.fatalities is null),
       count(*) filter (where in7 and e.wounded is null),
       count(*), coalesce(sum(e.fatalities), 0), coalesce(sum(e.wounded), 0),
       count(*) filter (where e.fatalities is null), count(*) filter (where e.wounded is null),
       (select coalesce(jsonb_agg(jsonb_build_object('id', t.id, 'name', t.name, 'incidents', t.incidents)
                                  order by t.incidents desc, t.name, t.id), '[]')::text
        from top t)
from e
cross join lateral (select coalesce(e.end_day, e.day) >= date '2015-01-01' + cast(:d as integer) - 6 as in7) w;
COMMIT;
