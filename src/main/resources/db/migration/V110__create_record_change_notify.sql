-- Wakes the change streams of every instance of the service when changes are recorded:
-- one notification per statement that writes record_change, without a payload (NOTIFY
-- takes a cluster-wide lock at commit, so one per row would cost every writer; the feed
-- itself says what changed). Identical notifications of one transaction are folded into
-- one by PostgreSQL.
create function record_change_notify() returns trigger
    language plpgsql
as $$
begin
    perform pg_notify('borderwatch_changes', '');
    return null;
end
$$;

create trigger record_change_notify
    after insert on record_change
    for each statement execute function record_change_notify();
