/* fuzz_compile.c — libFuzzer target for the front end: arbitrary bytes go
 * through fe_compile (scan, parse, scopes, bytecode generation) as a script,
 * a function body with odd parameters, or a module, chosen by the first byte.
 * Nothing runs: this finds crashes, UB and hangs in compilation alone.
 * Build with tests/fuzz/build.sh; run build/fuzz/fuzz_compile CORPUS_DIR.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "frontend/fe_compile.h"

/* A runtime costs a realm; reuse one and start afresh every so often so the
 * code list (every compiled function is kept) does not grow without bound. */
#define FRESH_EVERY 256

static Runtime *fuzz_rt;
static unsigned fuzz_uses;

static Runtime *get_runtime(void) {
    if (fuzz_rt && fuzz_uses++ < FRESH_EVERY) return fuzz_rt;
    if (fuzz_rt) rt_free(fuzz_rt);
    Flags f;
    rt_flags_default(&f);
    f.max_heap = 256;
    f.allow_natives_syntax = 1;       /* the %Name(...) grammar too */
    fuzz_rt = rt_new(&f, __builtin_frame_address(0));
    fuzz_uses = 1;
    return fuzz_rt;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0;
    Runtime *rt = get_runtime();
    CompileMode mode = RT_COMPILE_SCRIPT;
    const char *params = NULL;
    switch (data[0] % 8) {
    case 6: mode = RT_COMPILE_FUNCTION_BODY; params = "a, b = 1, ...c"; break;
    case 7: mode = RT_COMPILE_MODULE; break;
    default: break;
    }
    FeDiags diags = {0};
    BytecodeFunction *bf = fe_compile(rt, "fuzz.js", (const char *)data + 1, size - 1, mode, params, &diags);
    if (!bf) {
        /* Every failure must say where: a diagnostic with a real position. */
        for (size_t i = 0; i < diags.count; i++)
            if (diags.items[i].line == 0 || diags.items[i].col == 0) __builtin_trap();
        /* fe_print_diags takes the source as a C string, as the driver reads it. */
        char *text = malloc(size);
        FILE *null = fopen("/dev/null", "w");
        if (text && null) {
            memcpy(text, data + 1, size - 1);
            text[size - 1] = 0;
            fe_print_diags(&diags, "fuzz.js", text, null);
        }
        if (null) fclose(null);
        free(text);
        rt_take_exception(rt);
    }
    fe_diags_free(&diags);
    return 0;
}
