#!/bin/sh
# run.sh — runs reef (or another engine) over the test262 subset in
# shared/test262 and compares the failures with known-failures.txt; exit 1 on a
# failure not listed there. All the work is in run262.py beside this file; see
# README.md here, or run.sh --help. Examples:
#   tests/test262/run.sh --ci
#   tests/test262/run.sh --tier A --filter built-ins/Array --verbose
#   tests/test262/run.sh --engine node --tier A --sample 500
exec python3 "$(dirname "$0")/run262.py" "$@"
