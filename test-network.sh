#!/usr/bin/env bash
# PointsNet: the whole consortium on one machine, as native processes.
#
#   ./test-network.sh up              orderers, one peer, chaincode server and gateway per platform
#                                     org; channel created, chaincode committed. On a network that
#                                     was up before (stopped, or some nodes down), starts what is
#                                     not running instead, from the kept data
#   ./test-network.sh stop [NODE]     stops every node (or one), keeping runtime/: ledgers, keys,
#                                     secrets and projections survive
#   ./test-network.sh start [NODE]    starts every node that is not running (or one), from the
#                                     kept data, and waits until each is ready
#   ./test-network.sh restart NODE    stop NODE, then start it
#   ./test-network.sh down            the purge: stops every process `up` started (by recorded
#                                     pid) and DELETES runtime/ (every ledger, key, secret and
#                                     projection); the next `up` builds a new network
#   ./test-network.sh status [--json] each node, its address, whether it answers, block heights
#                                     (--json: each gateway's https url and the caCert verifying it)
#   ./test-network.sh logs [NAME] [-f] log tails of every process, or of one
#   ./test-network.sh start-gateway P  same as `start gateway-P`
#   ./test-network.sh channel create NAME  one more channel on the running network: every
#                                     peer joined, chaincode approved and committed on it
#                                     exactly as on the first channel
#   ./test-network.sh add-org PLATFORM a joiningOrgs entry of the spec joins the running channel
#                                     (admin-cli org create, org join, config sign by every member,
#                                     config submit; peer join, chaincode definition with its
#                                     collection, its gateway); no ledger is deleted
#   ./test-network.sh osnadmin ORDERER join|remove|list [CHANNEL]  the orderer's side of a consenter
#                                     change (channel participation API, as the orderer org admin):
#                                     join from the channel's latest config block (a follower until
#                                     a config update lists it as consenter), remove (it leaves the
#                                     channel and deletes its copy), list (its status on the channel)
#   ./test-network.sh exec HOST -- CMD...  runs CMD on an org's host: in its network namespace (HOST: a
#                                     platform id, or the orderer org's namespace without pn-, e.g.
#                                     orderer), on this machine in loopback mode
#
# NODE is a name as `status` shows it: orderer0, peer-platform-a, chaincode-platform-a,
# postgres-platform-c, gateway-platform-b, ... A platform with several peers (peers: in the spec) runs
# peer-P, peer-P-2, ..., each with its own ledger, all on its one chaincode server. A platform with several gateways (gateways: in the spec)
# runs gateway-P, gateway-P-2, ... and its load balancer balancer-P (HAProxy, installed with apt-get
# when missing) on the public gateway address; `start-gateway P` starts all of them.
#
# Hosts and ports come from the spec through `admin-cli network render`; this script only makes the org hosts and
# starts, waits for and stops processes. The default spec, crypto-config/network-hosts.yaml, puts each org on its
# own host: `up` makes one Linux network namespace per org (pn-<org>, the org's address from the spec) joined by veth
# pairs to the bridge pn-br0, starts every process of an org inside its namespace, and `down` removes them. That
# needs root and iproute2; elsewhere `up` says so and uses crypto-config/network.yaml, every org on loopback.
# POINTSNET_SPEC names the spec to use; `up` records it and later commands use that one (docs/operations.md
# "Members on separate hosts").
# Runtime state goes to ./runtime (POINTSNET_RUNTIME overrides it); Fabric binaries come from
# scripts/install-fabric.sh.
set -euo pipefail
# Everything this script creates under runtime/ (keys, secrets, ledgers, projections, logs) is its owner's alone.
umask 077

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUNTIME="${POINTSNET_RUNTIME:-$ROOT/runtime}"
# The specs: every org on its own host (one network namespace each; the default where this machine can make them),
# and every org on this machine's loopback (the default elsewhere). POINTSNET_SPEC names the one to use.
HOSTS_SPEC="$ROOT/crypto-config/network-hosts.yaml"
LOOPBACK_SPEC="$ROOT/crypto-config/network.yaml"
SPEC="${POINTSNET_SPEC:-$HOSTS_SPEC}"
# The spec `up` used, for every later command (add-org renders from it) and for the tests (runtime/spec).
if [ -z "${POINTSNET_SPEC:-}" ] && [ -f "$RUNTIME/spec" ]; then SPEC="$(cat "$RUNTIME/spec")"; fi
LOGS="$RUNTIME/logs"
PIDS="$RUNTIME/pids"
ADMIN_JAR="$ROOT/admin-cli/target/admin-cli.jar"
CHAINCODE_JAR="$ROOT/chaincode/target/chaincode.jar"
GATEWAY_JAR="$ROOT/gateway-client/target/gateway-client.jar"
UP_MARKER="$RUNTIME/up.done"
WAIT_SECONDS="${POINTSNET_WAIT_SECONDS:-120}"
# JVM options of the chaincode servers and gateways. The client (C1) compiler only: on this 2-core machine the
# server (C2) compiler's threads took 52-70% of a gateway's and 58% of a chaincode server's CPU (JFR) for many
# minutes after each start, and the test network's JVMs are restarted often and live minutes; C1-only halved
# gateway CPU per REST issuance (docs/benchmarks.md). A long-lived production node may prefer the default.
# POINTSNET_NODE_JAVA_OPTS replaces it.
read -r -a NODE_JAVA_OPTS <<< "${POINTSNET_NODE_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"

step() { printf '==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# fail_node NAME MESSAGE: say what failed, show the tail of that process's log, exit 1.
fail_node() {
  local name="$1" message="$2"
  printf 'ERROR: %s\n' "$message" >&2
  if [ -f "$LOGS/$name.log" ]; then
    printf -- '--- last 40 lines of %s ---\n' "$LOGS/$name.log" >&2
    tail -n 40 "$LOGS/$name.log" >&2
  fi
  exit 1
}

# load_env FILE: export every variable of a rendered env file into this shell.
load_env() { set -a; . "$1"; set +a; }

# as_admin PLATFORM CMD...: run a peer CLI command as that platform org's admin.
as_admin() {
  local platform="$1"; shift
  ( load_env "$RUNTIME/platforms/$platform/admin.env"; "$@" )
}

# Peers: a platform runs one peer, peer-P, or (peers: in the spec) several, peer-P, peer-P-2, ..., each from its own
# peer.env / peer-N.env with its own ledger; the first is the one admin.env (the org admin's CLI) talks to.

# instance_count KIND PLATFORM: how many KIND nodes (peer or gateway) the platform runs: PN_<KIND>_INSTANCES of its
# KIND.env (peer.env, gateway.env), 1 when it is not set.
instance_count() {
  local n
  n="$(env_value "$RUNTIME/platforms/$2/$1.env" "PN_${1^^}_INSTANCES")"
  echo "${n:-1}"
}

# instances KIND PLATFORM: the node names of the platform's KIND nodes, KIND-P, KIND-P-2, ..., one per line.
instances() {
  local i n
  n="$(instance_count "$1" "$2")"
  echo "$1-$2"
  for ((i = 2; i <= n; i++)); do echo "$1-$2-$i"; done
}

# all_peers: every platform's peers, one per line.
all_peers() {
  local p
  for p in "${PN_PLATFORMS[@]}"; do instances peer "$p"; done
}

# peer_platform NAME: the platform of a peer node (peer-P or peer-P-N).
peer_platform() {
  local rest="${1#peer-}"
  if [ ! -d "$RUNTIME/platforms/$rest" ] && [[ "$rest" =~ ^(.+)-([0-9]+)$ ]] \
      && [ -d "$RUNTIME/platforms/${BASH_REMATCH[1]}" ]; then
    echo "${BASH_REMATCH[1]}"
  else
    echo "$rest"
  fi
}

# peer_envfile NAME: the env file a peer node runs with (peer.env for the first, peer-N.env for the N-th).
peer_envfile() {
  local p
  p="$(peer_platform "$1")"
  echo "$RUNTIME/platforms/$p/peer${1#peer-$p}.env"
}

# as_peer_admin NAME CMD...: a peer CLI command as the node's org admin, sent to that peer.
as_peer_admin() {
  local name="$1" p address
  shift
  p="$(peer_platform "$name")"
  address="$(env_value "$(peer_envfile "$name")" PN_NODE_ADDRESS)"
  ( load_env "$RUNTIME/platforms/$p/admin.env"; export CORE_PEER_ADDRESS="$address"; "$@" )
}

# ---------------------------------------------------------------------------------------
# Processes: every process we start is recorded as "<pid> <start time>" so `down` never
# signals a process that merely reused the pid.

proc_start_time() { awk '{print $22}' "/proc/$1/stat" 2>/dev/null || true; }
# The state letter of /proc/PID/stat (after the parenthesised command name): Z for a killed, unreaped process.
proc_state() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1 || true; }

# is_running NAME: the recorded process is alive (not a zombie) and is the one we started.
is_running() {
  local file="$PIDS/$1.pid" pid started
  [ -f "$file" ] || return 1
  read -r pid started < "$file" || return 1
  [ -n "$pid" ] && [ -d "/proc/$pid" ] && [ "$(proc_start_time "$pid")" = "$started" ] \
    && [ "$(proc_state "$pid")" != Z ]
}

# start_process NAME ENVFILES CMD...: start CMD in the background with the env files loaded
# (ENVFILES: one path, or several separated by ':').
start_process() {
  local name="$1" envfiles="$2"; shift 2
  mkdir -p "$LOGS" "$PIDS"
  # A node of an org on its own host (PN_NETNS in its env file) runs in that host's network namespace; `ip netns
  # exec` execs the command in place, so the recorded pid is the node's.
  ( IFS=':'; for f in $envfiles; do load_env "$f"; done; unset IFS
    if [ -n "${PN_NETNS:-}" ]; then exec ip netns exec "$PN_NETNS" "$@"; fi
    exec "$@" ) \
    >>"$LOGS/$name.log" 2>&1 < /dev/null &
  local pid=$!
  echo "$pid $(proc_start_time "$pid")" > "$PIDS/$name.pid"
}

stop_process() {
  local name="$1" pid started i
  is_running "$name" || { rm -f "$PIDS/$name.pid"; return 0; }
  read -r pid started < "$PIDS/$name.pid"
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 50); do
    is_running "$name" || break
    sleep 0.2
  done
  if is_running "$name"; then
    info "$name did not stop after 10s; sending KILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$PIDS/$name.pid"
  info "stopped $name (pid $pid)"
}

# wait_until NAME DESCRIPTION CMD...: poll CMD until it succeeds; fail with NAME's log.
wait_until() {
  local name="$1" what="$2"; shift 2
  local deadline=$((SECONDS + WAIT_SECONDS))
  until "$@" >/dev/null 2>&1; do
    is_running "$name" || fail_node "$name" "$name exited while waiting for $what"
    [ $SECONDS -lt $deadline ] || fail_node "$name" "$name: no $what after ${WAIT_SECONDS}s"
    sleep 0.5
  done
}

# https_args ENVFILE: sets HTTPS_ARGS to the curl options that verify a node's HTTPS endpoint from its rendered env
# file: --cacert PN_HTTPS_CACERT (the org TLS CA that issued the gateway's or node's certificate) and, where the
# endpoint demands a client certificate (operations endpoints off loopback), --cert/--key PN_HTTPS_CLIENT_*.
# Nothing for plain HTTP (operations endpoints on loopback) or without ENVFILE.
https_args() {
  local ca cert netns
  HTTPS_ARGS=()
  # On an org's own host (PN_NETNS), curl runs there: operations endpoints listen on that host's loopback.
  IN_HOST=()
  netns="$(env_value "${1:-}" PN_NETNS)"
  [ -z "$netns" ] || IN_HOST=(ip netns exec "$netns")
  ca="$(env_value "${1:-}" PN_HTTPS_CACERT)"
  cert="$(env_value "${1:-}" PN_HTTPS_CLIENT_CERT)"
  [ -z "$ca" ] || HTTPS_ARGS+=(--cacert "$ca")
  [ -z "$cert" ] || HTTPS_ARGS+=(--cert "$cert" --key "$(env_value "$1" PN_HTTPS_CLIENT_KEY)")
}

# http_ok URL [ENVFILE]: URL answers 2xx; an https URL is verified with ENVFILE's CA (https_args).
http_ok() {
  https_args "${2:-}"
  ${IN_HOST[@]+"${IN_HOST[@]}"} curl -sf -o /dev/null --max-time 2 ${HTTPS_ARGS[@]+"${HTTPS_ARGS[@]}"} "$1"
}
tcp_open() { local hp="$1"; (exec 3<>"/dev/tcp/${hp%:*}/${hp##*:}") 2>/dev/null; }

# live_orderer: the first orderer of orderer-admin.env (PN_ORDERER_ADDRESSES) that accepts a connection, so a
# command that orders a transaction works whichever orderer is down; PN_ORDERER_ADDRESS (the first) when none
# answers, and the peer CLI then says why. Needs orderer-admin.env loaded.
live_orderer() {
  local address
  for address in "${PN_ORDERER_ADDRESSES[@]:-$PN_ORDERER_ADDRESS}"; do
    if tcp_open "$address"; then printf '%s\n' "$address"; return 0; fi
  done
  printf '%s\n' "$PN_ORDERER_ADDRESS"
}

# env_value FILE NAME: one variable of a rendered env file, without loading the rest.
env_value() { [ -f "$1" ] || return 0; ( set +u; . "$1"; eval "printf '%s' \"\${$2:-}\"" ); }

# ---------------------------------------------------------------------------------------
# Hosts: with `hosts: simulation: namespaces` in the spec, every org runs on its own host, simulated by a Linux
# network namespace holding the org's address (network.env PN_HOSTS: "namespace|address/prefix|veth"), its veth pair
# joined to the bridge PN_BRIDGE in the root namespace, which holds PN_BRIDGE_ADDRESS so the tests, admin-cli and
# curl here reach every host. Nothing routes beyond the bridge's subnet (no default route in any namespace).

# hosts_mode: what the rendered network.env says (namespaces or loopback); needs network.env loaded.
hosts_mode() { printf '%s\n' "${PN_HOSTS_SIMULATION:-loopback}"; }

# choose_default_spec: without POINTSNET_SPEC, `up` runs each org on its own host (HOSTS_SPEC) when the machine can
# make network namespaces, and says why not and runs every org on loopback (LOOPBACK_SPEC) otherwise.
choose_default_spec() {
  [ -z "${POINTSNET_SPEC:-}" ] && [ "$SPEC" = "$HOSTS_SPEC" ] || return 0
  local why
  if why="$(host_capability_missing)"; then
    SPEC="$LOOPBACK_SPEC"
    step "Spec $SPEC: every org on this machine's loopback ($why; POINTSNET_SPEC=$HOSTS_SPEC to insist on hosts)"
  fi
}

# host_capability_missing: prints what keeps this machine from making network namespaces and succeeds; fails (prints
# nothing) when it can make them.
host_capability_missing() {
  local probe="pn-probe-$$" error
  [ "$(id -u)" = 0 ] || { echo "not root: network namespaces need CAP_SYS_ADMIN and CAP_NET_ADMIN"; return 0; }
  command -v ip >/dev/null 2>&1 || command -v apt-get >/dev/null 2>&1 \
    || { echo "neither iproute2's ip nor apt-get to install it"; return 0; }
  command -v ip >/dev/null 2>&1 || return 1
  if ! error="$(ip netns add "$probe" 2>&1)"; then echo "ip netns add refused: $error"; return 0; fi
  ip netns del "$probe"
  return 1
}

# require_host_capability: the machine can make network namespaces (root and iproute2's ip); stops `up` with the
# missing capability named otherwise. iproute2 is installed with apt-get when missing, like HAProxy and PostgreSQL.
require_host_capability() {
  local why
  if [ "$(id -u)" = 0 ] && ! command -v ip >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    step "Installing iproute2 (apt-get install iproute2) for the org hosts' network namespaces"
    mkdir -p "$LOGS"
    local started=$SECONDS
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q iproute2; } >> "$LOGS/apt.log" 2>&1 \
      || die "apt-get install iproute2 failed; see $LOGS/apt.log"
    info "iproute2 installed in $((SECONDS - started))s"
  fi
  if why="$(host_capability_missing)"; then
    die "the spec $SPEC puts each org on its own host (hosts: simulation: namespaces), but this machine cannot make network namespaces: $why. Run as root with iproute2, or every org on loopback: POINTSNET_SPEC=$LOOPBACK_SPEC ./test-network.sh up"
  fi
}

# remove_hosts: the namespaces, veths and bridge of PN_HOSTS, whatever is left of them (idempotent).
remove_hosts() {
  local entry netns address veth
  [ "$(hosts_mode)" = namespaces ] || return 0
  for entry in "${PN_HOSTS[@]}"; do
    IFS='|' read -r netns address veth <<< "$entry"
    [ ! -e "/run/netns/$netns" ] || ip netns del "$netns" 2>/dev/null || true
    ! ip link show "$veth" >/dev/null 2>&1 || ip link del "$veth" 2>/dev/null || true
  done
  ! ip link show "$PN_BRIDGE" >/dev/null 2>&1 || ip link del "$PN_BRIDGE" 2>/dev/null || true
}

# make_hosts [fresh]: the org hosts of PN_HOSTS and their bridge; existing ones are kept (`start` after a reboot makes
# the missing ones), or with "fresh" removed first (`up` after a crash left some behind).
make_hosts() {
  local entry netns address veth made=()
  [ "$(hosts_mode)" = namespaces ] || { step "Hosts: every org on this machine's loopback (spec $SPEC)"; return 0; }
  require_host_capability
  [ "${1:-}" != fresh ] || remove_hosts
  if ! ip link show "$PN_BRIDGE" >/dev/null 2>&1; then
    ip link add "$PN_BRIDGE" type bridge
    ip addr add "$PN_BRIDGE_ADDRESS" dev "$PN_BRIDGE"
    ip link set "$PN_BRIDGE" up
  fi
  for entry in "${PN_HOSTS[@]}"; do
    IFS='|' read -r netns address veth <<< "$entry"
    made+=("$netns ${address%/*}")
    [ -e "/run/netns/$netns" ] && ip link show "$veth" >/dev/null 2>&1 && continue
    ip netns del "$netns" 2>/dev/null || true
    ip link del "$veth" 2>/dev/null || true
    ip netns add "$netns"
    ip link add "$veth" type veth peer name eth0 netns "$netns"
    ip link set "$veth" master "$PN_BRIDGE" up
    ip -n "$netns" addr add "$address" dev eth0
    ip -n "$netns" link set eth0 up
    ip -n "$netns" link set lo up
  done
  step "Hosts: one network namespace per org on bridge $PN_BRIDGE ($PN_BRIDGE_ADDRESS): $(IFS=,; echo "${made[*]}" | sed 's/,/, /g')"
}

# ---------------------------------------------------------------------------------------
# up

check_prerequisites() {
  local missing=()
  for tool in java mvn curl tar; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  [ ${#missing[@]} -eq 0 ] || die "missing on PATH: ${missing[*]} (README.md lists the prerequisites)"
  java -version 2>&1 | grep -qE 'version "(1[7-9]|[2-9][0-9])' || die "JDK 17 or newer is required"
}

build_jars() {
  local stale=0 jar
  for jar in "$ADMIN_JAR" "$CHAINCODE_JAR" "$GATEWAY_JAR"; do
    [ -f "$jar" ] || stale=1
  done
  if [ $stale -eq 0 ] && [ -n "$(find "$ROOT/pom.xml" "$ROOT"/*/pom.xml "$ROOT"/*/src/main \
        -newer "$GATEWAY_JAR" -type f 2>/dev/null | head -n 1)" ]; then
    stale=1
  fi
  if [ $stale -eq 1 ]; then
    step "Building chaincode, gateway and admin CLI (mvn package; the first run downloads dependencies)"
    (cd "$ROOT" && mvn -B -q -DskipTests package) || die "mvn package failed"
  else
    step "Jars are up to date"
  fi
}

# Processes run from copies in runtime/jars, so a rebuild (mvn package, mvn verify) while the
# network runs cannot swap a jar under a running JVM.
stage_jars() {
  mkdir -p "$RUNTIME/jars"
  cp "$ADMIN_JAR" "$CHAINCODE_JAR" "$GATEWAY_JAR" "$RUNTIME/jars/"
}

# A short-lived JVM: C1 only (-XX:TieredStopAtLevel=1) starts and finishes sooner; `crypto generate` took 3-5 s
# instead of 6-7 s on 2 cores.
admin_cli() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$RUNTIME/jars/$(basename "$ADMIN_JAR")" "$@"; }

start_orderers() {
  local fqdn
  for fqdn in "${PN_ORDERERS[@]}"; do
    local envfile="$RUNTIME/orderers/$fqdn/node.env" name="${fqdn%%.*}"
    step "Starting orderer $fqdn on $(env_value "$envfile" PN_NODE_ADDRESS)"
    start_process "$name" "$envfile" orderer
  done
  for fqdn in "${PN_ORDERERS[@]}"; do
    wait_until "${fqdn%%.*}" "health endpoint" http_ok "$(env_value "$RUNTIME/orderers/$fqdn/node.env" PN_HEALTH_URL)" \
      "$RUNTIME/orderers/$fqdn/node.env"
  done
}

start_peers() {
  local name envfile
  while read -r name; do
    envfile="$(peer_envfile "$name")"
    step "Starting $name ($(peer_platform "$name")) on $(env_value "$envfile" PN_NODE_ADDRESS)"
    start_process "$name" "$envfile" peer node start
  done < <(all_peers)
  while read -r name; do
    envfile="$(peer_envfile "$name")"
    wait_until "$name" "health endpoint" http_ok "$(env_value "$envfile" PN_HEALTH_URL)" "$envfile"
  done < <(all_peers)
}

# create_channel [CHANNEL]: the channel (default $PN_CHANNEL) from the configtxgen profile, joined by
# every orderer (osnadmin) and every platform's peer.
create_channel() {
  local channel="${1:-$PN_CHANNEL}"
  local block="$RUNTIME/channel/$channel.block" fqdn
  mkdir -p "$RUNTIME/channel"
  step "Creating channel '$channel' (configtxgen profile $PN_PROFILE)"
  FABRIC_CFG_PATH="$RUNTIME/config" configtxgen -profile "$PN_PROFILE" -channelID "$channel" \
    -outputBlock "$block" > "$LOGS/configtxgen.log" 2>&1 || fail_node configtxgen "configtxgen failed"
  load_env "$RUNTIME/orderer-admin.env"
  for fqdn in "${PN_ORDERERS[@]}"; do
    local admin_address
    admin_address="$(env_value "$RUNTIME/orderers/$fqdn/node.env" ORDERER_ADMIN_LISTENADDRESS)"
    info "orderer $fqdn joins '$channel' (osnadmin, $admin_address)"
    osnadmin channel join --channelID "$channel" --config-block "$block" -o "$admin_address" \
      --ca-file "$PN_ORDERER_TLS_CA" --client-cert "$PN_ORDERER_ADMIN_CLIENT_CERT" \
      --client-key "$PN_ORDERER_ADMIN_CLIENT_KEY" >> "$LOGS/osnadmin.log" 2>&1 \
      || fail_node osnadmin "osnadmin could not join $fqdn to $channel"
    wait_until "${fqdn%%.*}" "active channel $channel" channel_active "$admin_address" "$channel"
  done
  local name
  while read -r name; do
    info "$name joins '$channel'"
    as_peer_admin "$name" peer channel join -b "$block" >> "$LOGS/peer-cli.log" 2>&1 \
      || fail_node peer-cli "$name could not join $channel"
  done < <(all_peers)
  while read -r name; do
    wait_until "$name" "channel $channel" as_peer_admin "$name" peer channel getinfo -c "$channel"
  done < <(all_peers)
}

# channel_active ADMIN_ADDRESS [CHANNEL]: the orderer at ADMIN_ADDRESS reports the channel active.
channel_active() {
  osnadmin channel list --channelID "${2:-$PN_CHANNEL}" -o "$1" --ca-file "$PN_ORDERER_TLS_CA" \
    --client-cert "$PN_ORDERER_ADMIN_CLIENT_CERT" --client-key "$PN_ORDERER_ADMIN_CLIENT_KEY" 2>/dev/null \
    | tr -d ' \n' | grep -q '"status":"active"'
}

# package_chaincode PLATFORM: the org's CCaaS package (metadata.json + code.tar.gz with
# connection.json); prints its path.
package_chaincode() {
  local dir="$RUNTIME/platforms/$1/chaincode"
  tar -C "$dir" -czf "$dir/code.tar.gz" connection.json
  tar -C "$dir" -czf "$dir/package.tgz" metadata.json code.tar.gz
  echo "$dir/package.tgz"
}

# install_chaincode PLATFORM: installs the org's CCaaS package on each of its peers (the same file, so the same package
# id: every peer of the org runs the chaincode on the org's one server) and starts the org's chaincode server (no wait).
install_chaincode() {
  local p="$1" pkg package_id name
  pkg="$(package_chaincode "$p")"
  while read -r name; do
    step "Installing chaincode '$PN_CC_NAME' $PN_CC_VERSION on $name (ccaas)"
    as_peer_admin "$name" peer lifecycle chaincode install "$pkg" >> "$LOGS/peer-cli.log" 2>&1 \
      || fail_node peer-cli "chaincode install failed on $name"
  done < <(instances peer "$p")
  package_id="$(as_admin "$p" peer lifecycle chaincode calculatepackageid "$pkg")"
  echo "$package_id" > "$RUNTIME/platforms/$p/chaincode/package-id"
  info "package id $package_id"

  local envfile="$RUNTIME/platforms/$p/chaincode.env"
  info "starting chaincode server of $p on $(env_value "$envfile" PN_NODE_ADDRESS)"
  CHAINCODE_ID="$package_id" start_process "chaincode-$p" "$envfile" \
    java -Xmx128m "${NODE_JAVA_OPTS[@]}" -jar "$RUNTIME/jars/$(basename "$CHAINCODE_JAR")"
}

# deploy_chaincode: installs each org's CCaaS package on its peer, starts the org's chaincode
# server, then defines the chaincode on $PN_CHANNEL.
deploy_chaincode() {
  local p
  for p in "${PN_PLATFORMS[@]}"; do
    install_chaincode "$p"
  done
  for p in "${PN_PLATFORMS[@]}"; do
    wait_until "chaincode-$p" "listening port" tcp_open "$(env_value "$RUNTIME/platforms/$p/chaincode.env" PN_NODE_ADDRESS)"
  done
  define_chaincode "$PN_CHANNEL"
}

# ordered WHAT CMD...: a peer CLI command that sends a transaction to the orderer, logged to peer-cli.log.
# A channel the orderer has just joined has no Raft leader for a moment; that refusal (nothing was
# ordered) is retried for up to WAIT_SECONDS, any other failure fails at once.
ordered() {
  local what="$1" out deadline=$((SECONDS + WAIT_SECONDS))
  shift
  while true; do
    if out="$("$@" 2>&1)"; then
      printf '%s\n' "$out" >> "$LOGS/peer-cli.log"
      return 0
    fi
    printf '%s\n' "$out" >> "$LOGS/peer-cli.log"
    [[ "$out" == *"no Raft leader"* ]] && [ $SECONDS -lt $deadline ] || fail_node peer-cli "$what failed"
    info "$what: the orderer has no Raft leader on the channel yet; retrying"
    sleep 1
  done
}

# define_chaincode CHANNEL: every org approves the chaincode definition (its installed package,
# the collections config, the endorsement policy) on CHANNEL, then it is committed there.
define_chaincode() {
  local channel="$1" p sequence orderer_args peer_args=()
  load_env "$RUNTIME/orderer-admin.env"
  # A new definition (more collections after an org joined) takes the next sequence number.
  sequence="$(as_admin "${PN_PLATFORMS[0]}" peer lifecycle chaincode querycommitted -C "$channel" -n "$PN_CC_NAME" \
    -O json 2>/dev/null | python3 -c 'import json, sys; print(json.load(sys.stdin)["sequence"] + 1)' 2>/dev/null || echo 1)"
  orderer_args=(-o "$(live_orderer)" --tls --cafile "$PN_ORDERER_TLS_CA")
  local policy_args=(--collections-config "$PN_CC_COLLECTIONS")
  if [ "$PN_CC_POLICY" != "MAJORITY" ]; then
    policy_args+=(--signature-policy "$PN_CC_POLICY")
  fi
  for p in "${PN_PLATFORMS[@]}"; do
    step "Approving '$PN_CC_NAME' $PN_CC_VERSION for $p on '$channel'"
    ordered "approveformyorg for $p" as_admin "$p" peer lifecycle chaincode approveformyorg "${orderer_args[@]}" \
      -C "$channel" -n "$PN_CC_NAME" -v "$PN_CC_VERSION" --sequence "$sequence" \
      --package-id "$(cat "$RUNTIME/platforms/$p/chaincode/package-id")" "${policy_args[@]}"
    peer_args+=(--peerAddresses "$(env_value "$RUNTIME/platforms/$p/admin.env" CORE_PEER_ADDRESS)"
                --tlsRootCertFiles "$(env_value "$RUNTIME/platforms/$p/admin.env" CORE_PEER_TLS_ROOTCERT_FILE)")
  done
  # LifecycleEndorsement ALL: every org's peer endorses the commit, so each must have every approval committed.
  for p in "${PN_PLATFORMS[@]}"; do
    wait_until "peer-$p" "every org's approval of sequence $sequence" all_approved "$p" "$channel" "$sequence" \
      "${policy_args[@]}"
  done
  step "Committing '$PN_CC_NAME' $PN_CC_VERSION (sequence $sequence) on '$channel' (endorsement policy: $PN_CC_POLICY)"
  ordered "chaincode commit" as_admin "${PN_PLATFORMS[0]}" peer lifecycle chaincode commit "${orderer_args[@]}" \
    -C "$channel" -n "$PN_CC_NAME" -v "$PN_CC_VERSION" --sequence "$sequence" "${policy_args[@]}" "${peer_args[@]}"
  local name
  while read -r name; do
    wait_until "$name" "committed chaincode $PN_CC_NAME" \
      as_peer_admin "$name" peer lifecycle chaincode querycommitted -C "$channel" -n "$PN_CC_NAME"
  done < <(all_peers)
}

# all_approved PLATFORM CHANNEL SEQUENCE POLICY-ARGS...: the platform's peer sees every org's approval of the definition.
all_approved() {
  local p="$1" channel="$2" sequence="$3"
  shift 3
  as_admin "$p" peer lifecycle chaincode checkcommitreadiness -C "$channel" -n "$PN_CC_NAME" -v "$PN_CC_VERSION" \
    --sequence "$sequence" "$@" -O json 2>/dev/null \
    | python3 -c 'import json, sys; sys.exit(0 if all(json.load(sys.stdin)["approvals"].values()) else 1)'
}

# random_secret: 32 random bytes, base64url without padding (no openssl needed).
random_secret() { head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'; }

# write_gateway_secrets PLATFORM: a fresh OAuth client secret and user-id HMAC key for the
# platform's gateway, and the password of its embedded H2 projection database (a PostgreSQL
# projection gets its own in start_projection_database), owner-only, generated at every `up`
# and never committed.
write_gateway_secrets() {
  local file="$RUNTIME/platforms/$1/gateway-secrets.env"
  ( umask 077
    printf "POINTSNET_OAUTH_CLIENTSECRET='%s'\nPOINTSNET_USERS_HMACKEY='%s'\n" \
      "$(random_secret)" "$(random_secret)" > "$file"
    # The secret of <platform>-signed-backend, the back-end client that must sign its requests (RFC 9421).
    printf "POINTSNET_SIGNATURES_CLIENTS_0_CLIENTSECRET='%s'\n" "$(random_secret)" >> "$file"
    # The web console's operator login ("platform operator" on the gateway's login page, /console/operator).
    printf "POINTSNET_CONSOLE_OPERATORPASSWORD='%s'\n" "$(random_secret)" >> "$file"
    if [ -z "$(env_value "$RUNTIME/platforms/$1/gateway.env" PN_POSTGRES_PORT)" ]; then
      printf "SPRING_DATASOURCE_PASSWORD='%s'\n" "$(random_secret)" >> "$file"
    fi )
}

# Gateways: a platform runs one gateway, gateway-P, or (gateways: in the spec) several instances gateway-P,
# gateway-P-2, ... behind its load balancer balancer-P (HAProxy) on the public gateway address. The instances share
# gateway.env (public URL, issuer, key files, database) and gateway-secrets.env; gateway-N.env adds each one's socket.

# gateway_platform NAME: the platform of a gateway node (gateway-P or gateway-P-N).
gateway_platform() {
  local rest="${1#gateway-}"
  if [ ! -d "$RUNTIME/platforms/$rest" ] && [[ "$rest" =~ ^(.+)-([0-9]+)$ ]] \
      && [ -d "$RUNTIME/platforms/${BASH_REMATCH[1]}" ]; then
    echo "${BASH_REMATCH[1]}"
  else
    echo "$rest"
  fi
}

# gateway_instance_env NAME: the instance's own env file (gateway-N.env) when its platform is balanced; empty otherwise.
gateway_instance_env() {
  local p index
  p="$(gateway_platform "$1")"
  [ "$(instance_count gateway "$p")" -gt 1 ] || return 0
  index="${1#gateway-$p}"; index="${index#-}"
  echo "$RUNTIME/platforms/$p/gateway-${index:-1}.env"
}

# gateway_url NAME: the https URL the gateway instance itself serves on.
gateway_url() {
  local p instance
  p="$(gateway_platform "$1")"
  instance="$(gateway_instance_env "$1")"
  if [ -n "$instance" ]; then env_value "$instance" PN_INSTANCE_URL; else env_value "$RUNTIME/platforms/$p/gateway.env" PN_GATEWAY_URL; fi
}

# launch_gateway NAME: starts a gateway instance with its env files and its platform's secrets (no wait).
launch_gateway() {
  local name="$1" p envfiles instance
  p="$(gateway_platform "$name")"
  envfiles="$RUNTIME/platforms/$p/gateway.env"
  instance="$(gateway_instance_env "$name")"
  [ -z "$instance" ] || envfiles+=":$instance"
  step "Starting $name on $(gateway_url "$name")"
  start_process "$name" "$envfiles:$RUNTIME/platforms/$p/gateway-secrets.env" java -Xmx256m "${NODE_JAVA_OPTS[@]}" \
    -jar "$RUNTIME/jars/$(basename "$GATEWAY_JAR")"
}

# wait_gateway_ready NAME: the instance's own readiness (peer, chaincode, projection caught up).
wait_gateway_ready() {
  local url
  url="$(gateway_url "$1")"
  wait_until "$1" "readiness ($url/health/ready)" http_ok "$url/health/ready" \
    "$RUNTIME/platforms/$(gateway_platform "$1")/gateway.env"
}

# ensure_haproxy: HAProxy on PATH, installing the distribution's package when it is missing (a balanced platform).
ensure_haproxy() {
  command -v haproxy >/dev/null 2>&1 && return 0
  step "Installing HAProxy (apt-get install haproxy) for the load balancer of a platform's gateways"
  command -v apt-get >/dev/null 2>&1 \
    || die "a platform runs several gateways behind HAProxy (gateways: in crypto-config/network.yaml), and neither haproxy nor apt-get is available: install HAProxy and run again"
  local started=$SECONDS
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy; } >> "$LOGS/apt.log" 2>&1 \
    || die "apt-get install haproxy failed; see $LOGS/apt.log"
  info "HAProxy installed in $((SECONDS - started))s"
}

# launch_balancer PLATFORM: HAProxy in the foreground (-db) with the rendered configuration, checked first.
launch_balancer() {
  local p="$1" cfg
  cfg="$(env_value "$RUNTIME/platforms/$p/gateway.env" PN_BALANCER_CONFIG)"
  ensure_haproxy
  haproxy -c -q -f "$cfg" >> "$LOGS/balancer-$p.log" 2>&1 || fail_node "balancer-$p" "invalid HAProxy configuration $cfg"
  step "Starting the load balancer of $p's gateways on $(env_value "$RUNTIME/platforms/$p/gateway.env" PN_GATEWAY_URL) ($(haproxy -v | head -n 1 | cut -d' ' -f1-3))"
  start_process "balancer-$p" "$RUNTIME/platforms/$p/gateway.env" haproxy -db -f "$cfg"
}

# wait_balancer_ready PLATFORM: the public URL answers readiness through the balancer.
wait_balancer_ready() {
  local url
  url="$(env_value "$RUNTIME/platforms/$1/gateway.env" PN_GATEWAY_URL)"
  wait_until "balancer-$1" "readiness through the balancer ($url/health/ready)" http_ok "$url/health/ready" \
    "$RUNTIME/platforms/$1/gateway.env"
}

# postgres_bin: the folder with PostgreSQL's initdb and pg_ctl (Debian keeps them out of PATH).
postgres_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
    return 0
  fi
  return 1
}

# ensure_postgres: sets PG_BIN, installing the distribution's PostgreSQL when it is missing.
ensure_postgres() {
  PG_BIN="$(postgres_bin)" && return 0
  step "Installing PostgreSQL (apt-get install postgresql) for a projection database"
  command -v apt-get >/dev/null 2>&1 \
    || die "a platform's projection uses PostgreSQL (projectionDatabase in crypto-config/network.yaml), and neither PostgreSQL (initdb, pg_ctl) nor apt-get is available: install PostgreSQL and run again"
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; } >> "$LOGS/apt.log" 2>&1 \
    || die "apt-get install postgresql failed; see $LOGS/apt.log"
  PG_BIN="$(postgres_bin)" || die "PostgreSQL installed, but no initdb/pg_ctl found under /usr/lib/postgresql"
}

# as_postgres CMD...: initdb and the server refuse to run as root; as root, run them as the postgres user.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# postgres_may_enter PATH...: when root runs PostgreSQL as user postgres, lets that user pass through (g+x, no
# listing or reading) every folder from runtime/ down to each PATH's parent; under umask 077 nothing else can.
postgres_may_enter() {
  [ "$(id -u)" = 0 ] || return 0
  local path dir
  for path in "$@"; do
    dir="$(dirname "$path")"
    while :; do
      case "$dir" in "$RUNTIME" | "$RUNTIME"/*) ;; *) break ;; esac  # never above runtime/
      chgrp postgres "$dir" && chmod g+x "$dir"
      [ "$dir" = "$RUNTIME" ] && break
      dir="$(dirname "$dir")"
    done
  done
}

# start_projection_database PLATFORM: when the platform's gateway keeps its projection in PostgreSQL, a fresh
# server for it (loopback, the spec's port, scram-sha-256 with a password generated now into gateway-secrets.env).
start_projection_database() {
  local p="$1" envfile="$RUNTIME/platforms/$1/gateway.env" port data password pwfile log
  port="$(env_value "$envfile" PN_POSTGRES_PORT)"
  [ -n "$port" ] || return 0
  ensure_postgres
  data="$(env_value "$envfile" PN_POSTGRES_DATA)"
  log="$LOGS/postgres-$p.log"
  password="$(random_secret)"
  mkdir -p "$data" && chmod 700 "$data"
  pwfile="$data.pw" && ( umask 077 && printf '%s\n' "$password" > "$pwfile" )
  : > "$log"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$data" "$pwfile" "$log"; fi
  postgres_may_enter "$data" "$log"
  as_postgres "$PG_BIN/initdb" -D "$data" -U pointsnet --pwfile="$pwfile" -A scram-sha-256 >> "$log" 2>&1 \
    || { rm -f "$pwfile"; fail_node "postgres-$p" "initdb failed"; }
  rm -f "$pwfile"
  if [ -n "$(env_value "$envfile" PN_NETNS)" ]; then
    # On its org's own host, the gateways connect from the host's address and the tests (pg_dump) from the bridge's:
    # both are on the host's subnet (samenet), still with the password.
    printf 'host all all samenet scram-sha-256\n' >> "$data/pg_hba.conf"
  fi
  run_projection_database "$p"
  PGPASSWORD="$password" "$PG_BIN/psql" -q -h "$(env_value "$envfile" PN_POSTGRES_LISTEN)" -p "$port" -U pointsnet \
    -d postgres -c "CREATE DATABASE pointsnet" >> "$log" 2>&1 || fail_node "postgres-$p" "creating database pointsnet failed"
  ( umask 077 && printf "SPRING_DATASOURCE_PASSWORD='%s'\n" "$password" >> "$RUNTIME/platforms/$p/gateway-secrets.env" )
}

# run_projection_database PLATFORM: starts the platform's PostgreSQL server on its data folder (created by
# start_projection_database, so the database, its password and the projection in it are the ones from `up`), waits
# until it accepts connections and records its postmaster's pid.
run_projection_database() {
  local p="$1" envfile="$RUNTIME/platforms/$1/gateway.env" port listen data log pid netns run=()
  port="$(env_value "$envfile" PN_POSTGRES_PORT)"
  # On the org's host (its namespace) when it has one: the postmaster pg_ctl forks stays there. As root, as the
  # postgres user (as_postgres).
  netns="$(env_value "$envfile" PN_NETNS)"
  [ -z "$netns" ] || run=(ip netns exec "$netns")
  [ "$(id -u)" != 0 ] || run+=(runuser -u postgres --)
  listen="$(env_value "$envfile" PN_POSTGRES_LISTEN)"
  data="$(env_value "$envfile" PN_POSTGRES_DATA)"
  log="$LOGS/postgres-$p.log"
  [ -f "$data/PG_VERSION" ] || die "no PostgreSQL data in $data for postgres-$p (was runtime/ deleted? run down, then up)"
  ensure_postgres
  step "Starting PostgreSQL for the projection of $p's gateway on $listen:$port ($("$PG_BIN/postgres" --version))"
  ${run[@]+"${run[@]}"} "$PG_BIN/pg_ctl" -D "$data" -l "$log" -w -t 60 \
    -o "-c listen_addresses=$listen -c port=$port -c unix_socket_directories=$data" start >> "$log" 2>&1 \
    || fail_node "postgres-$p" "PostgreSQL did not start"
  pid="$(head -n 1 "$data/postmaster.pid")"
  echo "$pid $(proc_start_time "$pid")" > "$PIDS/postgres-$p.pid"
}

# stop_projection_database PLATFORM: pg_ctl's fast shutdown (open sessions are ended, everything committed is
# kept). A plain TERM would be a smart shutdown, which waits for the gateway's pooled connections to close.
stop_projection_database() {
  local p="$1" data pid
  data="$(env_value "$RUNTIME/platforms/$p/gateway.env" PN_POSTGRES_DATA)"
  if is_running "postgres-$p" && [ -n "$data" ] && PG_BIN="$(postgres_bin)"; then
    read -r pid _ < "$PIDS/postgres-$p.pid"
    as_postgres "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 30 stop >> "$LOGS/postgres-$p.log" 2>&1 || true
    is_running "postgres-$p" || { rm -f "$PIDS/postgres-$p.pid"; info "stopped postgres-$p (pid $pid)"; return 0; }
  fi
  stop_process "postgres-$p"
}

start_gateways() {
  local p name
  for p in "${PN_PLATFORMS[@]}"; do
    write_gateway_secrets "$p"
    start_projection_database "$p"
    while read -r name; do launch_gateway "$name"; done < <(instances gateway "$p")
  done
  for p in "${PN_PLATFORMS[@]}"; do
    while read -r name; do wait_gateway_ready "$name"; done < <(instances gateway "$p")
  done
  for p in "${PN_PLATFORMS[@]}"; do
    [ "$(instance_count gateway "$p")" -gt 1 ] || continue
    launch_balancer "$p"
    wait_balancer_ready "$p"
  done
  step "Gateways (OAuth 2.0 client credentials of each platform's back end; new at every up)"
  for p in "${PN_PLATFORMS[@]}"; do
    # Never the secret itself: this output ends up in CI logs. Its owner reads it from the 0600 file.
    info "$p: $(env_value "$RUNTIME/platforms/$p/gateway.env" PN_GATEWAY_URL)  client id $(env_value \
      "$RUNTIME/platforms/$p/gateway.env" PN_CLIENT_ID)  secret in runtime/platforms/$p/gateway-secrets.env"
  done
  info "(./test-network.sh status --json lists the secrets to the owner of runtime/)"
  info "web console: <gateway URL>/console/operator (login 'platform operator', password POINTSNET_CONSOLE_OPERATORPASSWORD in the same file), <gateway URL>/console/me"
}

# gateway_token PLATFORM: a client_credentials access token of the platform's back end. The credentials go to
# curl on its standard input (a config file), never on a command line that `ps` shows to every local user.
gateway_token() {
  local envfile="$RUNTIME/platforms/$1/gateway.env"
  printf 'user = "%s:%s"\n' "$(env_value "$envfile" PN_CLIENT_ID)" \
      "$(env_value "$RUNTIME/platforms/$1/gateway-secrets.env" POINTSNET_OAUTH_CLIENTSECRET)" \
    | curl -sf --max-time 10 --cacert "$(env_value "$envfile" PN_HTTPS_CACERT)" -K - -d grant_type=client_credentials \
      "$(env_value "$envfile" PN_GATEWAY_URL)/oauth2/token" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}

# register_demo_platforms: each platform registers itself through its own gateway (PUT /api/v1/platforms/<id>,
# scope platform.admin) with the entry of network/demo-platforms.json. The fixed Idempotency-Key makes a repeat
# (or the end-to-end tests' identical registration) return the first receipt.
register_demo_platforms() {
  local p url body answer platforms=("$@")
  [ ${#platforms[@]} -gt 0 ] || platforms=("${PN_PLATFORMS[@]}")
  step "Registering the demo platforms (network/demo-platforms.json) through their gateways"
  for p in "${platforms[@]}"; do
    url="$(env_value "$RUNTIME/platforms/$p/gateway.env" PN_GATEWAY_URL)"
    body="$(python3 -c 'import json, sys; print(json.dumps(json.load(open(sys.argv[1]))[sys.argv[2]]))' \
      "$ROOT/network/demo-platforms.json" "$p")" || die "no entry for $p in network/demo-platforms.json"
    answer="$(printf 'header = "Authorization: Bearer %s"\n' "$(gateway_token "$p")" \
      | curl -s --max-time 90 --cacert "$(env_value "$RUNTIME/platforms/$p/gateway.env" PN_HTTPS_CACERT)" -K - \
      -X PUT "$url/api/v1/platforms/$p" \
      -H 'Content-Type: application/json' -H "Idempotency-Key: e2e-register-$p" -d "$body" -w '\n%{http_code}')"
    [ "${answer##*$'\n'}" = 200 ] || die "registering $p failed: ${answer%$'\n'*}"
    info "$p registered ($(printf '%s' "$body" | python3 -c 'import json, sys; d = json.load(sys.stdin); print(d["symbol"], "unit value", d["unitValue"], d["currency"])'))"
  done
}

# ---------------------------------------------------------------------------------------
# Nodes: every process of the network by the name `status` shows, started and stopped one by one
# from the data `up` created (ledgers, keys, secrets and projections stay in runtime/).

# node_names: every node, in start order (orderers, peers, chaincode servers, projection databases, gateways);
# stopping goes the other way.
node_names() {
  local fqdn p
  for fqdn in "${PN_ORDERERS[@]}"; do echo "${fqdn%%.*}"; done
  all_peers
  for p in "${PN_PLATFORMS[@]}"; do echo "chaincode-$p"; done
  for p in "${PN_PLATFORMS[@]}"; do
    [ -z "$(env_value "$RUNTIME/platforms/$p/gateway.env" PN_POSTGRES_PORT)" ] || echo "postgres-$p"
  done
  for p in "${PN_PLATFORMS[@]}"; do instances gateway "$p"; done
  for p in "${PN_PLATFORMS[@]}"; do [ "$(instance_count gateway "$p")" -le 1 ] || echo "balancer-$p"; done
}

# node_kind NAME: orderer, peer, chaincode, postgres, gateway or balancer (orderers first: their names are the spec's).
node_kind() {
  local fqdn
  for fqdn in "${PN_ORDERERS[@]}"; do [ "$1" = "${fqdn%%.*}" ] && { echo orderer; return 0; }; done
  case "$1" in peer-*) echo peer ;; chaincode-*) echo chaincode ;; postgres-*) echo postgres ;; gateway-*) echo gateway ;;
    balancer-*) echo balancer ;; esac
}

# orderer_fqdn NAME: the orderer's fully qualified name (its folder under runtime/orderers/).
orderer_fqdn() {
  local fqdn
  for fqdn in "${PN_ORDERERS[@]}"; do [ "$1" = "${fqdn%%.*}" ] && { echo "$fqdn"; return 0; }; done
  return 1
}

require_node() {
  local name
  while read -r name; do [ "$name" = "$1" ] && return 0; done < <(node_names)
  die "unknown node '$1' (known: $(node_names | tr '\n' ' '))"
}

# require_network: the network was brought up completely once here and its runtime folder is kept; loads its
# rendered values and puts the Fabric binaries `up` used on PATH.
require_network() {
  [ -f "$RUNTIME/network.env" ] && [ -f "$UP_MARKER" ] \
    || die "no network to start in $RUNTIME (never brought up, or removed by down): run ./test-network.sh up"
  load_env "$RUNTIME/network.env"
  local fabric_bin
  if [ -f "$RUNTIME/fabric-bin" ]; then
    fabric_bin="$(cat "$RUNTIME/fabric-bin")"
  else
    fabric_bin="$("$ROOT/scripts/install-fabric.sh")" || die "no Fabric binaries; see the message above"
  fi
  export PATH="$fabric_bin:$PATH"
  # The org hosts are gone after a reboot (namespaces live in the kernel): make the missing ones.
  if [ "$(hosts_mode)" = namespaces ]; then make_hosts > /dev/null; fi
}

# metric NODE NAME{LABELS}: one sample of an orderer's or peer's Prometheus page, as an integer; empty when absent
# or unreachable. (The page is read whole first: awk leaving a pipe early would fail curl, and with it the caller
# under set -e.)
metric() {
  local page
  https_args "$(node_envfile "$1")"
  page="$(${IN_HOST[@]+"${IN_HOST[@]}"} curl -sf --max-time 2 ${HTTPS_ARGS[@]+"${HTTPS_ARGS[@]}"} "$(metrics_url "$1")" \
    2>/dev/null)" || return 0
  awk -v m="$2" '$1 == m && !found {printf "%d\n", $2; found = 1}' <<< "$page"
}

# node_envfile NAME: the rendered env file a node runs with.
node_envfile() {
  case "$(node_kind "$1")" in
    orderer) echo "$RUNTIME/orderers/$(orderer_fqdn "$1")/node.env" ;;
    peer) peer_envfile "$1" ;;
    chaincode) echo "$RUNTIME/platforms/${1#chaincode-}/chaincode.env" ;;
    gateway) echo "$RUNTIME/platforms/$(gateway_platform "$1")/gateway.env" ;;
    balancer) echo "$RUNTIME/platforms/${1#balancer-}/gateway.env" ;;
  esac
}

# metrics_url NAME: an orderer's or peer's operations /metrics URL.
metrics_url() {
  local health
  health="$(env_value "$(node_envfile "$1")" PN_HEALTH_URL)"
  echo "${health%/healthz}/metrics"
}

# height NAME: the block height of the channel on a peer (gauge ledger_blockchain_height) or an orderer (last
# committed block + 1); empty when the node does not answer or has not opened the channel.
height() {
  local url number
  case "$(node_kind "$1")" in
    peer) metric "$1" "ledger_blockchain_height{channel=\"$PN_CHANNEL\"}" ;;
    orderer)
      number="$(metric "$1" "consensus_etcdraft_committed_block_number{channel=\"$PN_CHANNEL\"}")"
      [ -z "$number" ] || echo $((number + 1)) ;;
  esac
}

# is_raft_leader NAME: the orderer leads the channel's Raft cluster now.
is_raft_leader() {
  [ "$(metric "$1" "consensus_etcdraft_is_leader{channel=\"$PN_CHANNEL\"}")" = 1 ]
}

# peer_caught_up NAME TARGET: the peer's height is at least TARGET.
peer_caught_up() {
  local h
  h="$(height "$1")"
  [ -n "$h" ] && [ "$h" -ge "$2" ]
}

# peer_knows NAME COUNT: the peer's gossip sees at least COUNT other peers on the channel. Until it does it cannot
# plan the dissemination of private data, so every endorsement that writes a collection fails on it.
peer_knows() {
  local known
  known="$(metric "$1" "gossip_membership_total_peers_known{channel=\"$PN_CHANNEL\"}")"
  [ "${known:-0}" -ge "$2" ]
}

# launch_node NAME: starts the node's process from its env files (no wait); a running node is left alone.
launch_node() {
  local name="$1" fqdn p envfile
  if is_running "$name"; then
    info "$name is already running"
    return 0
  fi
  case "$(node_kind "$name")" in
    orderer)
      fqdn="$(orderer_fqdn "$name")"
      envfile="$RUNTIME/orderers/$fqdn/node.env"
      step "Starting orderer $fqdn on $(env_value "$envfile" PN_NODE_ADDRESS)"
      start_process "$name" "$envfile" orderer ;;
    peer)
      envfile="$(peer_envfile "$name")"
      step "Starting $name ($(peer_platform "$name")) on $(env_value "$envfile" PN_NODE_ADDRESS)"
      start_process "$name" "$envfile" peer node start ;;
    chaincode)
      p="${name#chaincode-}"
      envfile="$RUNTIME/platforms/$p/chaincode.env"
      step "Starting chaincode server of $p on $(env_value "$envfile" PN_NODE_ADDRESS)"
      CHAINCODE_ID="$(cat "$RUNTIME/platforms/$p/chaincode/package-id")" start_process "$name" "$envfile" \
        java -Xmx128m "${NODE_JAVA_OPTS[@]}" -jar "$RUNTIME/jars/$(basename "$CHAINCODE_JAR")" ;;
    postgres) run_projection_database "${name#postgres-}" ;;
    gateway) launch_gateway "$name" ;;
    balancer) launch_balancer "${name#balancer-}" ;;
  esac
}

# await_node NAME: waits until the node serves: orderers and peers their health endpoint (and a peer the channel
# height the other running peers had when it answered, i.e. it caught up from the orderer, and gossip contact with
# each of them, without which it cannot endorse), chaincode servers their port, gateways their readiness (peer
# reachable, chaincode answers, projection caught up). pg_ctl waited already.
await_node() {
  local name="$1" fqdn p q target=0 others=0 h started=$SECONDS
  case "$(node_kind "$name")" in
    orderer)
      fqdn="$(orderer_fqdn "$name")"
      wait_until "$name" "health endpoint" http_ok "$(env_value "$RUNTIME/orderers/$fqdn/node.env" PN_HEALTH_URL)" \
        "$RUNTIME/orderers/$fqdn/node.env" ;;
    peer)
      wait_until "$name" "health endpoint" http_ok "$(env_value "$(peer_envfile "$name")" PN_HEALTH_URL)" \
        "$(peer_envfile "$name")"
      while read -r q; do
        [ "$q" != "$name" ] && is_running "$q" || continue
        others=$((others + 1))
        h="$(height "$q")"
        [ -n "$h" ] && [ "$h" -gt "$target" ] && target="$h"
      done < <(all_peers)
      wait_until "$name" "channel $PN_CHANNEL at height $target" peer_caught_up "$name" "$target"
      wait_until "$name" "gossip membership of the $others other running peers" peer_knows "$name" "$others"
      info "$name is at height $(height "$name") on '$PN_CHANNEL' and sees $others other peers (ready in $((SECONDS - started))s)" ;;
    chaincode)
      p="${name#chaincode-}"
      wait_until "$name" "listening port" tcp_open "$(env_value "$RUNTIME/platforms/$p/chaincode.env" PN_NODE_ADDRESS)" ;;
    gateway) wait_gateway_ready "$name" ;;
    balancer) wait_balancer_ready "${name#balancer-}" ;;
  esac
}

# start_nodes NAME...: starts the named nodes that are not running, kind by kind in start order (each kind's
# processes together, then waiting for all of them), so a gateway starts only once its peer and chaincode serve.
start_nodes() {
  local kind name batch
  for kind in orderer peer chaincode postgres gateway balancer; do
    batch=()
    for name in "$@"; do
      [ "$(node_kind "$name")" = "$kind" ] || continue
      is_running "$name" && { info "$name is already running"; continue; }
      batch+=("$name")
    done
    [ ${#batch[@]} -gt 0 ] || continue
    for name in "${batch[@]}"; do launch_node "$name"; done
    for name in "${batch[@]}"; do await_node "$name"; done
  done
}

# stop_node NAME: TERM (KILL after 10 s) by the recorded pid; PostgreSQL by pg_ctl. Data stays.
stop_node() {
  case "$1" in
    postgres-*) stop_projection_database "${1#postgres-}" ;;
    *) stop_process "$1" ;;
  esac
}

# not_running: the nodes whose process is not running, one per line.
not_running() {
  local name
  while read -r name; do is_running "$name" || echo "$name"; done < <(node_names)
}

cmd_start() {
  local name="${1:-}" started=$SECONDS missing
  require_network
  if [ -n "$name" ]; then
    require_node "$name"
    start_nodes "$name"
    return 0
  fi
  mapfile -t missing < <(not_running)
  if [ ${#missing[@]} -eq 0 ]; then
    echo "PointsNet is already up; './test-network.sh status' shows it."
    return 0
  fi
  step "Starting ${missing[*]} (data kept in $RUNTIME)"
  start_nodes "${missing[@]}"
  step "PointsNet is up again in $((SECONDS - started))s"
  cmd_status
}

cmd_stop() {
  local name="${1:-}"
  [ -f "$RUNTIME/network.env" ] || die "the network is not up (no $RUNTIME/network.env)"
  load_env "$RUNTIME/network.env"
  if [ -n "$name" ]; then
    require_node "$name"
    stop_node "$name"
    return 0
  fi
  step "Stopping PointsNet (runtime/ kept: './test-network.sh start' brings it back, 'down' deletes it)"
  while read -r name; do stop_node "$name"; done < <(node_names | tac)
}

cmd_restart() {
  local name="${1:-}"
  [ -n "$name" ] || die "usage: ./test-network.sh restart NODE"
  require_network
  require_node "$name"
  stop_node "$name"
  start_nodes "$name"
}

cmd_up() {
  if [ -f "$UP_MARKER" ]; then
    load_env "$RUNTIME/network.env"
    local dead
    mapfile -t dead < <(not_running)
    if [ ${#dead[@]} -eq 0 ]; then
      echo "PointsNet is already up; './test-network.sh status' shows it."
      return 0
    fi
    step "PointsNet was up here before; starting what is not running (${dead[*]}) from the kept data"
    cmd_start
    return 0
  fi
  if [ -d "$PIDS" ] && [ -n "$(ls -A "$PIDS" 2>/dev/null)" ]; then
    step "Cleaning up an earlier 'up' that did not finish"
    cmd_down
  fi
  local started=$SECONDS
  check_prerequisites
  choose_default_spec
  step "Fabric binaries (scripts/install-fabric.sh)"
  local fabric_bin
  fabric_bin="$("$ROOT/scripts/install-fabric.sh")" || die "no Fabric binaries; see the message above"
  export PATH="$fabric_bin:$PATH"
  info "$(peer version | sed -n 's/^ Version: /peer /p') in $fabric_bin"
  build_jars

  mkdir -p "$RUNTIME" "$LOGS" "$PIDS"
  # Later commands on the running network (channel create) use the same binaries, and the same spec.
  echo "$fabric_bin" > "$RUNTIME/fabric-bin"
  (cd "$(dirname "$SPEC")" && echo "$(pwd)/$(basename "$SPEC")") > "$RUNTIME/spec"
  stage_jars
  step "Crypto material (admin-cli crypto generate)"
  admin_cli crypto generate --spec "$SPEC" --out "$RUNTIME/crypto" | sed 's/^/    /'
  step "Node configuration (admin-cli network render)"
  admin_cli network render --spec "$SPEC" --repo "$ROOT" --runtime "$RUNTIME" | sed 's/^/    /'
  load_env "$RUNTIME/network.env"
  make_hosts fresh

  start_orderers
  start_peers
  create_channel
  deploy_chaincode
  start_gateways
  register_demo_platforms
  touch "$UP_MARKER"
  step "PointsNet is up in $((SECONDS - started))s"
  cmd_status
}

# ---------------------------------------------------------------------------------------
# down

cmd_down() {
  step "Stopping PointsNet and deleting its data (runtime/)"
  if [ -d "$PIDS" ]; then
    local file
    # Balancers and gateways first, then their projection databases and the chaincode servers, then peers, orderers.
    for prefix in balancer- gateway- postgres- chaincode- peer- ""; do
      for file in "$PIDS"/"$prefix"*.pid; do
        [ -f "$file" ] || continue
        stop_node "$(basename "$file" .pid)"
      done
    done
  fi
  if [ -f "$RUNTIME/network.env" ]; then
    load_env "$RUNTIME/network.env"
    if [ "$(hosts_mode)" = namespaces ]; then
      remove_hosts
      info "removed the org hosts' namespaces and bridge ($PN_BRIDGE)"
    fi
  fi
  rm -rf "$RUNTIME"
  info "removed $RUNTIME"
}

# ---------------------------------------------------------------------------------------
# status

# node_rows: "kind|name|platform|address|health-url" for every process of the network.
node_rows() {
  local fqdn p envfile
  for fqdn in "${PN_ORDERERS[@]}"; do
    envfile="$RUNTIME/orderers/$fqdn/node.env"
    echo "orderer|${fqdn%%.*}||$(env_value "$envfile" PN_NODE_ADDRESS)|$(env_value "$envfile" PN_HEALTH_URL)"
  done
  for p in "${PN_PLATFORMS[@]}"; do
    local peer
    while read -r peer; do
      envfile="$(peer_envfile "$peer")"
      echo "peer|$peer|$p|$(env_value "$envfile" PN_NODE_ADDRESS)|$(env_value "$envfile" PN_HEALTH_URL)"
    done < <(instances peer "$p")
    echo "chaincode|chaincode-$p|$p|$(env_value "$RUNTIME/platforms/$p/chaincode.env" PN_NODE_ADDRESS)|"
    envfile="$RUNTIME/platforms/$p/gateway.env"
    if [ -n "$(env_value "$envfile" PN_POSTGRES_PORT)" ]; then
      echo "database|postgres-$p|$p|$(env_value "$envfile" PN_POSTGRES_LISTEN):$(env_value "$envfile" PN_POSTGRES_PORT)|"
    fi
    if [ "$(instance_count gateway "$p")" -le 1 ]; then
      echo "gateway|gateway-$p|$p|$(env_value "$envfile" PN_GATEWAY_URL)|$(env_value "$envfile" PN_HEALTH_URL)"
    else
      local name instance
      while read -r name; do
        instance="$(gateway_instance_env "$name")"
        echo "gateway|$name|$p|$(env_value "$instance" PN_INSTANCE_URL)|$(env_value "$instance" PN_HEALTH_URL)"
      done < <(instances gateway "$p")
      echo "balancer|balancer-$p|$p|$(env_value "$envfile" PN_GATEWAY_URL)|$(env_value "$envfile" PN_GATEWAY_URL)/health/live"
    fi
  done
}

# answers NAME ADDRESS HEALTH-URL: the node's health endpoint answers (verified over HTTPS), or its port is open.
answers() {
  local address="$2" health="$3"
  if [ -n "$health" ]; then http_ok "$health" "$(node_envfile "$1")"; else tcp_open "$address"; fi
}

cmd_status() {
  local json=0
  [ "${1:-}" = "--json" ] && json=1
  if [ ! -f "$RUNTIME/network.env" ]; then
    if [ $json -eq 1 ]; then
      printf '{"state":"down","nodes":[],"gateways":{}}\n'
    else
      echo "PointsNet is down."
    fi
    return 0
  fi
  load_env "$RUNTIME/network.env"
  local kind name platform address health running answer h leader rows=() all_ok=1 any_running=0
  while IFS='|' read -r kind name platform address health; do
    running=false; answer=false; h=""; leader=false
    is_running "$name" && running=true && any_running=1
    if [ "$running" = true ] && answers "$name" "$address" "$health"; then answer=true; fi
    [ "$answer" = true ] || all_ok=0
    # Block heights on the channel, from the operations endpoints (Prometheus metrics) of orderers and peers.
    if [ "$answer" = true ] && { [ "$kind" = orderer ] || [ "$kind" = peer ]; }; then
      h="$(height "$name")"
      [ "$kind" = orderer ] && is_raft_leader "$name" && leader=true
    fi
    rows+=("$kind|$name|$platform|$address|$running|$answer|$h|$leader")
  done < <(node_rows)
  local state=up
  [ -f "$UP_MARKER" ] || state=starting
  [ $all_ok -eq 1 ] || state=degraded
  [ $any_running -eq 1 ] || [ ! -f "$UP_MARKER" ] || state=stopped
  if [ $json -eq 1 ]; then
    local nodes="" gateways="" sep="" gsep="" extra
    for row in "${rows[@]}"; do
      IFS='|' read -r kind name platform address running answer h leader <<< "$row"
      extra=""
      case "$kind" in
        peer) extra=",\"height\":${h:-null}" ;;
        orderer) extra=",\"height\":${h:-null},\"raftLeader\":$leader" ;;
      esac
      nodes+="$sep{\"kind\":\"$kind\",\"name\":\"$name\",\"platformId\":\"$platform\",\"address\":\"$address\",\"running\":$running,\"answers\":$answer$extra}"
      sep=","
      # The org's public gateway URL: its only gateway, or its load balancer in front of several.
      if { [ "$kind" = gateway ] && [ "$name" = "gateway-$platform" ] && [ "$(instance_count gateway "$platform")" -le 1 ]; } \
          || [ "$kind" = balancer ]; then
        local client_id secret ca_cert
        client_id="$(env_value "$RUNTIME/platforms/$platform/gateway.env" PN_CLIENT_ID)"
        secret="$(env_value "$RUNTIME/platforms/$platform/gateway-secrets.env" POINTSNET_OAUTH_CLIENTSECRET)"
        # The org TLS CA that verifies the gateway's HTTPS certificate (curl --cacert).
        ca_cert="$(env_value "$RUNTIME/platforms/$platform/gateway.env" PN_HTTPS_CACERT)"
        local instances="" isep="" gw
        if [ "$kind" = balancer ]; then
          # Each instance behind the balancer, for direct calls (its own port, same certificate and credentials).
          while read -r gw; do
            instances+="$isep{\"name\":\"$gw\",\"url\":\"$(gateway_url "$gw")\"}"
            isep=","
          done < <(instances gateway "$platform")
          instances=",\"instances\":[$instances]"
        fi
        gateways+="$gsep\"$platform\":{\"url\":\"$address\",\"caCert\":\"$ca_cert\",\"clientId\":\"$client_id\",\"clientSecret\":\"$secret\",\"running\":$running,\"answers\":$answer$instances}"
        gsep=","
      fi
    done
    printf '{"state":"%s","channel":"%s","chaincode":"%s","nodes":[%s],"gateways":{%s}}\n' \
      "$state" "$PN_CHANNEL" "$PN_CC_NAME" "$nodes" "$gateways"
  else
    echo "PointsNet is $state (channel '$PN_CHANNEL', chaincode '$PN_CC_NAME')"
    printf '  %-10s %-22s %-28s %-8s %-8s %s\n' KIND NAME ADDRESS RUNNING ANSWERS HEIGHT
    for row in "${rows[@]}"; do
      IFS='|' read -r kind name platform address running answer h leader <<< "$row"
      [ "$leader" = true ] && h="$h (Raft leader)"
      printf '  %-10s %-22s %-28s %-8s %-8s %s\n' "$kind" "$name" "$address" "$running" "$answer" "$h"
    done
  fi
}

# start-gateway PLATFORM: `start gateway-PLATFORM` (kept for scripts written before `start NODE`): the gateway
# comes back with the same secrets and signing key, so its clients keep their credentials.
cmd_start_gateway() {
  local p="${1:-}" known=0 q
  [ -n "$p" ] || die "usage: ./test-network.sh start-gateway PLATFORM"
  [ -f "$RUNTIME/network.env" ] || die "the network is not up (no $RUNTIME/network.env)"
  load_env "$RUNTIME/network.env"
  for q in "${PN_PLATFORMS[@]}"; do [ "$q" = "$p" ] && known=1; done
  [ $known -eq 1 ] || die "unknown platform '$p' (known: ${PN_PLATFORMS[*]})"
  require_network
  local nodes
  mapfile -t nodes < <(instances gateway "$p")
  [ "$(instance_count gateway "$p")" -le 1 ] || nodes+=("balancer-$p")
  start_nodes "${nodes[@]}"
}

# ---------------------------------------------------------------------------------------
# logs

cmd_logs() {
  local name="${1:-}" follow="${2:-}"
  [ -d "$LOGS" ] || die "no logs: the network is not up"
  if [ -n "$name" ] && [ "$name" != "-f" ]; then
    [ -f "$LOGS/$name.log" ] || die "no log named '$name'; known: $(cd "$LOGS" && ls | sed 's/\.log$//' | tr '\n' ' ')"
    if [ "$follow" = "-f" ]; then exec tail -n 50 -f "$LOGS/$name.log"; fi
    tail -n 50 "$LOGS/$name.log"
    return 0
  fi
  local file
  for file in "$LOGS"/*.log; do
    printf -- '--- %s ---\n' "$(basename "$file" .log)"
    tail -n 20 "$file"
  done
}

# channel create NAME: a further channel on the running network, for tests that need a ledger where
# nothing is registered yet. The chaincode is installed and its servers serve any channel, so only
# the definition is approved and committed, with the packages, collections and policy of the first.
cmd_channel() {
  local action="${1:-}" channel="${2:-}" fabric_bin
  [ "$action" = create ] && [ -n "$channel" ] || die "usage: ./test-network.sh channel create NAME"
  # Fabric's channel name rule.
  [[ "$channel" =~ ^[a-z][a-z0-9.-]{0,248}$ ]] || die "channel name '$channel' must match [a-z][a-z0-9.-]* (at most 249 characters)"
  [ -f "$UP_MARKER" ] || die "the network is not up (no $UP_MARKER)"
  load_env "$RUNTIME/network.env"
  [ ! -f "$RUNTIME/channel/$channel.block" ] || die "channel '$channel' exists already"
  if [ -f "$RUNTIME/fabric-bin" ]; then
    fabric_bin="$(cat "$RUNTIME/fabric-bin")"
  else
    fabric_bin="$("$ROOT/scripts/install-fabric.sh")" || die "no Fabric binaries; see the message above"
  fi
  export PATH="$fabric_bin:$PATH"
  create_channel "$channel"
  define_chaincode "$channel"
  step "Channel '$channel' is ready (chaincode '$PN_CC_NAME' committed)"
}

# add-org PLATFORM: a joining org of the spec (joiningOrgs) joins the running channel, no ledger deleted. admin-cli
# does every step; this function plays each org's operator in turn, each with that org's own admin material:
# the new org creates its keys and definition, the first member builds the update, every other member signs it,
# the first submits it (adding its own signature); then the new peer joins from the channel's genesis block, every
# org approves the chaincode definition with the new org's collection, it is committed, the new org's chaincode
# server and gateway start, the members' gateways restart to trust it, and it registers its platform.
cmd_add_org() {
  local p="${1:-}" q first started=$SECONDS update joined_args=()
  [ -n "$p" ] || die "usage: ./test-network.sh add-org PLATFORM (a joiningOrgs entry of $SPEC)"
  require_network
  for q in "${PN_PLATFORMS[@]}"; do [ "$q" != "$p" ] || die "$p is a member of '$PN_CHANNEL' already"; done
  first="${PN_PLATFORMS[0]}"
  update="$RUNTIME/channel/add-$p.pb"
  mkdir -p "$RUNTIME/channel"

  step "[$p] admin-cli org create: $p's own keys, node configuration and org definition"
  admin_cli org create --spec "$SPEC" --org "$p" --repo "$ROOT" --runtime "$RUNTIME" | sed 's/^/    /'
  step "[$first] admin-cli org join: the config update adding $p, from the latest config block"
  admin_cli org join --spec "$SPEC" --runtime "$RUNTIME" --as "$first" --org "$p" \
    --definition "$RUNTIME/platforms/$p/org-definition" --out "$update" | sed 's/^/    /'
  for q in "${PN_PLATFORMS[@]}"; do
    [ "$q" != "$first" ] || continue
    step "[$q] admin-cli config sign: $q's admin consents"
    admin_cli config sign --spec "$SPEC" --runtime "$RUNTIME" --as "$q" --in "$update" | sed 's/^/    /'
  done
  step "[$first] admin-cli config submit: checked against the channel's policies, then ordered"
  admin_cli config submit --spec "$SPEC" --runtime "$RUNTIME" --as "$first" --in "$update" | sed 's/^/    /'

  # Every later render includes the orgs that joined (their collection, every gateway's trust, network.env).
  echo "$p" >> "$RUNTIME/joined-orgs"
  while read -r q; do joined_args+=(--joined "$q"); done < "$RUNTIME/joined-orgs"
  step "Node configuration with $p as a member (admin-cli network render --joined)"
  admin_cli network render --spec "$SPEC" --repo "$ROOT" --runtime "$RUNTIME" "${joined_args[@]}" | sed 's/^/    /'
  load_env "$RUNTIME/network.env"

  local peer
  while read -r peer; do
    launch_node "$peer"
    wait_until "$peer" "health endpoint" http_ok "$(env_value "$(peer_envfile "$peer")" PN_HEALTH_URL)" \
      "$(peer_envfile "$peer")"
  done < <(instances peer "$p")
  step "[$p] peers join '$PN_CHANNEL' from its genesis block (fetched from the orderer) and catch up"
  load_env "$RUNTIME/orderer-admin.env"
  as_admin "$p" peer channel fetch 0 "$RUNTIME/channel/$PN_CHANNEL-genesis-$p.block" -c "$PN_CHANNEL" \
    -o "$(live_orderer)" --tls --cafile "$PN_ORDERER_TLS_CA" >> "$LOGS/peer-cli.log" 2>&1 \
    || fail_node peer-cli "the peer of $p could not fetch the genesis block of $PN_CHANNEL"
  while read -r peer; do
    as_peer_admin "$peer" peer channel join -b "$RUNTIME/channel/$PN_CHANNEL-genesis-$p.block" \
      >> "$LOGS/peer-cli.log" 2>&1 || fail_node peer-cli "$peer could not join $PN_CHANNEL"
  done < <(instances peer "$p")
  while read -r peer; do await_node "$peer"; done < <(instances peer "$p")

  install_chaincode "$p"
  wait_until "chaincode-$p" "listening port" tcp_open "$(env_value "$RUNTIME/platforms/$p/chaincode.env" PN_NODE_ADDRESS)"
  step "Chaincode definition with collection ledger-$p: approved by every org (LifecycleEndorsement ALL), committed"
  define_chaincode "$PN_CHANNEL"

  # Each member's gateway restarts with the re-rendered trust list before platform-d registers, so none sets its
  # receipts aside; the first gateway of every platform starts together (a gateway's start is most of this step's
  # time). A platform's further gateways (behind its balancer) restart one by one after that, so it always has one
  # serving, and no more JVMs start at once than with one gateway per platform.
  local gateways=() later=() gw
  for q in "${PN_PLATFORMS[@]}"; do
    while read -r gw; do
      if [ "$gw" != "gateway-$q" ]; then later+=("$gw"); continue; fi
      gateways+=("$gw")
      [ "$q" != "$p" ] || continue
      step "Stopping $gw: it restarts trusting $p's endorsements (POINTSNET_TRUST_PLATFORMS_*)"
      stop_node "$gw"
    done < <(instances gateway "$q")
  done
  write_gateway_secrets "$p"
  start_projection_database "$p"
  start_nodes "${gateways[@]}"
  for gw in ${later[@]+"${later[@]}"}; do
    step "Restarting $gw: it trusts $p's endorsements too"
    stop_node "$gw"
    start_nodes "$gw"
  done
  register_demo_platforms "$p"
  step "$p joined '$PN_CHANNEL' in $((SECONDS - started))s"
}

# osnadmin ORDERER join|remove|list [CHANNEL]: the orderer's side of a Raft consenter change, through the channel
# participation API as the orderer org's admin (admin-cli config update --add-consenter/--remove-consenter is the
# channel's side). join fetches the channel's latest config block from another orderer and joins ORDERER with it: it
# replicates the chain as a follower and serves as a consenter once the config lists it; waits until the channel is
# active there. remove: ORDERER leaves the channel and deletes its copy (after the config removed it as consenter).
# list: its status on the channel (JSON: status, consensusRelation, height).
cmd_osnadmin() {
  local name="${1:-}" action="${2:-}" channel fqdn admin_address own address from="" block
  [ -n "$name" ] && [[ "$action" =~ ^(join|remove|list)$ ]] \
    || die "usage: ./test-network.sh osnadmin ORDERER join|remove|list [CHANNEL]"
  require_network
  channel="${3:-$PN_CHANNEL}"
  fqdn="$(orderer_fqdn "$name")" || die "unknown orderer '$name' (known: ${PN_ORDERERS[*]%%.*})"
  admin_address="$(env_value "$RUNTIME/orderers/$fqdn/node.env" ORDERER_ADMIN_LISTENADDRESS)"
  load_env "$RUNTIME/orderer-admin.env"
  local osn=(--channelID "$channel" -o "$admin_address" --ca-file "$PN_ORDERER_TLS_CA"
    --client-cert "$PN_ORDERER_ADMIN_CLIENT_CERT" --client-key "$PN_ORDERER_ADMIN_CLIENT_KEY")
  case "$action" in
    # osnadmin prints "Status: <HTTP code>" before the JSON body; scripts get the JSON alone.
    list) osnadmin channel list "${osn[@]}" | sed '/^Status: /d' ;;
    remove)
      step "$name leaves '$channel' (osnadmin channel remove: its copy of the chain is deleted)"
      osnadmin channel remove "${osn[@]}" >> "$LOGS/osnadmin.log" 2>&1 \
        || fail_node osnadmin "osnadmin could not remove $name from $channel" ;;
    join)
      own="$(env_value "$RUNTIME/orderers/$fqdn/node.env" PN_NODE_ADDRESS)"
      for address in "${PN_ORDERER_ADDRESSES[@]}"; do
        if [ "$address" != "$own" ] && tcp_open "$address"; then from="$address"; break; fi
      done
      [ -n "$from" ] || die "no other orderer answers: nothing to fetch the config block of '$channel' from"
      mkdir -p "$RUNTIME/channel"
      block="$RUNTIME/channel/$channel-config-$name.block"
      step "$name joins '$channel' from its latest config block (fetched from $from as the orderer org admin)"
      ( load_env "$RUNTIME/orderer-org-admin.env"
        peer channel fetch config "$block" -c "$channel" -o "$from" --tls --cafile "$PN_ORDERER_TLS_CA" ) \
        >> "$LOGS/peer-cli.log" 2>&1 || fail_node peer-cli "could not fetch the config block of $channel from $from"
      osnadmin channel join --config-block "$block" "${osn[@]}" >> "$LOGS/osnadmin.log" 2>&1 \
        || fail_node osnadmin "osnadmin could not join $name to $channel"
      wait_until "$name" "active channel $channel" channel_active "$admin_address" "$channel"
      info "$name on '$channel': $(osnadmin channel list "${osn[@]}" 2>/dev/null | sed '/^Status: /d' | tr -d ' \n')" ;;
  esac
}

# exec HOST -- CMD...: CMD on the org's host (pn-HOST's network namespace), e.g. `exec platform-a -- ss -ltn`
# shows what listens there; in loopback mode CMD runs here.
cmd_exec() {
  local host="${1:-}" entry netns
  [ -n "$host" ] && [ "${2:-}" = "--" ] && [ $# -gt 2 ] || die "usage: ./test-network.sh exec HOST -- CMD..."
  shift 2
  [ -f "$RUNTIME/network.env" ] || die "the network is not up (no $RUNTIME/network.env)"
  load_env "$RUNTIME/network.env"
  [ "$(hosts_mode)" = namespaces ] || exec "$@"
  for entry in "${PN_HOSTS[@]}"; do
    netns="${entry%%|*}"
    [ "$netns" = "pn-$host" ] && exec ip netns exec "$netns" "$@"
  done
  die "unknown host '$host' (known: $(for entry in "${PN_HOSTS[@]}"; do netns="${entry%%|*}"; printf '%s ' "${netns#pn-}"; done))"
}

usage() {
  sed -n '2,/^set -euo pipefail/p' "${BASH_SOURCE[0]}" | grep '^#' | sed 's/^# \{0,1\}//'
}

main() {
  local command="${1:-}"
  [ $# -gt 0 ] && shift
  case "$command" in
    up) cmd_up "$@" ;;
    stop) cmd_stop "$@" ;;
    start) cmd_start "$@" ;;
    restart) cmd_restart "$@" ;;
    down) cmd_down "$@" ;;
    status) cmd_status "$@" ;;
    logs) cmd_logs "$@" ;;
    start-gateway) cmd_start_gateway "$@" ;;
    channel) cmd_channel "$@" ;;
    add-org) cmd_add_org "$@" ;;
    osnadmin) cmd_osnadmin "$@" ;;
    exec) cmd_exec "$@" ;;
    -h|--help|help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
