#!/usr/bin/env bash
# Hyperledger Caliper beside our own benchmark (issue 12; docs/benchmarks.md): the bare write, issuance, transfer and
# conversion (bench/caliper/benchmark.yaml, workload module bench/caliper/ledger.js) through the Fabric gateway
# (caliper-fabric 0.6.0's fabric:2.4 binding, @hyperledger/fabric-gateway) as platform-a's client, from the network
# configuration admin-cli generates (admin-cli network caliper → runtime/caliper/network.yaml).
# Installs @hyperledger/caliper-cli@0.6.0 on first use into $POINTSNET_CACHE/caliper (default
# ~/.cache/pointsnet/caliper; never into the repository) and binds it. Needs Node 18–20 and the network up.
# Writes runtime/caliper/report.html and prints Caliper's summary tables.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CALIPER_HOME="${POINTSNET_CACHE:-$HOME/.cache/pointsnet}/caliper"
if ! ./test-network.sh status --json | grep -q '"state":"up"'; then
  echo "The network is not up; run ./test-network.sh up first." >&2
  exit 1
fi
if [ ! -x "$CALIPER_HOME/node_modules/.bin/caliper" ] || [ ! -d "$CALIPER_HOME/node_modules/@hyperledger/fabric-gateway" ]; then
  echo "==> Installing Caliper 0.6.0 into $CALIPER_HOME"
  mkdir -p "$CALIPER_HOME"
  (cd "$CALIPER_HOME" && { [ -f package.json ] || npm init -y >/dev/null; } \
    && npm install --no-audit --no-fund @hyperledger/caliper-cli@0.6.0 \
    && npx caliper bind --caliper-bind-sut fabric:2.4)
fi
# The spec the running network came up from (test-network.sh records it in runtime/spec).
SPEC="$(cat runtime/spec 2>/dev/null || echo crypto-config/network.yaml)"
java -jar admin-cli/target/admin-cli.jar network caliper --spec "$SPEC" --runtime runtime
# The workload module requires @hyperledger/caliper-core from Caliper's own install.
export NODE_PATH="$CALIPER_HOME/node_modules"
"$CALIPER_HOME/node_modules/.bin/caliper" launch manager \
  --caliper-workspace "$ROOT" \
  --caliper-networkconfig runtime/caliper/network.yaml \
  --caliper-benchconfig bench/caliper/benchmark.yaml \
  --caliper-report-path runtime/caliper/report.html \
  --caliper-flow-only-test
echo "==> Report: runtime/caliper/report.html"
