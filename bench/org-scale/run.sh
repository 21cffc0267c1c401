#!/usr/bin/env bash
# Organization-scale sync benchmark in one command: ./bench/org-scale/run.sh
# moto with an organization of 1,000 member accounts (each: a VPC, 2 subnets, a route table and 5 endpoints in
# 2 regions), a proxy adding 100 ms to every AWS call, the portal from the jar on its embedded PostgreSQL: full sync
# with one instance, with two, the sequential baseline, the floor and the highest call rate per (account, region).
# Knobs: BENCH_STEPS (discovery: stop after the discoveries), BENCH_ACCOUNTS (1000), BENCH_CONCURRENCY (10 units per instance), BENCH_DELAY (0.1 s),
# BENCH_CALLS_PER_SECOND (5, the portal's limit per account and region), BENCH_BASELINE_SECONDS (90). moto runs inside the benchmark's Python.
# Needs: JDK 17, a Python with boto3 and moto[server] (the pyenv one here). Builds the jar when target/ has none.
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

exec "$PY" bench/org-scale/bench.py
