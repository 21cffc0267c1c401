#!/usr/bin/env bash
# Savings dashboard benchmark in one command: ./bench/savings-dashboard/run.sh [endpoints, default 10000] [days, default 365]
# Starts the portal jar on a fresh embedded PostgreSQL, seeds endpoints x days ledger rows with generate_series (plus
# NAT gateways and VPCs with missed savings), then, with the portal's clock set by libfaketime to the 1st, the 15th and
# the last day of last month in turn (BENCH_TODAYS to choose), times GET /api/v1/savings for each groupBy and the
# dashboard page GET /savings. Needs: JDK 17, python3, psql, libfaketime. Builds the portal jar when target/ has none.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v psql >/dev/null || { echo "psql missing: apt-get install -y postgresql-client" >&2; exit 1; }
ls /usr/lib/*/faketime/libfaketime.so.1 >/dev/null 2>&1 || { echo "libfaketime missing: apt-get install -y faketime" >&2; exit 1; }
if ! ls target/vpc-endpoint-portal-*.jar >/dev/null 2>&1; then
  echo "Building the portal jar (./mvnw -q -DskipTests package)..."
  ./mvnw -o -q -DskipTests -Djacoco.skip=true package || ./mvnw -q -DskipTests -Djacoco.skip=true package
fi
exec python3 bench/savings-dashboard/bench.py "${1:-10000}" "${2:-365}"
