#!/usr/bin/env bash
# Checks and unit-tests the Prometheus alert rules in network/prometheus/ with promtool:
#   promtool check rules  pointsnet-rules.yml        (syntax, PromQL, templates)
#   promtool test rules   pointsnet-rules.test.yml   (each alert fires on a synthetic series that should fire it
#                                                     and stays silent on one that should not)
# promtool comes from PROMTOOL, PATH or the project cache, or is installed when missing: the distribution's
# `prometheus` package (apt-get, which ships promtool; the same way test-network.sh installs PostgreSQL), else a
# build of the pinned Prometheus module with Go into the project cache. README's test command (scripts/test.sh)
# runs this before the unit tests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RULES_DIR="$ROOT/network/prometheus"
CACHE="${POINTSNET_CACHE:-$HOME/.cache/pointsnet}"
# The Go fallback: Prometheus v2.54.1 (its Go module versions are v0.<minor>.<patch>); Debian 12's package is 2.42.
PROMTOOL_GO_VERSION="v0.54.1"

say() { printf '    %s\n' "$*"; }

find_promtool() {
  if [ -n "${PROMTOOL:-}" ] && [ -x "$PROMTOOL" ]; then echo "$PROMTOOL"; return 0; fi
  command -v promtool 2>/dev/null && return 0
  [ -x "$CACHE/promtool/promtool" ] && { echo "$CACHE/promtool/promtool"; return 0; }
  return 1
}

# build_promtool_with_go: `go install .../cmd/promtool@version` refuses Prometheus' module (its go.mod has replace
# directives), so promtool is built inside a throw-away main module that carries the same replacements.
build_promtool_with_go() {
  local work
  work="$(mktemp -d)"
  printf '%s\n' 'module pointsnet.local/promtool' '' 'go 1.22' '' 'replace (' \
    '	k8s.io/klog => github.com/simonpasquier/klog-gokit v0.3.0' \
    '	k8s.io/klog/v2 => github.com/simonpasquier/klog-gokit/v3 v3.3.0' ')' > "$work/go.mod"
  mkdir -p "$CACHE/promtool"
  if ( cd "$work" && go get "github.com/prometheus/prometheus/cmd/promtool@$PROMTOOL_GO_VERSION" \
        && go build -o "$CACHE/promtool/promtool" github.com/prometheus/prometheus/cmd/promtool ); then
    rm -rf "$work"
    return 0
  fi
  rm -rf "$work"
  return 1
}

install_promtool() {
  local log
  log="$(mktemp)"
  if command -v apt-get >/dev/null 2>&1; then
    say "promtool is missing: apt-get install prometheus (the package that ships promtool)" >&2
    local sudo=()
    [ "$(id -u)" = 0 ] || sudo=(sudo -n)
    # No recommends: the node exporter is not needed for promtool.
    if { "${sudo[@]}" apt-get update -q && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q \
        --no-install-recommends prometheus; } > "$log" 2>&1 && command -v promtool >/dev/null 2>&1; then
      rm -f "$log"
      return 0
    fi
    say "apt-get install prometheus failed (last lines follow); trying go install" >&2
    tail -n 5 "$log" | sed 's/^/      /' >&2
  fi
  if command -v go >/dev/null 2>&1; then
    say "building promtool from github.com/prometheus/prometheus $PROMTOOL_GO_VERSION with Go into $CACHE/promtool (minutes)" >&2
    if build_promtool_with_go > "$log" 2>&1; then
      rm -f "$log"
      return 0
    fi
    say "the Go build failed (last lines follow)" >&2
    tail -n 5 "$log" | sed 's/^/      /' >&2
  fi
  rm -f "$log"
  return 1
}

promtool="$(find_promtool)" || { install_promtool && promtool="$(find_promtool)"; } || {
  echo "ERROR: no promtool: install the 'prometheus' package (Debian/Ubuntu) or put promtool on PATH (or PROMTOOL=path)" >&2
  exit 1
}
say "$("$promtool" --version 2>&1 | head -n 1) ($promtool)"
cd "$RULES_DIR"
"$promtool" check rules pointsnet-rules.yml
"$promtool" test rules pointsnet-rules.test.yml
