#!/usr/bin/env bash
# Change stream fan-out: starts the packaged service (embedded PostgreSQL on bench/out/stream-pgdata,
# no demo data), opens BENCH_STREAMS streams, measures the heap each costs, writes BENCH_CHANGES
# changes and reports how many events per second reached the streams. Prints figures; asserts
# nothing. Needs Java 17+ (java, jcmd) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."

STREAMS=${BENCH_STREAMS:-200}
CHANGES=${BENCH_CHANGES:-200}
HTTP_PORT=${BENCH_HTTP_PORT:-18093}
PG_PORT=${BENCH_PG_PORT:-54339}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx1g}
KEY=${BENCH_ADMIN_KEY:-bwk_stream-bench-admin-key-0123456789abcdef}
OUT=bench/out
BASE="http://127.0.0.1:$HTTP_PORT"
mkdir -p "$OUT"

for tool in java jcmd curl; do
	command -v "$tool" >/dev/null || { echo "bench: $tool is missing"; exit 1; }
done

if [[ "${BENCH_SKIP_BUILD:-0}" != "1" ]]; then
	echo "bench: packaging the jar"
	./mvnw -q -DskipTests package
fi
JAR=$(ls target/borderwatch-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true)
[[ -n "$JAR" ]] || { echo "bench: no jar in target/ (run without BENCH_SKIP_BUILD)"; exit 1; }

APP_PID=
stop_app() {
	if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
		kill "$APP_PID"
		wait "$APP_PID" 2>/dev/null || true
	fi
}
trap stop_app EXIT

env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
	java $JAVA_OPTS -jar "$JAR" \
	--borderwatch.embedded-db.data-dir="$OUT/stream-pgdata" \
	--borderwatch.embedded-db.port="$PG_PORT" \
	--borderwatch.demo-data.enabled=false \
	--borderwatch.security.bootstrap-admin-key="$KEY" \
	--borderwatch.live.max-streams=$((STREAMS + 10)) \
	--server.port="$HTTP_PORT" >"$OUT/stream-app.log" 2>&1 &
APP_PID=$!
echo "bench: started $JAR (pid $APP_PID), waiting for $BASE/actuator/health"
for _ in $(seq 1 300); do
	curl -fsS -o /dev/null "$BASE/actuator/health" 2>/dev/null && break
	kill -0 "$APP_PID" 2>/dev/null || { echo "bench: the service stopped; see $OUT/stream-app.log"; exit 1; }
	sleep 1
done

echo "bench: $STREAMS streams, $CHANGES changes"
java bench/StreamBench.java "$BASE" "$KEY" "$APP_PID" "$STREAMS" "$CHANGES" | tee "$OUT/stream-results.txt"
