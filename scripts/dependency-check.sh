#!/usr/bin/env bash
# Known vulnerabilities in the portal's dependencies: OWASP dependency-check against the NVD, failing on any
# CVSS >= 9 (critical). The NVD feed needs the internet: where it cannot be reached (this project's build machines
# and CI reach only the package registries), the script says so, points at the SBOM that `./mvnw verify` writes
# (target/bom.json, CycloneDX), and exits 0 without claiming anything. Not part of .ci/run for that reason.
#
#   scripts/dependency-check.sh            # NVD_API_KEY=... speeds up the first download (hours without a key)
#
set -euo pipefail
cd "$(dirname "$0")/.."

DC_VERSION=12.1.0
NVD=https://services.nvd.nist.gov/rest/json/cves/2.0?resultsPerPage=1
command="./mvnw -B -ntp org.owasp:dependency-check-maven:${DC_VERSION}:check -DfailBuildOnCVSS=9 -Dformats=HTML,JSON"

if ! curl -sS -m 15 -o /dev/null "$NVD" 2>/dev/null; then
    cat <<MSG
OFFLINE: the NVD (services.nvd.nist.gov) cannot be reached from this machine, so NO vulnerability check ran.
The dependency list to check is the SBOM that ./mvnw verify writes: target/bom.json (CycloneDX 1.6, runtime scope).
Where there is network, run from the repository root:

    scripts/dependency-check.sh
    # or directly: ${command}

It fails on any dependency with a CVSS score of 9 or more and writes target/dependency-check-report.html.
The SBOM alone can also be checked by any CycloneDX-aware scanner (OWASP Dependency-Track, osv-scanner --sbom).
MSG
    exit 0
fi

if [ -n "${NVD_API_KEY:-}" ]; then
    command="$command -DnvdApiKey=$NVD_API_KEY"
fi
echo "NVD reachable: $command"
$command
echo "dependency-check: no dependency with CVSS >= 9 (report: target/dependency-check-report.html)"
