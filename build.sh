#!/usr/bin/env bash
# build.sh — reef's one entry point.
#   ./build.sh            install missing Debian packages (as root), build build/reef
#   ./build.sh test       build, then run every test (unit, JS in all tiers, IR, test262 sample)
#   ./build.sh asan       AddressSanitizer + UBSan build, JS tests under it
#   ./build.sh bench      AWFY benchmarks against node (not a test: prints ratios)
#   ./build.sh test262    the full test262 subset run
set -euo pipefail
cd "$(dirname "$0")"
JOBS=$(nproc 2>/dev/null || echo 2)

PKGS="build-essential pkg-config llvm-19-dev llvm-19-tools libcriterion-dev libgraphviz-dev graphviz"

need_packages() {
    local missing=""
    for p in $PKGS; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
    done
    command -v python3 >/dev/null || missing="$missing python3"
    echo "$missing"
}

install_packages() {
    local missing
    missing=$(need_packages)
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "build.sh: installing:$missing"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
        echo "build.sh: missing Debian packages:$missing" >&2
        echo "build.sh: run as root: apt-get install -y$missing" >&2
        exit 1
    fi
}

build() {   # $1 = release|asan
    make -s -j"$JOBS" MODE="$1" all unit
    if [ "$1" = release ]; then ln -sf release/reef build/reef; fi
}

run_unit() {   # $1 = mode
    echo "== unit tests ($1)"
    local log status=0
    log=$(mktemp)
    "build/$1/unit_tests" -j1 2>&1 | tee "$log" || status=1
    # Criterion's runner can fail to start a worker under heavy load; that is
    # the harness, not a test: run once more in that case only.
    if [ $status != 0 ] && grep -q "Could not spawn test instance" "$log"; then
        echo "== unit tests ($1): worker spawn failed, running again"
        status=0
        "build/$1/unit_tests" -j1 || status=1
    fi
    rm -f "$log"
    return $status
}

# Every JS test runs in every tier: the interpreter alone, the default
# tiering, and optimization at first call with forced deoptimizations.
TIERS='--no-opt;;--always-opt --deopt-every-n-times=7 --verify-each'

run_js() {   # $1 = reef binary
    echo "== JS tests ($1)"
    REEF_TIERS="${REEF_TIERS:-$TIERS}" tests/run_js.sh --reef "$1"
}

cmd=${1:-build}
case "$cmd" in
    build)
        install_packages
        build release
        ;;
    test)
        install_packages
        build release
        status=0
        run_unit release || status=1
        run_js build/release/reef || status=1
        echo "== IR tests"
        REEF=build/release/reef tests/run_ir.sh || status=1
        echo "== tiering tests"
        tests/tier/run.sh build/release/reef || status=1
        if [ -x tests/test262/run.sh ]; then tests/test262/run.sh --ci || status=1; fi
        exit $status
        ;;
    asan)
        install_packages
        build asan
        status=0
        # Leaks are not checked: LeakSanitizer's stop-the-world tracer crashes
        # (signal 11) on some runs in virtual machines, whatever the program.
        ASAN_OPTIONS=detect_leaks=0:detect_stack_use_after_return=0 run_unit asan || status=1
        ASAN_OPTIONS=detect_leaks=0:detect_stack_use_after_return=0 UBSAN_OPTIONS=print_stacktrace=1 \
            REEF_TIMEOUT=60 run_js build/asan/reef || status=1
        exit $status
        ;;
    bench)
        install_packages
        build release
        exec tests/bench/run.sh "${@:2}"
        ;;
    test262)
        install_packages
        build release
        exec tests/test262/run.sh "${@:2}"
        ;;
    *)
        echo "usage: ./build.sh [build|test|asan|bench|test262]" >&2
        exit 2
        ;;
esac
