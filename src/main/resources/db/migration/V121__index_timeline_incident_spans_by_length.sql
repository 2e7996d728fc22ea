-- The situation's incident windows include the entries spanning several days that began before
-- the window and still went on at its first day. A GiST index on their ranges found them, at
-- several times the cost per entry of a B-tree range scan. This B-tree keys them by a length
-- class (at most 7, 31, 92, 366 or 1,830 days, or longer) and their first day: an entry of a
-- class of at most n days that reaches a given day began at most n days before it, so each class
-- is one bounded range scan, and about half or more of what it reads is in the answer
-- (SituationService.WINDOW_ENTRIES writes the same expression). Index-only: it carries what the
-- situation reads.
create index timeline_entry_incident_span_class_idx on timeline_entry (
    (case when end_day - day <= 7 then 7 when end_day - day <= 31 then 31 when end_day - day <= 92 then 92
          when end_day - day <= 366 then 366 when end_day - day <= 1830 then 1830 else 1000000 end),
    day)
    include (end_day, countries, actor_ids, fatalities, wounded)
    where kind_rank = 1 and end_day > day;
