#!/usr/bin/env bash
# Portside's network lab: three Linux network namespaces (client, router, server) joined by
# two veth pairs, with nftables on the router (NAT, the kernel's FTP helper, firewalls) and
# real FTP servers in the server namespace. Used by the tests in io.portside.netlab.
#
#   lab.sh up NAME TOPOLOGY      build namespaces NAME-c, NAME-r, NAME-s (TOPOLOGY below)
#   lab.sh fw NAME POLICY        load a router rule set (replaces the previous one)
#   lab.sh server NAME KIND PORT PMIN-PMAX [tls|tls-optional] [external=ADDR] [promiscuous] [pasv=ADDR] [v6]
#                                start vsftpd|proftpd|pure-ftpd in NAME-s; waits for its 220
#   lab.sh down NAME             kill what runs in the namespaces, delete them and the state
#   lab.sh sweep                 tear down labs whose owner process is gone (NAME psl-<pid>...)
#
# NAME must be psl-<pid>[-<tag>] (the pid of the process that owns the lab, so `sweep` can
# tell leftovers from labs in use); interfaces live only inside the lab's namespaces: every
# veth is created in the router namespace with its peer moved straight into the client or
# server namespace, so nothing ever touches the host's namespace, and no namespace has a
# route to anything but the lab's own subnets.
#
# Topologies (router interfaces: toc towards the client, tos towards the server):
#   client-nat  client 10.77.0.2/24 -- 10.77.0.1 router 198.18.0.1 -- 198.18.0.2/24 server
#   server-nat  client 198.18.1.2/24 -- 198.18.1.1 router 10.88.0.1 -- 10.88.0.2/24 server
#   routed      client 198.18.1.2/24 -- 198.18.1.1 router 198.18.0.1 -- 198.18.0.2/24 server,
#               plus IPv6 fd77:1::2/64 -- fd77:1::1 router fd77::1 -- fd77::2/64
#
# Policies: open | masq | masq-helper | dnat | drop-passive | reject-passive | drop-inbound |
#           reject-inbound   (see policy_rules below)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LAB_ROOT=${PORTSIDE_NETLAB_DIR:-/tmp/portside-netlab}
# The passive ranges of every lab server lie here; the firewall policies name this range.
PASSIVE_ALL=40000-40999
# Control ports on which the router's FTP helper reads the commands.
HELPER_PORTS="21, 2121, 2122, 2123, 2124"

log() { echo "lab.sh: $*" >&2; }
die() { echo "lab.sh: ERROR: $*" >&2; exit 1; }

check_name() {
  [[ $1 =~ ^psl-[0-9]+(-[a-z0-9]+)?$ ]] || die "lab name must be psl-<pid>[-tag], not '$1'"
}

nsx() { local ns=$1; shift; ip netns exec "$ns" "$@"; }

addr_of() { # topology side(c|s|r-c|r-s) -> IPv4 address
  case $1:$2 in
    client-nat:c) echo 10.77.0.2 ;; client-nat:r-c) echo 10.77.0.1 ;;
    client-nat:r-s) echo 198.18.0.1 ;; client-nat:s) echo 198.18.0.2 ;;
    server-nat:c) echo 198.18.1.2 ;; server-nat:r-c) echo 198.18.1.1 ;;
    server-nat:r-s) echo 10.88.0.1 ;; server-nat:s) echo 10.88.0.2 ;;
    routed:c) echo 198.18.1.2 ;; routed:r-c) echo 198.18.1.1 ;;
    routed:r-s) echo 198.18.0.1 ;; routed:s) echo 198.18.0.2 ;;
    *) die "unknown topology '$1'" ;;
  esac
}

cmd_up() { # name topology
  local name=$1 topo=$2 c=$1-c r=$1-r s=$1-s
  check_name "$name"
  addr_of "$topo" c >/dev/null
  [ "$(id -u)" = 0 ] || die "the lab needs root (network namespaces)"
  mkdir -p "$LAB_ROOT/$name"
  echo "$topo" > "$LAB_ROOT/$name/topology"
  # A half-built lab is torn down again, so a failure here leaves nothing behind.
  trap 'cmd_down "$name" >/dev/null 2>&1 || true' ERR
  local n
  for n in "$c" "$r" "$s"; do
    ip netns add "$n"
    nsx "$n" ip link set lo up
    nsx "$n" sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
  done
  ip -n "$r" link add toc type veth peer name eth0 netns "$c"
  ip -n "$r" link add tos type veth peer name eth0 netns "$s"
  nsx "$r" sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1
  ip -n "$c" addr add "$(addr_of "$topo" c)/24" dev eth0
  ip -n "$r" addr add "$(addr_of "$topo" r-c)/24" dev toc
  ip -n "$r" addr add "$(addr_of "$topo" r-s)/24" dev tos
  ip -n "$s" addr add "$(addr_of "$topo" s)/24" dev eth0
  for n in "$c:eth0" "$r:toc" "$r:tos" "$s:eth0"; do ip -n "${n%%:*}" link set "${n#*:}" up; done
  # Routes to the lab's own subnets only: no default route, nothing leads out of the lab.
  local via_c via_s
  via_c=$(addr_of "$topo" r-c); via_s=$(addr_of "$topo" r-s)
  ip -n "$c" route add 198.18.0.0/15 via "$via_c" 2>/dev/null || true
  ip -n "$c" route add 10.0.0.0/8 via "$via_c"
  ip -n "$s" route add 198.18.0.0/15 via "$via_s"
  ip -n "$s" route add 10.0.0.0/8 via "$via_s" 2>/dev/null || true
  if [ "$topo" = routed ]; then
    ip -n "$c" addr add fd77:1::2/64 dev eth0 nodad
    ip -n "$r" addr add fd77:1::1/64 dev toc nodad
    ip -n "$r" addr add fd77::1/64 dev tos nodad
    ip -n "$s" addr add fd77::2/64 dev eth0 nodad
    ip -n "$c" -6 route add fd77::/16 via fd77:1::1
    ip -n "$s" -6 route add fd77::/16 via fd77::1
  fi
  trap - ERR
  cmd_fw "$name" "$(default_policy "$topo")"
  log "lab $name up ($topo)"
}

default_policy() {
  case $1 in client-nat) echo masq ;; server-nat) echo dnat ;; *) echo open ;; esac
}

# The router's rule set for a policy. The forward chain always lets answers through
# (established, related: which covers data connections the FTP helper expects).
policy_rules() { # topology policy
  local topo=$1 pol=$2 pre="" post="" fwd="" helper="" assign=""
  local ext; ext=$(addr_of "$topo" r-c)
  case $pol in
    open) fwd='iifname "toc" accept; iifname "tos" accept' ;;
    masq|masq-helper)
      post='oifname "tos" masquerade'
      # A home router: outbound is free, inbound only as an answer (or an expected FTP data connection).
      fwd='iifname "toc" accept'
      if [ "$pol" = masq-helper ]; then
        helper="ct helper ftp-std { type \"ftp\" protocol tcp; }"
        # In a filter chain: a nat chain sees only a connection's first packet.
        assign="iifname \"toc\" tcp dport { $HELPER_PORTS } ct helper set \"ftp-std\""
      fi ;;
    dnat)
      # The server's router forwards its control ports and the passive range to the server.
      pre="iifname \"toc\" ip daddr $ext tcp dport { 21, 2121, 2122, 2123, 2124, $PASSIVE_ALL } dnat ip to $(addr_of "$topo" s)"
      # ...and hides the server's own outbound connections (active mode) behind its address.
      post='oifname "toc" masquerade'
      fwd='ct status dnat accept; iifname "tos" accept' ;;
    drop-passive|reject-passive)
      local verdict=drop; [ "$pol" = reject-passive ] && verdict="reject with tcp reset"
      fwd="iifname \"toc\" tcp dport $PASSIVE_ALL $verdict; iifname \"toc\" accept; iifname \"tos\" accept" ;;
    drop-inbound|reject-inbound)
      local verdict=drop; [ "$pol" = reject-inbound ] && verdict="reject with tcp reset"
      fwd="iifname \"toc\" accept; iifname \"tos\" ct state new $verdict; iifname \"tos\" accept" ;;
    *) die "unknown policy '$pol'" ;;
  esac
  cat <<EOF
table inet portside_lab {
  $helper
  chain pre_helper { type filter hook prerouting priority filter; ${assign:+$assign;} }
  chain pre_nat { type nat hook prerouting priority dstnat; ${pre:+$pre;} }
  chain post_nat { type nat hook postrouting priority srcnat; ${post:+$post;} }
  chain forward_filter {
    type filter hook forward priority filter; policy drop;
    ct state established,related accept
    $fwd
  }
}
EOF
}

cmd_fw() { # name policy
  local name=$1 pol=$2 topo
  check_name "$name"
  topo=$(cat "$LAB_ROOT/$name/topology") || die "no lab $name"
  local rules; rules=$(policy_rules "$topo" "$pol")
  nsx "$name-r" nft delete table inet portside_lab 2>/dev/null || true
  nsx "$name-r" nft -f - <<<"$rules" || { echo "$rules" >&2; die "nft refused the rules for $pol"; }
  # Connections tracked under the old rules would keep their old NAT and helper.
  nsx "$name-r" conntrack -F >/dev/null 2>&1 || true
  echo "$pol" > "$LAB_ROOT/$name/policy"
}

# The interop script's config writers, pointed at this lab's state folder.
load_interop() { # name server-address
  export PORTSIDE_INTEROP_DIR="$LAB_ROOT/$1/servers"
  # shellcheck source=../interop/servers.sh
  source "$HERE/../interop/servers.sh"
  log() { echo "lab.sh: $*" >&2; }
  setup_user >/dev/null
  HOST=$2
  HOMES=$LAB_ROOT/$1/home
}

# Files the tests list and fetch; the same in every server's folder.
make_home() { # dir
  mkdir -p "$1"
  printf 'hello from the lab\n' > "$1/hello.txt"
  head -c 100000 /dev/zero | tr '\0' 'x' > "$1/data.bin"
  chown -R "$FTP_USER:$FTP_USER" "$1"
  chmod 755 "$1"
}

cmd_server() { # name kind port pmin-pmax [options]
  local name=$1 kind=$2 port=$3 range=$4; shift 4
  check_name "$name"
  local topo; topo=$(cat "$LAB_ROOT/$name/topology") || die "no lab $name"
  local tls=false external="" promiscuous=false pasv="" v6=false opt
  for opt in "$@"; do
    case $opt in
      tls) tls=true ;; tls-optional) tls=optional ;; promiscuous) promiscuous=true ;; v6) v6=true ;;
      external=*) external=${opt#external=} ;; pasv=*) pasv=${opt#pasv=} ;;
      *) die "unknown server option '$opt'" ;;
    esac
  done
  local addr; addr=$(addr_of "$topo" s)
  [ "$v6" = true ] && addr=fd77::2
  load_interop "$name" "$addr"
  local inst=$kind-$port pmin=${range%-*} pmax=${range#*-}
  mkdir -p "$STATE/$inst" "$STATE/empty"
  chmod 755 "$LAB_ROOT/$name" "$STATE" "$STATE/empty"
  make_home "$HOMES/$inst"
  local logf="$STATE/$inst/stdout.log" cmd=()
  case $kind in
    vsftpd)
      [ "$tls" != false ] && make_cert
      write_vsftpd_conf "$inst" "$port" "$pmin" "$pmax" "${tls/optional/true}"
      local conf="$STATE/$inst/vsftpd.conf"
      # tls-optional: AUTH TLS offered, plain FTP allowed too (so one server shows both)
      [ "$tls" = optional ] && sed -i -e 's/^force_local_logins_ssl=YES/force_local_logins_ssl=NO/' \
        -e 's/^force_local_data_ssl=YES/force_local_data_ssl=NO/' "$conf"
      # Our own announced address: none (vsftpd then names its own), the external one, or any.
      sed -i '/^pasv_address=/d' "$conf"
      [ -n "$external$pasv" ] && echo "pasv_address=${external:-$pasv}" >> "$conf"
      # Short waits: a blocked active connection must not keep the test waiting for a minute.
      printf 'connect_timeout=5\naccept_timeout=10\n' >> "$conf"
      if [ "$promiscuous" = true ]; then
        printf 'port_promiscuous=YES\npasv_promiscuous=YES\n' >> "$conf"
      fi
      if [ "$v6" = true ]; then
        sed -i -e 's/^listen=YES/listen=NO/' -e 's/^listen_ipv6=NO/listen_ipv6=YES/' \
          -e "s/^listen_address=.*/listen_address6=$addr/" "$conf"
      fi
      cmd=("$PKGROOT/usr/sbin/vsftpd" "$conf") ;;
    proftpd)
      write_proftpd_conf "$port" "$pmin" "$pmax"
      mkdir -p "$STATE/$inst"
      sed -e "s#$STATE/proftpd/#$STATE/$inst/#g" -e "s#$HOMES/proftpd#$HOMES/$inst#g" \
        "$STATE/proftpd/proftpd.conf" > "$STATE/$inst/proftpd.conf"
      [ -n "$external" ] && echo "MasqueradeAddress $external" >> "$STATE/$inst/proftpd.conf"
      [ "$promiscuous" = true ] && echo "AllowForeignAddress on" >> "$STATE/$inst/proftpd.conf"
      chmod 600 "$STATE/$inst/proftpd.conf"
      cmd=("$PKGROOT/usr/sbin/proftpd" --nodaemon -c "$STATE/$inst/proftpd.conf") ;;
    pure-ftpd)
      write_pureftpd_db
      make_home "$HOMES/pure-ftpd"
      cmd=("$PKGROOT/usr/sbin/pure-ftpd" -S "$addr,$port" -p "$pmin:$pmax" -l "puredb:$STATE/pure-ftpd/pureftpd.pdb"
           -E -H -A -j -u 1 -c 20 -C 20 -I 60 -g "$STATE/$inst/pure-ftpd.pid")
      [ -n "$external" ] && cmd+=(-P "$external") ;;
    *) die "unknown server kind '$kind'" ;;
  esac
  launch "$inst" "$logf" ip netns exec "$name-s" "${cmd[@]}"
  local deadline=$((SECONDS + 15))
  while [ $SECONDS -lt $deadline ]; do
    if greets_in_ns "$name-s" "$addr" "$port"; then
      log "$kind up on $addr:$port in $name-s (passive $range${external:+, external $external})"
      return 0
    fi
    sleep 0.2
  done
  tail -n 20 "$logf" >&2 2>/dev/null || true
  die "$kind did not answer 220 on $addr:$port"
}

greets_in_ns() { # ns addr port
  nsx "$1" bash -c 'exec 3<>"/dev/tcp/$0/$1" || exit 1; IFS= read -r -t 3 line <&3; printf "QUIT\r\n" >&3; [[ $line == 220* ]]' \
    "$2" "$3" 2>/dev/null
}

cmd_down() { # name
  local name=$1 n pids
  check_name "$name"
  for n in "$name-c" "$name-r" "$name-s"; do
    ip netns list | awk '{print $1}' | grep -qx "$n" || continue
    # Only what runs inside the lab's own namespaces: the servers and tools it started.
    pids=$(ip netns pids "$n" 2>/dev/null || true)
    if [ -n "$pids" ]; then
      # shellcheck disable=SC2086
      kill $pids 2>/dev/null || true
      local i
      for i in $(seq 1 30); do [ -z "$(ip netns pids "$n" 2>/dev/null)" ] && break; sleep 0.1; done
      pids=$(ip netns pids "$n" 2>/dev/null || true)
      # shellcheck disable=SC2086
      [ -n "$pids" ] && kill -9 $pids 2>/dev/null || true
    fi
    ip netns del "$n" 2>/dev/null || true
  done
  rm -rf "${LAB_ROOT:?}/$name"
}

cmd_sweep() {
  local n lab pid
  for n in $(ip netns list 2>/dev/null | awk '{print $1}' | grep -E '^psl-[0-9]+(-[a-z0-9]+)?-[crs]$' || true); do
    lab=${n%-[crs]}
    pid=${lab#psl-}; pid=${pid%%-*}
    if [ ! -d "/proc/$pid" ]; then
      log "removing leftover lab $lab (owner $pid is gone)"
      cmd_down "$lab"
    fi
  done
  if [ -d "$LAB_ROOT" ]; then
    for lab in "$LAB_ROOT"/psl-*; do
      [ -d "$lab" ] || continue
      pid=${lab##*/psl-}; pid=${pid%%-*}
      [ -d "/proc/$pid" ] || rm -rf "$lab"
    done
  fi
}

case ${1:-} in
  up) [ $# = 3 ] || die "usage: lab.sh up NAME TOPOLOGY"; cmd_up "$2" "$3" ;;
  fw) [ $# = 3 ] || die "usage: lab.sh fw NAME POLICY"; cmd_fw "$2" "$3" ;;
  server) [ $# -ge 5 ] || die "usage: lab.sh server NAME KIND PORT PMIN-PMAX [options]"; shift; cmd_server "$@" ;;
  down) [ $# = 2 ] || die "usage: lab.sh down NAME"; cmd_down "$2" ;;
  sweep) cmd_sweep ;;
  rules) [ $# = 3 ] || die "usage: lab.sh rules TOPOLOGY POLICY"; policy_rules "$2" "$3" ;;
  *) echo "usage: lab.sh up|fw|server|down|sweep ..." >&2; exit 2 ;;
esac
