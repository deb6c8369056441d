#!/usr/bin/env bash
# The project's test command (README.md; .ci/run calls exactly this):
#   1. tests of the scripts (scripts/test-install-fabric.sh), unit tests of the alert rules
#      (scripts/test-alert-rules.sh: promtool, installed if missing), unit tests of every module (mvn install)
#   2. the consortium on real Fabric (./test-network.sh up), unless it is already up
#   3. Chromium and chromedriver for the web console's browser tests (apt-get, only when missing), the end-to-end
#      tests against the live network (Maven profile e2e, failsafe), then the benchmark's
#      short mode (BENCH_MODE=short scripts/bench.sh: every transaction commits, the report is written)
#   4. what the network's files give away after all that (scripts/check-runtime.sh): no file under runtime/ readable
#      by group or others, no full user id in any log, and no secret in what `up` printed (target/up-output.log)
#   5. ./test-network.sh down if this script brought the network up, even on failure
# Exits non-zero if any part failed; prints the wall time of each part.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

started_network=0
up_output=""
phase_start=$SECONDS
timings=()
phase_done() { timings+=("$1: $((SECONDS - phase_start))s"); phase_start=$SECONDS; }
finish() {
  local rc=$?
  if [ $started_network -eq 1 ]; then
    if [ $rc -ne 0 ]; then
      echo "==> Tests failed; status and log tails of the network:"
      ./test-network.sh status || true
      ./test-network.sh logs || true
    fi
    ./test-network.sh down || rc=1
  fi
  echo "==> Timings: ${timings[*]:-none}"
  [ $rc -eq 0 ] && echo "==> All tests passed" || echo "==> Tests FAILED (exit $rc)"
  exit $rc
}
trap finish EXIT

echo "==> Tests of scripts/install-fabric.sh"
./scripts/test-install-fabric.sh
phase_done "scripts"

echo "==> Tests of scripts/check-runtime.sh"
./scripts/test-check-runtime.sh
phase_done "scripts-check-runtime"

echo "==> Unit tests of the alert rules (scripts/test-alert-rules.sh, promtool)"
./scripts/test-alert-rules.sh
phase_done "alert-rules"

# install, not only verify: the end-to-end run and the benchmark build gateway-client alone (-pl), which takes the
# contract module from the local Maven repository; a machine that never built PointsNet has none there.
echo "==> Unit tests (mvn install)"
mvn -B install
phase_done "unit"

if ./test-network.sh status --json | grep -q '"state":"up"'; then
  echo "==> Using the network that is already up"
else
  echo "==> Bringing the consortium up (its output also in target/up-output.log, checked for secrets below)"
  started_network=1
  mkdir -p "$ROOT/target"
  up_output="$ROOT/target/up-output.log"
  ./test-network.sh up 2>&1 | tee "$up_output"
fi
phase_done "network-up"

# The web console's browser tests (WebConsoleEndToEndIT) drive Debian's headless Chromium through its own
# chromedriver (no driver download): installed only when missing, the way test-network.sh installs PostgreSQL.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "==> Installing Chromium and its driver for the web console's browser tests (apt-get install chromium chromium-driver)"
  command -v apt-get >/dev/null 2>&1 \
    || { echo "neither /usr/bin/chromium + /usr/bin/chromedriver nor apt-get is available: install Chromium and its driver"; exit 1; }
  mkdir -p "$ROOT/target"
  { DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver \
      || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver; }; } \
    >> "$ROOT/target/apt-chromium.log" 2>&1 || { echo "apt-get install chromium chromium-driver failed; see target/apt-chromium.log"; exit 1; }
fi
phase_done "browser-install"

echo "==> End-to-end tests against the live network (mvn -Pe2e verify)"
mvn -B -Pe2e -pl gateway-client verify
phase_done "e2e"

echo "==> Benchmark, short mode (BENCH_MODE=short scripts/bench.sh; no speed assertions)"
BENCH_MODE=short ./scripts/bench.sh
phase_done "bench-short"

echo "==> What runtime/ gives away after the end-to-end tests and the benchmark (scripts/check-runtime.sh)"
UP_OUTPUT="${up_output:-}" ./scripts/check-runtime.sh
phase_done "runtime-check"
