#!/usr/bin/env bash
# Screenshots of every console view in English and Chinese, made by the real app under Xvfb on a
# fresh embedded sandbox with demo data. Writes docs/screenshots/<view>-<en|zh>.png, and
# <view>-dark-<en|zh>.png for the pages shown in the dark theme.
#   bash scripts/screenshots.sh [output-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshots}"

missing=()
command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb xauth)
dpkg -s libgtk-3-0 >/dev/null 2>&1 || missing+=(libgtk-3-0)
# Chinese glyphs need a CJK font, or the zh screenshots show boxes.
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

./mvnw -B -q -DskipTests package
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
mkdir -p "$out"
# A throwaway home: the tour starts on a brand-new embedded sandbox and leaves the user's data alone.
xvfb-run -a -s "-screen 0 1280x800x24" \
  java -Dfile.encoding=UTF-8 -Daccountconsole.home="$home" -jar target/account-console.jar --screenshots "$out"
ls -1 "$out"/*.png
