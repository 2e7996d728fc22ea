-- The custody of the record: one row per created, updated or deleted record, written by the
-- statement-level triggers below in the same transaction as the write, whatever the path
-- (the API through JPA, an importer's INSERT ... SELECT or COPY, a psql session). It is both
-- the history of every record and the change feed.
--
-- Who and why come from transaction-local settings that the writer sets first:
--   select set_config('bw.actor', 'alice', true), set_config('bw.role', 'EDITOR', true),
--          set_config('bw.reason', 'corrected the figures', true);
-- A write without them is attributed to the database role ('sql:<role>').
--
-- record is the record as the API served it after the change (exact text, hence json and not
-- jsonb); the service renders it in the same transaction, just before commit, and patch is
-- then the JSON merge patch from the previous entry's record. Both are null on a deletion
-- (a tombstone).
--
-- The feed's order is (txid, seq): seq alone is not commit order, since concurrent
-- transactions take sequence numbers in one order and commit in another. A reader serves only
-- rows of transactions older than its snapshot's xmin, all of which have ended, so a row can
-- no longer appear behind a cursor that has passed it.
create table record_change (
    seq               bigint generated always as identity primary key,
    txid              xid8        not null default pg_current_xact_id(),
    at                timestamptz not null default now(),
    collection        text        not null,
    record_id         uuid        not null,
    version           bigint      not null,
    action            text        not null,
    actor             text        not null,
    role              text,
    reason            text,
    -- A child record (a crossing's status change, a ceasefire's violation) names its parent,
    -- so that the parent's history can include it.
    parent_collection text,
    parent_id         uuid,
    patch             jsonb,
    record            json,
    constraint record_change_action_check check (action in ('CREATED', 'UPDATED', 'DELETED'))
);
create index record_change_feed_idx on record_change (txid, seq);
create index record_change_record_idx on record_change (collection, record_id, seq);
create index record_change_parent_idx on record_change (parent_collection, parent_id, seq)
    where parent_id is not null;

-- The JSON merge patch (RFC 7396) that turns old into new: changed and added members with
-- their new values, removed members as null, objects compared member by member, arrays and
-- scalars replaced whole. Without an old document the patch is the new document.
create function record_change_merge_patch(old jsonb, new jsonb) returns jsonb
    language plpgsql immutable
as $$
declare
    result jsonb := '{}';
    k      text;
    v      jsonb;
begin
    if old is null or new is null or jsonb_typeof(old) <> 'object' or jsonb_typeof(new) <> 'object' then
        return new;
    end if;
    for k, v in select key, value from jsonb_each(new) loop
        if not old ? k then
            result := result || jsonb_build_object(k, v);
        elsif old -> k is distinct from v then
            if jsonb_typeof(v) = 'object' and jsonb_typeof(old -> k) = 'object' then
                result := result || jsonb_build_object(k, record_change_merge_patch(old -> k, v));
            else
                result := result || jsonb_build_object(k, v);
            end if;
        end if;
    end loop;
    for k in select key from jsonb_each(old) where not new ? key loop
        result := result || jsonb_build_object(k, 'null'::jsonb);
    end loop;
    return result;
end
$$;

-- The caller of the current transaction, from the settings above.
create function record_change_actor() returns text
    language sql stable
as $$
    select coalesce(nullif(current_setting('bw.actor', true), ''), 'sql:' || session_user)
$$;

create function record_change_setting(name text) returns text
    language sql stable
as $$
    select nullif(current_setting(name, true), '')
$$;

-- One trigger function per table and action, generated from one template so that each is
-- static SQL with a cached plan (dynamic SQL would be planned again for every statement).
-- Tables without a version column (violations are added and removed, never changed) report 0.
do $do$
declare
    t record;
    op record;
    fn text;
begin
    for t in select * from (values
            ('actor', 'actors', 'version', null, null),
            ('source', 'sources', 'version', null, null),
            ('incident', 'incidents', 'version', null, null),
            ('ceasefire', 'ceasefires', 'version', null, null),
            ('negotiation', 'negotiations', 'version', null, null),
            ('talks_round', 'talks-rounds', 'version', 'negotiations', 'negotiation_id'),
            ('border_crossing', 'crossings', 'version', null, null),
            ('crossing_status_change', 'crossing-status-changes', 'version', 'crossings', 'crossing_id'),
            ('ceasefire_violation', 'ceasefire-violations', null, 'ceasefires', 'ceasefire_id'))
            as x(tbl, collection, version_col, parent_collection, parent_col) loop
        for op in select * from (values
                ('insert', 'new_rows', 'CREATED', 'r.%s', 'referencing new table as new_rows'),
                ('update', 'new_rows', 'UPDATED', 'r.%s', 'referencing new table as new_rows'),
                ('delete', 'old_rows', 'DELETED', 'r.%s + 1', 'referencing old table as old_rows'))
                as y(verb, rows_name, action, version_expr, referencing) loop
            fn := format('record_change_%s_%s', t.tbl, op.verb);
            execute format($f$
                create function %I() returns trigger
                    language plpgsql
                as $body$
                begin
                    insert into record_change (collection, record_id, version, action, actor, role, reason,
                                               parent_collection, parent_id)
                    select %L, r.id, %s, %L, record_change_actor(), record_change_setting('bw.role'),
                           record_change_setting('bw.reason'), %L, %s
                    from %I r
                    order by r.id;
                    return null;
                end
                $body$
                $f$,
                fn, t.collection,
                case when t.version_col is null then (case op.action when 'DELETED' then '1' else '0' end)
                     else format(op.version_expr, t.version_col) end,
                op.action, t.parent_collection,
                case when t.parent_col is null then 'null::uuid' else 'r.' || t.parent_col end,
                op.rows_name);
            execute format('create trigger %I after %s on %I %s for each statement execute function %I()',
                           fn, op.verb, t.tbl, op.referencing, fn);
        end loop;
    end loop;
end
$do$;
