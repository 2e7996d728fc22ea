#!/usr/bin/env bash
# Two builds' reads, before and after, measured in alternation in one sitting.
#
#   bench/compare.sh <before checkout> <after checkout>
#
# Each checkout must hold a jar (target/borderwatch-*.jar, or BENCH_BEFORE_JAR / BENCH_AFTER_JAR)
# and a data set prepared by its own bench/run.sh (bench/out/pgdata, incident-ids.txt,
# timeline-pages.txt). Both services run at once, each on its own database; one is measured while
# the other idles. Each round measures both builds back to back (wrk, then pgbench of that
# build's own bench/sql/<endpoint>.sql), alternating which goes first, so that the machine's
# drift over minutes falls on both alike. bench/run.sh measures one build at a time: on a shared
# machine its ratios moved by up to 0.19 between pairs of one run, more than the 5% a before and
# after has to resolve.
#
# Settings (environment variables):
#   BENCH_ENDPOINTS="timeline incident"  BENCH_ROUNDS=4  BENCH_SECONDS=15
#   BENCH_WARMUP_SECONDS=10  BENCH_WARMUP_ROUNDS=15  BENCH_WARMUP_MIN_ROUNDS=4  BENCH_JIT_PERCENT=3
#   BENCH_BEFORE_JAVA_OPTS / BENCH_AFTER_JAVA_OPTS ("-Xmx1g")
#   ports: 18080 (after), 18081 (before); PostgreSQL 54329 (after), 54330 (before)
set -euo pipefail

[[ $# -eq 2 ]] || { echo "usage: bench/compare.sh <before checkout> <after checkout>" >&2; exit 2; }
ENDPOINTS=${BENCH_ENDPOINTS:-timeline incident}
ROUNDS=${BENCH_ROUNDS:-4}
SECONDS_EACH=${BENCH_SECONDS:-15}
WARMUP=${BENCH_WARMUP_SECONDS:-10}
WARMUP_ROUNDS=${BENCH_WARMUP_ROUNDS:-15}
WARMUP_MIN_ROUNDS=${BENCH_WARMUP_MIN_ROUNDS:-4}
JIT_PERCENT=${BENCH_JIT_PERCENT:-3}
COUNTRY=PAK
CLOCK_TICKS=$(getconf CLK_TCK)
declare -A DIR=([before]=$(cd "$1" && pwd) [after]=$(cd "$2" && pwd))
source "$(dirname "$0")/lib.sh" # field, jit_ticks, jit_share
declare -A JAR=([before]=${BENCH_BEFORE_JAR:-} [after]=${BENCH_AFTER_JAR:-})
declare -A OPTS=([before]=${BENCH_BEFORE_JAVA_OPTS:--Xmx1g} [after]=${BENCH_AFTER_JAVA_OPTS:--Xmx1g})
declare -A HTTP=([before]=18081 [after]=18080) PG=([before]=54330 [after]=54329) PID=()
for build in before after; do
	if [[ -z "${JAR[$build]}" ]]; then
		JAR[$build]=$(ls "${DIR[$build]}"/target/borderwatch-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true)
	fi
	[[ -f "${JAR[$build]}" ]] || { echo "bench: no jar for $build (build it, or set BENCH_${build^^}_JAR)" >&2; exit 1; }
	[[ -d "${DIR[$build]}/bench/out/pgdata" ]] || { echo "bench: run bench/run.sh in ${DIR[$build]} first" >&2; exit 1; }
done

stop_apps() {
	local pid
	for pid in "${PID[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
}
trap stop_apps EXIT

for build in before after; do
	# shellcheck disable=SC2086 # the options are words
	env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
		java ${OPTS[$build]} -jar "${JAR[$build]}" \
		--borderwatch.embedded-db.data-dir="${DIR[$build]}/bench/out/pgdata" \
		--borderwatch.embedded-db.port="${PG[$build]}" \
		--borderwatch.demo-data.enabled=false \
		--server.port="${HTTP[$build]}" >"${DIR[after]}/bench/out/compare-$build.log" 2>&1 &
	PID[$build]=$!
done
for build in before after; do
	for _ in $(seq 1 300); do
		curl -fsS -o /dev/null "http://127.0.0.1:${HTTP[$build]}/actuator/health" 2>/dev/null && break
		kill -0 "${PID[$build]}" 2>/dev/null || { echo "bench: the $build service died; see bench/out/compare-$build.log" >&2; exit 1; }
		sleep 1
	done
done

wrk_args() {
	case "$2" in
	timeline) echo "${DIR[$1]}/bench/out/timeline-pages.txt" ;;
	stats) echo "$COUNTRY" ;;
	incident) echo "${DIR[$1]}/bench/out/incident-ids.txt" ;;
	esac
}

# wrk <build> <endpoint> <seconds>: its BENCH line, with the JVM's CPU ms per request added.
measure() {
	local before after line
	before=$(awk '{ print $14 + $15 }' "/proc/${PID[$1]}/stat")
	# shellcheck disable=SC2046 # the arguments are words
	line=$(cd "${DIR[$1]}" && wrk -t 2 -c 8 -d "${3}s" --latency -s "bench/wrk/$2.lua" "http://127.0.0.1:${HTTP[$1]}" \
		-- $(wrk_args "$1" "$2") | grep '^BENCH ')
	after=$(awk '{ print $14 + $15 }' "/proc/${PID[$1]}/stat")
	echo "$line java_ms=$(awk -v t="$((after - before))" -v hz="$CLOCK_TICKS" -v n="$(field requests "$line")" \
		'BEGIN { printf "%.3f", (n > 0) ? t * 1000 / hz / n : 0 }')"
}

# Warm both builds up on one endpoint, round by round in turn, until each has had two rounds in a
# row with its compilers below BENCH_JIT_PERCENT of its CPU (see bench/run.sh for why).
warm_up() {
	local name=$1 build round all jit line
	declare -A quiet=([before]=0 [after]=0) seen=([before]="" [after]="")
	for round in $(seq 1 "$WARMUP_ROUNDS"); do
		for build in before after; do
			all=$(awk '{ print $14 + $15 }' "/proc/${PID[$build]}/stat")
			jit=$(jit_ticks "${PID[$build]}")
			line=$(measure "$build" "$name" "$WARMUP")
			jit=$(jit_share "$jit" "$(jit_ticks "${PID[$build]}")" \
				"$(($(awk '{ print $14 + $15 }' "/proc/${PID[$build]}/stat") - all))")
			seen[$build]+=" $(field rps "$line")($jit%)"
			if awk -v j="$jit" -v p="$JIT_PERCENT" 'BEGIN { exit !(j < p) }'; then
				quiet[$build]=$((quiet[$build] + 1))
			else
				quiet[$build]=0
			fi
		done
		if ((round >= WARMUP_MIN_ROUNDS && quiet[before] >= 2 && quiet[after] >= 2)); then
			break
		fi
	done
	echo "bench: $name warm-up req/s (JIT share), before:${seen[before]}; after:${seen[after]}" >&2
}

echo "bench: before ${DIR[before]} ($(git -C "${DIR[before]}" rev-parse --short HEAD 2>/dev/null || echo '?')," \
	"${JAR[before]}), after ${DIR[after]} ($(git -C "${DIR[after]}" rev-parse --short HEAD 2>/dev/null || echo '?')," \
	"${JAR[after]}), load average $(cut -d' ' -f1-3 /proc/loadavg)"
summary=()
for name in $ENDPOINTS; do
	warm_up "$name"
	declare -A ratios=([before]="" [after]="")
	for round in $(seq 1 "$ROUNDS"); do
		order="before after"
		((round % 2 == 0)) && order="after before"
		for build in $order; do
			line=$(measure "$build" "$name" "$SECONDS_EACH")
			tps=$(cd "${DIR[$build]}" && pgbench -n -M prepared -c 8 -j 2 -T "$SECONDS_EACH" -D country="$COUNTRY" \
				-f "bench/sql/$name.sql" -h 127.0.0.1 -p "${PG[$build]}" -U postgres postgres 2>&1 |
				grep -o 'tps = [0-9.]*' | head -n 1 | cut -d' ' -f3)
			[[ "$tps" =~ ^[0-9.]+$ ]] || { echo "bench: pgbench failed for $build $name" >&2; exit 1; }
			ratio=$(awk -v a="$(field rps "$line")" -v b="$tps" 'BEGIN { printf "%.3f", a / b }')
			ratios[$build]+=" $ratio"
			printf '%-10s round %d %-6s req/s %8s  java_ms %6s  pgbench_tps %8.1f  ratio %s  errors %s\n' "$name" "$round" \
				"$build" "$(field rps "$line")" "$(field java_ms "$line")" "$tps" "$ratio" "$(field errors "$line")"
		done
	done
	median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
	before_median=$(median "${ratios[before]}")
	after_median=$(median "${ratios[after]}")
	summary+=("$(printf '%-10s median ratio before %.3f, after %.3f: after/before %.3f' "$name" "$before_median" \
		"$after_median" "$(awk -v a="$after_median" -v b="$before_median" 'BEGIN { print a / b }')")")
done
echo
printf '%s\n' "${summary[@]}"
