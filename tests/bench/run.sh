#!/bin/sh
# run.sh — runs the Are-We-Fast-Yet benchmarks (shared/awfy) under reef --no-opt,
# reef, node --jitless and node, prints a table of median iteration times,
# ratios and geometric means, and writes it to build/bench/results.md. Never
# fails on slowness. All the work is in bench.py beside this file; see README.md
# here, or run.sh --help. Examples:
#   tests/bench/run.sh
#   tests/bench/run.sh --quick --configs reef-no-opt,node-jitless
#   tests/bench/run.sh --bench Richards,Json --engine build/asan/reef
exec python3 "$(dirname "$0")/bench.py" "$@"
