#!/usr/bin/env bash
# micro.sh — times reef's interpreter (--no-opt), reef's default tier and
# `node --jitless` on the three micro programs in micro/ (loops, property
# access, calls), one run each, and prints the ratios. Not a test: it never
# fails on slowness; it fails only if reef's output differs from node's.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
reef=${REEF:-$here/../../build/reef}
status=0
t() { local s e; s=$(date +%s.%N); "$@" > /tmp/micro.$$ 2>/dev/null; e=$(date +%s.%N); awk "BEGIN{print $e - $s}"; }
printf '%-10s %10s %10s %12s %14s %12s\n' program reef-no-opt reef node-jitless no-opt/jitless reef/jitless
for f in "$here"/micro/*.js; do
    name=$(basename "$f" .js)
    expect=$(node "$f")
    a=$(t "$reef" --no-opt "$f"); got=$(cat /tmp/micro.$$)
    b=$(t "$reef" "$f")
    c=$(t node --jitless "$f")
    [ "$got" = "$expect" ] || { echo "$name: reef printed '$got', node '$expect'"; status=1; }
    printf '%-10s %9.2fs %9.2fs %11.2fs %14.2f %12.2f\n' "$name" "$a" "$b" "$c" \
        "$(awk "BEGIN{print $a / $c}")" "$(awk "BEGIN{print $b / $c}")"
done
rm -f /tmp/micro.$$
exit $status
