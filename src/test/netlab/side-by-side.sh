#!/usr/bin/env bash
# Side by side (issue 12 §4): curl, lftp and Portside fetch the same file in the network lab's
# scenarios, and a markdown table shows what each did: exit code, time, and its last words.
#
#   sudo src/test/netlab/side-by-side.sh [LIMIT_SECONDS]      (default 45 per run)
#
# Needs root, the lab's tools (lab.sh), curl, lftp, and Portside compiled (mvn -o -q -DskipTests
# compile); Portside runs from target/classes with the Maven classpath. Every run is cut off
# after LIMIT_SECONDS (then its exit reads "killed"). Each tool runs as a user would: curl -P eth0
# and lftp ftp:passive-mode off for "active" (lftp may still switch to passive by itself), Portside
# --mode active (no fallback); "default" is each tool without a mode (Portside falls back once).
# The labs are deleted at the end, also on Ctrl-C or a failure.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
LAB="$HERE/lab.sh"
LIMIT=${1:-45}
LAB_ROOT=${PORTSIDE_NETLAB_DIR:-/tmp/portside-netlab}
USER_PASS=portside:portside-interop
NAT=psl-$$-sbsnat
ROUTED=psl-$$-sbsrt
WORK=$(mktemp -d /tmp/side-by-side.XXXXXX)
chmod 755 "$WORK"

cleanup() {
  bash "$LAB" down "$NAT" >/dev/null 2>&1 || true
  bash "$LAB" down "$ROUTED" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

[ "$(id -u)" = 0 ] || { echo "side-by-side.sh: needs root (network namespaces)" >&2; exit 2; }
for t in curl lftp java openssl; do
  command -v "$t" >/dev/null || { echo "side-by-side.sh: $t is missing" >&2; exit 2; }
done
[ -d "$ROOT/target/classes/io/portside" ] || { echo "side-by-side.sh: compile Portside first (mvn -o -q -DskipTests compile)" >&2; exit 2; }
(cd "$ROOT" && mvn -o -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
CP="$ROOT/target/classes:$(cat "$WORK/cp.txt")"

# one run: tool, namespace, command... ; prints "exit|seconds|message"
measure() { # ns outfile command...
  local ns=$1 out=$2; shift 2
  local t0 t1 code
  t0=$(date +%s.%N)
  set +e
  timeout -k 2 "$LIMIT" ip netns exec "$ns" "$@" >"$WORK/stdout" 2>"$WORK/stderr" </dev/null
  code=$?
  set -e
  t1=$(date +%s.%N)
  local secs msg
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  if [ "$code" = 124 ] || [ "$code" = 137 ]; then
    code="killed"; msg="still running after ${LIMIT} s"
  elif [ "$code" = 0 ] && [ -s "$out" ]; then
    msg="ok, $(stat -c %s "$out") bytes"
  else
    msg=$(grep -v '^\s*$' "$WORK/stderr" | tail -n 1 | cut -c1-150 | tr '|' '/')
    [ -n "$msg" ] || msg="(no message)"
  fi
  rm -f "$out"
  echo "$code|$secs|$msg"
}

# row: scenario label, lab, mode (passive|active|default), tls (plain|ftps)
row() {
  local label=$1 lab=$2 mode=$3 tls=$4 ns=$2-c host=198.18.0.2 out="$WORK/hello.txt"
  local curl=(curl -sS --connect-timeout 10 -o "$out") lftp_set="set net:timeout 10; set net:max-retries 2; set net:reconnect-interval-base 1;"
  local ps=(java -Duser.language=en -Duser.country=US -XX:TieredStopAtLevel=1 -cp "$CP" io.portside.Launcher get --timeout 10)
  local scheme=ftp
  case $mode in
    active) curl+=(-P eth0); lftp_set+=" set ftp:passive-mode off;"; ps+=(--mode active) ;;
    passive) lftp_set+=" set ftp:passive-mode on;"; ps+=(--mode passive) ;;
  esac
  if [ "$tls" = ftps ]; then
    curl+=(--ssl-reqd -k)
    lftp_set+=" set ftp:ssl-force true; set ftp:ssl-protect-data true; set ssl:verify-certificate no;"
    scheme=ftpes
    ps+=(--trust-fingerprint "$(openssl x509 -in "$LAB_ROOT/$lab/servers/tls/cert.pem" -noout -fingerprint -sha256 | cut -d= -f2)")
  else
    lftp_set+=" set ftp:ssl-allow false;"
  fi
  local c l p
  c=$(measure "$ns" "$out" "${curl[@]}" "ftp://$USER_PASS@$host/hello.txt")
  l=$(measure "$ns" "$out" lftp -c "$lftp_set open -u ${USER_PASS/:/,} $host; get hello.txt -o $out")
  p=$(measure "$ns" "$out" "${ps[@]}" "$scheme://$USER_PASS@$host/hello.txt" "$out")
  local tool r
  for tool in curl lftp Portside; do
    case $tool in curl) r=$c ;; lftp) r=$l ;; *) r=$p ;; esac
    IFS='|' read -r code secs msg <<<"$r"
    printf '| %s | %s | %s | %s | %s | %s |\n' "$label" "$mode" "$tool" "$code" "$secs s" "$msg"
  done
}

bash "$LAB" up "$NAT" client-nat 2>/dev/null
bash "$LAB" server "$NAT" vsftpd 21 40000-40049 tls-optional 2>/dev/null
bash "$LAB" up "$ROUTED" routed 2>/dev/null
bash "$LAB" server "$ROUTED" vsftpd 21 40000-40049 2>/dev/null

echo "| Scenario | Mode | Tool | Exit | Time | Message |"
echo "|---|---|---|---|---|---|"
bash "$LAB" fw "$NAT" masq
row "client behind NAT, no FTP helper" "$NAT" active plain
bash "$LAB" fw "$NAT" masq-helper
row "client behind NAT + FTP helper, plain FTP" "$NAT" active plain
row "client behind NAT + FTP helper, FTPS" "$NAT" active ftps
bash "$LAB" fw "$ROUTED" drop-passive
row "router drops the passive range" "$ROUTED" default plain
bash "$LAB" fw "$ROUTED" reject-passive
row "router rejects the passive range (RST)" "$ROUTED" default plain
bash "$LAB" fw "$ROUTED" drop-inbound
row "inbound to the client dropped" "$ROUTED" active plain
bash "$LAB" fw "$ROUTED" reject-inbound
row "inbound to the client rejected (RST)" "$ROUTED" active plain
