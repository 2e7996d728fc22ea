#!/usr/bin/env bash
# BorderWatch write benchmark: creating actors, creating incidents and patching incidents over
# HTTP with wrk, against pgbench running the statements one such request sends, one table.
#
#   bench/write.sh
#
# Builds the jar if there is none, starts it in embedded mode on bench/out/write-pgdata (kept for
# the next run) with a known admin key and no rate limit, seeds BENCH_ACTORS actors when the
# database is empty, then for each scenario: a warm-up, wrk, and pgbench on the matching script
# in bench/sql/write-*.sql. Each pgbench script is run twice: as the service sends it (history
# triggers on, the history entry completed with the served record), and without history
# (triggers off, no completion): the difference is the database cost of history.
# The statements each request sent are captured from PostgreSQL's log into
# bench/out/write-sql/<scenario>.log, to check the pgbench scripts against.
# The jvm_ms/req column is the service's CPU time during the wrk run (all its threads: requests,
# GC, JIT, background work), from /proc, divided by the requests served: what a request costs
# the service's side of the shared cores.
#
# Settings (environment variables):
#   BENCH_ACTORS=18000        actors to seed (only when the database is empty); the name check
#                             of a create must not grow with this
#   BENCH_SECONDS=20          measuring time per scenario, for wrk and for each pgbench run
#   BENCH_WARMUP_SECONDS=20   one warm-up round per scenario
#   BENCH_CONNECTIONS=8       concurrent connections (wrk -c, pgbench -c)
#   BENCH_THREADS=2           threads (wrk -t, pgbench -j)
#   BENCH_SCENARIOS="actor-create incident-create incident-patch"
#   BENCH_HTTP_PORT=18081  BENCH_PG_PORT=54330  BENCH_JAVA_OPTS="-Xmx1g"  BENCH_SKIP_BUILD=1
#   BENCH_JAR=path            measure that jar (another commit's build) instead of target/'s
set -euo pipefail

source "$(dirname "$0")/lib.sh"
OUT=bench/out
ACTORS=${BENCH_ACTORS:-18000}
SECONDS_EACH=${BENCH_SECONDS:-20}
WARMUP=${BENCH_WARMUP_SECONDS:-20}
CONNECTIONS=${BENCH_CONNECTIONS:-8}
THREADS=${BENCH_THREADS:-2}
SCENARIOS=${BENCH_SCENARIOS:-actor-create incident-create incident-patch}
HTTP_PORT=${BENCH_HTTP_PORT:-18081}
PG_PORT=${BENCH_PG_PORT:-54330}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx1g}
BASE=http://127.0.0.1:$HTTP_PORT
KEY=bwk_write-benchmark-admin-key-not-for-production-use
RUN=$(date +%s)

need_http_and_sql_tools
set_psql
mkdir -p "$OUT/write-sql"
find_jar

: >"$OUT/write-app.log"
start_app "$OUT/write-pgdata" "$OUT/write-app.log" 300 \
	--borderwatch.security.bootstrap-admin-key="$KEY" \
	--borderwatch.rate-limit.enabled=false
enable_statement_log

existing=$("${PSQL[@]}" -Atc "select count(*) from actor")
if [[ "$existing" == "0" ]]; then
	echo "bench: seeding $ACTORS actors"
	"${PSQL[@]}" -c "insert into actor (id, name, kind, country, version, created_at, updated_at)
		select gen_random_uuid(), 'Seeded actor ' || g, 'OTHER', 'PAK', 0, now(), now()
		from generate_series(1, $ACTORS) g"
fi

# Inputs: actor ids for incidents (a file for wrk, a table for pgbench), and incidents to patch.
"${PSQL[@]}" -c "create schema if not exists bench" \
	-c "drop table if exists bench.write_actors" \
	-c "create table bench.write_actors as
		select row_number() over () as k, id from (select id from actor order by md5(id::text) limit 1000) s" \
	-c "alter table bench.write_actors add primary key (k)"
"${PSQL[@]}" -Atc "select id from bench.write_actors order by k" >"$OUT/write-actor-ids.txt"
# Served records of the sizes the service renders, for the pgbench scripts' history completion.
"${PSQL[@]}" -c "drop table if exists bench.write_json" -c "create table bench.write_json (k text primary key, doc text)"
"${PSQL[@]}" <<'SQL'
insert into bench.write_json values
('actor', '{"id":"01a24040-cfb1-75a0-ba06-0b5ab611cca0","name":"Pgbench actor 1796374227-1-2","aliases":[],"kind":"OTHER","country":"PAK","parent":null,"title":null,"description":null,"designations":[],"relations":[],"sourceIds":[],"externalIds":[],"version":0,"createdAt":"2026-12-04T08:51:59.032367Z","updatedAt":"2026-12-04T08:51:59.032367Z"}'),
('incident', '{"id":"01a24041-b258-7deb-a270-560677f48830","title":"Bench clash","description":null,"startDate":"2025-10-17","endDate":"2025-10-17","datePrecision":"DAY","eventType":"BATTLES","subEventType":"ARMED_CLASH","location":{"placeName":null,"admin1":null,"admin2":null,"country":"PAK","latitude":null,"longitude":null,"geoPrecision":null,"countries":["PAK"]},"actors":[{"actor":{"id":"3065f673-c267-443c-adf0-2e3483937ac4","name":"Seeded actor 14294"},"role":"INITIATOR"},{"actor":{"id":"cdebc877-808f-4dc7-97f1-385bf71cd4f3","name":"Seeded actor 5886"},"role":"TARGET"}],"casualties":[{"category":"SECURITY_FORCES","outcome":"KILLED","low":null,"best":9,"high":null,"side":null,"claimant":null,"sourceId":null,"note":null}],"claims":[],"verification":"REPORTED","tags":[],"sourceIds":[],"externalRef":null,"startedOnOrAfter":null,"endedOnOrBefore":null,"fatalities":9,"wounded":null,"fatalitiesRange":{"low":9,"high":9},"woundedRange":null,"claimedFigures":[],"allegedCeasefireViolations":[],"version":0,"createdAt":"2026-12-04T08:52:57.048934Z","updatedAt":"2026-12-04T08:52:57.048934Z"}');
SQL

ensure_incidents() {
	if [[ "$("${PSQL[@]}" -Atc "select count(*) from incident where title = 'Bench clash'")" -lt 1000 ]]; then
		wrk -t "$THREADS" -c "$CONNECTIONS" -d 10s -s bench/wrk/write-incident.lua "$BASE" -- \
			"$KEY" "$RUN" "$OUT/write-actor-ids.txt" >/dev/null
	fi
	"${PSQL[@]}" -c "drop table if exists bench.write_incidents" \
		-c "create table bench.write_incidents as
			select row_number() over () as k, id
			from (select id from incident where title = 'Bench clash' order by md5(id::text) limit 1000) s" \
		-c "alter table bench.write_incidents add primary key (k)"
	"${PSQL[@]}" -Atc "select id from bench.write_incidents order by k" >"$OUT/write-incident-ids.txt"
}

script() {
	case "$1" in
	actor-create) echo write-actor ;;
	incident-create) echo write-incident ;;
	incident-patch) echo write-patch ;;
	esac
}
wrk_args() {
	case "$1" in
	incident-patch) echo "$KEY $RUN $OUT/write-incident-ids.txt" ;;
	*) echo "$KEY $RUN $OUT/write-actor-ids.txt" ;;
	esac
}

# The statements of one request, from PostgreSQL's log.
capture_sql() {
	capture_statements "$OUT/write-sql/$1.log" one_second_of "$1"
}
one_second_of() {
	wrk -t 1 -c 1 -d 1s -s "bench/wrk/$(script "$1").lua" "$BASE" -- $(wrk_args "$1") >/dev/null 2>&1
}

run_pgbench() {
	local file=$1 label=$2
	pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$SECONDS_EACH" -D run="$RUN" \
		-f "bench/sql/$file.sql" -h 127.0.0.1 -p "$PG_PORT" -U postgres postgres >"$OUT/pgbench-$label.txt" 2>&1 || true
	grep -o 'tps = [0-9.]*' "$OUT/pgbench-$label.txt" | head -n 1 | cut -d' ' -f3 || true
}

# History off for the database: the record_change triggers of every table, nothing else.
history_triggers() {
	"${PSQL[@]}" -c "do \$\$ declare t record; begin
		for t in select tgrelid::regclass as tbl, tgname from pg_trigger where tgname like 'record_change_%' loop
			execute format('alter table %s $1 trigger %I', t.tbl, t.tgname);
		end loop; end \$\$"
}

# The service's CPU time so far (user and system, all its threads: requests, GC, JIT), in clock
# ticks; over a wrk run, divided by its requests, the JVM's CPU per request.
TICKS=$(getconf CLK_TCK 2>/dev/null || echo 100)
jvm_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat" 2>/dev/null || echo 0; }

COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
LOAD=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
rows=()
for name in $SCENARIOS; do
	echo "bench: $name"
	[[ "$name" == "incident-patch" ]] && ensure_incidents
	wrk -t "$THREADS" -c "$CONNECTIONS" -d "${WARMUP}s" -s "bench/wrk/$(script "$name").lua" "$BASE" -- \
		$(wrk_args "$name") >/dev/null
	capture_sql "$name"
	cpu_before=$(jvm_cpu_ticks)
	line=$(wrk -t "$THREADS" -c "$CONNECTIONS" -d "${SECONDS_EACH}s" --latency -s "bench/wrk/$(script "$name").lua" \
		"$BASE" -- $(wrk_args "$name") | tee "$OUT/wrk-$name.txt" | grep '^BENCH ')
	jvm_ms=$(awk -v a="$cpu_before" -v b="$(jvm_cpu_ticks)" -v r="$(field requests "$line")" -v t="$TICKS" \
		'BEGIN { if (r > 0) printf "%.2f", (b - a) * 1000 / t / r; else print "-" }')
	with=$(run_pgbench "$(script "$name")" "$name")
	history_triggers disable
	without=$(run_pgbench "$(script "$name")-no-history" "$name-no-history")
	history_triggers enable
	note=""
	[[ "$(field errors "$line")" != "0" ]] && note="$(field errors "$line") wrk errors (non-2xx or socket)"
	[[ "$with" =~ ^[0-9.]+$ ]] || { note="pgbench failed, see $OUT/pgbench-$name.txt"; with=0; }
	[[ "$without" =~ ^[0-9.]+$ ]] || without=0
	rows+=("$(printf '%-16s %8s %8s %8s %12.1f %6s %14.1f %9s %10s  %s' "$name" "$(field rps "$line")" \
		"$(field p50_ms "$line")" "$(field p99_ms "$line")" "$with" \
		"$(awk -v a="$(field rps "$line")" -v b="$with" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')" \
		"$without" \
		"$(awk -v a="$with" -v b="$without" 'BEGIN { if (b > 0) printf "%.0f%%", (1 - a / b) * 100; else print "-" }')" \
		"$jvm_ms" "$note")")
done

{
	echo
	echo "BorderWatch write benchmark, commit $COMMIT, $("${PSQL[@]}" -Atc 'select count(*) from actor') actors," \
		"$("${PSQL[@]}" -Atc 'select count(*) from incident') incidents, $CONNECTIONS connections, $THREADS threads," \
		"${SECONDS_EACH}s each, $(date -u +%Y-%m-%dT%H:%MZ), load average before: $LOAD"
	printf '%-16s %8s %8s %8s %12s %6s %14s %9s %10s  %s\n' scenario req/s p50_ms p99_ms pgbench_tps ratio \
		tps_no_history history jvm_ms/req note
	printf '%s\n' "${rows[@]}"
} | tee "$OUT/write-results-$COMMIT.txt"
