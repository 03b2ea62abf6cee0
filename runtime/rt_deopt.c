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
    fr->pad = 0;

    RtTierInfo *ti = rt_tier_info(bf);
    RtOptCode *code = act->code;
    if (st->keep) {
        /* control reached a handler's range with an exception: the
         * interpreter unwinds; the code stays, its guesses still hold */
        if (st->throwing) fr->flags |= FRAME_THROWING;
        if (rt->flags.trace_deopt) {
            char name[64];
            name_of(bf, name, sizeof name);
            fprintf(rt->out, "[leaving %s for its handler: %s @%u]\n", name, st->reason_text ? st->reason_text : "?",
                    st->bc_offset);
            fflush(rt->out);
        }
        return RT_TIER_RESUME;
    }
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

/* The interpreter enters a function's optimized code whenever it starts
 * running a frame, rt_interp_run's entry frame included. A rebuilt frame
 * stands inside the body: the token in the function's tier info makes
 * rt_tier_enter decline this one frame, once. Hiding bf->opt_code instead
 * would also hide it from the calls the frame makes (a recursive function
 * would run interpreted, or be compiled again) and from invalidation. */
Value rt_deopt_resume(Runtime *rt, Frame *fr) {
    RtTierInfo *ti = rt_tier_info(fr->bf);
    Frame *outer = ti->resuming;   /* a rebuilt frame further out, still running */
    ti->resuming = fr;
    Value r = rt_interp_run(rt, fr);
    ti->resuming = outer;
    return r;
}

Value rt_deopt_frames(Runtime *rt, RtActivation *act, const RtDeoptState *st, uint32_t n) {
    if (n <= 1) return rt_deopt_frame(rt, act, st);
    RtDeoptState outer = st[0];
    outer.throwing = false;   /* the innermost frame throws; the exception reaches this one by unwinding */
    Value r = rt_deopt_frame(rt, act, &outer);
    if (r != RT_TIER_RESUME) return r;
    Frame **frames = calloc(n, sizeof *frames);
    if (!frames) abort();
    frames[0] = act->fr;
    uint32_t pushed = 0;
    Value result = RT_UNDEFINED;
    /* build every inlined frame first (outer to inner), so that stack
     * traces and the collector see the whole chain */
    for (uint32_t i = 1; i < n; i++) {
        Value c = st[i].closure;
        JSFunction *fn = rt_is_class(c, CLS_FUNCTION) ? (JSFunction *)rt_as_object(c) : NULL;
        if (!fn || (const void *)fn->bc != st[i].bf) {
            rt_throw_error(rt, ERR_TypeError, "internal error: inlined frame without its function");
            result = RT_EXCEPTION;
            break;
        }
        Frame *nf = rt_frame_push(rt, fn, st[i].receiver, 0, NULL, RT_UNDEFINED, FRAME_ENTRY);
        if (!nf) { result = RT_EXCEPTION; break; }
        uint32_t m = st[i].nregs < nf->bf->register_count ? st[i].nregs : nf->bf->register_count;
        for (uint32_t k = 0; k < m; k++) nf->regs[k] = st[i].regs[k];
        nf->acc = st[i].acc;
        Context *cx = context_of(st[i].context);
        if (cx) nf->context = cx;
        nf->receiver = st[i].receiver;
        nf->pc = st[i].bc_offset;
        if (st[i].throwing && i == n - 1) nf->flags |= FRAME_THROWING;
        frames[i] = nf;
        if (rt->flags.trace_deopt) {
            char name[64];
            name_of(nf->bf, name, sizeof name);
            fprintf(rt->out, "[  rebuilding inlined frame %s @%u]\n", name, nf->pc);
            fflush(rt->out);
        }
        pushed = i;
    }
    if (result == RT_EXCEPTION) {
        /* nothing ran: drop what was built; the activation throws at its call */
        for (uint32_t i = pushed; i >= 1; i--) rt_frame_pop(rt, frames[i]);
        free(frames);
        return RT_EXCEPTION;
    }
    for (uint32_t i = n - 1; i >= 1; i--) {
        result = rt_deopt_resume(rt, frames[i]);
        if (rt_is_exception(result)) {
            /* inlined functions have no handlers: the exception goes on
             * through the frames around it, to the activation's call */
            for (uint32_t j = i - 1; j >= 1; j--) rt_frame_pop(rt, frames[j]);
            free(frames);
            return RT_EXCEPTION;
        }
        Frame *o = frames[i - 1];
        o->acc = result;
        o->pc += (uint32_t)rt_bytecode_length((Bytecode)o->bf->code[o->pc]);
    }
    free(frames);
    return RT_TIER_RESUME;
}
