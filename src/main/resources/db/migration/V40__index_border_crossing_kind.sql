-- The crossing list filters on kind.
create index border_crossing_kind_idx on border_crossing (kind);
