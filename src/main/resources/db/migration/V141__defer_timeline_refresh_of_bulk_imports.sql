-- An import refreshes the timeline entries of its incidents once, at its end, instead of once per
-- statement that writes them (the incidents, then their actors: each pass recomputes every entry
-- of the file). Its transaction sets borderwatch.bulk to 'on' while it writes
-- (set_config('borderwatch.bulk', 'on', true): transaction-local, so that no other transaction
-- and no later use of the pooled connection is affected), then back to 'off', and calls
-- timeline_refresh_incidents with exactly the incidents it created or updated. Every other
-- writer leaves the setting unset and keeps the refresh per statement. Only incident entries are
-- deferred; a bulk writer that changes other records' entries is refreshed as before.
create or replace function timeline_source_changed() returns trigger
    language plpgsql
as $$
declare
    target text := TG_ARGV[0];
    id_column text := TG_ARGV[1];
    ids uuid[];
begin
    if target = 'incident' and current_setting('borderwatch.bulk', true) = 'on' then
        return null;
    end if;
    if TG_OP = 'INSERT' then
        execute format('select array_agg(distinct %I) from new_rows', id_column) into ids;
    elsif TG_OP = 'DELETE' then
        execute format('select array_agg(distinct %I) from old_rows', id_column) into ids;
    elsif TG_TABLE_NAME = 'actor' then
        -- Only a new name or country changes what the timeline shows.
        select array_agg(n.id) into ids
        from new_rows n join old_rows o on o.id = n.id
        where n.name is distinct from o.name or n.country is distinct from o.country;
    elsif TG_TABLE_NAME = 'negotiation' then
        select array_agg(n.id) into ids
        from new_rows n join old_rows o on o.id = n.id
        where n.name is distinct from o.name;
    elsif TG_TABLE_NAME = 'border_crossing' then
        select array_agg(n.id) into ids
        from new_rows n join old_rows o on o.id = n.id
        where (n.name, n.alternate_names, n.country_a, n.country_b, n.latitude, n.longitude)
              is distinct from (o.name, o.alternate_names, o.country_a, o.country_b, o.latitude, o.longitude);
    else
        execute format('select array_agg(distinct x) from (select %1$I as x from new_rows union select %1$I from old_rows) s',
                       id_column) into ids;
    end if;
    if ids is null then
        return null;
    end if;
    if target = 'incident' then
        perform timeline_refresh_incidents(ids);
    elsif target = 'ceasefire' then
        perform timeline_refresh_ceasefires(ids);
    elsif target = 'talks_round' then
        perform timeline_refresh_talks_rounds(ids);
    elsif target = 'negotiation' then
        perform timeline_refresh_talks_rounds(array(select id from talks_round where negotiation_id = any (ids)));
    elsif target = 'crossing_change' then
        perform timeline_refresh_crossing_changes(ids);
    elsif target = 'crossing' then
        perform timeline_refresh_crossing_changes(array(
            select id from crossing_status_change where crossing_id = any (ids)));
    elsif target = 'actor' then
        perform timeline_refresh_actors(ids);
    end if;
    return null;
end
$$;
