-- Which instance of the service holds a queued or running import job, and when it last said it
-- still does: a starting instance fails only its own leftovers and the jobs of instances that
-- stopped saying so (see ImportJobs), never those another live instance is running.
alter table import_job
    add column owner        text,
    add column heartbeat_at timestamptz;
