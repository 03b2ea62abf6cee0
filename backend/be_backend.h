/* be_backend.h — the backend as the rest of reef sees it: LIR in, installed
 * code and its deopt table out.
 *
 *   BeBackend *be = be_backend_new(&opts, stderr);      // cheap: no LLVM yet
 *   if (be_backend_available(be)) {                     // loads libLLVM once
 *       BeCodeFn *code = be_backend_compile(be, lir, deopt_entry, err, sizeof err);
 *       ... ((int64_t (*)(int64_t))code->entry)(42) ...
 *   }
 *   be_backend_free(be);                                // unmaps all code
 *
 * Allocation (be_regalloc.h) → emission (be_emit.h) → LLVM MC (be_mc.h) →
 * installation (be_code.h). If libLLVM cannot be loaded the backend says so
 * once (under --trace-opt) and stays unavailable; nothing else changes.
 */
#ifndef BE_BACKEND_H
#define BE_BACKEND_H

#include <stdio.h>
#include "be_code.h"
#include "be_lir.h"

struct Flags;

typedef struct BeOptions {
    bool print_regalloc;       /* --print-regalloc */
    bool print_code;           /* --print-code */
    bool trace_opt;            /* --trace-opt */
    const char *emit_asm_dir;  /* --emit-asm=DIR */
    const char *emit_obj_dir;  /* --emit-obj=DIR */
    const char *libllvm;       /* NULL: the usual places */
} BeOptions;

typedef struct BeBackend {
    BeOptions opt;
    FILE *log;
    BeMC *mc;
    bool mc_tried;
    char mc_error[256];
    BeCodeSpace *code;
    uint32_t ncompiled;
    uint64_t deopt_common;     /* the installed shared deopt exit (be_emit.h) */
    uint64_t deopt_common_for; /* ... for this deoptimizer entry */
} BeBackend;

void be_options_from_flags(BeOptions *o, const struct Flags *flags);
BeBackend *be_backend_new(const BeOptions *opt, FILE *log);
void be_backend_free(BeBackend *be);
/* Loads libLLVM on the first call; false (and one --trace-opt line) if it cannot. */
bool be_backend_available(BeBackend *be);
/* Allocates, emits, assembles and installs fns[0..n) as one object. out[i]
 * receives each function's code. deopt_entry: a BeDeoptEntry or 0. */
bool be_backend_compile_batch(BeBackend *be, BeLirFn **fns, uint32_t n, uint64_t deopt_entry,
                              BeCodeFn **out, char *err, size_t errlen);
BeCodeFn *be_backend_compile(BeBackend *be, BeLirFn *fn, uint64_t deopt_entry, char *err, size_t errlen);
/* The optimized function containing pc (a return address, a deopt exit). */
BeCodeFn *be_backend_lookup(BeBackend *be, uintptr_t pc);

#endif
