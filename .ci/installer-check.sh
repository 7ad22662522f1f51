#!/usr/bin/env bash
# Installer check (issue 6): build the .deb with `mvn -B -Pinstaller package`, install it with
# dpkg -i, start the installed launcher under Xvfb, wait for a mapped window titled "Portside",
# screenshot it into screenshots/installed-app.png, close the app, remove the package.
# Fails (non-zero) when any step fails. Runs as root on Debian 12, non-interactively.
#
# Usage (from the repository root or anywhere):  bash .ci/installer-check.sh
# Environment: INSTALLER_CHECK_SKIP_BUILD=1 reuses an existing target/portside_<version>-*.deb.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
t0=$(date +%s)
say() { echo "installer-check: $*"; }
fail() { echo "installer-check: FAILED: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "must run as root (it installs packages with apt-get and dpkg)"

# ---------------------------------------------------------------- tools
# xvfb/xdotool/imagemagick: run and photograph the window; fakeroot/binutils: jpackage's .deb
# build; libgtk-3-0/libxtst6/libgl1/xdg-utils: what the package depends on (so dpkg -i can
# configure it without network access to resolve dependencies).
need_pkgs=(xvfb xdotool imagemagick fakeroot binutils unzip libgtk-3-0 libxtst6 libgl1 xdg-utils)
command -v mvn >/dev/null 2>&1 || need_pkgs+=(maven)
# jpackage (in Debian's JRE package) and the jmods jlink reads (in the JDK package).
[ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/jpackage ] && [ -f /usr/lib/jvm/java-17-openjdk-amd64/jmods/java.base.jmod ] \
  || need_pkgs+=(openjdk-17-jdk-headless)
missing=()
for p in "${need_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/jpackage" ]; then
  export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
fi

# ---------------------------------------------------------------- clean state + cleanup on exit
app_pid=""
xvfb_pid=""
cleanup() {
  set +e
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then kill -KILL "$app_pid"; fi
  if [ -n "$xvfb_pid" ] && kill -0 "$xvfb_pid" 2>/dev/null; then kill "$xvfb_pid"; wait "$xvfb_pid" 2>/dev/null; fi
  if [ -n "$(dpkg-query -W -f='${Status}' portside 2>/dev/null | grep -v 'not-installed')" ]; then
    dpkg --purge portside >/dev/null 2>&1
  fi
}
trap cleanup EXIT
if [ -n "$(dpkg-query -W -f='${Status}' portside 2>/dev/null | grep -v 'not-installed' || true)" ]; then
  say "removing a portside package left from before"
  dpkg --purge portside >/dev/null
fi

# ---------------------------------------------------------------- build
if [ "${INSTALLER_CHECK_SKIP_BUILD:-0}" != 1 ]; then
  say "building: mvn -B -q -Pinstaller package -DskipTests"
  b0=$(date +%s)
  mvn -B -q -Pinstaller package -DskipTests
  say "build took $(( $(date +%s) - b0 )) s"
fi
version=$(sed -n 's/^version=//p' target/classes/io/portside/version.properties)
[ -n "$version" ] || fail "no version in target/classes/io/portside/version.properties"
debs=(target/portside_"$version"-*_*.deb)
[ -f "${debs[0]}" ] || fail "no target/portside_${version}-*.deb was built"
deb="${debs[0]}"
deb_bytes=$(stat -c %s "$deb")
say "package: $deb ($(( deb_bytes / 1024 / 1024 )) MiB, $deb_bytes bytes)"
[ "$deb_bytes" -lt $(( 80 * 1024 * 1024 )) ] || fail ".deb is 80 MiB or more"

# ---------------------------------------------------------------- runtime covers what the code needs
# jdeps over every jar that goes into the app (JavaFX's jars as modules, the rest plain jars):
# each JDK module they use must be in --add-modules. Not required: jdk.jfr, which javafx.base
# only "requires static" (its JFR events are used when the module is present).
modules=$(sed -n 's/^--add-modules[[:space:]]*//p' installer/jpackage-common.txt)
optional=",jdk.jfr,"
jars=$(mktemp -d)
for j in target/jpackage/input/*.jar; do
  classes=$(unzip -Z1 "$j" | grep -c '\.class$' || true)
  if [ "${classes:-0}" -gt 0 ]; then ln -s "$root/$j" "$jars/"; fi   # skips JavaFX's empty jars
done
needed=$("$JAVA_HOME/bin/jdeps" -summary --ignore-missing-deps --multi-release 17 \
    --module-path "$jars" "$jars"/*.jar 2>/dev/null \
  | grep -oE -- '-> (java|jdk)\.[A-Za-z0-9.]+' | cut -c4- | sort -u || true)
rm -rf "$jars"
[ -n "$needed" ] || fail "jdeps reported nothing"
checked=""
for m in $needed; do
  case "$optional" in *",$m,"*) continue ;; esac
  checked="$checked${checked:+,}$m"
  case ",$modules," in *",$m,"*) ;; *) fail "the code needs JDK module $m, missing from --add-modules in installer/jpackage-common.txt" ;; esac
done
say "jdeps: every JDK module the jars need is in the runtime ($checked)"

# ---------------------------------------------------------------- install
say "dpkg -i $deb"
dpkg -i "$deb" >/dev/null || fail "dpkg -i failed"
dpkg-query -W -f='${Status} ${Version}\n' portside | grep -q "install ok installed $version-" \
  || fail "portside $version is not installed: $(dpkg-query -W -f='${Status} ${Version}' portside)"
[ -x /opt/portside/bin/Portside ] || fail "launcher /opt/portside/bin/Portside missing"
[ -f /usr/share/applications/portside-Portside.desktop ] || fail "menu entry not installed"
grep -q '^Categories=Network;FileTransfer;' /usr/share/applications/portside-Portside.desktop \
  || fail "menu entry lacks Categories=Network;FileTransfer;"
[ -f /opt/portside/lib/Portside.png ] || fail "icon missing"
if [ -f /opt/portside/lib/app/portside.classlist ] && [ ! -f /opt/portside/lib/app/portside.jsa ]; then
  say "warning: postinst built no class-data-sharing archive; start-up will be slower"
fi

# ---------------------------------------------------------------- start under Xvfb
disp=""
for n in $(seq 91 120); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then disp=":$n"; break; fi
done
[ -n "$disp" ] || fail "no free X display number"
Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >/tmp/installer-check-xvfb.log 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X${disp#:}" ] && break; sleep 0.1; done
kill -0 "$xvfb_pid" 2>/dev/null || fail "Xvfb did not start: $(cat /tmp/installer-check-xvfb.log)"
export DISPLAY="$disp"

applog=$(mktemp)
say "starting /opt/portside/bin/Portside on $disp"
PORTSIDE_STARTUP_TIMING=true /opt/portside/bin/Portside </dev/null >"$applog" 2>&1 &
app_pid=$!
wid=$(timeout 60 xdotool search --sync --onlyvisible --name '^Portside$' | head -n 1) || true
if [ -z "$wid" ]; then
  cat "$applog" >&2
  fail "no window titled Portside was mapped within 60 s"
fi
sleep 2   # let the first frames be drawn before the picture
kill -0 "$app_pid" 2>/dev/null || { cat "$applog" >&2; fail "the app exited"; }
mkdir -p screenshots
import -window root screenshots/installed-app.png   # the whole 1280x800 screen with the window on it
[ -s screenshots/installed-app.png ] || fail "no screenshot"
say "screenshot: screenshots/installed-app.png ($(identify -format '%wx%h' screenshots/installed-app.png))"
startup=$(sed -n 's/^portside: window shown \([0-9]*\) ms after process start$/\1/p' "$applog" | head -n 1)
[ -n "$startup" ] || { cat "$applog" >&2; fail "the app printed no start-up timing"; }
say "start-up: window shown $startup ms after process start"

# ---------------------------------------------------------------- close, remove
kill -TERM "$app_pid"
for _ in $(seq 1 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$app_pid" 2>/dev/null && fail "the app did not exit within 10 s of SIGTERM"
wait "$app_pid" 2>/dev/null || true
app_pid=""
rm -f "$applog"
kill "$xvfb_pid"; wait "$xvfb_pid" 2>/dev/null || true; xvfb_pid=""

# (dpkg warns that /opt is not empty when other software lives there: not a failure.)
dpkg --purge portside >/dev/null 2>/tmp/installer-check-purge.log || { cat /tmp/installer-check-purge.log >&2; fail "dpkg --purge failed"; }
[ ! -e /opt/portside ] || fail "/opt/portside still there after removal"
[ ! -e /usr/share/applications/portside-Portside.desktop ] || fail "menu entry still there after removal"
say "removed the package"
say "OK in $(( $(date +%s) - t0 )) s (deb $(( deb_bytes / 1024 / 1024 )) MiB, start-up ${startup} ms)"
