#!/usr/bin/env bash
# BorderWatch read benchmark: the service over HTTP with wrk, the same SQL with pgbench, one table.
#
#   bench/run.sh
#
# Builds the jar if there is none, starts it in embedded mode on bench/out/pgdata (kept for the
# next run), generates the synthetic data set if the database is empty, then for each endpoint:
# warm-up, wrk (HTTP), pgbench (the SQL the endpoint sends). See bench/README.md.
#
# Settings (environment variables):
#   BENCH_INCIDENTS=1000000   incidents to generate (only when the database is empty)
#   BENCH_SECONDS=20          measuring time per endpoint, for wrk and for pgbench
#   BENCH_WARMUP_SECONDS=10   length of one wrk warm-up round
#   BENCH_WARMUP_ROUNDS=15    the most warm-up rounds per endpoint
#   BENCH_WARMUP_MIN_ROUNDS=6 the fewest
#   BENCH_STEADY_PERCENT=5    a round is steady when its req/s is less than this above the best round before
#   BENCH_STEADY_ROUNDS=2     warm after this many steady rounds in a row
#   BENCH_JIT_PERCENT=3       and only when the JIT compilers used less than this share of the JVM's CPU in each
#   BENCH_PAIRS=3             wrk + pgbench measurements per endpoint, in adjacent pairs
#   BENCH_CONNECTIONS=8       concurrent connections (wrk -c, pgbench -c)
#   BENCH_THREADS=2           threads (wrk -t, pgbench -j)
#   BENCH_ENDPOINTS="timeline situation stats incident"
#   BENCH_HTTP_PORT=18080  BENCH_PG_PORT=54329  BENCH_JAVA_OPTS="-Xmx1g"
set -euo pipefail

source "$(dirname "$0")/lib.sh"
OUT=bench/out
INCIDENTS=${BENCH_INCIDENTS:-1000000}
SECONDS_EACH=${BENCH_SECONDS:-20}
WARMUP=${BENCH_WARMUP_SECONDS:-10}
WARMUP_ROUNDS=${BENCH_WARMUP_ROUNDS:-15}
WARMUP_MIN_ROUNDS=${BENCH_WARMUP_MIN_ROUNDS:-6}
STEADY_PERCENT=${BENCH_STEADY_PERCENT:-5}
STEADY_ROUNDS=${BENCH_STEADY_ROUNDS:-2}
JIT_PERCENT=${BENCH_JIT_PERCENT:-3}
PAIRS=${BENCH_PAIRS:-3}
CONNECTIONS=${BENCH_CONNECTIONS:-8}
THREADS=${BENCH_THREADS:-2}
ENDPOINTS=${BENCH_ENDPOINTS:-timeline situation stats incident}
HTTP_PORT=${BENCH_HTTP_PORT:-18080}
PG_PORT=${BENCH_PG_PORT:-54329}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx1g}
BASE=http://127.0.0.1:$HTTP_PORT
COUNTRY=PAK
TIMELINE_YEAR=2024

need_http_and_sql_tools
set_psql
mkdir -p "$OUT/sql"
find_jar

: >"$OUT/app.log"
start_app "$OUT/pgdata" "$OUT/app.log" 300
enable_statement_log

existing=$("${PSQL[@]}" -Atc "select count(*) from incident")
if [[ "$existing" == "0" ]]; then
	echo "bench: generating $INCIDENTS incidents (bench/generate.sql; log in $OUT/generate.log)"
	started=$(date +%s)
	"${PSQL[@]}" -v n="$INCIDENTS" -f bench/generate.sql >"$OUT/generate.log" 2>&1 || {
		echo "bench: generation failed; see $OUT/generate.log" >&2
		exit 1
	}
	echo "bench: generated in $(($(date +%s) - started)) s"
	tail -n 4 "$OUT/generate.log"
elif [[ "$existing" != "$INCIDENTS" ]]; then
	echo "bench: note: the database holds $existing incidents, not $INCIDENTS (delete $OUT/pgdata to generate anew)"
fi

if ! kill -0 "$APP_PID" 2>/dev/null; then
	echo "bench: the service stopped (killed from outside?); the data is kept: run bench/run.sh again" >&2
	exit 1
fi

# Inputs for the random requests: incident ids (a file for wrk, a table for pgbench).
"${PSQL[@]}" -c "create schema if not exists bench" \
	-c "drop table if exists bench.incident_ids" \
	-c "create table bench.incident_ids as
		select row_number() over () as k, s.id, a.ids[1] as actor_a, coalesce(a.ids[2], a.ids[1]) as actor_b
		from (select id from incident order by md5(id::text) limit 10000) s
		cross join lateral (select array_agg(distinct actor_id) as ids from incident_actor where incident_id = s.id) a" \
	-c "alter table bench.incident_ids add primary key (k)"
"${PSQL[@]}" -Atc "select id from bench.incident_ids order by k" >"$OUT/incident-ids.txt"

# Keyset positions of the timeline's country-year pages, for pgbench: every 50th entry in feed
# order, which is where the cursors collect_timeline_pages follows point.
"${PSQL[@]}" -c "drop table if exists bench.timeline_keys" \
	-c "create table bench.timeline_keys as
		select row_number() over (order by day, kind_rank, instant, record_id) as k, day, kind_rank, instant, record_id,
		       date '$TIMELINE_YEAR-01-01' as from_day, date '$TIMELINE_YEAR-12-31' as to_day
		from (select f.*, row_number() over (order by day, kind_rank, instant, record_id) as rn
		      from timeline_facet f
		      where facet = 'c:$COUNTRY' and day between date '$TIMELINE_YEAR-01-01' and date '$TIMELINE_YEAR-12-31') s
		where rn % 50 = 0" \
	-c "alter table bench.timeline_keys add primary key (k)"

# The path of each endpoint's first request (also used to check that the endpoint exists).
sample_path() {
	case "$1" in
	timeline) echo "/api/v1/timeline?country=$COUNTRY&from=$TIMELINE_YEAR-01-01&to=$TIMELINE_YEAR-12-31" ;;
	situation) echo "/api/v1/situation?asOf=2025-11-06" ;;
	stats) echo "/api/v1/stats/incidents?interval=week&groupBy=type&country=$COUNTRY&from=2024-01-01&to=2024-12-31" ;;
	incident) echo "/api/v1/incidents/$(head -n 1 "$OUT/incident-ids.txt")" ;;
	esac
}

# Timeline pages at every keyset position of one country-year: walk them once with curl.
collect_timeline_pages() {
	local first path cursor pages=0
	first=$(sample_path timeline)
	path=$first
	: >"$OUT/timeline-pages.txt"
	while [[ -n "$path" && $pages -lt 1000 ]]; do
		echo "$path" >>"$OUT/timeline-pages.txt"
		pages=$((pages + 1))
		cursor=$(curl -fsS "$BASE$path" | grep -o '"nextCursor":"[^"]*"' | head -n 1 | cut -d'"' -f4 || true)
		path=${cursor:+$first&cursor=$cursor}
	done
	echo "bench: $pages timeline pages collected"
}

# The statements one request makes, from PostgreSQL's log.
capture_sql() {
	capture_statements "$OUT/sql/$1.log" curl -fsS -o /dev/null "$BASE$(sample_path "$1")"
}

# Warm-up until the JIT has settled: at least BENCH_WARMUP_MIN_ROUNDS rounds of
# BENCH_WARMUP_SECONDS, then more until BENCH_STEADY_ROUNDS rounds in a row are each less than
# BENCH_STEADY_PERCENT above the best round before them and spent less than BENCH_JIT_PERCENT of
# the JVM's CPU in its JIT compiler threads (at most BENCH_WARMUP_ROUNDS). A fixed 10 s
# was not enough: the same endpoint served 350 req/s after it and 2,400 once HotSpot had compiled
# the whole request path, with p99 falling from 778 to 8 ms. On a shared machine one slow round
# can come before the JIT is done, hence the minimum; and one round that gains less than the
# threshold can too (a timeline warm-up stopped at 1,864 req/s, then measured 2,186 to 2,370), hence
# the rounds in a row. Throughput alone can look settled while C2 is still compiling: after 60 s
# of incident reads the compiler threads still used 15% of the JVM's CPU in one run and 4% in the
# next, which moved java_ms by as much as the difference between two builds. The rounds go to
# stderr (req/s, and the compilers' share in brackets), the measurement to stdout.
warm_up() {
	local name=$1 round line rps all jit best=0 steady=0 seen=()
	shift
	for round in $(seq 1 "$WARMUP_ROUNDS"); do
		all=$(jvm_cpu_ticks)
		jit=$(jit_ticks "$APP_PID")
		line=$(wrk -t "$THREADS" -c "$CONNECTIONS" -d "${WARMUP}s" -s "bench/wrk/$name.lua" "$BASE" -- "$@" | grep '^BENCH ')
		jit=$(jit_share "$jit" "$(jit_ticks "$APP_PID")" "$(($(jvm_cpu_ticks) - all))")
		rps=$(field rps "$line")
		seen+=("$rps($jit%)")
		if awk -v a="$rps" -v b="$best" -v p="$STEADY_PERCENT" -v j="$jit" -v jp="$JIT_PERCENT" \
			'BEGIN { exit !(b > 0 && (a - b) / b * 100 < p && j < jp) }'; then
			steady=$((steady + 1))
		else
			steady=0
		fi
		if ((round >= WARMUP_MIN_ROUNDS && steady >= STEADY_ROUNDS)); then
			break
		fi
		best=$(awk -v a="$rps" -v b="$best" 'BEGIN { print (a > b) ? a : b }')
	done
	echo "bench: $name warm-up req/s (JIT share of the JVM's CPU) per ${WARMUP}s round: ${seen[*]}" >&2
}

wrk_args() {
	case "$1" in
	timeline) echo "$OUT/timeline-pages.txt" ;;
	stats) echo "$COUNTRY" ;;
	incident) echo "$OUT/incident-ids.txt" ;;
	esac
}

# One wrk measurement; its BENCH line (wrk's full output in bench/out/wrk-<endpoint>-<pair>.txt),
# with java_ms added: the CPU time the service's JVM spent per request during the run. Unlike
# req/s, it hardly depends on how fast the database answers or on what else shares the machine,
# so it compares two builds' own costs even when their ratios moved for other reasons.
run_wrk() {
	local name=$1 pair=$2 before after line
	before=$(jvm_cpu_ticks)
	wrk -t "$THREADS" -c "$CONNECTIONS" -d "${SECONDS_EACH}s" --latency -s "bench/wrk/$name.lua" "$BASE" -- \
		$(wrk_args "$name") >"$OUT/wrk-$name-$pair.txt"
	after=$(jvm_cpu_ticks)
	line=$(grep '^BENCH ' "$OUT/wrk-$name-$pair.txt")
	echo "$line java_ms=$(awk -v t="$((after - before))" -v hz="$CLOCK_TICKS" -v n="$(field requests "$line")" \
		'BEGIN { printf "%.3f", (n > 0) ? t * 1000 / hz / n : 0 }')"
}

# User and system CPU time of the service's JVM so far, in clock ticks.
jvm_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }
CLOCK_TICKS=$(getconf CLK_TCK)

# One pgbench measurement; its tps, or nothing when it failed (output in bench/out/pgbench-<endpoint>-<pair>.txt).
run_pgbench() {
	local name=$1 pair=$2
	pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$SECONDS_EACH" -D country="$COUNTRY" \
		-f "bench/sql/$name.sql" -h 127.0.0.1 -p "$PG_PORT" -U postgres postgres >"$OUT/pgbench-$name-$pair.txt" 2>&1 || return 0
	grep -o 'tps = [0-9.]*' "$OUT/pgbench-$name-$pair.txt" | head -n 1 | cut -d' ' -f3
}

COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
LOAD=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
rows=()
for name in $ENDPOINTS; do
	status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$(sample_path "$name")" || true)
	if [[ "$status" != "200" ]]; then
		rows+=("$(printf '%-10s %10s %8s %8s %8s %12s %8s  %s' "$name" - - - - - - "HTTP $status: not in this build")")
		continue
	fi
	echo "bench: $name"
	[[ "$name" == "timeline" ]] && collect_timeline_pages
	capture_sql "$name"
	warm_up "$name" $(wrk_args "$name")
	if [[ ! -f "bench/sql/$name.sql" ]]; then
		line=$(run_wrk "$name" 1)
		rows+=("$(printf '%-10s %10s %8s %8s %8s %12s %8s  %s' "$name" "$(field rps "$line")" "$(field p50_ms "$line")" \
			"$(field p99_ms "$line")" "$(field java_ms "$line")" - - "no bench/sql/$name.sql yet: write it from $OUT/sql/$name.log")")
		continue
	fi
	# wrk and pgbench in adjacent pairs; the table shows the pair with the median ratio. The
	# machine's speed drifts over minutes (it is shared), so one pair can catch the service on a
	# quiet stretch and its SQL on a busy one, or the reverse.
	pairs=()
	note=""
	for pair in $(seq 1 "$PAIRS"); do
		line=$(run_wrk "$name" "$pair")
		tps=$(run_pgbench "$name" "$pair")
		if [[ ! "$tps" =~ ^[0-9.]+$ ]]; then
			note="pgbench failed, see $OUT/pgbench-$name-$pair.txt"
			break
		fi
		errors=$(field errors "$line")
		[[ "$errors" != "0" ]] && note="$errors wrk errors (non-2xx or socket) in pair $pair"
		pairs+=("$(awk -v a="$(field rps "$line")" -v b="$tps" 'BEGIN { printf "%.4f", a / b }') $tps $line")
	done
	if ((${#pairs[@]} == 0)); then
		rows+=("$(printf '%-10s %10s %8s %8s %8s %12s %8s  %s' "$name" - - - - - - "$note")")
		continue
	fi
	echo "bench: $name pairs (req/s, tps, ratio):$(printf '%s\n' "${pairs[@]}" |
		awk '{ for (i = 3; i <= NF; i++) { if ($i ~ /^rps=/) rps = substr($i, 5); if ($i ~ /^java_ms=/) ms = substr($i, 9) }
			printf " %s/%.1f=%.2f (java %s ms)", rps, $2, $1, ms }')" >&2
	median=$(printf '%s\n' "${pairs[@]}" | sort -n | awk '{ line[NR] = $0 } END { print line[int((NR + 1) / 2)] }')
	read -r ratio tps line <<<"$median"
	rows+=("$(printf '%-10s %10s %8s %8s %8s %12s %8s  %s' "$name" "$(field rps "$line")" "$(field p50_ms "$line")" \
		"$(field p99_ms "$line")" "$(field java_ms "$line")" "$(awk -v t="$tps" 'BEGIN { printf "%.1f", t }')" \
		"$(awk -v r="$ratio" 'BEGIN { printf "%.2f", r }')" "$note")")
done

{
	echo
	echo "BorderWatch benchmark, commit $COMMIT, $("${PSQL[@]}" -Atc 'select count(*) from incident') incidents," \
		"$CONNECTIONS connections, $THREADS threads, ${SECONDS_EACH}s each, median of $PAIRS pairs," \
		"$(date -u +%Y-%m-%dT%H:%MZ)," \
		"load average before: $LOAD"
	printf '%-10s %10s %8s %8s %8s %12s %8s  %s\n' endpoint req/s p50_ms p99_ms java_ms pgbench_tps ratio note
	printf '%s\n' "${rows[@]}"
} | tee "$OUT/results-$COMMIT.txt"
