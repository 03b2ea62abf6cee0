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
/* Frees the tier: every code it installed, the backend (LLVM included).
 * Before rt_free; nothing may run afterwards. */
void be_tier_uninstall(Runtime *rt);
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

/* Under --verify-each a graph the verifier rejects ends reef with this
 * status (EX_SOFTWARE) after printing the errors, so tests catch compiler
 * bugs; without the flag the function just stays interpreted. */
#define BE_TIER_VERIFY_EXIT 70

/* Watching each compile (--dump-graphs): graphs/ provides these and the
 * driver installs them, so that the backend never includes graphs/. */
struct Graph;
struct BeSchedule;
typedef struct BeTierWatch {
    /* A graph was built for bf: the state the other calls get, NULL: not watched. */
    void *(*begin)(Runtime *rt, BytecodeFunction *bf, const char *name);
    /* Every stage of the pass pipeline (its PassObserver, passes/pass.h). */
    void (*stage)(void *state, const struct Graph *g, const char *pass, uint32_t index, bool changed);
    /* The last stage: the graph after representation selection, scheduled. */
    void (*scheduled)(void *state, const struct Graph *g, const struct BeSchedule *s, uint32_t index);
    /* The compile is over: what became of it ("compiled ..." or the bailout reason). */
    void (*end)(void *state, const char *outcome);
} BeTierWatch;
void be_tier_watch(Runtime *rt, const BeTierWatch *w);

#endif
