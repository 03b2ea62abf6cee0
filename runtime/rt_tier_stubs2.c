/* rt_tier_stubs2.c — fast paths of the calls and global loads of optimized
 * code (see rt_tier_stubs2.h). Each one reproduces exactly what the
 * interpreter does in its own fast path (rt_interp.c: LdaGlobal's inline
 * cache; rt_call.c: rt_frame_push and the native call of rt_call) for the
 * cases it recognizes, and hands anything else to the generic stub, so the
 * semantics stay those of rt_tier.c.
 */
#include <string.h>
#include "rt_tier_stubs2.h"

/* Whether rt_frame_push would do nothing beyond filling the frame: no class
 * constructor check to fail, the function already prepared, no receiver to
 * coerce. */
static bool plain_entry(const BytecodeFunction *bf, Value recv) {
    if (bf->flags & BFF_CLASS_CTOR) return false;
    if (!bf->feedback || !(bf->opt_flags & BCO_VERIFIED)) return false;
    if (!(bf->flags & (BFF_STRICT | BFF_ARROW)) && !rt_is_object(recv)) return false;
    return true;
}

Value rt_stub_call_fast(Runtime *rt, Frame *fr, uint32_t bc, Value callee, const Value *argv, uint32_t n) {
    if (!rt_is_object(callee)) return rt_stub_call(rt, fr, bc, callee, argv, n);
    JSObject *o = rt_as_object(callee);
    Value recv = n ? argv[0] : RT_UNDEFINED;
    int argc = n ? (int)n - 1 : 0;
    if (o->cls == CLS_NATIVE) {
        if (rt->native_depth >= RT_MAX_NATIVE_DEPTH) return rt_stub_call(rt, fr, bc, callee, argv, n);
        fr->pc = bc & ~RT_STUB_INLINED;
        JSNative *nat = (JSNative *)o;
        rt->native_depth++;
        Value r = nat->fn(rt, recv, argc, (Value *)argv + 1, RT_UNDEFINED, nat);
        rt->native_depth--;
        return r;
    }
    if (o->cls != CLS_FUNCTION) return rt_stub_call(rt, fr, bc, callee, argv, n);
    JSFunction *fn = (JSFunction *)o;
    Frame *f = rt_frame_push_optimized(rt, fn, recv, argc, argv + 1);
    if (!f) return rt_stub_call(rt, fr, bc, callee, argv, n);   /* every other case, errors included */
    fr->pc = bc & ~RT_STUB_INLINED;
    return rt_tier_finish(rt, f, rt_tier_enter(rt, f, fn->bc->opt_code));
}

Frame *rt_frame_push_optimized(Runtime *rt, JSFunction *fn, Value recv, int argc, const Value *args) {
    BytecodeFunction *bf = fn->bc;
    RtOptCode *code = bf->opt_code;
    if (!code || code->invalidated || !plain_entry(bf, recv)) return NULL;
    /* rt_frame_push, for a prepared function whose receiver needs nothing */
    Interp *ip = rt->interp;
    Value *base = ip->top ? ip->top->regs + ip->top->bf->register_count : ip->stack;
    size_t words = sizeof(Frame) / sizeof(Value) + (size_t)argc + bf->register_count;
    if (ip->frame_count >= RT_MAX_FRAMES || words > (size_t)(ip->limit - base)) return NULL;
    bf->invocation_count++;
    Frame *f = (Frame *)base;
    f->caller = ip->top;
    f->function = fn;
    f->bf = bf;
    f->context = fn->context;
    f->receiver = (bf->flags & BFF_ARROW) ? fn->this_val : recv;
    f->new_target = RT_UNDEFINED;
    f->acc = RT_UNDEFINED;
    f->pc = 0;
    f->argc = (uint32_t)argc;
    f->flags = FRAME_ENTRY;
    f->pad = 0;
    for (int k = 0; k < argc; k++) f->args[k] = args[k];
    Value *regs = f->args + argc;
    f->regs = regs;
    uint32_t formals = bf->formal_count, nreg = bf->register_count, i = 0;
    for (; i < formals && i < (uint32_t)argc && i < nreg; i++) regs[i] = args[i];
    for (; i < nreg; i++) regs[i] = RT_UNDEFINED;
    ip->top = f;
    ip->frame_count++;
    /* may collect: the frame is complete */
    if (bf->flags & BFF_NEEDS_CONTEXT) f->context = rt_context_new(rt, fn->context, bf->context_slots);
    return f;
}

Value rt_stub_lda_global(Runtime *rt, Frame *fr, RtTrampoline *t, Value acc, Value ctx, Value recv) {
    const uint8_t *p = t->code;
    FeedbackVector *fv = t->bf.feedback;   /* the trampoline's function: an inlined one's own */
    if (fv) {
        JSObject *g = rt->global;
        FeedbackSlot *fs = &fv->slots[rt_bc_u16(p + 3)];
        uint32_t slot;
        if (rt_global_hit(g, &fs->u.global, t->bf.constants[rt_bc_u16(p + 1)], false, &slot))
            return rt_ic_slot_load(g, slot);
    }
    return rt_stub_bytecode(rt, fr, t, acc, ctx, recv);
}
