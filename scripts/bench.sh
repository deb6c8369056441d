#!/usr/bin/env bash
# The ledger benchmark: latency (median, p90) of a public write, an issuance, a conversion,
# a token request and a REST issuance, each awaited one at a time, with ratios to the public write
# measured in the same run; then throughput of 200 concurrent conversions. Needs the
# consortium up (./test-network.sh up). Writes gateway-client/target/benchmark.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if ! ./test-network.sh status --json | grep -q '"state":"up"'; then
  echo "The network is not up; run ./test-network.sh up first." >&2
  exit 1
fi
mvn -B -q -Pbench -pl gateway-client verify
cat gateway-client/target/benchmark.md
