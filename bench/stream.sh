#!/usr/bin/env bash
# Change stream fan-out: starts the packaged service (embedded PostgreSQL on bench/out/stream-pgdata,
# no demo data), opens BENCH_STREAMS streams, measures the heap each costs, writes BENCH_CHANGES
# changes and reports how many events per second reached the streams. Prints figures; asserts
# nothing. Needs Java 17+ (java, jcmd) and curl.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

STREAMS=${BENCH_STREAMS:-200}
CHANGES=${BENCH_CHANGES:-200}
HTTP_PORT=${BENCH_HTTP_PORT:-18093}
PG_PORT=${BENCH_PG_PORT:-54339}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx1g}
KEY=${BENCH_ADMIN_KEY:-bwk_stream-bench-admin-key-0123456789abcdef}
OUT=bench/out
BASE="http://127.0.0.1:$HTTP_PORT"
mkdir -p "$OUT"

need java "a Java 17+ runtime"
need jcmd "a Java 17+ JDK (jcmd ships with it)"
need curl "apt-get install curl"
find_jar

: >"$OUT/stream-app.log"
start_app "$OUT/stream-pgdata" "$OUT/stream-app.log" 300 \
	--borderwatch.security.bootstrap-admin-key="$KEY" \
	--borderwatch.live.max-streams=$((STREAMS + 10))

echo "bench: $STREAMS streams, $CHANGES changes"
java bench/StreamBench.java "$BASE" "$KEY" "$APP_PID" "$STREAMS" "$CHANGES" | tee "$OUT/stream-results.txt"
