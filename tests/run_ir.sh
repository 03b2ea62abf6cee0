#!/bin/sh
# tests/run_ir.sh — runs the IR tests: each tests/ir/*.js names, in its
# first `// RUN:` line, the reef command whose output LLVM FileCheck checks
# against the CHECK lines of the same file. `reef` in the command is the
# binary under test ($REEF, default build/release/reef), %s the file.
# Prints `N passed, M failed`; exits 1 on any failure.
here=$(cd "$(dirname "$0")/.." && pwd)
REEF=${REEF:-$here/build/release/reef}
FILECHECK=${FILECHECK:-FileCheck-19}
command -v "$FILECHECK" >/dev/null 2>&1 || { echo "run_ir.sh: $FILECHECK not found (package llvm-19-tools)"; exit 1; }
pass=0; fail=0
for t in "$here"/tests/ir/*.js; do
    run=$(sed -n 's|^// RUN: *||p' "$t" | head -n 1)
    if [ -z "$run" ]; then echo "FAIL $t: no RUN line"; fail=$((fail + 1)); continue; fi
    cmd=$(printf '%s' "$run" | sed "s|%s|$t|g; s|^reef |$REEF |; s/| *FileCheck-19/| $FILECHECK/")
    if out=$(sh -c "$cmd" 2>&1); then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $(basename "$t")"
        printf '%s\n' "$out" | head -n 30 | sed 's/^/    /'
    fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
