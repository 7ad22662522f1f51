#!/usr/bin/env bash
# Real FTP servers for Portside's interop tests, on 127.0.0.1 (and one on ::1).
#
#   servers.sh install   fetch the server packages (needs root; .ci/run calls it)
#   servers.sh start     install if needed, then start every server (idempotent)
#   servers.sh stop [NAME...]  stop the servers this script started (all, or only those named)
#   servers.sh status    say which servers answer 220; exit 1 if any does not
#
# Servers (control port, passive range, home dir = the FTP root the user sees):
#   vsftpd      2121  30000-30049  /srv/portside-ftp/vsftpd
#   proftpd     2122  30050-30099  /srv/portside-ftp/proftpd
#   pure-ftpd   2123  30100-30149  /srv/portside-ftp/pure-ftpd
#   vsftpd-tls  2124  30150-30199  /srv/portside-ftp/vsftpd-tls  (explicit FTPS, AUTH TLS,
#                                  require_ssl_reuse=YES, TLS forced for login and data)
#   pyftpdlib   2125  30200-30249  /srv/portside-ftp/pyftpdlib   (optional)
#   pyftpdlib-v6 [::1]:2125 30250-30299 /srv/portside-ftp/pyftpdlib (the same folder, over IPv6:
#                                  EPRT/EPSV with an IPv6 peer; listed as ipv6.servers=, not in servers=)
# User portside / password portside-interop (test-only account, loopback only).
#
# Debian's vsftpd, proftpd-core and pure-ftpd packages conflict with one another
# (each "Provides/Conflicts: ftp-server"), so apt cannot install them side by side.
# `install` therefore installs their libraries with apt, fetches the three .debs with
# `apt-get download` and unpacks them with `dpkg-deb -x` into $PKGROOT. No package
# maintainer script runs, so no daemon is started on port 21 and systemd is not needed.
#
# Tests read $STATE/servers.properties (default /tmp/portside-interop/servers.properties).
set -euo pipefail

STATE=${PORTSIDE_INTEROP_DIR:-/tmp/portside-interop}
PKGROOT=${PORTSIDE_INTEROP_PKGROOT:-/opt/portside-interop/pkgroot}
HOMES=/srv/portside-ftp
FTP_USER=portside
FTP_PASS=portside-interop
HOST=127.0.0.1
WAIT_SECONDS=${PORTSIDE_INTEROP_WAIT:-15}
SYS_PY=/usr/bin/python3

# name:port:pasv_min:pasv_max:tls
SERVERS=(
  "vsftpd:2121:30000:30049:false"
  "proftpd:2122:30050:30099:false"
  "pure-ftpd:2123:30100:30149:false"
  "vsftpd-tls:2124:30150:30199:true"
  "pyftpdlib:2125:30200:30249:false"
  "pyftpdlib-v6:2125:30250:30299:false"
)
# Servers on IPv6 loopback: kept out of servers= so that the IPv4 test sets do not change.
IPV6_SERVERS=(pyftpdlib-v6)

is_ipv6() { [[ " ${IPV6_SERVERS[*]} " == *" $1 "* ]]; }
host_of() { if is_ipv6 "$1"; then echo "::1"; else echo "$HOST"; fi; }
# The FTP root of a server: an IPv6 twin serves the same folder as its IPv4 server.
home_of() { echo "$HOMES/${1%-v6}"; }

APT_LIBS=(libwrap0 libhiredis0.14 libmemcached11 libmemcachedutil2 libpcre2-posix3
          libsodium23 libssl3 libcap2 libpam0g libpam-modules libacl1 libidn2-0 openssl)
DEBS=(vsftpd proftpd-core pure-ftpd)

log() { echo "servers.sh: $*" >&2; }
die() { echo "servers.sh: ERROR: $*" >&2; exit 1; }

need_root() { [ "$(id -u)" = 0 ] || die "must run as root ($1)"; }

have_binaries() {
  [ -x "$PKGROOT/usr/sbin/vsftpd" ] && [ -x "$PKGROOT/usr/sbin/proftpd" ] && [ -x "$PKGROOT/usr/sbin/pure-ftpd" ] \
    && [ -x "$PKGROOT/usr/bin/pure-pw" ]
}

# Containers often run with IPv6 disabled; then ::1 cannot be bound and the twin is skipped.
have_ipv6_loopback() { [ -x "$SYS_PY" ] && "$SYS_PY" -c 'import socket; socket.socket(socket.AF_INET6).bind(("::1", 0))' >/dev/null 2>&1; }

have_pyftpdlib() { [ -x "$SYS_PY" ] && "$SYS_PY" -c 'import pyftpdlib' >/dev/null 2>&1; }

cmd_install() {
  need_root install
  export DEBIAN_FRONTEND=noninteractive
  local missing=()
  for p in "${APT_LIBS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if ! have_pyftpdlib; then missing+=(python3-pyftpdlib); fi
  if [ ${#missing[@]} -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } \
      || die "apt-get install of server libraries failed"
  fi
  if ! have_binaries; then
    local dl; dl=$(mktemp -d /tmp/portside-debs.XXXXXX)
    chmod 755 "$dl"
    log "apt-get download ${DEBS[*]} -> $PKGROOT"
    ( cd "$dl" && apt-get download -qq "${DEBS[@]}" 2>&1 | grep -v 'Download is performed unsandboxed' >&2 || true )
    for d in "${DEBS[@]}"; do ls "$dl"/"${d}"_*.deb >/dev/null 2>&1 || die "could not download $d"; done
    mkdir -p "$PKGROOT"
    for f in "$dl"/*.deb; do dpkg-deb -x "$f" "$PKGROOT"; done
    rm -rf "$dl"
    have_binaries || die "unpacked packages lack the server binaries"
  fi
  for b in vsftpd proftpd pure-ftpd; do
    if ldd "$PKGROOT/usr/sbin/$b" | grep -q 'not found'; then
      die "$b lacks libraries: $(ldd "$PKGROOT/usr/sbin/$b" | grep 'not found' | tr -s ' \t' ' ')"
    fi
  done
}

setup_user() {
  if ! id "$FTP_USER" >/dev/null 2>&1; then
    useradd --home-dir "$HOMES" --no-create-home --shell /bin/bash --user-group "$FTP_USER"
  fi
  echo "$FTP_USER:$FTP_PASS" | chpasswd
  mkdir -p "$HOMES"
  chown "$FTP_USER:$FTP_USER" "$HOMES"
  local s name
  for s in "${SERVERS[@]}"; do
    name=${s%%:*}
    is_ipv6 "$name" && continue
    mkdir -p "$HOMES/$name"
    chown "$FTP_USER:$FTP_USER" "$HOMES/$name"
    chmod 755 "$HOMES/$name"
  done
  # vsftpd authenticates local users through PAM only; give it a service of its own
  # instead of relying on a package's /etc/pam.d/vsftpd.
  cat > /etc/pam.d/portside-ftp <<'EOF'
# Written by Portside's src/test/interop/servers.sh (test FTP servers on 127.0.0.1).
@include common-auth
@include common-account
@include common-session
EOF
}

make_cert() {
  if [ ! -s "$STATE/tls/cert.pem" ] || [ ! -s "$STATE/tls/key.pem" ]; then
    mkdir -p "$STATE/tls"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=127.0.0.1" \
      -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
      -keyout "$STATE/tls/key.pem" -out "$STATE/tls/cert.pem" >/dev/null 2>&1 \
      || die "openssl could not make the self-signed certificate"
    chmod 600 "$STATE/tls/key.pem"
  fi
}

write_vsftpd_conf() { # name port pmin pmax tls
  local name=$1 port=$2 pmin=$3 pmax=$4 tls=$5 conf="$STATE/$1/vsftpd.conf"
  mkdir -p "$STATE/$name"
  cat > "$conf" <<EOF
# Generated by servers.sh for the $name interop server.
listen=YES
listen_ipv6=NO
listen_address=$HOST
listen_port=$port
background=NO
anonymous_enable=NO
local_enable=YES
write_enable=YES
local_umask=022
local_root=$HOMES/$name
chroot_local_user=YES
allow_writeable_chroot=YES
secure_chroot_dir=$STATE/empty
pam_service_name=portside-ftp
userlist_enable=NO
tcp_wrappers=NO
check_shell=NO
pasv_enable=YES
pasv_min_port=$pmin
pasv_max_port=$pmax
pasv_address=$HOST
port_enable=YES
connect_from_port_20=NO
seccomp_sandbox=NO
isolate=NO
isolate_network=NO
use_localtime=NO
max_clients=50
max_per_ip=50
idle_session_timeout=300
data_connection_timeout=120
xferlog_enable=YES
xferlog_std_format=NO
log_ftp_protocol=YES
vsftpd_log_file=$STATE/$name/vsftpd.log
dual_log_enable=NO
syslog_enable=NO
EOF
  if [ "$tls" = true ]; then
    cat >> "$conf" <<EOF
ssl_enable=YES
rsa_cert_file=$STATE/tls/cert.pem
rsa_private_key_file=$STATE/tls/key.pem
require_ssl_reuse=YES
force_local_logins_ssl=YES
force_local_data_ssl=YES
allow_anon_ssl=NO
ssl_sslv2=NO
ssl_sslv3=NO
ssl_tlsv1=YES
ssl_ciphers=HIGH
EOF
  else
    echo "ssl_enable=NO" >> "$conf"
  fi
  chmod 600 "$conf"
}

write_proftpd_conf() { # port pmin pmax
  local dir="$STATE/proftpd"
  mkdir -p "$dir"
  cat > "$dir/proftpd.conf" <<EOF
# Generated by servers.sh for the proftpd interop server.
ServerType standalone
ServerName "Portside interop proftpd"
DefaultAddress $HOST
SocketBindTight on
Port $1
UseIPv6 off
UseReverseDNS off
<IfModule mod_ident.c>
  IdentLookups off
</IfModule>
<IfModule mod_ctrls.c>
  ControlsEngine off
</IfModule>
<IfModule mod_delay.c>
  DelayEngine off
</IfModule>
User nobody
Group nogroup
PidFile $dir/proftpd.pid
ScoreboardFile $dir/proftpd.scoreboard
SystemLog $dir/proftpd.log
TransferLog $dir/xferlog
WtmpLog off
<IfModule mod_auth_pam.c>
  AuthPAM off
</IfModule>
AuthOrder mod_auth_unix.c
RequireValidShell off
DefaultRoot $HOMES/proftpd
DefaultChdir $HOMES/proftpd
PassivePorts $2 $3
MaxInstances 50
TimeoutIdle 300
Umask 022 022
AllowOverwrite on
AllowStoreRestart on
TimesGMT on
ListOptions "" strict
EOF
  chmod 600 "$dir/proftpd.conf"
}

write_pureftpd_db() {
  local dir="$STATE/pure-ftpd" pw="$PKGROOT/usr/bin/pure-pw"
  mkdir -p "$dir"
  rm -f "$dir/pureftpd.passwd" "$dir/pureftpd.pdb"
  # A virtual user mapped onto the system user; the "/./" in its home chroots it there.
  # The hash is SHA-512 crypt: pure-pw's own default (argon2id, t=1023) costs ~4 s per login.
  local uid gid hash
  uid=$(id -u "$FTP_USER"); gid=$(id -g "$FTP_USER")
  hash=$(openssl passwd -6 "$FTP_PASS")
  echo "$FTP_USER:$hash:$uid:$gid::$HOMES/pure-ftpd/./::::::::::::" > "$dir/pureftpd.passwd"
  chmod 600 "$dir/pureftpd.passwd"
  "$pw" mkdb "$dir/pureftpd.pdb" -f "$dir/pureftpd.passwd" >/dev/null
}

pidfile() { echo "$STATE/$1/run.pid"; }

# Pid of the server if the recorded process is still alive, else nothing.
live_pid() {
  local pf; pf=$(pidfile "$1")
  [ -s "$pf" ] || return 1
  local pid; pid=$(cat "$pf")
  [ -d "/proc/$pid" ] || return 1
  # Guard against a recycled pid: the process must still run the expected program.
  local exe; exe=$(readlink "/proc/$pid/exe" 2>/dev/null) || return 1
  case $1 in
    vsftpd|vsftpd-tls) [[ $exe == */vsftpd ]] ;;
    proftpd) [[ $exe == */proftpd ]] ;;
    pure-ftpd) [[ $exe == */pure-ftpd ]] ;;
    pyftpdlib|pyftpdlib-v6) [[ $exe == */python3* ]] ;;
    *) false ;;
  esac || return 1
  echo "$pid"
}

# One try to read a 220 greeting from host:port (bash /dev/tcp, no tools needed).
greets_220() { # name port
  local host port=$2 line=""
  host=$(host_of "$1")
  { exec 3<>"/dev/tcp/$host/$port"; } 2>/dev/null || return 1
  IFS= read -r -t 3 line <&3 || true
  { printf 'QUIT\r\n' >&3; } 2>/dev/null || true
  exec 3>&-
  [[ $line == 220* ]]
}

wait_220() { # name port
  local deadline=$((SECONDS + WAIT_SECONDS))
  while [ $SECONDS -lt $deadline ]; do
    greets_220 "$1" "$2" && return 0
    # Give up early once the launched process has written its pid and died.
    if [ -s "$(pidfile "$1")" ] && ! live_pid "$1" >/dev/null; then
      sleep 0.3; greets_220 "$1" "$2" && return 0
      return 1
    fi
    sleep 0.2
  done
  return 1
}

# Run a server fully detached; its pid (exec keeps it) goes to $STATE/<name>/run.pid.
launch() { # name logfile cmd...
  local name=$1 logf=$2; shift 2
  local pf; pf=$(pidfile "$name")
  rm -f "$pf"
  # In the bash -c below: $0 = pid file, $1 = log file, the rest is the command. Daemons run
  # from / so that no folder they were started in (a deleted checkout) can vanish under them.
  setsid -f bash -c 'cd / && echo $$ > "$0"; logf=$1; shift; exec "$@" </dev/null >>"$logf" 2>&1' \
    "$pf" "$logf" "$@" </dev/null >/dev/null 2>&1
}

start_one() { # entry
  local name port pmin pmax tls
  IFS=: read -r name port pmin pmax tls <<<"$1"
  local host; host=$(host_of "$name")
  if live_pid "$name" >/dev/null && greets_220 "$name" "$port"; then
    log "$name already up on $host:$port"
    return 0
  fi
  stop_one "$name" quiet
  if greets_220 "$name" "$port"; then
    die "$name: port $port already answers 220 from a process this script did not start"
  fi
  mkdir -p "$STATE/$name"
  local logf="$STATE/$name/stdout.log"
  case $name in
    vsftpd|vsftpd-tls)
      write_vsftpd_conf "$name" "$port" "$pmin" "$pmax" "$tls"
      launch "$name" "$logf" "$PKGROOT/usr/sbin/vsftpd" "$STATE/$name/vsftpd.conf" ;;
    proftpd)
      write_proftpd_conf "$port" "$pmin" "$pmax"
      launch "$name" "$logf" "$PKGROOT/usr/sbin/proftpd" --nodaemon -c "$STATE/proftpd/proftpd.conf" ;;
    pure-ftpd)
      write_pureftpd_db
      # -E no anonymous, -H no DNS, -A chroot everyone, -L 100000:8 so big listings are
      # not cut at 10,000 entries, -U umask files:dirs, -j make the home if missing.
      launch "$name" "$logf" "$PKGROOT/usr/sbin/pure-ftpd" -S "$HOST,$port" -p "$pmin:$pmax" -P "$HOST" \
        -l "puredb:$STATE/pure-ftpd/pureftpd.pdb" -E -H -A -j -L 100000:8 -U 133:022 -u 1 \
        -c 50 -C 50 -I 300 -O "clf:$STATE/pure-ftpd/xferlog" -g "$STATE/pure-ftpd/pure-ftpd.pid" ;;
    pyftpdlib|pyftpdlib-v6)
      if is_ipv6 "$name" && ! have_ipv6_loopback; then
        log "this machine has no IPv6 loopback (::1): skipping $name"
        return 0
      fi
      if ! have_pyftpdlib; then
        log "pyftpdlib not installed (python3-pyftpdlib): skipping $name"
        return 0
      fi
      # Runs as the FTP user, so files it writes belong to that user like on the others.
      launch "$name" "$logf" setpriv --reuid="$FTP_USER" --regid="$FTP_USER" --init-groups \
        "$SYS_PY" -m pyftpdlib -i "$host" -p "$port" -r "$pmin-$pmax" -w -d "$(home_of "$name")" \
        -u "$FTP_USER" -P "$FTP_PASS" ;;
  esac
  if wait_220 "$name" "$port"; then
    log "$name up on $host:$port (passive $pmin-$pmax)"
    echo "$name" >> "$STATE/.started"
  else
    echo "servers.sh: ERROR: $name did not answer 220 on $host:$port within ${WAIT_SECONDS}s; its output:" >&2
    tail -n 20 "$logf" >&2 2>/dev/null || true
    for f in "$STATE/$name"/*.log; do [ -f "$f" ] && tail -n 20 "$f" >&2; done
    return 1
  fi
}

stop_one() { # name [quiet]
  local name=$1 pid
  if pid=$(live_pid "$name"); then
    kill "$pid" 2>/dev/null || true
    local i
    for i in $(seq 1 50); do [ -d "/proc/$pid" ] || break; sleep 0.1; done
    [ -d "/proc/$pid" ] && kill -9 "$pid" 2>/dev/null || true
    [ "${2:-}" = quiet ] || log "stopped $name (pid $pid)"
  fi
  rm -f "$(pidfile "$name")"
}

write_properties() {
  local f="$STATE/servers.properties" tmp="$STATE/servers.properties.tmp" names=() v6names=() s
  {
    echo "# Written by src/test/interop/servers.sh; read by io.portside.interop.InteropServers."
    for s in "${SERVERS[@]}"; do
      local name port pmin pmax tls
      IFS=: read -r name port pmin pmax tls <<<"$s"
      live_pid "$name" >/dev/null || continue
      if is_ipv6 "$name"; then v6names+=("$name"); else names+=("$name"); fi
      echo "server.$name.host=$(host_of "$name")"
      echo "server.$name.port=$port"
      echo "server.$name.user=$FTP_USER"
      echo "server.$name.password=$FTP_PASS"
      echo "server.$name.tls=$tls"
      echo "server.$name.home=$(home_of "$name")"
      echo "server.$name.passiveRange=$pmin-$pmax"
    done
    local IFS=,
    echo "servers=${names[*]}"
    echo "ipv6.servers=${v6names[*]}"
  } > "$tmp"
  chmod 644 "$tmp"
  mv "$tmp" "$f"
}

cmd_start() {
  need_root start
  have_binaries || cmd_install
  mkdir -p "$STATE/empty"
  chmod 755 "$STATE" "$STATE/empty"
  rm -f "$STATE/.started"
  setup_user
  make_cert
  local failed=() s
  for s in "${SERVERS[@]}"; do
    start_one "$s" || failed+=("${s%%:*}")
  done
  write_properties
  if [ ${#failed[@]} -gt 0 ]; then
    die "these servers did not start: ${failed[*]} (see $STATE/<name>/*.log)"
  fi
  log "all servers up; properties in $STATE/servers.properties"
}

# Each `start` lists the servers it started itself (not those already up) in $STATE/.started,
# so that whoever ran it can stop just those again: `stop $(cat $STATE/.started)`.
cmd_stop() {
  local s
  if [ $# -gt 0 ]; then
    for s in "$@"; do
      [[ " ${SERVERS[*]%%:*} " == *" $s "* ]] || die "no server named $s"
      stop_one "$s"
    done
    # the ones still up stay listed for the tests
    [ -d "$STATE" ] && write_properties
    return 0
  fi
  for s in "${SERVERS[@]}"; do stop_one "${s%%:*}"; done
  rm -f "$STATE/servers.properties"
}

cmd_status() {
  local bad=0 s name port pmin pmax tls
  for s in "${SERVERS[@]}"; do
    IFS=: read -r name port pmin pmax tls <<<"$s"
    if live_pid "$name" >/dev/null && greets_220 "$name" "$port"; then
      echo "$name: up on $(host_of "$name"):$port (passive $pmin-$pmax, tls=$tls)"
    elif [[ $name == pyftpdlib* ]] && ! have_pyftpdlib; then
      echo "$name: not installed (optional)"
    elif is_ipv6 "$name" && ! have_ipv6_loopback; then
      echo "$name: no IPv6 loopback on this machine (optional)"
    else
      echo "$name: DOWN (port $port)"; bad=1
    fi
  done
  return $bad
}

# Sourced (by src/test/netlab/lab.sh, for the config writers above): define, do not run.
if [[ ${BASH_SOURCE[0]} != "$0" ]]; then
  return 0
fi

case ${1:-} in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) shift; cmd_stop "$@" ;;
  status) cmd_status ;;
  *) echo "usage: $0 install|start|stop [NAME...]|status" >&2; exit 2 ;;
esac
