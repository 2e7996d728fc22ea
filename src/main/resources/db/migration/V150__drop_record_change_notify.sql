-- The statement trigger of V110 made every writing transaction issue NOTIFY. PostgreSQL
-- takes one cluster-wide lock on the notification queue at the commit of any transaction
-- that notified, and holds it through that commit's WAL flush: all writers' commits were
-- serialised behind it. The service now notifies after commit instead, from a connection of
-- its own that writes nothing (a notify-only transaction needs no WAL flush, so the lock is
-- brief), and folds a burst of commits into one notification. Changes written outside the
-- service (psql, other tools) no longer notify: the change streams and webhooks see them at
-- their next timed read of the feed (borderwatch.live.backstop, 3 s by default).
drop trigger record_change_notify on record_change;

drop function record_change_notify();
