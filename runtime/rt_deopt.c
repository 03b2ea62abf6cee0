/* rt_deopt.c — the runtime half of deoptimization: given the interpreter
 * state that the compiler's deopt entry decoded from its table (registers,
 * accumulator, context, receiver, bytecode offset), rewrite the interpreter
 * frame of the optimized activation so that the interpreter simply goes on
 * from there. Follows Hölzle, Chambers & Ungar (1992), "Debugging optimized
 * code with dynamic deoptimization": optimized code keeps enough information
 * to reconstruct the source-level state at every point where it may give up.
 *
 * Policy lives here too: every deoptimization throws the code away (the
 * interpreter then collects better feedback and the function may be
 * recompiled), and a function that keeps deoptimizing is marked
 * never-optimize, so there is no deopt loop.
 */
#include <stdlib.h>
#include <string.h>
#include "rt_tier.h"

static Context *context_of(Value v) {
    if (!rt_is_ptr(v) || !rt_as_ptr(v)) return NULL;
    return ((GCHeader *)rt_as_ptr(v))->kind == HK_CONTEXT ? rt_as_ptr(v) : NULL;
}

static void name_of(BytecodeFunction *bf, char *buf, size_t n) {
    buf[0] = 0;
    if (rt_is_string(bf->name)) {
        char *u = rt_string_to_utf8(bf->name, NULL);
        if (u) snprintf(buf, n, "%s", u);
        free(u);
    }
    if (!buf[0]) snprintf(buf, n, "%s", (bf->flags & BFF_TOPLEVEL) ? "<toplevel>" : "<anonymous>");
}

static void drop_code(BytecodeFunction *bf, RtOptCode *code) {
    RtTierInfo *ti = rt_tier_info(bf);
    code->invalidated = 1;
    if (bf->opt_code == code) bf->opt_code = NULL;
    if (ti->osr == code) ti->osr = NULL;
}

void rt_deopt_invalidate(Runtime *rt, BytecodeFunction *bf, const char *why) {
    RtTierInfo *ti = rt_tier_info(bf);
    RtOptCode *c = bf->opt_code;
    if (!c && !ti->osr) return;
    if (rt->flags.trace_deopt) {
        char name[64];
        name_of(bf, name, sizeof name);
        fprintf(rt->out, "[discarding optimized code of %s: %s]\n", name, why);
        fflush(rt->out);
    }
    if (c) drop_code(bf, c);
    if (ti->osr) drop_code(bf, ti->osr);
    bf->opt_flags |= BCO_MAYBE_DEOPTED;
    ti->calls_since = ti->backedges_since = 0;
}

Value rt_deopt_frame(Runtime *rt, RtActivation *act, const RtDeoptState *st) {
    Frame *fr = act->fr;
    BytecodeFunction *bf = fr->bf;
    uint32_t n = st->nregs < bf->register_count ? st->nregs : bf->register_count;
    for (uint32_t i = 0; i < n; i++) fr->regs[i] = st->regs[i];
    fr->acc = st->acc;
    fr->context = context_of(st->context);
    fr->receiver = st->receiver;
    fr->pc = st->bc_offset;

    RtTierInfo *ti = rt_tier_info(bf);
    RtOptCode *code = act->code;
    code->deopts++;
    if (st->soft) ti->soft_deopts++;
    else if (st->counts) ti->deopts++;
    bool never = ti->deopts > RT_TIER_MAX_DEOPTS || ti->soft_deopts > RT_TIER_MAX_SOFT_DEOPTS;
    if (rt->flags.trace_deopt) {
        char name[64];
        name_of(bf, name, sizeof name);
        const SourcePos *sp = rt_bc_position(bf, st->bc_offset);
        const char *file = bf->script && bf->script->filename ? bf->script->filename : "?";
        const char *slash = strrchr(file, '/');
        fprintf(rt->out, "[deoptimizing %s%s: %s @%u (%s:%u:%u)%s]\n", name, code->osr_pc ? " (osr)" : "",
                st->reason_text ? st->reason_text : "?", st->bc_offset, slash ? slash + 1 : file,
                sp ? sp->line : bf->line, sp ? sp->col : bf->col, never ? ", never optimizing it again" : "");
        fflush(rt->out);
    }
    drop_code(bf, code);
    bf->opt_flags |= BCO_MAYBE_DEOPTED;
    if (never) bf->opt_flags |= BCO_NEVER_OPTIMIZE;
    ti->calls_since = ti->backedges_since = 0;
    return RT_TIER_RESUME;
}
