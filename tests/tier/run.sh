#!/usr/bin/env bash
# Tiering tests that need reef-only flags (--allow-natives-syntax, status
# bits Node reports differently). Each NAME.js runs in every tier and its
# stdout must equal NAME.out; status.js only in the default tier (it checks
# what the optimizing tier did).
#
# usage: tests/tier/run.sh [path/to/reef]
set -u
DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REEF=${1:-$DIR/../../build/release/reef}
fail=0
run() {
    local name=$1; shift
    if "$REEF" --allow-natives-syntax "$@" "$DIR/$name.js" 2>&1 | diff -q - "$DIR/$name.out" > /dev/null; then
        echo "ok   $name $*"
    else
        echo "FAIL $name $*"; fail=1
    fi
}
for tier in "--no-opt" "" "--always-opt" "--always-opt --deopt-every-n-times=7"; do
    # shellcheck disable=SC2086
    run deopt_natives $tier
done
# inlined frames: the default pipeline inlines; also without it, and with inline alone
for tier in "--no-opt" "" "--disable-pass=inline" "--passes=inline,fold,dce" "--passes=inline,fold,dce --always-opt --deopt-every-n-times=7" \
            "--passes=fold,inline,fold,peel,loadelim,escape,fold,checkelim,fold,dce --deopt-every-n-times=5"; do
    # shellcheck disable=SC2086
    run deopt_inlined $tier
done
run status
exit $fail
