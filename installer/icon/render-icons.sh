#!/usr/bin/env bash
# Regenerates every icon file of the installer from the hand-drawn portside.svg.
# Needs (Debian): librsvg2-bin (rsvg-convert), icoutils (icotool), icnsutils (png2icns).
# Outputs (all committed, so the build itself does not need these tools):
#   installer/icon/png/portside-<N>.png   N = 16 24 32 48 64 128 256 512
#   installer/linux/Portside.png          256 px, the launcher/menu icon jpackage puts in the .deb
#   installer/windows/Portside.ico        16..256 px
#   installer/macos/Portside.icns         16..512 px
#   resources/icons/portside.png          256 px, the JavaFX stage icon
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
svg="$here/portside.svg"
mkdir -p "$here/png" "$root/resources/icons"
for n in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$n" -h "$n" "$svg" -o "$here/png/portside-$n.png"
done
cp "$here/png/portside-256.png" "$root/installer/linux/Portside.png"
cp "$here/png/portside-256.png" "$root/resources/icons/portside.png"
icotool -c -o "$root/installer/windows/Portside.ico" \
  "$here"/png/portside-{16,24,32,48,64,128}.png -r "$here/png/portside-256.png"
# png2icns takes the sizes the ICNS format knows (16, 32, 48, 128, 256, 512).
png2icns "$root/installer/macos/Portside.icns" \
  "$here"/png/portside-{16,32,48,128,256,512}.png >/dev/null
echo "icons written"
