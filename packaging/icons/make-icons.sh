#!/usr/bin/env bash
# Draws Account Console's icon (a person card on a blue tile) and writes every size and format the
# installers need: packaging/linux/account-console.png (256), packaging/windows/account-console.ico
# (16-256) and packaging/macos/account-console.icns (16-1024, PNG entries). Needs ImageMagick 6
# (apt-get install imagemagick) and python3. The outputs are committed; rerun after changing the design.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PKG="$HERE/.."
CONVERT=/usr/bin/convert
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# 1024 x 1024 master: rounded blue tile, white card, a person on the card, three text lines.
"$CONVERT" -size 1024x1024 xc:none \
    -fill '#1f5fbf' -draw 'roundrectangle 64,64 960,960 180,180' \
    -fill '#ffffff' -draw 'roundrectangle 176,256 848,768 56,56' \
    -fill '#1f5fbf' -draw 'circle 352,430 352,510' \
    -fill '#1f5fbf' -draw 'roundrectangle 232,540 472,690 90,90' \
    -fill '#8fb4ea' -draw 'roundrectangle 536,380 776,420 20,20' \
    -fill '#8fb4ea' -draw 'roundrectangle 536,490 776,530 20,20' \
    -fill '#8fb4ea' -draw 'roundrectangle 536,600 700,640 20,20' \
    "$TMP/master.png"

for size in 16 32 48 64 128 256 512 1024; do
    "$CONVERT" "$TMP/master.png" -resize ${size}x${size} -strip "$TMP/icon-$size.png"
done
cp "$TMP/icon-256.png" "$PKG/linux/account-console.png"
"$CONVERT" "$TMP/icon-16.png" "$TMP/icon-32.png" "$TMP/icon-48.png" "$TMP/icon-64.png" \
    "$TMP/icon-128.png" "$TMP/icon-256.png" "$PKG/windows/account-console.ico"
python3 "$HERE/png-to-icns.py" "$PKG/macos/account-console.icns" \
    icp4="$TMP/icon-16.png" icp5="$TMP/icon-32.png" icp6="$TMP/icon-64.png" \
    ic07="$TMP/icon-128.png" ic08="$TMP/icon-256.png" ic09="$TMP/icon-512.png" \
    ic10="$TMP/icon-1024.png"
echo "icons written"
