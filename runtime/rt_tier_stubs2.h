/* rt_tier_stubs2.h — the fast stubs of optimized code: the common cases of
 * a call and of a global load, taken without the generic dispatch of
 * rt_stub_call / rt_stub_bytecode (rt_tier.h), which they fall back to for
 * everything else. Same arguments and results as the stubs they stand for.
 */
#ifndef RT_TIER_STUBS2_H
#define RT_TIER_STUBS2_H

#include "rt_tier.h"

/* rt_stub_call's contract. A native callee is called at once; a bytecode
 * function that has optimized code gets a frame pushed in line and its code
 * entered directly (no tier-up hook: it is already optimized). */
Value rt_stub_call_fast(Runtime *rt, Frame *fr, uint32_t bc, Value callee, const Value *argv, uint32_t n);
/* The frame of a call of fn that can enter its optimized code at once (a
 * prepared function with valid code, a receiver that needs no coercion,
 * room on the stack), pushed without the tier-up hook; NULL for every other
 * case, which rt_frame_push handles. Enter it with rt_tier_enter and finish
 * with rt_tier_finish. */
Frame *rt_frame_push_optimized(Runtime *rt, JSFunction *fn, Value recv, int argc, const Value *args);

/* rt_stub_bytecode's contract for a trampoline of LdaGlobal/LdaGlobalTypeof:
 * a hit of the site's global inline cache reads the slot, as the
 * interpreter's fast path does; a miss runs the trampoline. */
Value rt_stub_lda_global(Runtime *rt, Frame *fr, RtTrampoline *t, Value acc, Value ctx, Value recv);

#endif
