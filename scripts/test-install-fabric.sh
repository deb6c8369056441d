#!/usr/bin/env bash
# Tests of scripts/install-fabric.sh: which way it takes, what it refuses, and that a refusal
# leaves the cache as it was. Fake Fabric tools (shell scripts that print a version) stand
# in for the binaries so each case runs in milliseconds; when the real tarball from
# ../shared/fabric is present, one case also corrupts one byte of it.
#
# Runs with a PATH that has no Go, no peer and no network: every download goes to file://
# addresses inside a temporary folder. Prints "install-fabric: N passed, N failed".
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRIPT="$ROOT/scripts/install-fabric.sh"
SHARED_TARBALL="${SHARED_FABRIC_TARBALL:-$ROOT/../shared/fabric/fabric-3.1.5-linux-amd64.tar.xz}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
TOOLS=(peer orderer configtxgen osnadmin configtxlator)
BASH_BIN="$(command -v bash)"
passed=0
failed=0

# A PATH with the commands the script uses and nothing else (no go, no peer).
SAFE_BIN="$WORK/safe-bin"
mkdir -p "$SAFE_BIN"
for c in bash env tar xz gzip sha256sum curl awk grep sed cut tr uname mktemp mkdir rm mv chmod cat dirname basename head date ls; do
  ln -s "$(command -v "$c")" "$SAFE_BIN/$c"
done

# make_tools DIR VERSION [SKIP]: fake Fabric tools in DIR whose peer reports VERSION.
make_tools() {
  local dir="$1" version="$2" skip="${3:-}" t
  mkdir -p "$dir"
  for t in "${TOOLS[@]}"; do
    [ "$t" = "$skip" ] && continue
    printf '#!/bin/sh\nprintf "%s:\\n Version: %s\\n Commit SHA: 86c1172\\n"\n' "$t" "$version" > "$dir/$t"
    chmod 0755 "$dir/$t"
  done
}

# make_tarball NAME VERSION [SKIP]: a release-layout tarball (bin/…) with a SHA256SUMS beside it.
make_tarball() {
  local name="$1" version="$2" skip="${3:-}" src="$WORK/src-$1"
  make_tools "$src/bin" "$version" "$skip"
  mkdir -p "$WORK/dist"
  tar -czf "$WORK/dist/$name" -C "$src" bin
  (cd "$WORK/dist" && sha256sum "$name" >> SHA256SUMS)
  echo "$WORK/dist/$name"
}

# fingerprint DIR: every file under DIR with its content hash (empty when DIR is missing).
fingerprint() { [ -d "$1" ] && (cd "$1" && find . -type f -exec sha256sum {} + | sort) || true; }

# run_script CACHE [VAR=VALUE...]: the script with a clean environment; sets OUT, ERR, RC.
run_script() {
  local cache="$1"; shift
  OUT="$(env -i HOME="$WORK/home" PATH="$SAFE_BIN" POINTSNET_CACHE="$cache" TMPDIR="$WORK" \
    FABRIC_RELEASE_URL="file://$WORK/no-such-release.tar.gz" "$@" "$BASH_BIN" "$SCRIPT" 2>"$WORK/stderr")"
  RC=$?
  ERR="$(cat "$WORK/stderr")"
}

check() {
  local name="$1"; shift
  if "$@"; then
    passed=$((passed + 1)); echo "ok   $name"
  else
    failed=$((failed + 1)); echo "FAIL $name"
    echo "     rc=$RC stdout=$OUT"; echo "$ERR" | sed 's/^/     stderr: /'
  fi
}

# check_refusal WHAT PATTERN: the last run refused (exit 2) with PATTERN in its message, and cache $c is unchanged.
check_refusal() {
  local what="$1" pattern="$2"
  check "$what is refused" bash -c '[ "$0" = 2 ] && grep -q "$1" <<<"$2"' "$RC" "$pattern" "$ERR"
  check "$what left the cache unchanged" test "$before" = "$(fingerprint "$c")"
}

GOOD="$(make_tarball good.tar.gz 3.1.5)"
OLD="$(make_tarball old.tar.gz 2.5.9)"
NO_ORDERER="$(make_tarball no-orderer.tar.gz 3.1.5 orderer)"

# --- FABRIC_DIST: a local tarball -------------------------------------------------------
c="$WORK/cache-good"
run_script "$c" FABRIC_DIST="$GOOD"
check "a verified tarball is installed and its bin folder printed" \
  test "$RC" = 0 -a "$OUT" = "$c/fabric-3.1.5/bin" -a -x "$c/fabric-3.1.5/bin/peer"
leftovers=("$c"/.fabric-*)
check "no staging folder is left in the cache" test ! -e "${leftovers[0]}"

before="$(fingerprint "$c")"
run_script "$c" FABRIC_DIST="$GOOD"
check "a second run reuses the cache after checking the tarball again" \
  bash -c '[ "$0" = 0 ] && grep -q "matches" <<<"$1" && grep -q "using cached" <<<"$1"' "$RC" "$ERR"
check "reusing the cache changes nothing in it" test "$before" = "$(fingerprint "$c")"

cp "$GOOD" "$WORK/dist/tampered.tar.gz"
grep ' good.tar.gz$' "$WORK/dist/SHA256SUMS" | sed 's/good.tar.gz$/tampered.tar.gz/' >> "$WORK/dist/SHA256SUMS"
printf '\x00' | dd of="$WORK/dist/tampered.tar.gz" bs=1 seek=100 conv=notrunc status=none
run_script "$c" FABRIC_DIST="$WORK/dist/tampered.tar.gz"
check_refusal "a tarball that differs from its SHA256SUMS line" "SHA-256 is .*expected"

run_script "$WORK/cache-pinned" FABRIC_DIST="$GOOD" FABRIC_DIST_SHA256="$(printf '0%.0s' {1..64})"
check "FABRIC_DIST_SHA256 wins over SHA256SUMS and a mismatch is refused" \
  bash -c '[ "$0" = 2 ] && [ ! -e "$1" ]' "$RC" "$WORK/cache-pinned/fabric-3.1.5"

mkdir -p "$WORK/nosums"; cp "$GOOD" "$WORK/nosums/good.tar.gz"
run_script "$WORK/cache-nosums" FABRIC_DIST="$WORK/nosums/good.tar.gz"
check "a tarball with no checksum to compare with is refused" \
  bash -c '[ "$0" = 2 ] && grep -q "no checksum" <<<"$1" && [ ! -e "$2" ]' "$RC" "$ERR" "$WORK/cache-nosums/fabric-3.1.5"

run_script "$c" FABRIC_DIST="$OLD"
check_refusal "a tarball whose peer reports another version" "does not report version 3.1.5 (2.5.9)"

run_script "$c" FABRIC_DIST="$NO_ORDERER"
check_refusal "a tarball without one of the five tools" "has no bin/orderer"

mkdir -p "$WORK/src-link/bin"; cp -a "$WORK/src-good.tar.gz/bin/." "$WORK/src-link/bin/"
ln -sf /etc/passwd "$WORK/src-link/bin/passwd"
tar -czf "$WORK/dist/link.tar.gz" -C "$WORK/src-link" bin
(cd "$WORK/dist" && sha256sum link.tar.gz >> SHA256SUMS)
run_script "$WORK/cache-link" FABRIC_DIST="$WORK/dist/link.tar.gz"
check "a tarball holding a symbolic link is refused before extraction" \
  bash -c '[ "$0" = 2 ] && grep -q "not regular files" <<<"$1" && [ ! -e "$2" ]' "$RC" "$ERR" "$WORK/cache-link/fabric-3.1.5"

run_script "$WORK/cache-missing" FABRIC_DIST="$WORK/dist/absent.tar.gz"
check "a FABRIC_DIST that does not exist is refused by name" \
  bash -c '[ "$0" = 2 ] && grep -q "absent.tar.gz: no such file" <<<"$1"' "$RC" "$ERR"

# --- FABRIC_DIST: a URL ------------------------------------------------------------------
run_script "$WORK/cache-url" FABRIC_DIST="file://$GOOD"
check "a FABRIC_DIST URL without FABRIC_DIST_SHA256 is refused" \
  bash -c '[ "$0" = 2 ] && grep -q "set FABRIC_DIST_SHA256" <<<"$1"' "$RC" "$ERR"
run_script "$WORK/cache-url" FABRIC_DIST="file://$GOOD" FABRIC_DIST_SHA256="$(sha256sum "$GOOD" | cut -d' ' -f1)"
check "a FABRIC_DIST URL with its SHA-256 is downloaded and installed" \
  test "$RC" = 0 -a -x "$WORK/cache-url/fabric-3.1.5/bin/configtxlator"

# --- the order of the other ways ---------------------------------------------------------
make_tools "$WORK/fabric-bin" 3.1.5
run_script "$WORK/cache-empty" FABRIC_BIN="$WORK/fabric-bin"
check "FABRIC_BIN holding 3.1.5 is used as it is" \
  bash -c '[ "$0" = 0 ] && [ "$1" = "$2" ] && [ ! -e "$3" ]' "$RC" "$OUT" "$WORK/fabric-bin" "$WORK/cache-empty"

make_tools "$WORK/old-bin" 2.5.9
run_script "$c" FABRIC_BIN="$WORK/old-bin"
check "FABRIC_BIN with another version is passed over for the cache" \
  bash -c '[ "$0" = 0 ] && [ "$1" = "$2" ] && grep -q "does not hold Fabric 3.1.5" <<<"$3"' "$RC" "$OUT" "$c/fabric-3.1.5/bin" "$ERR"

run_script "$WORK/cache-release" FABRIC_RELEASE_URL="file://$GOOD"
check "with nothing cached, Fabric's release tarball is downloaded and installed" \
  bash -c '[ "$0" = 0 ] && [ -x "$1/peer" ] && grep -q "downloading Fabric.s release tarball" <<<"$2"' "$RC" "$WORK/cache-release/fabric-3.1.5/bin" "$ERR"

run_script "$WORK/cache-badrelease" FABRIC_RELEASE_URL="file://$OLD"
check "a release tarball of another version is refused, not installed" \
  bash -c '[ "$0" = 2 ] && [ ! -e "$1" ]' "$RC" "$WORK/cache-badrelease/fabric-3.1.5"

# A stand-in `go` that "builds" each tool into GOBIN, to show the last way is taken.
mkdir -p "$WORK/go-bin"
cat > "$WORK/go-bin/go" <<'GO'
#!/bin/sh
for pkg; do :; done  # the last argument: github.com/hyperledger/fabric/cmd/<tool>@<commit>
tool="$(echo "$pkg" | sed 's|.*/cmd/||; s|@.*||')"
mkdir -p "$GOBIN"
printf '#!/bin/sh\nprintf "%s:\\n Version: 3.1.5\\n"\n' "$tool" > "$GOBIN/$tool"
chmod 0755 "$GOBIN/$tool"
GO
chmod 0755 "$WORK/go-bin/go"
OUT="$(env -i HOME="$WORK/home" PATH="$WORK/go-bin:$SAFE_BIN" POINTSNET_CACHE="$WORK/cache-go" TMPDIR="$WORK" \
  FABRIC_RELEASE_URL="file://$WORK/no-such-release.tar.gz" "$BASH_BIN" "$SCRIPT" 2>"$WORK/stderr")"; RC=$?; ERR="$(cat "$WORK/stderr")"
check "when the release cannot be downloaded, go install at the pinned commit is next" \
  bash -c '[ "$0" = 0 ] && [ -x "$1/osnadmin" ] && grep -q "could not download" <<<"$2" && grep -q "86c1172" <<<"$2"' "$RC" "$WORK/cache-go/fabric-3.1.5/bin" "$ERR"

run_script "$WORK/cache-none"
check "when every way fails, one message names FABRIC_DIST and FABRIC_BIN" \
  bash -c '[ "$0" = 1 ] && grep -q "FABRIC_DIST=" <<<"$1" && grep -q "FABRIC_BIN=" <<<"$1" && [ -z "$2" ]' "$RC" "$ERR" "$OUT"

# --- the real tarball, one byte changed ------------------------------------------------
if [ -f "$SHARED_TARBALL" ]; then
  mkdir -p "$WORK/real"
  cp "$SHARED_TARBALL" "$(dirname "$SHARED_TARBALL")/SHA256SUMS" "$WORK/real/"
  chmod u+w "$WORK/real/"*
  real="$WORK/real/$(basename "$SHARED_TARBALL")"
  byte="$(dd if="$real" bs=1 skip=4096 count=1 status=none | od -An -tu1 | tr -d ' ')"
  printf "\\$(printf '%03o' $(((byte + 1) % 256)))" | dd of="$real" bs=1 seek=4096 conv=notrunc status=none
  before="$(fingerprint "$c")"
  run_script "$c" FABRIC_DIST="$real"
  check_refusal "the real Fabric tarball with one byte changed" "SHA-256 is"
  check "the corrupted real tarball was refused before extraction" bash -c '! grep -q extracting <<<"$0"' "$ERR"
else
  echo "note: $SHARED_TARBALL is absent; the real-tarball case ran on the fake tarballs only"
fi

echo "install-fabric: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
