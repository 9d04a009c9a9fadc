#!/usr/bin/env bash
# System packages the app and its tests use beyond what pip installs, on Debian/Ubuntu:
# CJK fonts (Chinese text; Noto CJK also draws Japanese and Korean, kanji and hanja in their own shapes), Qt's
# runtime libraries, the libraries of Qt's xcb platform plugin (the window on an X11 desktop; without them Qt aborts at start), mutt (a test opens the exported draft in it), and
# what the desktop tests and CI use: Xvfb and xdotool (a real window driven by keyboard), the validators of
# the desktop entry and the AppStream file.
# Best effort: it never fails the caller; without these, CJK shows as boxes, the app prints the command that
# installs the missing xcb libraries, and the tests that need a tool say so and are skipped.
set -u
packages=(fonts-wqy-microhei fonts-noto-cjk libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 mutt
  libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1 libxcb-util1 libx11-xcb1
  xvfb xdotool desktop-file-utils appstream)
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
install() { $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1; }
if ! { $sudo apt-get update -qq >/dev/null 2>&1 && install "${missing[@]}"; }; then
  # One name this release does not know must not keep the others out: try them one by one.
  failed=()
  for p in "${missing[@]}"; do install "$p" || failed+=("$p"); done
  [ ${#failed[@]} -eq 0 ] || echo "could not install ${failed[*]} (no root, no network or unknown here); continuing"
fi
exit 0
