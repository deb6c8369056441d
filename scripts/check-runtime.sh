#!/usr/bin/env bash
# What the network's files give away, checked after `up` and the end-to-end tests (scripts/test.sh runs it before
# `down`; it also runs on its own against a network that is up):
#   1. permissions: no file under runtime/ is readable or writable by group or others, and no folder is listable or
#      writable by them (mode & 077 = 0 for files, & 067 = 0 for folders). Allowed: g+x on folders (as root,
#      test-network.sh lets the postgres user pass through to platform-c's data folder, never list or read it),
#      and PostgreSQL's socket (its mode is PostgreSQL's; it sits in the 0700 data folder). Symbolic links are
#      skipped (their own mode means nothing).
#   2. logs: no full network user id (<platformId>.<43 base64url characters of HMAC>, users.UserIds) of any
#      platform appears in any log under runtime/logs, where every process test-network.sh starts writes
#      (orderers, peers, chaincode servers, gateways, PostgreSQL, the CLIs). The pattern finds every id the tests
#      created through POST /users, without the tests having to list them. (The ledgers themselves hold user ids:
#      LevelDB's write-ahead files are named *.log too, and are data, not logs.)
#   3. with UP_OUTPUT=FILE (what `up` printed): no secret of runtime/platforms/*/gateway-secrets.env appears in it.
# Exits 1 listing every finding (user ids shown masked); prints "check-runtime: OK" otherwise.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNTIME="${POINTSNET_RUNTIME:-$ROOT/runtime}"
UP_OUTPUT="${UP_OUTPUT:-}"
findings=0

finding() { printf 'check-runtime: %s\n' "$*" >&2; findings=$((findings + 1)); }

[ -d "$RUNTIME" ] || { echo "check-runtime: no $RUNTIME (is the network up?)" >&2; exit 1; }

# 1. Permissions.
while IFS= read -r -d '' entry; do
  mode="$(stat -c '%a' "$entry")"
  kind="$(stat -c '%F' "$entry")"
  case "$kind" in
    directory) mask=067 ;;
    socket|symbolic\ link) continue ;;
    *) mask=077 ;;
  esac
  if [ $(( 8#$mode & 8#$mask )) -ne 0 ]; then
    finding "mode $mode on $kind ${entry#"$RUNTIME"/} (group or others may read, write or list it)"
  fi
done < <(find "$RUNTIME" -print0)

# 2. User ids in logs. The platform ids come from the rendered network.env; ids cut to 64 characters (very long
# platform ids) have fewer HMAC characters, so those are matched by total length.
platforms=()
if [ -f "$RUNTIME/network.env" ]; then
  # shellcheck disable=SC1091
  mapfile -t platforms < <(set +u; . "$RUNTIME/network.env"; printf '%s\n' "${PN_PLATFORMS[@]}")
fi
if [ ${#platforms[@]} -eq 0 ]; then
  finding "no PN_PLATFORMS in $RUNTIME/network.env: cannot tell which user ids to look for"
fi
for p in "${platforms[@]}"; do
  hmac=$(( 64 - ${#p} - 1 ))
  [ $hmac -gt 43 ] && hmac=43
  id="(^|[^A-Za-z0-9_.-])${p//./\\.}\\.[A-Za-z0-9_-]{$hmac}([^A-Za-z0-9_.-]|\$)"
  while IFS= read -r -d '' log; do
    count="$(grep -aEc -- "$id" "$log" || true)"
    if [ "${count:-0}" -gt 0 ]; then
      example="$(grep -aEo -- "${p//./\\.}\\.[A-Za-z0-9_-]{$hmac}" "$log" | head -n 1)"
      finding "${log#"$RUNTIME"/}: $count line(s) with a full user id of $p (e.g. ${example:0:$((${#p} + 7))}…)"
    fi
  done < <(find "$RUNTIME/logs" -type f -print0 2>/dev/null)
done

# 3. Secrets in what `up` printed.
if [ -n "$UP_OUTPUT" ]; then
  [ -f "$UP_OUTPUT" ] || finding "no output of up at $UP_OUTPUT"
  for secrets in "$RUNTIME"/platforms/*/gateway-secrets.env; do
    [ -f "$secrets" ] || continue
    while IFS= read -r line; do
      value="${line#*=}"
      value="${value#\'}"
      value="${value%\'}"
      name="${line%%=*}"
      if [ ${#value} -ge 8 ] && grep -qF -- "$value" "$UP_OUTPUT"; then
        finding "up printed $name of ${secrets#"$RUNTIME"/}"
      fi
    done < "$secrets"
  done
fi

if [ $findings -gt 0 ]; then
  echo "check-runtime: $findings finding(s)" >&2
  exit 1
fi
echo "check-runtime: OK ($RUNTIME: permissions, user ids in logs${UP_OUTPUT:+, secrets in the output of up})"
