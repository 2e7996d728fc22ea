-- A ceasefire whose status is not known (a dataset records the agreement but not whether or when
-- it ended, as PA-X does) is stored as UNKNOWN, without an end date, rather than as IN_EFFECT.
alter table ceasefire drop constraint ceasefire_status_check;
alter table ceasefire add constraint ceasefire_status_check check (
    (status in ('PROPOSED', 'IN_EFFECT', 'UNKNOWN') and ended_on is null)
    or (status in ('COLLAPSED', 'EXPIRED', 'TERMINATED') and ended_on is not null));
