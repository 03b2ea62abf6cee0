#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz into build/fuzz/ with clang-14,
# -fsanitize=fuzzer,address,undefined, linking every library source of reef
# (driver/reef_main.c aside).
#
# usage: tests/fuzz/build.sh [target...]     (default: fuzz_compile)
# then:  build/fuzz/fuzz_compile -max_len=4096 build/fuzz/corpus_compile tests/fuzz/seeds
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$ROOT"
CC=${CC:-clang-14}
OUT=build/fuzz
OBJ=$OUT/obj
mkdir -p "$OBJ"
LLVM_CONFIG=${LLVM_CONFIG:-/usr/lib/llvm-19/bin/llvm-config}
CFLAGS="-std=gnu11 -g -O1 -I. -fno-omit-frame-pointer -fno-strict-aliasing -w
        -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
        -DREEF_ASAN=1 -DREEF_FUZZ=1"
LLVM_CFLAGS=$($LLVM_CONFIG --cflags 2>/dev/null || true)
GVC_CFLAGS=$(pkg-config --cflags libgvc 2>/dev/null || true)
GVC_LIBS=$(pkg-config --libs libgvc 2>/dev/null || true)

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_compile)

# An object is rebuilt when its source or any header it included (from the
# -MMD dependency file) is newer. Two jobs at most: the machine is shared.
stale() {
    local c=$1 o=$2 d=${2%.o}.d dep
    [ -e "$o" ] && [ -e "$d" ] || return 0
    [ "$c" -nt "$o" ] && return 0
    for dep in $(sed -e 's/\\$//' -e 's/^[^:]*://' "$d"); do
        [ "$dep" -nt "$o" ] && return 0
    done
    return 1
}
objs=()
srcs=()
for d in runtime frontend ir passes backend graphs driver; do
    for c in "$d"/*.c; do
        [ "$c" = driver/reef_main.c ] && continue
        [ -e "$c" ] || continue
        o="$OBJ/${c%.c}.o"
        objs+=("$o")
        if stale "$c" "$o"; then srcs+=("$c"); fi
    done
done
compile_one() {
    local c=$1 o="$OBJ/${1%.c}.o" extra=""
    mkdir -p "$(dirname "$o")"
    case "$c" in
        backend/be_mc*) extra="$LLVM_CFLAGS" ;;
        graphs/*) extra="$GVC_CFLAGS" ;;
    esac
    # shellcheck disable=SC2086
    $CC $CFLAGS $extra -MMD -MP -c -o "$o" "$c"
}
export -f compile_one
export CC CFLAGS LLVM_CFLAGS GVC_CFLAGS OBJ
if [ ${#srcs[@]} -gt 0 ]; then
    # A file mid-edit elsewhere may not compile: the archive then lacks it,
    # which matters only to a target that needs it.
    printf '%s\n' "${srcs[@]}" | nice xargs -P 2 -I{} bash -c 'compile_one "$@"' _ {} \
        || echo "build.sh: some objects failed to compile (see above)" >&2
fi
present=()
for o in "${objs[@]}"; do
    c=${o#"$OBJ"/}; c=${c%.o}.c
    [ -e "$o" ] && [ -e "$c" ] && present+=("$o")
done
objs=("${present[@]}")
# Through an archive, a target pulls in only the objects it needs: the front
# end target links even while the optimizing tier is mid-change.
rm -f "$OUT/libreef_fuzz.a"
ar rcs "$OUT/libreef_fuzz.a" "${objs[@]}"
for t in "${targets[@]}"; do
    # shellcheck disable=SC2086
    nice $CC $CFLAGS -fsanitize=fuzzer -o "$OUT/$t" "tests/fuzz/$t.c" "$OUT/libreef_fuzz.a" \
        $GVC_LIBS -lm -ldl -lpthread -lstdc++
    echo "built $OUT/$t"
done
