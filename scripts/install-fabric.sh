#!/usr/bin/env bash
# Provides Hyperledger Fabric v3.1.5 binaries (peer, orderer, configtxgen, osnadmin,
# configtxlator) and prints the folder that holds them (the only line on stdout).
#
# Where the binaries come from, first match wins:
#   1. FABRIC_DIST set: that release tarball (a local file or a URL), verified, into the cache
#   2. FABRIC_BIN, or `peer` on PATH, when `peer version` reports 3.1.5
#   3. the cache ($POINTSNET_CACHE, default ~/.cache/pointsnet) from an earlier install
#   4. Fabric's official v3.1.5 release tarball for this OS/arch, downloaded
#      (FABRIC_RELEASE_URL overrides the address, e.g. for an internal mirror)
#   5. `go install` of the five tools pinned to the v3.1.5 commit
#
# A tarball is checked before anything is extracted: its SHA-256 must equal
# FABRIC_DIST_SHA256, or its line in a SHA256SUMS file beside a local tarball. Fabric's
# official tarball has no published checksum to pin, so it is taken over HTTPS and its
# SHA-256 is printed for the record. After extraction into a temporary folder inside the
# cache, every tool must be there and `peer version` must report 3.1.5; only then does the
# folder replace the cache entry (one rename). A refused tarball leaves the cache as it was.
set -euo pipefail

FABRIC_VERSION=3.1.5
FABRIC_COMMIT=86c1172bec37e6590c6b1ae6f847833df48d65fc
TOOLS=(peer orderer configtxgen osnadmin configtxlator)
CACHE_DIR="${POINTSNET_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pointsnet}"
INSTALL_DIR="$CACHE_DIR/fabric-$FABRIC_VERSION"
BIN_DIR="$INSTALL_DIR/bin"

log() { echo "[install-fabric] $*" >&2; }
INSTALL_STARTED=$SECONDS

# Temporary files and staging folders, removed however the script ends.
CLEANUP=()
cleanup() { [ ${#CLEANUP[@]} -eq 0 ] || rm -rf "${CLEANUP[@]}"; }
trap cleanup EXIT

# refuse MESSAGE: a tarball or a way was rejected; the caller tries no other way.
refuse() { log "REFUSED: $*"; exit 2; }

# has_version DIR: every tool present in DIR and peer reports the pinned version.
has_version() {
  local dir="$1" t
  for t in "${TOOLS[@]}"; do [ -x "$dir/$t" ] || return 1; done
  "$dir/peer" version 2>/dev/null | grep -q "Version: v\?$FABRIC_VERSION\$"
}

# platform_tag: Fabric's name for this OS/arch in its release tarballs (linux-amd64, ...).
platform_tag() {
  local os arch
  os="$(uname -s | tr '[:upper:]' '[:lower:]')"
  case "$(uname -m)" in
    x86_64 | amd64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) arch="$(uname -m)" ;;
  esac
  echo "$os-$arch"
}

is_url() { [[ "$1" =~ ^(https?|file)://.+ ]]; }

# expected_sha256 TARBALL: the checksum the tarball must have, or empty when none is known.
expected_sha256() {
  local tarball="$1" sums
  if [ -n "${FABRIC_DIST_SHA256:-}" ]; then
    echo "$FABRIC_DIST_SHA256" | tr '[:upper:]' '[:lower:]'
    return
  fi
  [ -f "$tarball" ] || return 0
  sums="$(dirname "$tarball")/SHA256SUMS"
  [ -f "$sums" ] || return 0
  # Lines are "<hash>  <name>" or "<hash> *<name>" (binary mode).
  awk -v name="$(basename "$tarball")" '{ f = $2; sub(/^\*/, "", f); if (f == name) { print tolower($1); exit } }' "$sums"
}

# check_members TARBALL: refuse archives whose entries could land outside the target folder
# or are anything but regular files and folders (no links, devices or absolute paths).
check_members() {
  local tarball="$1" listing
  listing="$(tar -tvf "$tarball")" || refuse "$tarball is not a readable tar archive"
  if echo "$listing" | awk '{ print substr($1, 1, 1) }' | grep -qv '^[-d]$'; then
    refuse "$tarball holds entries that are not regular files or folders (links or devices)"
  fi
  if tar -tf "$tarball" | grep -qE '(^/|(^|/)\.\.(/|$))'; then
    refuse "$tarball holds absolute paths or '..' entries"
  fi
}

# verify_tarball TARBALL EXPECTED_SHA256 ORIGIN: refuse unless the checksum matches (when one
# is expected) and every entry is a plain file or folder inside the archive; prints the SHA-256.
verify_tarball() {
  local tarball="$1" expected="$2" origin="$3" actual
  [ -f "$tarball" ] || refuse "$origin: no such file"
  actual="$(sha256sum "$tarball" | cut -d' ' -f1)"
  if [ -n "$expected" ]; then
    [ "$actual" = "$expected" ] \
      || refuse "$origin: SHA-256 is $actual, expected $expected; nothing was extracted and the cache is unchanged"
    log "SHA-256 of $origin matches ($actual)"
  else
    log "SHA-256 of $origin is $actual (no checksum to compare with)"
  fi
  check_members "$tarball"
  echo "$actual"
}

# extract_tarball TARBALL SHA256 ORIGIN: extract into a staging folder, check the tools and
# their version, then let the staging folder take the cache entry's place.
extract_tarball() {
  local tarball="$1" sha="$2" origin="$3" staging t
  mkdir -p "$CACHE_DIR"
  staging="$(mktemp -d "$CACHE_DIR/.fabric-$FABRIC_VERSION.XXXXXX")"
  CLEANUP+=("$staging")
  log "extracting $origin"
  tar -xf "$tarball" -C "$staging" --no-same-owner --no-same-permissions \
    || refuse "$origin: extraction failed; the cache is unchanged"
  for t in "${TOOLS[@]}"; do
    [ -f "$staging/bin/$t" ] || refuse "$origin has no bin/$t; the cache is unchanged"
    chmod 0755 "$staging/bin/$t"
  done
  if ! has_version "$staging/bin"; then
    refuse "$origin: bin/peer does not report version $FABRIC_VERSION ($("$staging/bin/peer" version 2>&1 | sed -n 's/^ *Version: //p' | head -1)); the cache is unchanged"
  fi
  echo "$sha" > "$staging/.tarball-sha256"
  # Only now does anything in the cache change: the old entry (a partial or a different
  # build) goes, the verified one takes its place.
  rm -rf "$INSTALL_DIR"
  mv "$staging" "$INSTALL_DIR"
  log "Fabric $FABRIC_VERSION from $origin is in $BIN_DIR (installed in $((SECONDS - INSTALL_STARTED))s)"
}

# cached_from SHA256: the cache holds working binaries extracted from the tarball with this hash.
cached_from() {
  has_version "$BIN_DIR" && [ "$(cat "$INSTALL_DIR/.tarball-sha256" 2>/dev/null)" = "$1" ]
}

# fetch_tarball URL DEST: download URL into DEST; fails quietly when the address is unreachable.
fetch_tarball() {
  local url="$1" dest="$2"
  curl --fail --location --silent --show-error --proto '=https,file' \
    --connect-timeout 10 --max-time 600 --retry 2 -o "$dest" "$url"
}

# install_from_dist: way 1, an explicit tarball. Every failure is final: the user asked for it.
install_from_dist() {
  local dist="$FABRIC_DIST" tarball expected sha
  if is_url "$dist"; then
    [ -n "${FABRIC_DIST_SHA256:-}" ] || refuse "FABRIC_DIST is a URL ($dist); set FABRIC_DIST_SHA256 to its SHA-256"
    tarball="$(mktemp "${TMPDIR:-/tmp}/fabric-dist.XXXXXX")"
    CLEANUP+=("$tarball")
    log "downloading $dist"
    fetch_tarball "$dist" "$tarball" || refuse "could not download FABRIC_DIST=$dist"
  else
    tarball="$dist"
    [ -f "$tarball" ] || refuse "FABRIC_DIST=$dist: no such file"
  fi
  expected="$(expected_sha256 "$tarball")"
  [ -n "$expected" ] || refuse "no checksum for $dist: put a SHA256SUMS file listing $(basename "$dist") beside it, or set FABRIC_DIST_SHA256"
  [[ "$expected" =~ ^[0-9a-f]{64}$ ]] || refuse "the expected SHA-256 for $dist is not 64 hex digits: '$expected'"
  sha="$(verify_tarball "$tarball" "$expected" "$dist")" || exit 2
  if cached_from "$sha"; then
    log "using cached Fabric $FABRIC_VERSION binaries in $BIN_DIR (extracted from this tarball)"
  else
    extract_tarball "$tarball" "$sha" "$dist"
  fi
}

# install_official: way 4. Returns 1 (try the next way) when the download is not reachable.
install_official() {
  local url tarball sha
  url="${FABRIC_RELEASE_URL:-https://github.com/hyperledger/fabric/releases/download/v$FABRIC_VERSION/hyperledger-fabric-$(platform_tag)-$FABRIC_VERSION.tar.gz}"
  tarball="$(mktemp "${TMPDIR:-/tmp}/fabric-release.XXXXXX")"
  CLEANUP+=("$tarball")
  log "downloading Fabric's release tarball $url"
  if ! fetch_tarball "$url" "$tarball"; then
    log "could not download $url"
    return 1
  fi
  sha="$(verify_tarball "$tarball" "${FABRIC_DIST_SHA256:-}" "$url")" || exit 2
  extract_tarball "$tarball" "$sha" "$url"
}

# install_with_go: way 5. Returns 1 when Go is missing or the module cannot be fetched.
install_with_go() {
  command -v go >/dev/null 2>&1 || { log "Go is not installed"; return 1; }
  local staging ldflags i=0 t start
  mkdir -p "$CACHE_DIR"
  staging="$(mktemp -d "$CACHE_DIR/.fabric-$FABRIC_VERSION.XXXXXX")"
  CLEANUP+=("$staging")
  ldflags="-X github.com/hyperledger/fabric/common/metadata.Version=$FABRIC_VERSION -X github.com/hyperledger/fabric/common/metadata.CommitSHA=${FABRIC_COMMIT:0:7}"
  for t in "${TOOLS[@]}"; do
    i=$((i + 1))
    log "building $t ($i/${#TOOLS[@]}) from github.com/hyperledger/fabric@${FABRIC_COMMIT:0:7}; the first build downloads modules and takes several minutes"
    start=$(date +%s)
    if ! GOBIN="$staging/bin" GOFLAGS="${GOFLAGS:-} -buildvcs=false" \
        go install -ldflags "$ldflags" "github.com/hyperledger/fabric/cmd/$t@$FABRIC_COMMIT"; then
      log "'go install github.com/hyperledger/fabric/cmd/$t@${FABRIC_COMMIT:0:7}' failed (see above)"
      return 1
    fi
    log "built $t in $(($(date +%s) - start))s"
  done
  if ! has_version "$staging/bin"; then
    log "the binaries built with Go do not report version $FABRIC_VERSION"
    return 1
  fi
  rm -rf "$INSTALL_DIR"
  mv "$staging" "$INSTALL_DIR"
}

if [ -n "${FABRIC_DIST:-}" ]; then
  install_from_dist
  echo "$BIN_DIR"
  exit 0
fi

for candidate in "${FABRIC_BIN:-}" "$(dirname "$(command -v peer 2>/dev/null || echo /nonexistent/peer)")"; do
  if [ -n "$candidate" ] && has_version "$candidate"; then
    log "using Fabric $FABRIC_VERSION binaries in $candidate"
    echo "$candidate"
    exit 0
  fi
done
if [ -n "${FABRIC_BIN:-}" ]; then
  log "FABRIC_BIN=$FABRIC_BIN does not hold Fabric $FABRIC_VERSION (${TOOLS[*]}); looking elsewhere"
fi

if has_version "$BIN_DIR"; then
  log "using cached Fabric $FABRIC_VERSION binaries in $BIN_DIR"
  echo "$BIN_DIR"
  exit 0
fi

if install_official || install_with_go; then
  echo "$BIN_DIR"
  exit 0
fi

cat >&2 <<MSG
[install-fabric] Fabric $FABRIC_VERSION binaries could not be found, downloaded or built.
Give them one of these ways and run again:
  FABRIC_DIST=/path/to/fabric-$FABRIC_VERSION-$(platform_tag).tar.xz   a release tarball (with SHA256SUMS beside it,
                                                     or FABRIC_DIST_SHA256=<sha256>); a URL works too
  FABRIC_BIN=/path/to/bin                             a folder holding ${TOOLS[*]} $FABRIC_VERSION
MSG
exit 1
