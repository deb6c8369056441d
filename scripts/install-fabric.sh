#!/usr/bin/env bash
# Provides Hyperledger Fabric v3.1.5 binaries (peer, orderer, configtxgen, osnadmin,
# configtxlator) in a cache folder outside the repository and prints that folder.
#
# Order of preference: binaries already on PATH or in $FABRIC_BIN whose `peer version`
# reports 3.1.5; a previous build in the cache; a fresh `go install` pinned to the
# v3.1.5 commit. The Fabric module path has no /v3 suffix, so the commit is pinned,
# not the tag.
set -euo pipefail

FABRIC_VERSION=3.1.5
FABRIC_COMMIT=86c1172bec37e6590c6b1ae6f847833df48d65fc
TOOLS=(peer orderer configtxgen osnadmin configtxlator)
CACHE_DIR="${POINTSNET_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pointsnet}"
BIN_DIR="$CACHE_DIR/fabric-$FABRIC_VERSION/bin"

log() { echo "[install-fabric] $*" >&2; }

# has_version DIR: every tool present in DIR and peer reports the pinned version.
has_version() {
  local dir="$1" t
  for t in "${TOOLS[@]}"; do [ -x "$dir/$t" ] || return 1; done
  "$dir/peer" version 2>/dev/null | grep -q "Version: v\?$FABRIC_VERSION\$"
}

for candidate in "${FABRIC_BIN:-}" "$(dirname "$(command -v peer 2>/dev/null || echo /nonexistent/peer)")"; do
  if [ -n "$candidate" ] && has_version "$candidate"; then
    log "using Fabric $FABRIC_VERSION binaries in $candidate"
    echo "$candidate"
    exit 0
  fi
done

if has_version "$BIN_DIR"; then
  log "using cached Fabric $FABRIC_VERSION binaries in $BIN_DIR"
  echo "$BIN_DIR"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  cat >&2 <<MSG
[install-fabric] Fabric $FABRIC_VERSION binaries were not found and Go is not installed.
Either install Go >= 1.26 (https://go.dev/dl/) and run this script again, or put the
Fabric $FABRIC_VERSION binaries (${TOOLS[*]}) in a folder and set FABRIC_BIN to it.
MSG
  exit 1
fi

mkdir -p "$BIN_DIR"
LDFLAGS="-X github.com/hyperledger/fabric/common/metadata.Version=$FABRIC_VERSION -X github.com/hyperledger/fabric/common/metadata.CommitSHA=${FABRIC_COMMIT:0:7}"
i=0
for t in "${TOOLS[@]}"; do
  i=$((i + 1))
  log "building $t ($i/${#TOOLS[@]}) from github.com/hyperledger/fabric@${FABRIC_COMMIT:0:7}; the first build downloads modules and takes several minutes"
  start=$(date +%s)
  if ! GOBIN="$BIN_DIR" GOFLAGS="${GOFLAGS:-} -buildvcs=false" \
      go install -ldflags "$LDFLAGS" "github.com/hyperledger/fabric/cmd/$t@$FABRIC_COMMIT"; then
    cat >&2 <<MSG
[install-fabric] 'go install github.com/hyperledger/fabric/cmd/$t@$FABRIC_COMMIT' failed (see above).
If the Go module proxy refuses the Fabric module at this commit, get the binaries another way:
  - set FABRIC_BIN to a folder holding Fabric $FABRIC_VERSION ${TOOLS[*]}, or
  - in a checkout of Fabric tag v$FABRIC_VERSION run 'make ${TOOLS[*]}' and copy build/bin/* to
    $BIN_DIR
MSG
    exit 1
  fi
  log "built $t in $(( $(date +%s) - start ))s"
done

if ! has_version "$BIN_DIR"; then
  log "built binaries do not report version $FABRIC_VERSION:"
  "$BIN_DIR/peer" version >&2 || true
  exit 1
fi
log "Fabric $FABRIC_VERSION binaries are in $BIN_DIR"
echo "$BIN_DIR"
