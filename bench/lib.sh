# Shared parts of the benchmark scripts, sourced by bench/run.sh, bench/write.sh, bench/stream.sh,
# bench/import.sh and bench/compare.sh: tool checks, the jar, starting and stopping the service in
# embedded mode, psql, the statement capture from PostgreSQL's log, and the JIT compilers' share
# of the JVM's CPU.
#
# The sourcing script sets OUT, HTTP_PORT, PG_PORT and JAVA_OPTS (each with its own defaults, so
# that the scripts can run side by side) before calling these functions.

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# need <command> <how to install it>: stop with a hint when a tool is missing.
need() {
	command -v "$1" >/dev/null 2>&1 || { echo "bench: '$1' is missing; install it with: $2" >&2; exit 1; }
}

# Sets JAR. Always packages: a jar left over from an older checkout would measure the wrong code.
# BENCH_SKIP_BUILD=1 reuses the jar in target/ as it is.
find_jar() {
	# BENCH_JAR: a jar built elsewhere (another commit's, for a before/after in one sitting).
	if [[ -n "${BENCH_JAR:-}" ]]; then
		JAR=$BENCH_JAR
		[[ -f "$JAR" ]] || { echo "bench: no jar at $JAR" >&2; exit 1; }
		return 0
	fi
	if [[ "${BENCH_SKIP_BUILD:-0}" != "1" ]]; then
		echo "bench: packaging the jar"
		./mvnw -q -DskipTests package
	fi
	JAR=$(ls target/borderwatch-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true)
	[[ -n "$JAR" ]] || { echo "bench: no jar in target/ (run without BENCH_SKIP_BUILD)" >&2; exit 1; }
}

# psql on the service's embedded PostgreSQL.
PSQL=()
set_psql() {
	PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres)
}

APP_PID=
APP_LOG=
APP_ARGS=()
# start_app <data dir> <log file> <seconds to wait> [more service arguments...]: starts the jar in
# embedded mode (what runs when no datasource URL is set) without demo data, appending to the log,
# and waits for /actuator/health. A service that stops during start-up ends the script with the
# end of its log; one that is not healthy in time too. The arguments are kept for restart_app.
start_app() {
	APP_DATA=$1 APP_LOG=$2 APP_WAIT=$3
	shift 3
	APP_ARGS=("$@")
	# A health answer from a service someone else left on the port would be taken for this one's.
	if curl -fsS -o /dev/null "http://127.0.0.1:$HTTP_PORT/actuator/health" 2>/dev/null; then
		echo "bench: a service already answers on port $HTTP_PORT; stop it or set BENCH_HTTP_PORT" >&2
		exit 1
	fi
	env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
		java $JAVA_OPTS -jar "$JAR" \
		--borderwatch.embedded-db.data-dir="$APP_DATA" \
		--borderwatch.embedded-db.port="$PG_PORT" \
		--borderwatch.demo-data.enabled=false \
		"${APP_ARGS[@]}" \
		--server.port="$HTTP_PORT" >>"$APP_LOG" 2>&1 &
	APP_PID=$!
	echo "bench: started $JAR (pid $APP_PID), waiting for http://127.0.0.1:$HTTP_PORT/actuator/health"
	for _ in $(seq 1 "$APP_WAIT"); do
		if curl -fsS -o /dev/null "http://127.0.0.1:$HTTP_PORT/actuator/health" 2>/dev/null; then
			return 0
		fi
		if ! kill -0 "$APP_PID" 2>/dev/null; then
			echo "bench: the service stopped during start-up; the end of $APP_LOG:" >&2
			tail -n 30 "$APP_LOG" >&2
			exit 1
		fi
		sleep 1
	done
	echo "bench: the service did not become healthy in $APP_WAIT s; see $APP_LOG" >&2
	exit 1
}

stop_app() {
	if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
		kill "$APP_PID"
		wait "$APP_PID" 2>/dev/null || true
	fi
	APP_PID=
}
trap stop_app EXIT

restart_app() {
	stop_app
	start_app "$APP_DATA" "$APP_LOG" "$APP_WAIT" "${APP_ARGS[@]}"
}

# PostgreSQL's own log (for capture_statements) needs the logging collector, which only a
# restart turns on: done once per data directory.
enable_statement_log() {
	if [[ "$("${PSQL[@]}" -Atc 'show logging_collector')" != "on" ]]; then
		"${PSQL[@]}" -c "alter system set logging_collector = on" -c "alter system set log_directory = 'log'"
		restart_app
	fi
}

# capture_statements <output file> <command...>: the statements the command makes the service
# send, from PostgreSQL's log (log_min_duration_statement=0 for a moment).
capture_statements() {
	local target=$1 log before
	shift
	"${PSQL[@]}" -c "alter system set log_min_duration_statement = 0" -c "select pg_reload_conf()" >/dev/null
	sleep 1
	log=$(ls -t "$APP_DATA"/log/*.log | head -n 1)
	before=$(wc -c <"$log")
	"$@" || true
	sleep 1
	"${PSQL[@]}" -c "alter system reset log_min_duration_statement" -c "select pg_reload_conf()" >/dev/null
	tail -c +$((before + 1)) "$log" | grep -v -e 'pg_reload_conf' -e 'alter system' -e 'received SIGHUP' \
		-e 'parameter "log_min_duration_statement"' >"$target" || true
}

# field <name> <line>: the value of name=value in a BENCH line of the wrk scripts.
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

# jit_ticks <pid>: the JIT compiler threads' CPU time so far, in clock ticks, one "tid ticks" line
# per thread.
# A thread's name is in /proc/<pid>/task/<tid>/comm ("C2 CompilerThre", "C1 CompilerThre"), its
# user and system time are the 12th and 13th fields of its stat after the name. HotSpot starts and
# stops compiler threads as the queue grows and shrinks, hence per thread.
jit_ticks() {
	local task
	for task in /proc/"$1"/task/*; do
		if [[ "$(cat "$task/comm" 2>/dev/null)" == C[12]\ CompilerThre* ]]; then
			echo "${task##*/} $(sed 's/.*) //' "$task/stat" 2>/dev/null | awk '{ print $12 + $13 }')"
		fi
	done
}

# jit_share <jit_ticks before> <jit_ticks after> <JVM ticks used between>: the compilers' share
# of it in percent (a thread that ended between the two counts nothing).
jit_share() {
	awk -v before="$1" -v after="$2" -v all="$3" 'BEGIN {
		n = split(before, b, "\n"); for (i = 1; i <= n; i++) { split(b[i], f, " "); was[f[1]] = f[2] }
		n = split(after, a, "\n"); for (i = 1; i <= n; i++) { split(a[i], f, " "); if (f[1] != "") used += f[2] - was[f[1]] }
		printf "%.1f", (all > 0) ? used * 100 / all : 0 }'
}

# Both the read and the write benchmark need these.
need_http_and_sql_tools() {
	need wrk "apt-get install wrk"
	need psql "apt-get install postgresql-client"
	need pgbench "apt-get install postgresql-15 (or newer: pgbench ships with the server package on Debian 12)"
	need curl "apt-get install curl"
	need java "a Java 17+ runtime"
}
