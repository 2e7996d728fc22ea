#!/usr/bin/env bash
# BorderWatch import benchmark: a UCDP GED file grown to BENCH_IMPORT_ROWS rows, imported through
# POST /api/v1/imports (COPY into staging, set-based upserts, triggers of the read models on),
# next to a plain COPY of the same file into an unindexed all-text table, same server, same run.
#
#   bench/import.sh
#
# The rows are synthesised at run time from the real events of BENCH_IMPORT_SOURCE (never stored
# in the repository): row n is source row n mod N with id "bench-n", so the grown file is the
# same on every run. The import goes into a fresh embedded database under bench/out/import-pgdata.
#
# Settings (environment variables):
#   BENCH_IMPORT_ROWS=1000000
#   BENCH_IMPORT_SOURCE=/work/shared/data/ucdp-ged-pakistan-1989-2021.csv   (a UCDP GED HDX export)
#   BENCH_HTTP_PORT=18081  BENCH_PG_PORT=54339  BENCH_JAVA_OPTS="-Xmx1g"  BENCH_SKIP_BUILD=0
#   BENCH_IMPORT_PROFILE=0   (1: also print the SQL functions the import spent its time in,
#                             from pg_stat_user_functions with track_functions = all)
#   BENCH_IMPORT_FLOOR=1     (0: skip the write floor below)
#
# The write floor: after the import, the rows it left in each table it writes are inserted once
# more, with a plain INSERT ... SELECT from a copy, into a new table with the same indexes and
# nothing else (no trigger, no foreign key, nothing computed), and once more into one without
# indexes. Its time is what writing those rows costs any import that keeps the service's read
# models, before parsing, resolving or computing anything; its rate against COPY's is the most
# the import's ratio could reach on this schema.
set -euo pipefail

source "$(dirname "$0")/lib.sh"
OUT=bench/out
ROWS=${BENCH_IMPORT_ROWS:-1000000}
SOURCE=${BENCH_IMPORT_SOURCE:-/work/shared/data/ucdp-ged-pakistan-1989-2021.csv}
HTTP_PORT=${BENCH_HTTP_PORT:-18081}
PG_PORT=${BENCH_PG_PORT:-54339}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx1g}
# imports are writes: the service starts with this admin key and the upload sends it
KEY=bwk_bench-import-key-0123456789abcdefghijklmnopqrstuv

need psql "apt-get install postgresql-client"
need curl "apt-get install curl"
need python3 "apt-get install python3"
need java "a Java 17+ runtime"
[[ -r "$SOURCE" ]] || { echo "bench: cannot read the UCDP GED file $SOURCE (set BENCH_IMPORT_SOURCE)" >&2; exit 1; }

mkdir -p "$OUT"
FILE="$OUT/ucdp-ged-grown-$ROWS.csv"
if [[ ! -s "$FILE" ]]; then
	echo "bench: growing $SOURCE to $ROWS rows in $FILE"
	python3 - "$SOURCE" "$FILE" "$ROWS" <<'PY'
import csv, sys
source, target, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(source, newline='', encoding='utf-8-sig') as f:
    reader = csv.reader(f)
    header = next(reader)
    events = [r for r in reader if r and not r[2].startswith('#')]
key = header.index('id')
with open(target, 'w', newline='', encoding='utf-8') as f:
    writer = csv.writer(f, lineterminator='\r\n')
    writer.writerow(header)
    for n in range(rows):
        row = list(events[n % len(events)])
        row[key] = 'bench-%d' % n
        writer.writerow(row)
PY
fi

find_jar

rm -rf "$OUT/import-pgdata"
: >"$OUT/import-app.log"
start_app "$OUT/import-pgdata" "$OUT/import-app.log" 600 --borderwatch.security.bootstrap-admin-key="$KEY"
set_psql
if [[ "${BENCH_IMPORT_PROFILE:-0}" == "1" ]]; then
	"${PSQL[@]}" -c "alter system set track_functions = 'all'" -c "select pg_reload_conf()" -c "select pg_stat_reset()"
fi

# Plain COPY: the same file into a table of text columns without any index or trigger.
COLUMNS=$(head -n 1 "$FILE" | tr -d '\r' | tr ',' '\n' | awk 'NF { printf "%s\"%s\" text", (n++ ? ", " : ""), $0 }')
"${PSQL[@]}" -c "drop table if exists bench_plain_copy; create table bench_plain_copy ($COLUMNS)"
copy_start=$(date +%s.%N)
"${PSQL[@]}" -c "\\copy bench_plain_copy from '$FILE' (format csv, header true)"
copy_end=$(date +%s.%N)
copy_rows=$("${PSQL[@]}" -At -c "select count(*) from bench_plain_copy")
"${PSQL[@]}" -c "drop table bench_plain_copy"

# The import: upload, then the job's own start and end (the upload to a temporary file is not counted).
location=$(curl -fsS -o /dev/null -w '%header{location}' -X POST -H 'Content-Type: text/csv' \
	-H "Authorization: Bearer $KEY" \
	--data-binary "@$FILE" "http://127.0.0.1:$HTTP_PORT/api/v1/imports?format=ucdp-ged&fileName=$(basename "$FILE")")
while :; do
	job=$(curl -fsS -H "Authorization: Bearer $KEY" "http://127.0.0.1:$HTTP_PORT$location")
	state=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["state"])' "$job")
	[[ "$state" == SUCCEEDED || "$state" == FAILED ]] && break
	sleep 2
done
[[ "$state" == SUCCEEDED ]] || { echo "bench: the import failed: $job"; exit 1; }

python3 - "$job" "$copy_start" "$copy_end" "$copy_rows" <<'PY'
import json, sys
from datetime import datetime
job = json.loads(sys.argv[1])
copy_seconds = float(sys.argv[3]) - float(sys.argv[2])
copy_rows = int(sys.argv[4])
parse = lambda s: datetime.fromisoformat(s.replace('Z', '+00:00'))
import_seconds = (parse(job['finishedAt']) - parse(job['startedAt'])).total_seconds()
counts = job['counts']
import_rate = counts['rowsRead'] / import_seconds
copy_rate = copy_rows / copy_seconds
print('%-12s %10s %10s %12s' % ('', 'rows', 'seconds', 'rows/s'))
print('%-12s %10d %10.1f %12.0f' % ('plain COPY', copy_rows, copy_seconds, copy_rate))
print('%-12s %10d %10.1f %12.0f' % ('import', counts['rowsRead'], import_seconds, import_rate))
print('import/COPY: %.1f%%   (created %d, rejected %d)' % (100 * import_rate / copy_rate, counts['created'], counts['rejected']))
PY
grep -o 'rows parsed and copied in.*' "$OUT/import-app.log" | tail -n 1 | sed 's/^/phases: /'
if [[ "${BENCH_IMPORT_FLOOR:-1}" == "1" ]]; then
	"${PSQL[@]}" -v rows="$copy_rows" -v copy_seconds="$(echo "$copy_end - $copy_start" | bc)" <<'SQL'
-- the import's own settings for sorts and GIN pending lists
set work_mem = '64MB';
set gin_pending_list_limit = '64MB';
set maintenance_work_mem = '128MB';
create temporary table floor_time (table_name text, indexes integer, rows bigint, indexed_ms numeric,
                                   bare_ms numeric);
do $$
declare
    t text;
    cols text;
    started timestamptz;
    indexed_ms numeric;
    n bigint;
begin
    foreach t in array array['incident', 'incident_actor', 'casualty_figure', 'incident_source',
                             'imported_record', 'record_change', 'timeline_entry', 'timeline_facet'] loop
        select string_agg(quote_ident(attname), ', ' order by attnum) into cols
        from pg_attribute where attrelid = t::regclass and attnum > 0 and not attisdropped and attgenerated = '';
        execute format('create temporary table bench_floor_source as select %s from %I', cols, t);
        execute format('create table bench_floor_indexed (like %I including all)', t);
        execute format('create table bench_floor_bare (like %I including defaults including generated)', t);
        started := clock_timestamp();
        execute format('insert into bench_floor_indexed (%1$s) overriding system value select %1$s from bench_floor_source', cols);
        get diagnostics n = row_count;
        -- the import merges its GIN pending lists before it commits: so does the floor
        perform gin_clean_pending_list(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indexrelid
        join pg_am a on a.oid = c.relam where a.amname = 'gin' and i.indrelid = 'bench_floor_indexed'::regclass;
        indexed_ms := 1000 * extract(epoch from clock_timestamp() - started);
        started := clock_timestamp();
        execute format('insert into bench_floor_bare (%1$s) overriding system value select %1$s from bench_floor_source', cols);
        insert into floor_time values (t, (select count(*) from pg_index where indrelid = t::regclass), n,
                                       indexed_ms, 1000 * extract(epoch from clock_timestamp() - started));
        drop table bench_floor_source, bench_floor_indexed, bench_floor_bare;
    end loop;
end
$$;
\echo 'write floor: the rows the import wrote, inserted again into tables with the same indexes (no trigger, no foreign key, nothing computed), and into tables without indexes'
select table_name, indexes, rows, round(indexed_ms) as indexed_ms, round(bare_ms) as bare_ms from floor_time
union all
select 'all', sum(indexes), sum(rows), round(sum(indexed_ms)), round(sum(bare_ms)) from floor_time;
select round(100 * (:rows / (sum(indexed_ms) / 1000)) / (:rows / :copy_seconds), 1) as "floor/COPY %",
       round(100 * (:rows / (sum(bare_ms) / 1000)) / (:rows / :copy_seconds), 1) as "floor without indexes/COPY %"
from floor_time;
SQL
fi
if [[ "${BENCH_IMPORT_PROFILE:-0}" == "1" ]]; then
	echo "functions (total ms includes the functions they call; self ms does not):"
	"${PSQL[@]}" -P footer=off -c "select funcname, calls, round(total_time) as total_ms, round(self_time) as self_ms
		from pg_stat_user_functions order by self_time desc limit 15"
fi
