-- The from filter of the talks-round list selects rounds still going on a day: their last day
-- (the end date, or the start date of a one-day or open-ended round) is on or after it.
create index talks_round_last_day_idx on talks_round ((coalesce(end_date, start_date)));
