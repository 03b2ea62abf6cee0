#!/usr/bin/env bash
# Run the JavaScript output tests in tests/js against the reef binary.
#
# usage: tests/run_js.sh [--reef PATH] [--tier FLAGS]... [--jobs N]
#                        [--list-failures FILE] [files...]
#
# Each tests/js/NAME.js is run as `reef TIERFLAGS NAME.js` from inside tests/js
# (10 s timeout) once per tier. A run passes when
#   - stdout equals NAME.out exactly,
#   - the exit status equals NAME.status (0 when that file is absent),
#   - the line in NAME.err (when present) occurs as a substring of stderr.
#
# Tiers: by default two runs per test, `--no-opt` and the default tier (no
# flags). REEF_TIERS overrides them with a `;`-separated list (an empty item is
# the default tier), e.g. REEF_TIERS='--no-opt;;--always-opt --deopt-every-n-times=7'.
# REEF_TIERS='' means one run with no flags. `--tier FLAGS` (repeatable)
# overrides both; flags inside one tier are separated by whitespace.
#
# files: test names as NAME, NAME.js or a path to the .js file; default is
# every tests/js/*.js.
#
# Exit status: 0 all passed, 1 some failed, 2 usage error or missing binary.

set -u

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd -P)
TEST_DIR="$SCRIPT_DIR/js"
TIMEOUT_SECS=${REEF_TIMEOUT:-10}

# ---------------------------------------------------------------------------
# Worker mode: run one (tier, test) job. Invoked through xargs by the main
# process as: run_js.sh --__worker WORKDIR JOBID
# ---------------------------------------------------------------------------
run_job() {
    local work=$1 id=$2
    local reef tier name flags=()
    reef=$(cat "$work/reef")
    IFS=$'\t' read -r tier name < "$work/jobs/$id"
    local tier_str
    tier_str=$(cat "$work/tier.$tier")
    # Split tier flags on whitespace without glob expansion.
    set -f
    read -r -a flags <<< "$tier_str"
    set +f

    local out="$work/out.$id" err="$work/err.$id" res="$work/res.$id"
    local status
    (
        cd "$TEST_DIR" || exit 125
        exec timeout -k 5 "$TIMEOUT_SECS" "$reef" ${flags[@]+"${flags[@]}"} "$name.js" \
            < /dev/null > "$out" 2> "$err"
    )
    status=$?

    local expected_status=0
    if [ -f "$TEST_DIR/$name.status" ]; then
        expected_status=$(tr -d ' \t\r\n' < "$TEST_DIR/$name.status")
    fi

    local reasons=() show_diff=0 show_stderr=0
    if { [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; } && [ "$expected_status" != "$status" ]; then
        reasons+=("timeout after ${TIMEOUT_SECS}s")
        show_stderr=1
    elif [ "$status" != "$expected_status" ]; then
        if [ "$status" -gt 128 ] && [ "$status" -lt 160 ]; then
            reasons+=("exit status $status (signal $((status - 128))), expected $expected_status")
        else
            reasons+=("exit status $status, expected $expected_status")
        fi
        show_stderr=1
    fi
    if ! cmp -s "$TEST_DIR/$name.out" "$out"; then
        reasons+=("stdout differs")
        show_diff=1
    fi
    if [ -f "$TEST_DIR/$name.err" ]; then
        local pat
        pat=$(head -n 1 "$TEST_DIR/$name.err" | tr -d '\r')
        if [ -n "$pat" ] && ! grep -qF -e "$pat" "$err"; then
            reasons+=("stderr lacks '$pat'")
            show_stderr=1
        fi
    fi

    if [ ${#reasons[@]} -eq 0 ]; then
        : > "$res.pass"
        return 0
    fi
    {
        local joined="" r
        for r in "${reasons[@]}"; do
            joined="${joined:+$joined; }$r"
        done
        printf "FAIL tier='%s' %s (%s)\n" "$tier_str" "$name" "$joined"
        if [ $show_diff -eq 1 ]; then
            diff "$TEST_DIR/$name.out" "$out" | head -n 10 | sed 's/^/    /'
        fi
        if [ $show_stderr -eq 1 ] && [ -s "$err" ]; then
            head -n 5 "$err" | sed 's/^/    stderr: /'
        fi
    } > "$res.fail"
    return 0
}

if [ "${1:-}" = "--__worker" ]; then
    run_job "$2" "$3"
    exit 0
fi

# ---------------------------------------------------------------------------
# Main mode.
# ---------------------------------------------------------------------------
usage() {
    sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'
}

die() {
    echo "run_js.sh: $*" >&2
    exit 2
}

reef_arg=""
list_failures=""
jobs=2
cli_tiers=()
have_cli_tiers=0
files=()

while [ $# -gt 0 ]; do
    case "$1" in
        --reef)
            [ $# -ge 2 ] || die "--reef needs a path"
            reef_arg=$2; shift 2 ;;
        --reef=*)
            reef_arg=${1#--reef=}; shift ;;
        --tier)
            [ $# -ge 2 ] || die "--tier needs an argument (use --tier '' for no flags)"
            cli_tiers+=("$2"); have_cli_tiers=1; shift 2 ;;
        --tier=*)
            cli_tiers+=("${1#--tier=}"); have_cli_tiers=1; shift ;;
        --list-failures)
            [ $# -ge 2 ] || die "--list-failures needs a file name"
            list_failures=$2; shift 2 ;;
        --list-failures=*)
            list_failures=${1#--list-failures=}; shift ;;
        --jobs|-j)
            [ $# -ge 2 ] || die "--jobs needs a number"
            jobs=$2; shift 2 ;;
        -h|--help)
            usage; exit 0 ;;
        --)
            shift; files+=("$@"); break ;;
        -*)
            die "unknown option: $1 (see --help)" ;;
        *)
            files+=("$1"); shift ;;
    esac
done

case "$jobs" in
    ''|*[!0-9]*|0) die "--jobs must be a positive integer" ;;
esac

# Locate the reef binary (relative paths are relative to the caller's cwd;
# a bare name is looked up in PATH).
if [ -z "$reef_arg" ]; then
    reef="$ROOT/build/reef"
    if [ ! -x "$reef" ] || [ -d "$reef" ]; then
        die "reef binary not found at $reef (build it first or pass --reef PATH)"
    fi
elif [[ "$reef_arg" == */* ]]; then
    case "$reef_arg" in
        /*) reef=$reef_arg ;;
        *) reef="$(pwd -P)/$reef_arg" ;;
    esac
    if [ ! -x "$reef" ] || [ -d "$reef" ]; then
        die "reef binary not found or not executable: $reef_arg"
    fi
else
    reef=$(command -v -- "$reef_arg" 2>/dev/null) || reef=""
    if [ -z "$reef" ]; then
        if [ -x "$ROOT/$reef_arg" ] && [ ! -d "$ROOT/$reef_arg" ]; then
            reef="$ROOT/$reef_arg"
        else
            die "reef binary not found: $reef_arg"
        fi
    fi
fi

command -v timeout > /dev/null 2>&1 || die "'timeout' (coreutils) is required"
[ -d "$TEST_DIR" ] || die "test directory not found: $TEST_DIR"

# Tiers: --tier options, else REEF_TIERS, else the defaults.
tiers=()
if [ $have_cli_tiers -eq 1 ]; then
    tiers=("${cli_tiers[@]}")
elif [ -n "${REEF_TIERS+set}" ]; then
    rest=$REEF_TIERS
    while :; do
        case "$rest" in
            *';'*) tiers+=("${rest%%;*}"); rest=${rest#*;} ;;
            *) tiers+=("$rest"); break ;;
        esac
    done
else
    tiers=("--no-opt" "")
fi

# Test names.
names=()
if [ ${#files[@]} -eq 0 ]; then
    while IFS= read -r f; do
        names+=("$(basename "$f" .js)")
    done < <(cd "$TEST_DIR" && ls -1 -- *.js 2>/dev/null | LC_ALL=C sort)
else
    for f in "${files[@]}"; do
        n=$(basename -- "$f")
        n=${n%.js}
        [ -f "$TEST_DIR/$n.js" ] || die "no such test: $f (looked for $TEST_DIR/$n.js)"
        [ -f "$TEST_DIR/$n.out" ] || die "missing expected output: $TEST_DIR/$n.out"
        names+=("$n")
    done
fi
[ ${#names[@]} -gt 0 ] || die "no tests found in $TEST_DIR"
for n in "${names[@]}"; do
    [ -f "$TEST_DIR/$n.out" ] || die "missing expected output: $TEST_DIR/$n.out"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/run_js.XXXXXX") || die "cannot create temp dir"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
mkdir "$work/jobs"
printf '%s' "$reef" > "$work/reef"

# Jobs are numbered test-major, tier-minor; results are reported in that order.
id=0
for ti in "${!tiers[@]}"; do
    printf '%s' "${tiers[$ti]}" > "$work/tier.$ti"
done
for n in "${names[@]}"; do
    for ti in "${!tiers[@]}"; do
        printf '%s\t%s\n' "$ti" "$n" > "$work/jobs/$id"
        id=$((id + 1))
    done
done
total=$id

seq 0 $((total - 1)) | xargs -P "$jobs" -n 1 bash "$SCRIPT_DIR/run_js.sh" --__worker "$work"

passed=0
failed=0
failed_names=()
for ((i = 0; i < total; i++)); do
    if [ -f "$work/res.$i.pass" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        if [ -f "$work/res.$i.fail" ]; then
            cat "$work/res.$i.fail"
        else
            IFS=$'\t' read -r ti n < "$work/jobs/$i"
            printf "FAIL tier='%s' %s (test runner did not produce a result)\n" "${tiers[$ti]}" "$n"
        fi
        IFS=$'\t' read -r ti n < "$work/jobs/$i"
        failed_names+=("$n")
    fi
done

if [ -n "$list_failures" ]; then
    if [ ${#failed_names[@]} -gt 0 ]; then
        printf '%s\n' "${failed_names[@]}" | awk '!seen[$0]++' > "$list_failures"
    else
        : > "$list_failures"
    fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
