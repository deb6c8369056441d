#!/usr/bin/env bash
# The ledger benchmark (issue 12; docs/benchmarks.md): a bare write of a fresh key (probe:PutValue, directly
# only: the probe's REST endpoint is off on the network; it is the baseline of both paths' ratios), a user's
# registration (user:Register; POST /users), issuance, transfer, conversion and redemption (reward:Redeem), each
# through REST (platform-a's gateway, HTTPS) and directly through fabric-gateway, at a fixed number of client threads. Reports throughput
# (committed tx/s), p50/p95/p99 latency, outcome counts and the CPU ms per committed transaction of every node
# process (from /proc/<pid>/stat with the pids in runtime/pids), with ratios to the bare write of the same run;
# medians over runs.
# Writes gateway-client/target/benchmark.md and gateway-client/target/benchmark.json.
# Needs the consortium up (./test-network.sh up).
#
# Environment:
#   BENCH_MODE       full (default) or short (CI: 1 run, no warm-up, 8 threads, 16 tx per workload; asserts only that
#                    every transaction committed and the report was written)
#   BENCH_RUNS       runs per workload (full: 3)          BENCH_THREADS  client threads (full: 32)
#   BENCH_TX         transactions per run (full: 192)     BENCH_WARMUP   unmeasured runs first (full: 1, short: 0)
#   BENCH_PATHS      rest,direct (default both)
#   BENCH_WORKLOADS  probe,registration,issuance,transfer,conversion,redemption (default all; probe is the baseline)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if ! ./test-network.sh status --json | grep -q '"state":"up"'; then
  echo "The network is not up; run ./test-network.sh up first." >&2
  exit 1
fi
export BENCH_MODE="${BENCH_MODE:-full}"
report="gateway-client/target/benchmark"
rm -f "$report.md" "$report.json"
echo "==> Ledger benchmark, $BENCH_MODE mode ($(nproc) cores;$(uptime | sed 's/.*load average/ load average/'))"
# The benchmark builds gateway-client alone, which takes the contract module (and the parent POM) from the local
# Maven repository: install this checkout's first, so a fresh machine has them and a stale copy is replaced.
mvn -B -q -DskipTests -pl contract -am install
# The client JVM runs with the nodes' JVM options (the pom's bench.jvm.args is test-network.sh's default).
jvm_args=()
if [ -n "${POINTSNET_NODE_JAVA_OPTS:-}" ]; then
  jvm_args=("-Dbench.jvm.args=$POINTSNET_NODE_JAVA_OPTS")
fi
mvn -B -q -Pbench -pl gateway-client verify "${jvm_args[@]}"
if [ ! -s "$report.md" ] || [ ! -s "$report.json" ]; then
  echo "The benchmark wrote no report ($report.md, $report.json)." >&2
  exit 1
fi
echo "==> Report: $report.md and $report.json"
