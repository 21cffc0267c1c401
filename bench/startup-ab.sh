#!/usr/bin/env bash
# One command: bench/startup-ab.sh A.jar B.jar [more.jar …]   (from the repository root; JDK 17)
# Alternates existing-data-directory starts of the given jars (BENCH_ROUNDS rounds, default 3) on one embedded
# PostgreSQL directory, so that every jar meets the same machine: one line per start with the seconds from `java` to a
# healthy /actuator/health, Spring's "Started in" and the load average. The first start of the first jar creates the
# directory (a fresh start, not counted as such). Knobs: BENCH_PORT, BENCH_PG_PORT, BENCH_JAVA_OPTS, BENCH_ROUNDS.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 A.jar [B.jar …]" >&2; exit 2; }
PORT=${BENCH_PORT:-18551}
PG_PORT=${BENCH_PG_PORT:-15551}
OPTS=${BENCH_JAVA_OPTS--XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=256m -Xmx256m -Xms32m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TrimNativeHeapInterval=5000}
WORK=$(mktemp -d /tmp/vpcportal-startup-ab.XXXXXX)
PID=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT
echo "| jar | round | to healthy s | Spring's \"Started in\" s | load |"
echo "|---|---|---|---|---|"
for round in $(seq 1 "${BENCH_ROUNDS:-3}"); do
  for jar in "$@"; do
    t0=$(date +%s.%N)
    # shellcheck disable=SC2086
    java $OPTS -jar "$jar" --spring.profiles.active=demo --server.port="$PORT" --portal.aws.mode=plan \
      --portal.embedded-db.dir="$WORK/pg" --portal.embedded-db.port="$PG_PORT" >"$WORK/start.log" 2>&1 &
    PID=$!
    until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do
      kill -0 $PID 2>/dev/null || { tail -40 "$WORK/start.log" >&2; exit 1; }; sleep 0.1; done
    secs=$(echo "$(date +%s.%N) - $t0" | bc)
    spring=$(grep -o 'Started PortalApplication in [0-9.]*' "$WORK/start.log" | grep -o '[0-9.]*$' || true)
    printf '| %s | %d | %.1f | %s | %s |\n' "$(basename "$jar")" "$round" "$secs" "${spring:-?}" \
      "$(cut -d' ' -f1 /proc/loadavg)"
    kill $PID; wait $PID 2>/dev/null || true; PID=
  done
done
