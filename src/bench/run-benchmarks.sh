#!/usr/bin/env bash
# Benchmarks (not tests): Portside's command line against curl and lftp on the same work, on
# an own vsftpd on 127.0.0.1, several rounds each; prints medians and ratios as a Markdown table.
#
#   sudo src/bench/run-benchmarks.sh            # everything, ~10-15 min on 2 cores
#   ROUNDS_BIG=1 ROUNDS_SMALL=2 src/bench/...  # quicker, noisier
#   SKIP_BUILD=1                                # reuse target/portside.jar
#   JAVA_OPTS="-XX:TieredStopAtLevel=1"         # JVM flags for every Portside run
#   src/bench/run-benchmarks.sh serve           # only make the data and start vsftpd, to try things by hand
#   ONLY=sync src/bench/run-benchmarks.sh       # only compare/mirror of a 20,000-file tree with 10 changed
#
# Needs root: it installs curl, lftp and hyperfine when missing (apt-get), adds the user
# portside-bench and the PAM service portside-bench for vsftpd. All traffic stays on 127.0.0.1.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HOST=127.0.0.1
PORT=${BENCH_PORT:-2131}
PASV_MIN=31000
PASV_MAX=31099
FTP_USER=portside-bench
FTP_PASS=portside-bench-pw
ROUNDS_BIG=${ROUNDS_BIG:-3}
ROUNDS_SMALL=${ROUNDS_SMALL:-5}
JAVA_OPTS=${JAVA_OPTS:-}
JAR=$ROOT/target/portside.jar

log() { echo "bench: $*" >&2; }
die() { echo "bench: ERROR: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (installs tools, starts vsftpd as a local-user server)"

# --- tools -----------------------------------------------------------------------------------
missing=()
for t in curl lftp hyperfine; do command -v "$t" >/dev/null || missing+=("$t"); done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; }
fi

# vsftpd: the binary the interop script unpacked, the system's, or one unpacked here.
VSFTPD=""
for v in /opt/portside-interop/pkgroot/usr/sbin/vsftpd /usr/sbin/vsftpd /opt/portside-bench/pkgroot/usr/sbin/vsftpd; do
  [ -x "$v" ] && { VSFTPD=$v; break; }
done
if [ -z "$VSFTPD" ]; then
  log "unpacking vsftpd into /opt/portside-bench/pkgroot"
  dl=$(mktemp -d); chmod 755 "$dl"
  (cd "$dl" && apt-get download -qq vsftpd)
  mkdir -p /opt/portside-bench/pkgroot
  dpkg-deb -x "$dl"/vsftpd_*.deb /opt/portside-bench/pkgroot
  rm -rf "$dl"
  VSFTPD=/opt/portside-bench/pkgroot/usr/sbin/vsftpd
fi

# --- Portside ----------------------------------------------------------------------------------
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -s "$JAR" ]; then
  log "building $JAR"
  (cd "$ROOT" && mvn -B -q package -DskipTests)
fi
mkdir -p "$ROOT/target/bench-classes"
javac -d "$ROOT/target/bench-classes" -cp "$JAR" \
  "$ROOT"/src/bench/java/io/portside/bench/*.java

# --- data, on the same disk as the downloads -------------------------------------------------
WORK=$(mktemp -d /var/tmp/portside-bench.XXXXXX)
chmod 755 "$WORK"
SRV=$WORK/srv
CLI=$WORK/client
OUT=$WORK/results
mkdir -p "$SRV/small" "$SRV/list" "$SRV/up" "$CLI/small" "$OUT" "$WORK/vsftpd/empty"
VSFTPD_PID=""
cleanup() {
  if [ -n "$VSFTPD_PID" ]; then
    kill "$VSFTPD_PID" 2>/dev/null || true
    wait "$VSFTPD_PID" 2>/dev/null || true
  fi
  [ "${KEEP_WORK:-0}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT

log "making the data in $WORK"
ONLY=${ONLY:-all}
if [ "$ONLY" = all ]; then
  head -c 1073741824 /dev/urandom > "$CLI/big.bin"
  ln "$CLI/big.bin" "$SRV/big.bin"      # the same bytes both ways, without a second GiB on disk
  for i in $(seq -w 1 1000); do head -c 10240 /dev/urandom > "$CLI/small/f$i.dat"; done
  cp -a "$CLI/small/." "$SRV/small/"
  (cd "$SRV/list" && seq -f 'entry-%05g.txt' 1 20000 | xargs touch)
fi
# The sync tree: 200 folders of 100 small files on the server, an identical local copy (same
# sizes and times), then 10 files changed on the server. Each round puts the 10 old local
# copies back, so every run has exactly those 10 to find among 20,200 entries.
python3 - "$SRV/tree" <<'PY'
import os, sys
root = sys.argv[1]
for d in range(200):
    folder = os.path.join(root, f"d{d:03d}")
    os.makedirs(folder, exist_ok=True)
    for f in range(100):
        with open(os.path.join(folder, f"f{f:03d}.txt"), "w") as out:
            out.write(f"{d}/{f}\n")
PY
find "$SRV/tree" -exec touch -d '2026-01-01 12:00:00' {} +
cp -a "$SRV/tree" "$CLI/tree-base"
CHANGED=$(for i in $(seq 0 9); do printf 'd%03d/f%03d.txt ' $((i * 20)) $((i * 7)); done)
for f in $CHANGED; do echo "changed on the server, longer than before" > "$SRV/tree/$f"; done
cp -a "$CLI/tree-base" "$CLI/tree"
RESTORE="cd $CLI && for f in $CHANGED; do cp -p tree-base/\$f tree/\$f; done"

if ! id "$FTP_USER" >/dev/null 2>&1; then
  useradd --home-dir "$SRV" --no-create-home --shell /bin/bash --user-group "$FTP_USER"
fi
usermod -d "$SRV" "$FTP_USER"   # vsftpd enters the home folder at login: this run's
echo "$FTP_USER:$FTP_PASS" | chpasswd
chown -R "$FTP_USER:$FTP_USER" "$SRV"
cat > /etc/pam.d/portside-bench <<'EOF'
# Written by Portside's src/bench/run-benchmarks.sh (benchmark FTP server on 127.0.0.1).
@include common-auth
@include common-account
@include common-session
EOF

# --- vsftpd, our own instance ------------------------------------------------------------------
cat > "$WORK/vsftpd/vsftpd.conf" <<EOF
listen=YES
listen_ipv6=NO
listen_address=$HOST
listen_port=$PORT
background=NO
anonymous_enable=NO
local_enable=YES
write_enable=YES
local_umask=022
local_root=$SRV
chroot_local_user=YES
allow_writeable_chroot=YES
secure_chroot_dir=$WORK/vsftpd/empty
pam_service_name=portside-bench
userlist_enable=NO
tcp_wrappers=NO
check_shell=NO
pasv_enable=YES
pasv_min_port=$PASV_MIN
pasv_max_port=$PASV_MAX
pasv_address=$HOST
port_enable=YES
connect_from_port_20=NO
seccomp_sandbox=NO
isolate=NO
isolate_network=NO
max_clients=200
max_per_ip=200
idle_session_timeout=300
data_connection_timeout=120
xferlog_enable=NO
log_ftp_protocol=NO
syslog_enable=NO
ssl_enable=NO
EOF
chmod 600 "$WORK/vsftpd/vsftpd.conf"
if { exec 3<>"/dev/tcp/$HOST/$PORT"; } 2>/dev/null; then
  exec 3>&-
  die "$HOST:$PORT is taken (another benchmark still running?); set BENCH_PORT"
fi
setsid "$VSFTPD" "$WORK/vsftpd/vsftpd.conf" </dev/null >"$WORK/vsftpd/stdout.log" 2>&1 &
VSFTPD_PID=$!
for _ in $(seq 50); do
  if { exec 3<>"/dev/tcp/$HOST/$PORT"; } 2>/dev/null; then
    IFS= read -r -t 3 greeting <&3 || true; exec 3>&-
    [[ ${greeting:-} == 220* ]] && break
  fi
  sleep 0.2
done
[[ ${greeting:-} == 220* ]] || die "vsftpd did not start: $(cat "$WORK/vsftpd/stdout.log")"
log "vsftpd $VSFTPD on $HOST:$PORT (pid $VSFTPD_PID)"

URL="ftp://$FTP_USER:$FTP_PASS@$HOST:$PORT"
if [ "${1:-}" = serve ]; then
  log "serving $URL (data: $SRV, local copies: $CLI); Ctrl-C stops and deletes it"
  wait "$VSFTPD_PID"
  exit 0
fi
PS="java $JAVA_OPTS -jar $JAR"
LF="lftp -u $FTP_USER,$FTP_PASS -p $PORT -e"
LFSET="set ftp:passive-mode on; set ftp:prefer-epsv off; set xfer:clobber on; set net:max-retries 1;"

# bench NAME ROUNDS PREPARE CMD... : one hyperfine run, results in $OUT/NAME.json
bench() {
  local name=$1 rounds=$2 prepare=$3; shift 3
  local args=() i=0
  for c in "$@"; do args+=(-n "${c%%|*}" "${c#*|}"); done
  log "$name"
  hyperfine --runs "$rounds" --warmup 0 --prepare "$prepare" --export-json "$OUT/$name.json" \
    --style basic "${args[@]}" >&2
}

sync_benches() {
  bench sync-compare-20000 "$ROUNDS_SMALL" "$RESTORE" \
    "portside|$PS compare --recursive $URL/tree $CLI/tree >/dev/null || true" \
    "lftp|$LF '$LFSET mirror --dry-run tree $CLI/tree; quit' $HOST >/dev/null"
  bench sync-mirror-20000 "$ROUNDS_SMALL" "$RESTORE" \
    "portside|$PS mirror --parallel 4 $URL/tree $CLI/tree" \
    "lftp|$LF '$LFSET mirror --parallel=4 tree $CLI/tree; quit' $HOST"
  log "checking Portside's sync: exactly the 10 changed files, then identical trees"
  bash -c "$RESTORE"
  moved=$($PS mirror --parallel 4 "$URL/tree" "$CLI/tree" | tail -1)
  [[ $moved == "10 files,"* ]] || die "the sync moved other than the 10 changed files: $moved"
  diff -r "$SRV/tree" "$CLI/tree" >/dev/null || die "after the sync the trees differ"
}
if [ "$ONLY" = sync ]; then
  sync_benches
  python3 "$ROOT/src/bench/table.py" "$OUT"
  exit 0
fi

DL=$CLI/dl
bench big-download "$ROUNDS_BIG" "rm -rf $DL; mkdir -p $DL; sync" \
  "portside|$PS get $URL/big.bin $DL/big.bin" \
  "curl|curl -sS -o $DL/big.bin $URL/big.bin" \
  "lftp|$LF '$LFSET get big.bin -o $DL/big.bin; quit' $HOST"
bench big-upload "$ROUNDS_BIG" "rm -f $SRV/up/big.bin $SRV/up/big.bin.part; sync" \
  "portside|$PS put $CLI/big.bin $URL/up/big.bin" \
  "curl|curl -sS -T $CLI/big.bin $URL/up/big.bin" \
  "lftp|$LF '$LFSET put $CLI/big.bin -o up/big.bin; quit' $HOST"
for p in 4 1; do
  bench small-download-p$p "$ROUNDS_SMALL" "rm -rf $DL; mkdir -p $DL" \
    "portside|$PS mirror --parallel $p $URL/small $DL/small" \
    "portside-c1|java -XX:TieredStopAtLevel=1 $JAVA_OPTS -jar $JAR mirror --parallel $p $URL/small $DL/small" \
    "lftp|$LF '$LFSET mirror --parallel=$p small $DL/small; quit' $HOST"
  bench small-upload-p$p "$ROUNDS_SMALL" "rm -rf $SRV/up/small" \
    "portside|$PS mirror --reverse --parallel $p $CLI/small $URL/up/small" \
    "lftp|$LF '$LFSET mirror -R --parallel=$p $CLI/small up/small; quit' $HOST"
done
bench list-20000 "$ROUNDS_SMALL" "true" \
  "portside|$PS ls $URL/list/ >/dev/null" \
  "curl|curl -sS $URL/list/ >/dev/null" \
  "lftp|$LF '$LFSET ls list/; quit' $HOST >/dev/null"

# A check that Portside moved the real bytes (hyperfine only times): once more, then compare.
log "checking Portside's copies"
rm -rf "$DL" "$SRV/up/big.bin" "$SRV/up/small"; mkdir -p "$DL"
$PS get "$URL/big.bin" "$DL/big.bin" >/dev/null && cmp "$CLI/big.bin" "$DL/big.bin" || die "the downloaded 1 GiB file differs"
$PS put "$CLI/big.bin" "$URL/up/big.bin" >/dev/null && cmp "$CLI/big.bin" "$SRV/up/big.bin" || die "the uploaded 1 GiB file differs"
$PS mirror --parallel 4 "$URL/small" "$DL/small" >/dev/null && diff -r "$CLI/small" "$DL/small" || die "the small-file download differs"
$PS mirror --reverse --parallel 4 "$CLI/small" "$URL/up/small" >/dev/null && diff -r "$CLI/small" "$SRV/up/small" \
  || die "the small-file upload differs"
[ "$($PS ls "$URL/list/" | wc -l)" = 20000 ] || die "the listing does not have 20,000 lines"

sync_benches

log "heap with 100,000 queued jobs"
java -Xmx300m -XX:+UseSerialGC -cp "$JAR:$ROOT/target/bench-classes" io.portside.bench.QueueHeapBench 100000 \
  > "$OUT/heap.txt"
cat "$OUT/heap.txt" >&2

python3 "$ROOT/src/bench/table.py" "$OUT"
