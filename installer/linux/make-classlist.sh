#!/usr/bin/env bash
# Regenerates installer/linux/app/portside.classlist: the classes the app loads until its first
# window is up. The .deb's postinst turns it into a class-data-sharing archive
# (/opt/portside/lib/app/portside.jsa) that the launcher maps at start, which cuts the
# start-up time by about a third. A stale list still works (classes no longer there are skipped,
# new ones are loaded the normal way); regenerate it when the start-up window changes a lot.
# Needs: a Linux machine with Xvfb (apt-get install xvfb), JDK 17, Maven.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
java_home="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
mvn -B -q -Pinstaller -DskipTests -Dexec.skip=true package   # everything but jpackage
in=target/jpackage/input
cp=$(ls "$in"/*.jar | paste -sd:)
[ -n "$cp" ] || { echo "no jars in $in" >&2; exit 1; }
out=installer/linux/app/portside.classlist
tmp=$(mktemp)
disp=:97
Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
DISPLAY="$disp" PORTSIDE_STARTUP_TIMING=true "$java_home/bin/java" -XX:DumpLoadedClassList="$tmp" \
  --add-opens=java.base/sun.security.ssl=ALL-UNNAMED -cp "$cp" io.portside.Launcher 2>&1 &
app=$!
# Wait for the timing line's effect: the window; then give it a moment to settle.
for _ in $(seq 1 100); do
  DISPLAY="$disp" xdotool search --onlyvisible --name '^Portside$' >/dev/null 2>&1 && break
  sleep 0.2
done
sleep 2
kill "$app"; wait "$app" 2>/dev/null || true
mkdir -p "$(dirname "$out")"
# Drop the comment header (it names this machine's paths) and any entry of a class that was
# not loaded from the class path (those carry ids and file names); keep the load order.
grep -v '^#' "$tmp" | grep -v ' source: ' > "$out"
rm -f "$tmp"
echo "wrote $out ($(wc -l < "$out") classes)"
