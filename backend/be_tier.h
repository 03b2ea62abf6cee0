/* be_tier.h — the optimizing tier as the runtime sees it: the OptHook that
 * decides when to compile (invocation and back-edge budgets, --always-opt,
 * the %-natives), the compile pipeline from bytecode to installed code
 * (graph builder, passes, representation selection, GCM scheduling,
 * instruction selection, linear scan, LLVM MC), on-stack replacement at
 * loop headers, and the deoptimizer entry that decodes a deopt point of
 * the table and hands the interpreter state to runtime/rt_deopt.c.
 *
 *     if (!flags.no_opt) be_tier_install(rt);     // driver/reef_main.c
 */
#ifndef BE_TIER_H
#define BE_TIER_H

#include "runtime/rt_runtime.h"

#define BE_TIER_CALL_BUDGET 1000      /* calls before a function is compiled */
#define BE_TIER_BACKEDGE_BUDGET 5000  /* loop iterations before on-stack replacement */

/* Installs be_tier_hook as rt->opt_hook and the tier's state as rt->tier
 * (the backend, LLVM included, is only loaded at the first compile). */
void be_tier_install(Runtime *rt);
/* The OptHook (rt_runtime.h). */
void be_tier_hook(Runtime *rt, JSFunction *fn, int reason, uint32_t pc);
/* Compiles fn now (a call entry when osr_pc is 0, else an OSR entry at the
 * JumpLoop at osr_pc) and installs it. False (with --trace-opt saying why)
 * when it cannot be compiled. */
bool be_tier_compile(Runtime *rt, BytecodeFunction *bf, uint32_t osr_pc, const char *why);

/* Compile-time statistics (for --trace-opt and the benchmarks). */
typedef struct BeTierStats {
    uint32_t compiles, bailouts, deopts;
    double total_ms, mc_ms;
} BeTierStats;
const BeTierStats *be_tier_stats(Runtime *rt);

#endif
