#!/usr/bin/env bash
# System packages the app and its tests use beyond what pip installs, on Debian/Ubuntu:
# a CJK font (Chinese text), Qt's runtime libraries, and mutt (a test opens the exported draft in it).
# Best effort: it never fails the caller; without these, CJK shows as boxes and the mutt test is skipped.
set -u
packages=(fonts-wqy-microhei libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 mutt)
command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo -n"
echo "installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
{ $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >/dev/null 2>&1 \
  || echo "could not install ${missing[*]} (no root or no network); continuing"
exit 0
