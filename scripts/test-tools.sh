#!/usr/bin/env bash
# Brings what Maven cannot: the moto server (the AWS emulator the integration tests start).
# Says what it finds or installs; exits non-zero with instructions when it cannot.
set -euo pipefail

find_moto() {
  if [ -n "${MOTO_SERVER:-}" ] && [ -x "$MOTO_SERVER" ]; then echo "$MOTO_SERVER"; return 0; fi
  if command -v moto_server >/dev/null 2>&1 && [[ "$(command -v moto_server)" != */shims/* ]]; then
    command -v moto_server; return 0
  fi
  for candidate in "$HOME"/.pyenv/versions/*/bin/moto_server; do
    [ -x "$candidate" ] && { echo "$candidate"; return 0; }
  done
  return 1
}

if moto=$(find_moto); then
  echo "test-tools: moto server found at $moto"
else
  echo "test-tools: moto server not found; installing it with pip (moto[server]==5.2.1)"
  python3 -m pip install --user 'moto[server]==5.2.1' || {
    echo "test-tools: could not install moto. Install it yourself (pip install 'moto[server]==5.2.1')" \
         "or set MOTO_SERVER to its path, then run ./mvnw verify" >&2
    exit 1
  }
  moto=$(find_moto) || { echo "test-tools: moto installed but moto_server is not on PATH" >&2; exit 1; }
  echo "test-tools: moto server installed at $moto"
fi
export MOTO_SERVER="$moto"
