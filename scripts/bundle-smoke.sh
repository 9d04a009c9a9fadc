#!/usr/bin/env bash
# Smoke test of the one-folder bundle, run the way someone without Python runs it: an empty environment whose PATH
# finds nothing, from an empty folder. The window starts and quits (offscreen, and under Xvfb when it is
# installed), `check` passes on the shipped content, `draft` writes an email with a cleaned picture, `scan` blocks a
# recovery phrase. Usage: scripts/bundle-smoke.sh dist/wallet-support/wallet-support
set -euo pipefail
app=$(realpath "${1:-dist/wallet-support/wallet-support}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir "$work/empty-bin"
# PATH names an empty folder: no Python (nor anything else) can be found through it.
run() { env -i PATH="$work/empty-bin" HOME="$work" LANG=C.UTF-8 WSA_DATA_DIR="$work/data" "$@"; }

run QT_QPA_PLATFORM=offscreen WSA_QUIT_AFTER_MS=300 "$app"
test -f "$work/data/ui.ini" || { echo "the window did not start"; exit 1; }
echo "ok: the window starts and quits offscreen"
# The second start reads the content parsed by the first from the cache: the cache file stays as it was.
cache_before=$(ls -l --time-style=+%s.%N "$work"/data/cache/catalog-*.pickle)
run QT_QPA_PLATFORM=offscreen WSA_QUIT_AFTER_MS=0 "$app"
test "$(ls -l --time-style=+%s.%N "$work"/data/cache/catalog-*.pickle)" = "$cache_before" \
  || { echo "the second start parsed the content again instead of reading the start-up cache"; exit 1; }
echo "ok: the second start uses the start-up cache"
if command -v xvfb-run >/dev/null; then
  env -i PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 WSA_DATA_DIR="$work/data" WSA_QUIT_AFTER_MS=300 xvfb-run -a "$app"
  echo "ok: the window starts on X11 (xcb) under Xvfb"
else
  echo "skipped: xvfb-run is not installed, so the X11 (xcb) start was not tried"
fi

run QT_QPA_PLATFORM=offscreen "$app" check
echo "ok: check"

# A PNG picture with a text chunk, written without Python (a 1x1 pixel), to go through Pillow in the bundle.
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82' > shot.png
# The bundle has no text recognition: a picture is refused until the person confirms they checked it themselves.
status=0
run "$app" draft --flow pending_transaction --sample --locale en --attach shot.png --out draft.eml 2> draft.err || status=$?
test "$status" -eq 3 && ! test -e draft.eml && grep -q -- --confirm-unchecked-pictures draft.err \
  || { cat draft.err; echo "an unchecked picture was not refused (exit $status)"; exit 1; }
echo "ok: an unchecked picture needs the person's confirmation"
run "$app" draft --flow pending_transaction --sample --locale en --attach shot.png --out draft.eml --confirm-unchecked-pictures
grep -q 'filename="shot.png"' draft.eml
echo "ok: draft with a cleaned picture"

printf 'my phrase: abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about\n' > note.txt
status=0
run "$app" scan note.txt > scan.out || status=$?
test "$status" -eq 1 && grep -q mnemonic scan.out || { cat scan.out; echo "scan did not block the phrase (exit $status)"; exit 1; }
echo "ok: scan blocks a recovery phrase"
echo "bundle smoke test passed: $(du -sh "$(dirname "$app")" | cut -f1) unpacked"
