#!/usr/bin/env bash
# One command: bench/startup.sh  (from the repository root; JDK 17)
# Start-up of the portal jar on the embedded PostgreSQL, from `java` to a healthy /actuator/health, in four ways:
#   fresh      a new data directory (initdb, every migration, demo data)
#   existing   the same directory again (Flyway only validates)
#   cds        the same, from the extracted jar with a class data sharing archive made by a training run
#   cds-no-db-training   the same, with the archive made as the container image makes it: a training run without
#              a database (Dockerfile)
# and the resident memory once healthy and idle: JVM RSS, PostgreSQL PSS (summed over its processes).
# Knobs: BENCH_JAR, BENCH_PORT, BENCH_PG_PORT, BENCH_JAVA_OPTS (JVM flags for every start; default: the ones the
# portal documents for a small machine).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18441}
PG_PORT=${BENCH_PG_PORT:-15443}
OPTS=${BENCH_JAVA_OPTS--XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=256m -Xmx256m -Xms32m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TrimNativeHeapInterval=5000}
WORK=$(mktemp -d /tmp/vpcportal-startup.XXXXXX)
JAR=${BENCH_JAR:-$(ls target/vpc-endpoint-portal-*.jar 2>/dev/null | grep -v original | head -1 || true)}
[ -n "$JAR" ] || { ./mvnw -q -DskipTests package; JAR=$(ls target/vpc-endpoint-portal-*.jar | grep -v original | head -1); }
PID=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT

start() { # $1 label, then java arguments before the jar's own
  local label=$1; shift
  local t0; t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  java $OPTS "$@" --spring.profiles.active=demo --server.port="$PORT" --portal.aws.mode=plan \
    --portal.embedded-db.dir="$WORK/pg" --portal.embedded-db.port="$PG_PORT" >"$WORK/$label.log" 2>&1 &
  PID=$!
  until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do
    kill -0 $PID 2>/dev/null || { tail -40 "$WORK/$label.log" >&2; exit 1; }; sleep 0.1; done
  local secs; secs=$(echo "$(date +%s.%N) - $t0" | bc)
  sleep 10 # idle
  local jvm pm pg
  jvm=$(awk '/VmRSS/{printf "%d", $2/1024}' /proc/$PID/status)
  pm=$(head -1 "$WORK/pg/postmaster.pid")
  pg=$(for p in $pm $(ps -o pid= --ppid "$pm"); do awk '/^Pss:/{print $2}' /proc/$p/smaps_rollup 2>/dev/null; done \
    | awk '{s+=$1} END {printf "%d", s/1024}')
  local spring; spring=$(grep -o 'Started PortalApplication in [0-9.]* seconds' "$WORK/$label.log" | grep -o '[0-9.]*' | head -1)
  printf '| %s | %.1f | %s | %s | %s |\n' "$label" "$secs" "${spring:-?}" "$jvm" "$pg"
  kill $PID; wait $PID 2>/dev/null || true; PID=
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; JVM flags: $OPTS"
echo "| start | to healthy s | Spring's \"Started in\" s | JVM RSS MB idle | PostgreSQL PSS MB idle |"
echo "|---|---|---|---|---|"
start fresh -jar "$JAR"
start existing -jar "$JAR"
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
NAME=$(basename "$JAR")
# training run: the context starts (embedded PostgreSQL included) and exits once refreshed; classes go to the archive.
# The jar is named by the same path in the training run and in the start: JDK 17 records the class path as given and
# ignores the archive ("A jar file is not the one used while building the shared archive file") when it differs.
# shellcheck disable=SC2086
java $OPTS -XX:ArchiveClassesAtExit="$WORK/app/portal.jsa" -Dspring.context.exit=onRefresh \
  -jar "$WORK/app/$NAME" --spring.profiles.active=demo --portal.aws.mode=plan --server.port=0 \
  --portal.embedded-db.dir="$WORK/pg" --portal.embedded-db.port="$PG_PORT" >"$WORK/training.log" 2>&1 || true
[ -f "$WORK/app/portal.jsa" ] || { tail -30 "$WORK/training.log" >&2; exit 1; }
# -Xshare:on: a start that cannot use the archive fails instead of silently running without it
start cds -XX:SharedArchiveFile="$WORK/app/portal.jsa" -Xshare:on -jar "$WORK/app/$NAME"
# the container image's way (Dockerfile): the training run has no database at all
rm -f "$WORK/app/portal.jsa"
# shellcheck disable=SC2086
java $OPTS -XX:ArchiveClassesAtExit="$WORK/app/portal.jsa" -Dspring.context.exit=onRefresh -jar "$WORK/app/$NAME" \
  --spring.profiles.active=cds-training >"$WORK/training-image.log" 2>&1 || true
[ -f "$WORK/app/portal.jsa" ] || { tail -30 "$WORK/training-image.log" >&2; exit 1; }
start cds-no-db-training -XX:SharedArchiveFile="$WORK/app/portal.jsa" -Xshare:on -jar "$WORK/app/$NAME"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
