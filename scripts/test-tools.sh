#!/usr/bin/env bash
# Brings what Maven cannot: the moto server (the AWS emulator the integration tests start) and Chromium (the
# browser the *BrowserTests drive through Playwright; Playwright never downloads one here).
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

find_chromium() {
  for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium; do
    [ -n "$candidate" ] && [ -x "$candidate" ] && { echo "$candidate"; return 0; }
  done
  return 1
}

if chromium=$(find_chromium); then
  echo "test-tools: Chromium found at $chromium"
else
  echo "test-tools: Chromium not found; installing Debian's packages chromium and chromium-driver with apt-get (about a minute)"
  if [ "$(id -u)" -eq 0 ]; then apt=(apt-get); else apt=(sudo apt-get); fi
  export DEBIAN_FRONTEND=noninteractive
  { "${apt[@]}" update -qq && "${apt[@]}" install -y -qq --no-install-recommends chromium chromium-driver; } || {
    echo "test-tools: could not install Chromium. Install it yourself (apt-get install -y chromium chromium-driver)" \
         "or set CHROMIUM_PATH to a Chromium or Chrome executable, then run ./mvnw verify" >&2
    exit 1
  }
  chromium=$(find_chromium) || { echo "test-tools: chromium installed but /usr/bin/chromium is missing" >&2; exit 1; }
  echo "test-tools: Chromium installed at $chromium"
fi
export CHROMIUM_PATH="$chromium"
