-- The ceasefire list's order: newest first by the date it took effect (or was agreed), undated
-- proposals last. The expression is the one the list sorts and seeks on.
create index ceasefire_order_idx on ceasefire ((coalesce(effective_from, agreed_on, '-infinity'::date)), id);

-- The inEffectOn and from/to filters compare the start of a ceasefire's span, widened to the start of
-- its precision period (a YEAR-precision ceasefire counts from the first of January), and its end.
create index ceasefire_span_idx on ceasefire ((
    case date_precision when 'DAY' then coalesce(effective_from, agreed_on)
    else date_trunc(lower(date_precision), coalesce(effective_from, agreed_on)::timestamp)::date end), ended_on);

-- A ceasefire's violations in the order they were recorded.
create index ceasefire_violation_created_idx on ceasefire_violation (ceasefire_id, created_at, id);
