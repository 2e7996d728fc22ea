-- The two builders that take a set of incidents (timeline_incident_entries for the timeline,
-- incident_rollup_add_incidents for the statistics rollups) found the rows of those incidents
-- with "in (select unnest(p_ids))": a hash of the set, then one index descent per incident. An
-- import of 100,000 incidents spent 0.4 s per table on those descents. "= any(p_ids)" lets the
-- index scan take the whole sorted set in one pass (PostgreSQL 17 walks the index once for an
-- array of keys); a write of one incident still gets one descent.
--
-- Both functions are rewritten from their current definitions rather than spelled out again, so
-- that nothing else in them can drift from V180; the rewrite fails if the pattern is not there.
do $rewrite$
declare
    target regprocedure;
    definition text;
    rewritten text;
begin
    foreach target in array array['timeline_incident_entries(uuid[])'::regprocedure,
                                  'incident_rollup_add_incidents(uuid[])'::regprocedure] loop
        definition := pg_get_functiondef(target);
        rewritten := replace(definition, ' in (select unnest(p_ids))', ' = any(p_ids)');
        if rewritten = definition then
            raise exception 'V190: % has no "in (select unnest(p_ids))" to rewrite', target;
        end if;
        execute rewritten;
    end loop;
end
$rewrite$;
