/* rt_tier.c — entering optimized code and the stubs it calls back into.
 *
 * Optimized code runs inside the interpreter frame that the call pushed
 * (see rt_tier.h); everything it cannot do inline it asks of a stub here.
 * The generic stub runs one bytecode with exactly the interpreter's
 * semantics by lending the interpreter a one-instruction clone of the
 * function (the instruction followed by Return) for the activation's own
 * frame: the same registers, context, receiver, feedback vector and source
 * position, so errors, stack traces and feedback come out as if the
 * interpreter had run it. Deoptimization itself is in rt_deopt.c.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "rt_tier.h"

RtTierInfo *rt_tier_info(BytecodeFunction *bf) {
    if (!bf->tier) {
        bf->tier = calloc(1, sizeof(RtTierInfo));
        if (!bf->tier) abort();
    }
    return bf->tier;
}

uint32_t rt_tier_inline_frame(BytecodeFunction *bf, BytecodeFunction *fn, uint32_t pc, uint32_t outer) {
    RtTierInfo *ti = rt_tier_info(bf);
    for (uint32_t i = 0; i < ti->ninl; i++)
        if (ti->inl[i].fn == fn && ti->inl[i].pc == pc && ti->inl[i].outer == outer) return i + 1;
    if (ti->ninl == RT_TIER_MAX_INLINE_FRAMES) return 0;
    if ((ti->ninl & (ti->ninl - 1)) == 0) {   /* grow at powers of two */
        RtInlineFrame *n = realloc(ti->inl, (ti->ninl ? 2 * ti->ninl : 4) * sizeof *n);
        if (!n) abort();
        ti->inl = n;
    }
    ti->inl[ti->ninl] = (RtInlineFrame){fn, pc, outer};
    return ++ti->ninl;
}

/* The C stack an optimized call chain may use before it throws RangeError:
 * every optimized activation nests C frames (the interpreter's VM stack
 * bounds the JS depth, this bounds the machine stack). */
#ifdef REEF_ASAN
#define RT_TIER_C_STACK (6u << 20)   /* sanitized frames are several times larger */
#else
#define RT_TIER_C_STACK (3u << 20)
#endif

static bool c_stack_exhausted(Runtime *rt) {
    uintptr_t base = (uintptr_t)rt->native_stack_base, here = (uintptr_t)__builtin_frame_address(0);
    return base && here < base && base - here > RT_TIER_C_STACK;
}

static Value stack_overflow(Runtime *rt) {
    return rt_throw_error(rt, ERR_RangeError, "Maximum call stack size exceeded");
}

static Value context_value(Context *c) { return c ? rt_ptr(c) : RT_UNDEFINED; }

static Context *context_of(Value v) {
    if (!rt_is_ptr(v) || !rt_as_ptr(v)) return NULL;
    return ((GCHeader *)rt_as_ptr(v))->kind == HK_CONTEXT ? rt_as_ptr(v) : NULL;
}

/* ---- entry ------------------------------------------------------------------------------- */
Value rt_tier_enter(Runtime *rt, Frame *fr, RtOptCode *code) {
    /* Call-entry code starts the function; a frame the deoptimizer rebuilt
     * inside the body is declined, and the interpreter goes on from fr->pc
     * (RT_TIER_RESUME), so nothing before it runs twice. */
    RtTierInfo *ti = fr->bf->tier;
    if (ti && ti->resuming == fr && !code->osr_pc) {
        ti->resuming = NULL;
        return RT_TIER_RESUME;
    }
    if (c_stack_exhausted(rt)) return stack_overflow(rt);
    RtActivation act = {
        .rt = rt, .fr = fr, .code = code, .regs = fr->regs,
        .context = context_value(fr->context), .receiver = fr->receiver,
        .closure = rt_ptr(fr->function), .new_target = fr->new_target, .acc = fr->acc,
        .argc = fr->argc,
    };
    return code->entry(rt, fr, &act, 0, 0, 0, &act);
}

RtOptCode *rt_tier_osr_code(BytecodeFunction *bf, uint32_t jumploop_pc) {
    RtTierInfo *ti = bf->tier;
    if (!ti || !ti->osr || ti->osr->invalidated || ti->osr->osr_pc != jumploop_pc) return NULL;
    return ti->osr;
}

/* ---- the generic stub ------------------------------------------------------------------------ */
RtTrampoline *rt_tramp_new(BytecodeFunction *bf, uint32_t bc) {
    if (bc >= bf->code_len) return NULL;
    uint32_t len = (uint32_t)rt_bytecode_length((Bytecode)bf->code[bc]);
    if (bc + len > bf->code_len) return NULL;
    RtTrampoline *t = calloc(1, sizeof *t + len + 1);
    if (!t) abort();
    t->bf = *bf;
    memcpy(t->code, bf->code + bc, len);
    t->code[len] = BC_Return;
    t->bf.code = t->code;
    t->bf.code_len = len + 1;
    t->bf.handlers = NULL;
    t->bf.handler_count = 0;
    const SourcePos *sp = rt_bc_position(bf, bc);
    t->pos = sp ? *sp : (SourcePos){0, bf->line, bf->col, 0};
    t->pos.offset = 0;
    t->bf.positions = &t->pos;
    t->bf.position_count = 1;
    t->bf.opt_code = NULL;
    t->bf.tier = NULL;
    t->bf.next_in_runtime = NULL;
    t->bf.opt_flags = bf->opt_flags | BCO_VERIFIED;
    t->bc = bc;
    t->frame_pc = bc;
    return t;
}

void rt_tramp_free(RtTrampoline *t) { free(t); }

/* Runs the trampoline on fr, which is the innermost frame. Both a Return
 * and an uncaught throw pop the frame they leave: push it back. */
static Value run_tramp(Runtime *rt, Frame *fr, RtTrampoline *t) {
    Interp *ip = rt->interp;
    BytecodeFunction *real = fr->bf;
    uint32_t flags = fr->flags;
    fr->bf = &t->bf;
    fr->pc = 0;
    fr->flags = FRAME_ENTRY;
    ip->top = fr;
    Value r = rt_interp_run(rt, fr);
    ip->top = fr;
    ip->frame_count++;
    fr->bf = real;
    fr->flags = flags;
    fr->pc = t->frame_pc;
    if (ip->throw_bf == &t->bf) {
        ip->throw_bf = real;
        ip->throw_pc = t->frame_pc;
    }
    return r;
}

Value rt_stub_bytecode(Runtime *rt, Frame *fr, RtTrampoline *t, Value acc, Value ctx, Value recv) {
    fr->pc = t->frame_pc;
    if (c_stack_exhausted(rt)) return stack_overflow(rt);
    /* The frame lends its fields to the instruction, which may be an
     * inlined function's (another receiver and context): they are put back,
     * since the interpreter reads the frame's own receiver when a
     * constructor returns. */
    Value own_recv = fr->receiver;
    Context *own_ctx = fr->context;
    fr->acc = acc;
    fr->context = context_of(ctx);
    fr->receiver = recv;
    Bytecode op = (Bytecode)t->code[0];
    Value r;
    /* Calls that fail before anything happens: the interpreter's message
     * needs the whole function's bytecode, which the clone does not have. */
    Value callee = op == BC_Call || op == BC_Construct ? fr->regs[rt_bc_u16(t->code + 1)] : RT_UNDEFINED;
    if ((op == BC_Call && !rt_is_callable(callee)) || (op == BC_Construct && !rt_is_constructor(callee))) {
        FeedbackSlot *fs = &fr->bf->feedback->slots[rt_bc_u16(t->code + 7)];
        rt_fb_call(fs, callee);
        r = rt_throw_not_callable(rt, fr, callee, rt_bc_u16(t->code + 1), op == BC_Construct);
    } else {
        r = run_tramp(rt, fr, t);
    }
    fr->receiver = own_recv;
    fr->context = own_ctx;
    return r;
}

Value rt_tier_finish(Runtime *rt, Frame *fr, Value r) {
    if (r == RT_TIER_RESUME) return rt_deopt_resume(rt, fr);   /* deoptimized: go on from fr->pc */
    if (r == RT_EXCEPTION && fr->bf->handler_count && rt_find_handler(fr->bf, fr->pc) >= 0) {
        /* thrown out of inlined frames the deoptimizer rebuilt and ran, at
         * a call of fr inside a try block: fr's handler catches it */
        fr->flags |= FRAME_THROWING;
        return rt_deopt_resume(rt, fr);
    }
    rt_frame_pop(rt, fr);
    return r;
}

Value rt_stub_call(Runtime *rt, Frame *fr, uint32_t bc, Value callee, const Value *argv, uint32_t n) {
    bool inlined = (bc & RT_STUB_INLINED) != 0;
    bc &= ~RT_STUB_INLINED;
    fr->pc = bc;
    Value recv = n ? argv[0] : RT_UNDEFINED;
    int argc = n ? (int)n - 1 : 0;
    if (rt_is_class(callee, CLS_FUNCTION)) {
        if (c_stack_exhausted(rt)) return stack_overflow(rt);
        Frame *nf = rt_frame_push(rt, (JSFunction *)rt_as_object(callee), recv, argc, argv + 1, RT_UNDEFINED,
                                  FRAME_ENTRY);
        if (!nf) return RT_EXCEPTION;
        RtOptCode *code = nf->bf->opt_code;
        if (!code) return rt_interp_run(rt, nf);
        /* Optimized to optimized: no dispatch loop in between (it would cost
         * a big C frame per level of recursion). */
        return rt_tier_finish(rt, nf, rt_tier_enter(rt, nf, code));
    }
    if (!rt_is_callable(callee)) {
        int reg = -1;
        if (!inlined && bc < fr->bf->code_len && fr->bf->code[bc] == BC_Call) reg = rt_bc_u16(fr->bf->code + bc + 1);
        return rt_throw_not_callable(rt, fr, callee, reg, false);
    }
    return rt_call(rt, callee, recv, argc, argv + 1);
}

Value rt_stub_iterator_next(Runtime *rt, Frame *fr, uint32_t bc, Value iter) {
    fr->pc = bc;
    return rt_iterator_next(rt, iter);
}

Value rt_stub_create_closure(Runtime *rt, Frame *fr, BytecodeFunction *tmpl, Value ctx, Value recv) {
    JSFunction *fn = rt_closure_new(rt, tmpl, context_of(ctx));
    if (tmpl->flags & BFF_ARROW) {
        fn->this_val = recv;
        fn->home_object = fr->function->home_object;
    }
    return rt_ptr(fn);
}

Value rt_stub_push_context(Runtime *rt, Frame *fr, uint32_t slots, Value parent) {
    (void)fr;
    return rt_ptr(rt_context_new(rt, context_of(parent), slots));
}

Value rt_stub_string_concat(Runtime *rt, Frame *fr, uint32_t bc, Value a, Value b) {
    fr->pc = bc;
    return rt_string_concat(rt, a, b);
}

Value rt_stub_throw(Runtime *rt, Frame *fr, uint32_t bc, Value exc) {
    (void)rt;
    fr->pc = bc;
    fr->acc = exc;
    return RT_TIER_RESUME;
}

Value rt_stub_store_element(Runtime *rt, Frame *fr, uint32_t bc_strict, Value obj, uint32_t index, Value v) {
    fr->pc = bc_strict & 0x7FFFFFFFu;
    return rt_set_index(rt, obj, index, v, (bc_strict >> 31) != 0) < 0 ? RT_EXCEPTION : RT_UNDEFINED;
}

/* ---- pure helpers ------------------------------------------------------------------------------- */
uint32_t rt_stub_hole_is_undefined(Value obj) {
    if (!rt_is_object(obj)) return 0;
    int depth = 0;
    for (Value p = rt_as_object(obj)->shape->proto; rt_is_object(p); p = rt_as_object(p)->shape->proto) {
        JSObject *q = rt_as_object(p);
        if (++depth > 64 || (q->cls != CLS_ORDINARY && q->cls != CLS_ARRAY) || q->elements_kind == EK_DICTIONARY)
            return 0;
        if (q->elements)
            for (uint32_t i = 0; i < q->elements->capacity; i++)
                if (q->elements->v[i] != RT_HOLE) return 0;
    }
    return 1;
}

double rt_stub_fmod(double a, double b) { return fmod(a, b); }

double rt_stub_pow(double a, double b) {
    /* JS differs from C pow: 1 ** NaN and (+-1) ** +-Infinity are NaN. */
    if (isnan(b)) return NAN;
    if (isinf(b) && (a == 1.0 || a == -1.0)) return NAN;
    return pow(a, b);
}

int32_t rt_stub_to_int32(double d) {
    if (!isfinite(d)) return 0;
    double m = fmod(trunc(d), 4294967296.0);
    if (m < 0) m += 4294967296.0;
    return (int32_t)(uint32_t)m;
}

uint32_t rt_stub_to_boolean(Value v) { return rt_to_boolean(v) ? 1 : 0; }

Value rt_stub_box_double(double d) { return rt_number(d); }

#define SPEC_FAIL ((int64_t)1 << 32)

int64_t rt_stub_int32_div(int32_t a, int32_t b) {
    if (b == 0 || (a == INT32_MIN && b == -1) || (a == 0 && b < 0) || a % b != 0) return SPEC_FAIL;
    return (int64_t)(uint32_t)(a / b);
}

int64_t rt_stub_int32_mod(int32_t a, int32_t b) {
    if (b == 0 || (a == INT32_MIN && b == -1)) return SPEC_FAIL;
    int32_t r = a % b;
    if (r == 0 && a < 0) return SPEC_FAIL;   /* -0 */
    return (int64_t)(uint32_t)r;
}

int32_t rt_stub_int32_shift(int32_t a, int32_t b, int32_t kind) {
    uint32_t s = (uint32_t)b & 31;
    if (kind == 0) return (int32_t)((uint32_t)a << s);
    if (kind == 1) return a >> s;
    return (int32_t)((uint32_t)a >> s);
}

double rt_stub_uint32_to_float64(uint32_t w) { return (double)w; }
