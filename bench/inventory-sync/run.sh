#!/usr/bin/env bash
# Inventory benchmark in one command: ./bench/inventory-sync/run.sh [N endpoints, default 10000] [list rows, default 100000]
# Starts moto and the portal on free ports, seeds N endpoints across 2 accounts x 2 regions, times the portal's full
# sync against `aws ec2 describe-vpc-endpoints` for the same accounts and regions, then measures the inventory
# list API with the given number of rows seeded in PostgreSQL. Needs: JDK 17, moto server (pip "moto[server]")
# with boto3 in the same Python, the AWS CLI, psql. Builds the portal jar when target/ has none.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${BENCH_PYTHON:-}
if [[ -z "$PY" ]]; then
  for candidate in "$(command -v python3 || true)" "$HOME"/.pyenv/versions/*/bin/python3; do
    if [[ -x "$candidate" ]] && "$candidate" -c 'import boto3, moto' 2>/dev/null; then PY=$candidate; break; fi
  done
fi
[[ -n "$PY" ]] || { echo "No Python with boto3 and moto found: pip install 'moto[server]==5.2.1' (or set BENCH_PYTHON)" >&2; exit 1; }
if ! ls target/vpc-endpoint-portal-*.jar >/dev/null 2>&1; then
  echo "Building the portal jar (./mvnw -q -DskipTests package)..."
  ./mvnw -o -q -DskipTests -Djacoco.skip=true package || ./mvnw -q -DskipTests -Djacoco.skip=true package
fi
exec "$PY" bench/inventory-sync/bench.py "${1:-10000}" "${2:-100000}"
