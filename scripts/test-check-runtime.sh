#!/usr/bin/env bash
# Tests of scripts/check-runtime.sh on a fake runtime folder: a clean one passes; a group-readable file, a listable
# folder, a full user id in a log and a secret in up's output each fail it; masked ids and PostgreSQL's socket do not.
# Prints "check-runtime: N passed, N failed".
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRIPT="$ROOT/scripts/check-runtime.sh"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
passed=0
failed=0
ID="platform-a.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde"

# fresh: a clean runtime folder as test-network.sh leaves it (umask 077).
fresh() {
  rm -rf "$WORK/runtime" "$WORK/up.out"
  ( umask 077
    mkdir -p "$WORK/runtime/logs" "$WORK/runtime/platforms/platform-a/projection" "$WORK/runtime/pg"
    printf "PN_PLATFORMS=('platform-a' 'platform-b')\n" > "$WORK/runtime/network.env"
    printf "POINTSNET_OAUTH_CLIENTSECRET='s3cr3t-value-0123456789'\n" > "$WORK/runtime/platforms/platform-a/gateway-secrets.env"
    printf 'db\n' > "$WORK/runtime/platforms/platform-a/projection/db.mv.db"
    printf '{"message":"issued to platform-a.AbCdEf…"}\n' > "$WORK/runtime/logs/gateway-platform-a.log"
    printf '==> Gateways\n    platform-a: secret in runtime/platforms/platform-a/gateway-secrets.env\n' > "$WORK/up.out" )
  python3 -c 'import socket, sys; s = socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' "$WORK/runtime/pg/.s.PGSQL.9055"
  chmod 0777 "$WORK/runtime/pg/.s.PGSQL.9055"
}

# expect NAME STATUS: check-runtime.sh on the fake runtime exits with STATUS (0 passes, 1 fails).
expect() {
  local name="$1" want="$2" got out
  out="$(POINTSNET_RUNTIME="$WORK/runtime" UP_OUTPUT="$WORK/up.out" "$SCRIPT" 2>&1)"
  got=$?
  if [ "$got" = "$want" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    printf 'FAIL %s: exit %s, wanted %s\n%s\n' "$name" "$got" "$want" "$out"
  fi
  if [[ "$out" == *"$ID"* ]]; then
    failed=$((failed + 1))
    printf 'FAIL %s: the report shows the full user id\n' "$name"
  fi
}

fresh; expect "clean runtime, masked id, PostgreSQL socket" 0
fresh; chmod 0644 "$WORK/runtime/platforms/platform-a/projection/db.mv.db"; expect "group-readable database" 1
fresh; chmod 0755 "$WORK/runtime/platforms"; expect "listable folder" 1
fresh; chmod 0710 "$WORK/runtime/platforms"; expect "folder others may only pass (postgres)" 0
fresh; printf 'INFO Got the invoke request for:account:Issue [{"userId":"%s"}]\n' "$ID" >> "$WORK/runtime/logs/chaincode-platform-a.log"
expect "full user id in a chaincode log" 1
fresh; printf 'x %s.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde y\n' platform-b > "$WORK/runtime/logs/peer-platform-b.log"
expect "full user id of another platform in a peer log" 1
fresh; echo "secret s3cr3t-value-0123456789" >> "$WORK/up.out"; expect "secret in up's output" 1
fresh; ( umask 077; mkdir -p "$WORK/runtime/peer-data/stateLeveldb"; printf '\001%s\002' "$ID" > "$WORK/runtime/peer-data/stateLeveldb/000001.log" )
expect "user id in the ledger's own data (LevelDB *.log)" 0

echo "check-runtime: $passed passed, $failed failed"
[ $failed -eq 0 ]
