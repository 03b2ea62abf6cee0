#!/bin/sh
# tests/graphs/screenshot.sh — opens the HTML graph viewer in headless
# Chromium and takes a screenshot, to check by eye that a real browser shows
# the graph. Not part of the default test run; installs nothing.
#   tests/graphs/screenshot.sh [reef-binary] [out.png]
# Needs the Debian package `chromium`.
set -e
here=$(cd "$(dirname "$0")/../.." && pwd)
reef=${1:-$here/build/release/reef}
png=${2:-/tmp/reef-graphs.png}
command -v chromium >/dev/null 2>&1 || { echo "screenshot.sh: chromium is not installed (apt-get install chromium)"; exit 2; }
work=$(mktemp -d)
cat > "$work/hot.js" <<'JS'
function sum(a) {
  let t = 0;
  for (let i = 0; i < a.length; i++) t = t + a[i] * 2 + 3 * 4;
  return t;
}
for (let i = 0; i < 1500; i++) sum([1, 2, 3, 4]);
JS
"$reef" --dump-graphs="$work/dump" --graph-filter=sum "$work/hot.js" >/dev/null
test -f "$work/dump/index.html"
profile=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --screenshot="$png" --window-size=1400,900 \
  "file://$work/dump/index.html" >/dev/null 2>&1
rm -rf "$profile"
test -s "$png"
echo "screenshot: $png (dump in $work/dump)"
