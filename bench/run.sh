#!/usr/bin/env bash
# One command: bench/run.sh  (from the repository root; needs a JDK 17 and Debian's pgbench: apt-get install -y postgresql-contrib)
# Starts the portal jar on the embedded PostgreSQL (fresh data dir, demo data, plan-only mode), measures start-up time
# and resident memory, then request creation through the API at 50 concurrent clients against pgbench inserts on the
# same PostgreSQL, and prints one results row with the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-18431}
PG_PORT=${BENCH_PG_PORT:-15433}
CLIENTS=${BENCH_CLIENTS:-50}
PER_CLIENT=${BENCH_REQUESTS_PER_CLIENT:-40}
PG_SECONDS=${BENCH_PGBENCH_SECONDS:-20}
WORK=$(mktemp -d /tmp/vpcportal-bench.XXXXXX)
command -v pgbench >/dev/null || { echo "pgbench missing: apt-get install -y postgresql-contrib" >&2; exit 1; }
JAR=${BENCH_JAR:-$(ls target/vpc-endpoint-portal-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [ -z "$JAR" ]; then ./mvnw -q -DskipTests package; JAR=$(ls target/vpc-endpoint-portal-*.jar | grep -v original | head -1); fi

OPTS=${BENCH_JAVA_OPTS--XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=256m -Xmx256m -Xms32m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TrimNativeHeapInterval=5000}
load_start=$(cut -d' ' -f1 /proc/loadavg)
start=$(date +%s.%N)
# shellcheck disable=SC2086
java $OPTS -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" --portal.aws.mode=plan \
  --portal.embedded-db.dir="$WORK/pg" --portal.embedded-db.port="$PG_PORT" >"$WORK/portal.log" 2>&1 &
PID=$!
trap 'kill $PID ${LOAD_PID:-} 2>/dev/null; wait $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
until curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; do
  kill -0 $PID 2>/dev/null || { cat "$WORK/portal.log" >&2; exit 1; }; sleep 0.2; done
startup=$(echo "$(date +%s.%N) - $start" | bc)
rss_of_tree() { # resident memory (MB) of the JVM, and of the PostgreSQL processes on our data directory
  local jvm pg; jvm=$(awk '/VmRSS/{print $2}' /proc/$PID/status)
  local pm; pm=$(head -1 "$WORK/pg/postmaster.pid")   # the postmaster and its backends (shared buffers counted once per process)
  pg=$( (ps -o rss= -p "$pm"; ps -o rss= --ppid "$pm") | awk '{s+=$1} END {print s+0}')
  echo "$((jvm / 1024)) $((pg / 1024))"; }
pss_of_pg() { # proportional set size (MB) summed over the PostgreSQL processes: shared buffers count once
  local pm; pm=$(head -1 "$WORK/pg/postmaster.pid")
  for p in $pm $(ps -o pid= --ppid "$pm"); do awk '/^Pss:/{print $2}' /proc/$p/smaps_rollup 2>/dev/null; done \
    | awk '{s+=$1} END {printf "%d", s/1024}'; }
cpu_ticks() { # user+system clock ticks of the JVM, and of the PostgreSQL server (its live processes + reaped children)
  local pm; pm=$(head -1 "$WORK/pg/postmaster.pid")
  local jvm; jvm=$(awk '{print $14+$15}' /proc/$PID/stat)
  local pg; pg=$( (awk '{print $14+$15+$16+$17}' /proc/$pm/stat; for p in $(ps -o pid= --ppid "$pm"); do
    awk '{print $14+$15}' /proc/$p/stat 2>/dev/null; done) | awk '{s+=$1} END {print s+0}')
  echo "$jvm $pg"; }
sleep 10 # idle: the figures of a portal that has started and waits for its first user
read -r rss_start pg_rss_start < <(rss_of_tree)
pg_pss_start=$(pss_of_pg)

TOKENS=""
for n in 1 2 3 4 5; do
  t=$(curl -s -u requester:demo -H 'Content-Type: application/json' -d "{\"name\":\"bench-$n\",\"expiresInDays\":1}" \
      "http://127.0.0.1:$PORT/api/v1/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')
  TOKENS="$TOKENS${TOKENS:+,}$t"; done
# The load generator: one JVM of bench/ApiLoad.java for the warm-up and the measured run (it reads "CLIENTS REQUESTS"
# lines and answers each with a result line), so its own start and JIT fall in the warm-up and its CPU per create can
# be read from /proc between the runs.
mkdir -p "$WORK/load" && javac -d "$WORK/load" bench/ApiLoad.java
coproc LOAD { exec java -cp "$WORK/load" ApiLoad "http://127.0.0.1:$PORT" - - "$TOKENS"; }
load_run() { echo "$1 $2" >&"${LOAD[1]}"; read -r result <&"${LOAD[0]}"; } # sets $result (no subshell: it keeps the pipes)
# Warm-up: BENCH_WARMUP_ROUNDS (default 3) rounds of the measured load, so the run measures the portal as it serves
# after its first minutes, when the JIT has compiled the create path (the first 2,000 creates after a start cost
# about twice the JVM CPU of later ones: "A lean load generator, a warm portal" in bench/README.md). 0 measures a
# portal that has served nothing but the tokens' creation.
for _ in $(seq 1 "${BENCH_WARMUP_ROUNDS:-3}"); do load_run "$CLIENTS" "$PER_CLIENT"; done
read -r jvm_t0 pg_t0 < <(cpu_ticks)
load_t0=$(awk '{print $14+$15}' /proc/$LOAD_PID/stat)
load_run "$CLIENTS" "$PER_CLIENT"
read -r api_tps api_p50 api_p99 api_errors <<<"$result"
read -r jvm_t1 pg_t1 < <(cpu_ticks)
load_t1=$(awk '{print $14+$15}' /proc/$LOAD_PID/stat)
kill "$LOAD_PID" 2>/dev/null || true
hz=$(getconf CLK_TCK); creates=$((CLIENTS * PER_CLIENT))
jvm_ms=$(echo "scale=2; ($jvm_t1 - $jvm_t0) * 1000 / $hz / $creates" | bc)
pg_ms=$(echo "scale=2; ($pg_t1 - $pg_t0) * 1000 / $hz / $creates" | bc)
load_ms=$(echo "scale=2; ($load_t1 - $load_t0) * 1000 / $hz / $creates" | bc)
read -r rss_load pg_rss_load < <(rss_of_tree)
pg_pss_load=$(pss_of_pg)

export PGPASSWORD=postgres
psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "create database bench" >/dev/null
psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d bench >/dev/null <<'SQL'
create table bench_request (id uuid primary key, team varchar(40) not null, account_id varchar(12) not null,
  region varchar(20) not null, vpc_id varchar(21) not null, title varchar(200) not null, justification text not null,
  requester varchar(100) not null, created_at timestamptz not null);
create index on bench_request (team, created_at desc, id desc);
create table bench_item (id bigserial primary key, request_title text, template_key varchar(64), subnet_ids text[]);
create table bench_timeline (id bigserial primary key, request_title text, at timestamptz, entry text);
SQL
(cd "$WORK" && pgbench -n -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "$CLIENTS" -j 2 -T "$PG_SECONDS" -l \
  -f "$OLDPWD/bench/insert.sql" bench >"$WORK/pgbench.out" 2>&1)
pg_tps=$(awk '/^tps/{printf "%.1f", $3; exit}' "$WORK/pgbench.out")
pg_p99=$(cat "$WORK"/pgbench_log.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {i=int(NR*0.99); if (i<1) i=1; printf "%.1f", a[i]/1000}')

ratio_tps=$(echo "scale=3; $api_tps / $pg_tps" | bc)
ratio_p99=$(echo "scale=1; $api_p99 / $pg_p99" | bc)
echo
echo "| date | machine | API create/s (50 clients) | API p50 / p99 ms | pgbench tx/s | pgbench p99 ms | throughput ratio API/floor | p99 ratio API/floor | API errors | start-up s | JVM RSS MB idle / after load | PostgreSQL PSS MB idle / after load | CPU ms per create JVM / PostgreSQL / load generator |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
echo "| $(date -u '+%F %H:%M') | $(nproc) cores, load $load_start at start, $(cut -d' ' -f1 /proc/loadavg) at end | $api_tps | $api_p50 / $api_p99 | $pg_tps | $pg_p99 | $ratio_tps | $ratio_p99 | $api_errors | $(printf %.1f "$startup") | $rss_start / $rss_load | $pg_pss_start / $pg_pss_load | $jvm_ms / $pg_ms / $load_ms |"
