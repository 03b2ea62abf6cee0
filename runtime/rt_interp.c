/* rt_interp.c — the bytecode interpreter: one dispatch loop with computed
 * goto (threaded code, Bell 1973; Ertl & Gregg 2003), running frames that
 * live on the Interp's VM stack (see rt_frame.h).
 *
 * Keeps the hot state in locals: pc, accumulator, register file, constants
 * and feedback slots of the current frame. A JS->JS call pushes a frame and
 * continues in the same loop; a return pops it. Small-integer and double
 * arithmetic and comparisons run inline with their feedback; monomorphic
 * own-field property accesses hit the inline cache inline; everything else
 * calls out (rt_ic.c, rt_interp_ops.c, the runtime core) after saving pc and
 * accumulator into the frame, so that the collector and stack traces see
 * them. Every bytecode's meaning is the comment beside it in rt_bytecode.def.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "rt_frame.h"
#include "rt_tier.h"

#define OPW(c) ((c) == 'i' || (c) == 'j' ? 4 : 2)
#define OPC(s, i) (sizeof(s) > (i) + 1 ? OPW((s)[i]) : 0)
#define OPLEN(s) (1 + OPC(s, 0) + OPC(s, 1) + OPC(s, 2) + OPC(s, 3))

/* Instruction lengths, folded at compile time from the operand strings;
 * rt_interp_new checks them against rt_bytecode_length. */
static const uint8_t oplen[BC__COUNT] = {
#define BC(name, ops, flags) OPLEN(ops),
#include "rt_bytecode.def"
#undef BC
};

/* ---- the Interp ------------------------------------------------------------------------- */
Interp *rt_interp_new(Runtime *rt) {
    Interp *ip = calloc(1, sizeof *ip);
    if (!ip) return NULL;
    long kb = rt->flags.stack_size > 0 ? rt->flags.stack_size : 984;
    if (kb < 16) kb = 16;
    if (kb > 1024 * 1024) kb = 1024 * 1024;
    size_t words = (size_t)kb * 1024 / sizeof(Value);
    ip->stack = calloc(words, sizeof(Value));
    if (!ip->stack) {
        free(ip);
        return NULL;
    }
    ip->limit = ip->stack + words;
    for (int op = 0; op < BC__COUNT; op++)
        if (oplen[op] != rt_bytecode_length((Bytecode)op)) {
            fprintf(stderr, "reef: bytecode length table mismatch at %s\n", rt_bytecode_info[op].name);
            abort();
        }
    rt->interp = ip;
    return ip;
}

void rt_interp_free(Runtime *rt) {
    Interp *ip = rt->interp;
    if (!ip) return;
    for (BytecodeFunction *bf = rt->code_list; bf; bf = bf->next_in_runtime) {
        rt_feedback_free(bf->feedback);
        bf->feedback = NULL;
    }
    free(ip->stack);
    free(ip);
    rt->interp = NULL;
}

void rt_interp_trace(Runtime *rt) {
    Interp *ip = rt->interp;
    for (Frame *f = ip->top; f; f = f->caller) {
        rt_gc_mark_ptr(rt, f->function);
        rt_gc_mark_ptr(rt, f->context);
        rt_gc_mark_value(rt, f->receiver);
        rt_gc_mark_value(rt, f->new_target);
        rt_gc_mark_value(rt, f->acc);
        for (uint32_t i = 0; i < f->argc; i++) rt_gc_mark_value(rt, f->args[i]);
        for (uint32_t i = 0; i < f->bf->register_count; i++) rt_gc_mark_value(rt, f->regs[i]);
    }
    for (int i = 0; i < 4; i++) rt_gc_mark_ptr(rt, ip->fn_shape[i]);
    rt_gc_mark_ptr(rt, ip->proto_shape);
    rt_gc_mark_ptr(rt, ip->arguments_shape);
}

int rt_find_handler(const BytecodeFunction *bf, uint32_t pc) {
    int best = -1;
    uint32_t best_len = UINT32_MAX;
    for (uint32_t i = 0; i < bf->handler_count; i++) {
        const HandlerEntry *h = &bf->handlers[i];
        if (pc >= h->start && pc < h->end && h->end - h->start < best_len) {
            best = (int)i;
            best_len = h->end - h->start;
        }
    }
    return best;
}

/* ---- helpers for the loop ---------------------------------------------------------------------- */
static inline bool to_boolean_fast(Value v) {
    if (v == RT_TRUE) return true;
    if (v == RT_FALSE || v == RT_UNDEFINED || v == RT_NULL) return false;
    if (rt_is_int(v)) return rt_as_int(v) != 0;
    return rt_to_boolean(v);
}

/* Canonical key of a name constant ("0" names an element). */
static inline Value named_key(Runtime *rt, Value k) {
    if (rt_is_string(k)) {
        JSString *s = rt_as_string(k);
        if (s->len && s->chars[0] >= '0' && s->chars[0] <= '9') return rt_to_property_key(rt, k);
    }
    return k;
}

static Value slow_binary(Runtime *rt, FeedbackSlot *fs, int op, Value l, Value r) {
    Value res = rt_binary_op(rt, op, l, r);
    if (rt_is_exception(res)) return res;
    rt_fb_binary(fs, rt_binary_hint_of(op, l, r, res));
    return res;
}

static Value slow_compare(Runtime *rt, FeedbackSlot *fs, int op, Value l, Value r) {
    rt_fb_compare(fs, rt_compare_hint_of(l, r));
    if (op == BC_TestEqual) {
        int e = rt_loose_equals(rt, l, r);
        return e < 0 ? RT_EXCEPTION : rt_bool(e);
    }
    if (op == BC_TestEqualStrict) return rt_bool(rt_strict_equals(l, r));
    return rt_binary_op(rt, op, l, r);
}

static Value slow_unary(Runtime *rt, FeedbackSlot *fs, int op, Value v) {
    Value res = op == BC_ToNumeric ? rt_to_numeric(rt, v) : rt_unary_op(rt, op, v);
    if (rt_is_exception(res)) return res;
    rt_fb_binary(fs, rt_binary_hint_of(op, v, v, res));
    return res;
}

/* Calls a non-JSFunction callee (native, bound, or not callable). */
static Value call_other(Runtime *rt, Frame *fr, Value callee, int callee_reg, Value recv, int argc, Value *argv) {
    if (!rt_is_callable(callee)) return rt_throw_not_callable(rt, fr, callee, callee_reg, false);
    return rt_call(rt, callee, recv, argc, argv);
}

static bool is_js_constructor(JSFunction *fn) {
    uint32_t fl = fn->bc->flags;
    if (fl & BFF_CLASS_CTOR) return true;
    return !(fl & (BFF_ARROW | BFF_METHOD | BFF_GETTER | BFF_SETTER | BFF_CLASS_FIELDS_INIT | BFF_TOPLEVEL));
}

static Value closure_for(Runtime *rt, Frame *fr, BytecodeFunction *bf) {
    JSFunction *fn = rt_closure_new(rt, bf, fr->context);
    if (bf->flags & BFF_ARROW) {
        /* an arrow sees its creator's this and home object */
        fn->this_val = fr->receiver;
        fn->home_object = fr->function->home_object;
    }
    return rt_ptr(fn);
}

/* The common call, inline: a verified function with feedback, no context
 * to allocate, no class constructor, no tiering hook, and a receiver that
 * needs no boxing. NULL: take rt_frame_push, which handles everything. */
static inline Frame *push_fast(Runtime *rt, Interp *ip, Frame *caller, JSFunction *fn, Value recv, int argc,
                               const Value *argv) {
    BytecodeFunction *bf = fn->bc;
    if (__builtin_expect(!bf->feedback || !(bf->opt_flags & BCO_VERIFIED) ||
                         (bf->flags & (BFF_CLASS_CTOR | BFF_NEEDS_CONTEXT)) || rt->opt_hook, 0))
        return NULL;
    if (bf->flags & BFF_ARROW) recv = fn->this_val;
    else if (!(bf->flags & BFF_STRICT)) {
        if (rt_is_nullish(recv)) recv = rt_ptr(rt->global);
        else if (!rt_is_object(recv)) return NULL;
    }
    Value *base = caller->regs + caller->bf->register_count;
    uint32_t nreg = bf->register_count, formals = bf->formal_count;
    if (__builtin_expect(ip->frame_count >= RT_MAX_FRAMES ||
                         sizeof(Frame) / sizeof(Value) + (size_t)argc + nreg > (size_t)(ip->limit - base), 0))
        return NULL;
    Frame *f = (Frame *)base;
    f->caller = caller;
    f->function = fn;
    f->bf = bf;
    f->context = fn->context;
    f->receiver = recv;
    f->new_target = RT_UNDEFINED;
    f->acc = RT_UNDEFINED;
    f->pc = 0;
    f->argc = (uint32_t)argc;
    f->flags = 0;
    Value *args = f->args;
    for (int i = 0; i < argc; i++) args[i] = argv[i];
    Value *regs = args + argc;
    f->regs = regs;
    uint32_t i = 0;
    for (; i < formals && i < (uint32_t)argc && i < nreg; i++) regs[i] = argv[i];
    for (; i < nreg; i++) regs[i] = RT_UNDEFINED;
    bf->invocation_count++;
    ip->top = f;
    ip->frame_count++;
    return f;
}

/* ---- the dispatch loop ---------------------------------------------------------------------------- */
Value rt_interp_run(Runtime *rt, Frame *entry) {
    static const void *const labels[BC__COUNT] = {
#define BC(name, ops, flags) &&op_##name,
#include "rt_bytecode.def"
#undef BC
    };
    Interp *ip = rt->interp;
    Frame *fr = entry;
    BytecodeFunction *bf;
    const uint8_t *code, *pc;
    Value *regs, *K;
    FeedbackSlot *FS;
    Value acc;

#define LOAD_FRAME()                                   \
    do {                                               \
        bf = fr->bf;                                   \
        code = bf->code;                               \
        pc = code + fr->pc;                            \
        regs = fr->regs;                               \
        K = bf->constants;                             \
        FS = bf->feedback->slots;                      \
        acc = fr->acc;                                 \
    } while (0)
#define SAVE() (fr->pc = (uint32_t)(pc - code), fr->acc = acc)
#define DISPATCH() goto *labels[*pc]
#define NEXT(name)                 \
    do {                           \
        pc += oplen[BC_##name];    \
        DISPATCH();                \
    } while (0)
#define U(off) rt_bc_u16(pc + (off))
#define I(off) rt_bc_i32(pc + (off))
#define J(off) rt_bc_u32(pc + (off))
#define R(off) regs[U(off)]
#define CHECK(v)                                      \
    do {                                              \
        if (__builtin_expect(rt_is_exception(v), 0)) goto exception; \
    } while (0)
#define CHECK_INT(r)                                  \
    do {                                              \
        if (__builtin_expect((r) < 0, 0)) goto exception; \
    } while (0)
#define STRICT() ((bf->flags & BFF_STRICT) != 0)

    /* A frame just pushed for a function with optimized code runs that
     * code (rt_tier.c); the frame stays as its activation record. */
    RtOptCode *tier_code;
#define ENTER_FRAME()                                                        \
    do {                                                                     \
        if (__builtin_expect(bf->opt_code != NULL, 0)) {                     \
            tier_code = bf->opt_code;                                        \
            goto tier_run;                                                   \
        }                                                                    \
        DISPATCH();                                                          \
    } while (0)

    LOAD_FRAME();
    if (__builtin_expect(fr->flags & FRAME_THROWING, 0)) {
        fr->flags &= ~FRAME_THROWING;
        goto exception;
    }
    ENTER_FRAME();

    /* ---- accumulator loads ---- */
op_LdaUndefined: acc = RT_UNDEFINED; NEXT(LdaUndefined);
op_LdaNull: acc = RT_NULL; NEXT(LdaNull);
op_LdaTrue: acc = RT_TRUE; NEXT(LdaTrue);
op_LdaFalse: acc = RT_FALSE; NEXT(LdaFalse);
op_LdaTheHole: acc = RT_HOLE; NEXT(LdaTheHole);
op_LdaSmi: acc = rt_int(I(1)); NEXT(LdaSmi);
op_LdaConstant: acc = K[U(1)]; NEXT(LdaConstant);
op_Ldar: acc = R(1); NEXT(Ldar);
op_Star: R(1) = acc; NEXT(Star);
op_Mov: R(3) = R(1); NEXT(Mov);

    /* ---- globals ---- */
op_LdaGlobal:
op_LdaGlobalTypeof: {
    FeedbackSlot *fs = &FS[U(3)];
    JSObject *g = rt->global;
    uint32_t slot;
    if (rt_global_hit(g, &fs->u.global, K[U(1)], false, &slot)) {
        acc = rt_ic_slot_load(g, slot);
    } else {
        SAVE();
        acc = rt_op_lda_global(rt, fr, K[U(1)], fs, *pc == BC_LdaGlobalTypeof);
        CHECK(acc);
    }
    NEXT(LdaGlobal);
}
op_StaGlobal: {
    FeedbackSlot *fs = &FS[U(3)];
    JSObject *g = rt->global;
    uint32_t slot;
    if (rt_global_hit(g, &fs->u.global, K[U(1)], true, &slot)) {
        uint32_t cap = g->shape->inobject_capacity;
        if (slot < cap) g->inobject[slot] = acc;
        else g->slots->v[slot - cap] = acc;
    } else {
        SAVE();
        CHECK_INT(rt_op_sta_global(rt, fr, K[U(1)], acc, fs));
    }
    NEXT(StaGlobal);
}

    /* ---- contexts ---- */
op_LdaContextSlot: {
    Context *c = fr->context;
    for (unsigned d = U(1); d && c; d--) c = c->parent;
    unsigned idx = U(3);
    if (__builtin_expect(!c || idx >= c->slot_count, 0)) goto bad_context;
    acc = c->slots[idx];
    NEXT(LdaContextSlot);
}
op_StaContextSlot: {
    Context *c = fr->context;
    for (unsigned d = U(1); d && c; d--) c = c->parent;
    unsigned idx = U(3);
    if (__builtin_expect(!c || idx >= c->slot_count, 0)) goto bad_context;
    c->slots[idx] = acc;
    NEXT(StaContextSlot);
}
op_PushContext:
    SAVE();
    fr->context = rt_context_new(rt, fr->context, U(1));
    NEXT(PushContext);
op_PopContext:
    if (fr->context) fr->context = fr->context->parent;
    NEXT(PopContext);
op_LdaCurrentContext:
    acc = fr->context ? rt_ptr(fr->context) : RT_UNDEFINED;
    NEXT(LdaCurrentContext);
op_StaCurrentContext:
    fr->context = (rt_is_ptr(acc) && ((GCHeader *)rt_as_ptr(acc))->kind == HK_CONTEXT) ? rt_as_ptr(acc) : NULL;
    NEXT(StaCurrentContext);
op_ThrowIfHole:
    if (__builtin_expect(acc == RT_HOLE, 0)) {
        SAVE();
        char *u = rt_string_to_utf8(K[U(1)], NULL);
        rt_throw_error(rt, ERR_ReferenceError, "Cannot access '%s' before initialization", u ? u : "");
        free(u);
        goto exception;
    }
    NEXT(ThrowIfHole);
op_ThrowConstAssign:
    SAVE();
    rt_throw_error(rt, ERR_TypeError, "Assignment to constant variable.");
    goto exception;

    /* ---- function frame ---- */
op_LdaThis: acc = fr->receiver; NEXT(LdaThis);
op_StaThis: fr->receiver = acc; NEXT(StaThis);
op_LdaNewTarget: acc = fr->new_target; NEXT(LdaNewTarget);
op_LdaClosure: acc = rt_ptr(fr->function); NEXT(LdaClosure);
op_CreateArguments:
    SAVE();
    acc = rt_create_arguments(rt, fr);
    NEXT(CreateArguments);
op_CreateRestParameter: {
    unsigned from = U(1);
    SAVE();
    acc = rt_ptr(from < fr->argc ? rt_array_from(rt, fr->args + from, fr->argc - from) : rt_array_from(rt, NULL, 0));
    NEXT(CreateRestParameter);
}

    /* ---- properties ---- */
op_GetNamedProperty: {
    Value o = R(1);
    PropertyFeedback *p = FS[U(5)].u.prop;
    if (__builtin_expect(rt_is_object(o), 1)) {
        JSObject *obj = rt_as_object(o);
        const ICEntry *e = &p->e[0];
        if (obj->shape == e->shape) {
            if (e->handler == ICH_FieldInObject) {
                acc = obj->inobject[e->slot];
                NEXT(GetNamedProperty);
            }
            if (e->handler == ICH_FieldOutOfLine) {
                acc = obj->slots->v[e->slot - obj->shape->inobject_capacity];
                NEXT(GetNamedProperty);
            }
        }
    }
    SAVE();
    acc = rt_ic_load(rt, fr, &FS[U(5)], o, named_key(rt, K[U(3)]));
    CHECK(acc);
    NEXT(GetNamedProperty);
}
op_SetNamedProperty: {
    Value o = R(1);
    PropertyFeedback *p = FS[U(5)].u.prop;
    if (__builtin_expect(rt_is_object(o), 1)) {
        JSObject *obj = rt_as_object(o);
        const ICEntry *e = &p->e[0];
        if (obj->shape == e->shape && e->handler == ICH_StoreField) {
            uint32_t cap = obj->shape->inobject_capacity;
            if (e->slot < cap) obj->inobject[e->slot] = acc;
            else obj->slots->v[e->slot - cap] = acc;
            NEXT(SetNamedProperty);
        }
    }
    SAVE();
    CHECK_INT(rt_ic_store(rt, fr, &FS[U(5)], o, named_key(rt, K[U(3)]), acc, STRICT()));
    NEXT(SetNamedProperty);
}
op_GetKeyedProperty: {
    Value o = R(1);
    FeedbackSlot *fs = &FS[U(3)];
    if (rt_is_int(acc) && rt_is_object(o)) {
        JSObject *obj = rt_as_object(o);
        uint32_t i = (uint32_t)rt_as_int(acc);
        if (obj->cls == CLS_ARRAY && i < obj->length && obj->elements_kind != EK_DICTIONARY &&
            obj->elements && i < obj->elements->capacity) {
            Value v = obj->elements->v[i];
            if (v != RT_HOLE) {
                PropertyFeedback *p = fs->u.prop;
                p->key_kinds |= KEY_SMI;
                p->elements_kinds |= (uint16_t)(1u << obj->elements_kind);
                acc = v;
                NEXT(GetKeyedProperty);
            }
        }
    }
    SAVE();
    acc = rt_ic_keyed_load(rt, fr, fs, o, acc);
    CHECK(acc);
    NEXT(GetKeyedProperty);
}
op_SetKeyedProperty: {
    Value o = R(1), k = R(3);
    FeedbackSlot *fs = &FS[U(5)];
    if (rt_is_int(k) && rt_is_object(o)) {
        JSObject *obj = rt_as_object(o);
        uint32_t i = (uint32_t)rt_as_int(k);
        uint8_t ek = obj->elements_kind;
        if (obj->cls == CLS_ARRAY && i < obj->length && obj->elements && i < obj->elements->capacity &&
            (ek == EK_PACKED || ek == EK_HOLEY || ((ek == EK_PACKED_SMI || ek == EK_HOLEY_SMI) && rt_is_int(acc))) &&
            obj->elements->v[i] != RT_HOLE) {
            PropertyFeedback *p = fs->u.prop;
            p->key_kinds |= KEY_SMI;
            p->elements_kinds |= (uint16_t)(1u << ek);
            obj->elements->v[i] = acc;
            NEXT(SetKeyedProperty);
        }
    }
    SAVE();
    CHECK_INT(rt_ic_keyed_store(rt, fr, fs, o, k, acc, STRICT()));
    NEXT(SetKeyedProperty);
}
op_DefineNamedOwn: {
    Value o = R(1), key = named_key(rt, K[U(3)]);
    SAVE();
    if (!rt_is_object(o)) goto bad_define;
    if (key == rt_atom(rt, ATOM___proto__)) {
        if (rt_is_object(acc) || rt_is_null(acc)) rt_set_prototype_of(rt, rt_as_object(o), acc);
    } else {
        CHECK_INT(rt_define_data(rt, rt_as_object(o), key, acc, PROP_DEFAULT));
    }
    NEXT(DefineNamedOwn);
}
op_DefineKeyedOwn: {
    Value o = R(1);
    SAVE();
    if (!rt_is_object(o)) goto bad_define;
    Value key = rt_to_property_key(rt, R(3));
    CHECK(key);
    CHECK_INT(rt_op_define_keyed_own(rt, o, key, acc));
    NEXT(DefineKeyedOwn);
}
op_DefineMethod:
op_DefineGetter:
op_DefineSetter: {
    int kind = *pc == BC_DefineMethod ? 0 : *pc == BC_DefineGetter ? 1 : 2;
    SAVE();
    CHECK_INT(rt_op_define_method(rt, R(1), R(3), acc, kind, (U(5) & 1) != 0));
    pc += oplen[BC_DefineMethod];
    DISPATCH();
}
op_DeleteProperty: {
    SAVE();
    Value key = rt_to_property_key(rt, acc);
    CHECK(key);
    int r = rt_delete(rt, R(1), key, STRICT());
    CHECK_INT(r);
    acc = rt_bool(r == 1);
    NEXT(DeleteProperty);
}
op_GetSuperProperty:
    SAVE();
    acc = rt_op_get_super(rt, fr, R(1));
    CHECK(acc);
    NEXT(GetSuperProperty);
op_SetSuperProperty:
    SAVE();
    CHECK_INT(rt_op_set_super(rt, fr, R(1), R(3)));
    NEXT(SetSuperProperty);
op_CopyDataProperties:
    SAVE();
    CHECK_INT(rt_op_copy_data_properties(rt, R(1), acc, R(3)));
    NEXT(CopyDataProperties);

    /* ---- literals and closures ---- */
op_CreateObject:
    SAVE();
    acc = rt_ptr(rt_object_new(rt, rt_intrinsic(rt, INTR_ObjectPrototype)));
    NEXT(CreateObject);
op_CreateArray:
    SAVE();
    acc = rt_ptr(rt_array_from(rt, &R(1), U(3)));
    NEXT(CreateArray);
op_ArrayPush:
    SAVE();
    if (!rt_is_array(R(1))) goto bad_define;
    CHECK_INT(rt_array_push(rt, rt_as_object(R(1)), acc));
    NEXT(ArrayPush);
op_ArrayPushHole: {
    SAVE();
    if (!rt_is_array(R(1))) goto bad_define;
    JSObject *a = rt_as_object(R(1));
    CHECK_INT(rt_array_set_length(rt, a, (double)a->length + 1, true));
    NEXT(ArrayPushHole);
}
op_ArraySpread:
    SAVE();
    CHECK(rt_op_array_spread(rt, R(1), acc));
    NEXT(ArraySpread);
op_CreateClosure:
    SAVE();
    acc = closure_for(rt, fr, bf->functions[U(1)]);
    NEXT(CreateClosure);
op_CreateClass:
    SAVE();
    acc = rt_create_class(rt, fr, bf->functions[U(1)], R(3));
    CHECK(acc);
    NEXT(CreateClass);
op_SetClassFields: {
    Value c = R(1);
    if (rt_is_class(c, CLS_FUNCTION)) ((JSFunction *)rt_as_object(c))->fields = acc;
    NEXT(SetClassFields);
}

    /* ---- arithmetic ---- */
#define ARITH(name, INTOP, DBLOP)                                               \
op_##name: {                                                                    \
    Value l = R(1), r = acc;                                                    \
    FeedbackSlot *fs = &FS[U(3)];                                               \
    if (rt_is_int(l) && rt_is_int(r)) {                                         \
        int32_t a = rt_as_int(l), b = rt_as_int(r);                             \
        INTOP                                                                   \
    }                                                                           \
    if (rt_is_number(l) && rt_is_number(r)) {                                   \
        double x = rt_to_double_unchecked(l), y = rt_to_double_unchecked(r);    \
        (void)x; (void)y;                                                       \
        DBLOP                                                                   \
    }                                                                           \
    SAVE();                                                                     \
    acc = slow_binary(rt, fs, BC_##name, l, r);                                 \
    CHECK(acc);                                                                 \
    NEXT(name);                                                                 \
}
#define INT_RESULT(expr) { acc = rt_int(expr); rt_fb_binary(fs, BH_SignedSmall); NEXT_OP; }

#define DBL_RESULT(expr) { acc = rt_number(expr); rt_fb_binary(fs, BH_Number); NEXT_OP; }
#define NEXT_OP goto arith_next
    ARITH(Add, { int32_t res; if (!__builtin_add_overflow(a, b, &res)) INT_RESULT(res) }, DBL_RESULT(x + y))
    ARITH(Sub, { int32_t res; if (!__builtin_sub_overflow(a, b, &res)) INT_RESULT(res) }, DBL_RESULT(x - y))
    ARITH(Mul, { int32_t res; if (!__builtin_mul_overflow(a, b, &res) && (res != 0 || (a >= 0 && b >= 0))) INT_RESULT(res) },
          DBL_RESULT(x * y))
    ARITH(Div, { if (b != 0 && !(a == INT32_MIN && b == -1) && a % b == 0 && !(a == 0 && b < 0)) INT_RESULT(a / b) },
          DBL_RESULT(x / y))
    ARITH(Mod, { if (b > 0 && !(a < 0 && a % b == 0)) INT_RESULT(a % b) }, {})
    ARITH(Exp, { (void)a; (void)b; }, {})
    ARITH(BitwiseOr, INT_RESULT(a | b), {})
    ARITH(BitwiseXor, INT_RESULT(a ^ b), {})
    ARITH(BitwiseAnd, INT_RESULT(a & b), {})
    ARITH(ShiftLeft, INT_RESULT((int32_t)((uint32_t)a << (b & 31))), {})
    ARITH(ShiftRight, INT_RESULT(a >> (b & 31)), {})
    ARITH(ShiftRightLogical, { uint32_t res = (uint32_t)a >> (b & 31); if (res <= INT32_MAX) INT_RESULT((int32_t)res) }, {})
#undef NEXT_OP
arith_next:
    pc += oplen[BC_Add];   /* every "rs" operator has the same length */
    DISPATCH();

op_AddSmi:
op_SubSmi: {
    int32_t b = I(1), res;
    FeedbackSlot *fs = &FS[U(5)];
    bool add = *pc == BC_AddSmi;
    if (rt_is_int(acc) && !(add ? __builtin_add_overflow(rt_as_int(acc), b, &res)
                                : __builtin_sub_overflow(rt_as_int(acc), b, &res))) {
        acc = rt_int(res);
        rt_fb_binary(fs, BH_SignedSmall);
    } else {
        SAVE();
        acc = slow_binary(rt, fs, add ? BC_Add : BC_Sub, acc, rt_int(b));
        CHECK(acc);
    }
    NEXT(AddSmi);
}
op_Inc:
op_Dec: {
    FeedbackSlot *fs = &FS[U(1)];
    int32_t res;
    bool inc = *pc == BC_Inc;
    if (rt_is_int(acc) && !(inc ? __builtin_add_overflow(rt_as_int(acc), 1, &res)
                                : __builtin_sub_overflow(rt_as_int(acc), 1, &res))) {
        acc = rt_int(res);
        rt_fb_binary(fs, BH_SignedSmall);
    } else {
        SAVE();
        acc = slow_unary(rt, fs, inc ? BC_Inc : BC_Dec, acc);
        CHECK(acc);
    }
    NEXT(Inc);
}
op_Negate: {
    FeedbackSlot *fs = &FS[U(1)];
    if (rt_is_int(acc) && rt_as_int(acc) != 0 && rt_as_int(acc) != INT32_MIN) {
        acc = rt_int(-rt_as_int(acc));
        rt_fb_binary(fs, BH_SignedSmall);
    } else {
        SAVE();
        acc = slow_unary(rt, fs, BC_Negate, acc);
        CHECK(acc);
    }
    NEXT(Negate);
}
op_BitwiseNot: {
    FeedbackSlot *fs = &FS[U(1)];
    if (rt_is_int(acc)) {
        acc = rt_int(~rt_as_int(acc));
        rt_fb_binary(fs, BH_SignedSmall);
    } else {
        SAVE();
        acc = slow_unary(rt, fs, BC_BitwiseNot, acc);
        CHECK(acc);
    }
    NEXT(BitwiseNot);
}
op_ToNumeric: {
    FeedbackSlot *fs = &FS[U(1)];
    if (rt_is_int(acc)) rt_fb_binary(fs, BH_SignedSmall);
    else if (rt_is_double(acc)) rt_fb_binary(fs, BH_Number);
    else {
        SAVE();
        acc = slow_unary(rt, fs, BC_ToNumeric, acc);
        CHECK(acc);
    }
    NEXT(ToNumeric);
}
op_ToString:
    if (!rt_is_string(acc)) {
        SAVE();
        acc = rt_to_string(rt, acc);
        CHECK(acc);
    }
    NEXT(ToString);
op_ToPropertyKey:
    SAVE();
    acc = rt_to_property_key(rt, acc);
    CHECK(acc);
    NEXT(ToPropertyKey);
op_ToObject:
    if (!rt_is_object(acc)) {
        SAVE();
        acc = rt_to_object(rt, acc);
        CHECK(acc);
    }
    NEXT(ToObject);
op_LogicalNot: acc = rt_bool(!to_boolean_fast(acc)); NEXT(LogicalNot);
op_TypeOf:
    SAVE();
    acc = rt_typeof(rt, acc);
    NEXT(TypeOf);

    /* ---- comparisons ---- */
#define COMPARE(name, CMP)                                                      \
op_##name: {                                                                    \
    Value l = R(1), r = acc;                                                    \
    FeedbackSlot *fs = &FS[U(3)];                                               \
    if (rt_is_int(l) && rt_is_int(r)) {                                         \
        int32_t a = rt_as_int(l), b = rt_as_int(r);                             \
        acc = rt_bool(CMP);                                                     \
        rt_fb_compare(fs, CH_SignedSmall);                                      \
    } else if (rt_is_number(l) && rt_is_number(r)) {                            \
        double a = rt_to_double_unchecked(l), b = rt_to_double_unchecked(r);    \
        acc = rt_bool(CMP);                                                     \
        rt_fb_compare(fs, CH_Number);                                           \
    } else {                                                                    \
        SAVE();                                                                 \
        acc = slow_compare(rt, fs, BC_##name, l, r);                            \
        CHECK(acc);                                                             \
    }                                                                           \
    NEXT(name);                                                                 \
}
    COMPARE(TestEqual, a == b)
    COMPARE(TestEqualStrict, a == b)
    COMPARE(TestLessThan, a < b)
    COMPARE(TestGreaterThan, a > b)
    COMPARE(TestLessThanOrEqual, a <= b)
    COMPARE(TestGreaterThanOrEqual, a >= b)
op_TestInstanceOf: {
    Value ctor = acc;
    SAVE();
    rt_fb_call(&FS[U(3)], ctor);
    int r = rt_instance_of(rt, R(1), ctor);
    CHECK_INT(r);
    acc = rt_bool(r);
    NEXT(TestInstanceOf);
}
op_TestIn:
    SAVE();
    acc = rt_op_test_in(rt, R(1), acc);
    CHECK(acc);
    NEXT(TestIn);
op_TestNullish: acc = rt_bool(rt_is_nullish(acc)); NEXT(TestNullish);
op_TestUndefined: acc = rt_bool(acc == RT_UNDEFINED); NEXT(TestUndefined);

    /* ---- control flow ---- */
op_Jump: pc = code + J(1); DISPATCH();
op_JumpLoop: {
    FeedbackVector *fv = bf->feedback;
    fv->backedge_count++;
    if (rt->opt_hook) {
        SAVE();
        ((OptHook)rt->opt_hook)(rt, fr->function, 1, (uint32_t)(pc - code));
        if (__builtin_expect(bf->tier && ((RtTierInfo *)bf->tier)->osr, 0) &&
            (tier_code = rt_tier_osr_code(bf, (uint32_t)(pc - code))))
            goto tier_run;   /* on-stack replacement: the loop goes on in optimized code */
    }
    pc = code + J(1);
    DISPATCH();
}
op_JumpIfTrue: if (acc == RT_TRUE) { pc = code + J(1); DISPATCH(); } NEXT(JumpIfTrue);
op_JumpIfFalse: if (acc == RT_FALSE) { pc = code + J(1); DISPATCH(); } NEXT(JumpIfFalse);
op_JumpIfToBooleanTrue: if (to_boolean_fast(acc)) { pc = code + J(1); DISPATCH(); } NEXT(JumpIfToBooleanTrue);
op_JumpIfToBooleanFalse: if (!to_boolean_fast(acc)) { pc = code + J(1); DISPATCH(); } NEXT(JumpIfToBooleanFalse);
op_JumpIfNullish: if (rt_is_nullish(acc)) { pc = code + J(1); DISPATCH(); } NEXT(JumpIfNullish);
op_JumpIfNotNullish: if (!rt_is_nullish(acc)) { pc = code + J(1); DISPATCH(); } NEXT(JumpIfNotNullish);
op_JumpIfUndefined: if (acc == RT_UNDEFINED) { pc = code + J(1); DISPATCH(); } NEXT(JumpIfUndefined);
op_JumpIfNotUndefined: if (acc != RT_UNDEFINED) { pc = code + J(1); DISPATCH(); } NEXT(JumpIfNotUndefined);
op_JumpIfHole: if (acc == RT_HOLE) { pc = code + J(1); DISPATCH(); } NEXT(JumpIfHole);

    /* ---- calls ---- */
op_Call: {
    Value callee = R(1);
    unsigned first = U(3), n = U(5);
    Value *argv = &regs[first];
    rt_fb_call(&FS[U(7)], callee);
    Value recv = n ? argv[0] : RT_UNDEFINED;
    int argc = n ? (int)n - 1 : 0;
    SAVE();
    if (rt_is_class(callee, CLS_FUNCTION)) {
        JSFunction *cf = (JSFunction *)rt_as_object(callee);
        Frame *nf = push_fast(rt, ip, fr, cf, recv, argc, argv + 1);
        if (!nf) nf = rt_frame_push(rt, cf, recv, argc, argv + 1, RT_UNDEFINED, 0);
        if (!nf) goto exception;
        fr = nf;
        LOAD_FRAME();
        ENTER_FRAME();
    }
    acc = call_other(rt, fr, callee, U(1), recv, argc, argv + 1);
    CHECK(acc);
    NEXT(Call);
}
op_CallSpread: {
    Value callee = R(1), recv = R(3);
    rt_fb_call(&FS[U(7)], callee);
    SAVE();
    if (!rt_is_callable(callee)) {
        rt_throw_not_callable(rt, fr, callee, U(1), false);
        goto exception;
    }
    Value *args;
    uint32_t n;
    CHECK_INT(rt_spread_args(rt, R(5), &args, &n));
    if (rt_is_class(callee, CLS_FUNCTION)) {
        Frame *nf = rt_frame_push(rt, (JSFunction *)rt_as_object(callee), recv, (int)n, args, RT_UNDEFINED, 0);
        free(args);
        if (!nf) goto exception;
        fr = nf;
        LOAD_FRAME();
        ENTER_FRAME();
    }
    acc = rt_call(rt, callee, recv, (int)n, args);
    free(args);
    CHECK(acc);
    NEXT(CallSpread);
}
op_Construct:
op_ConstructSpread: {
    bool spread = *pc == BC_ConstructSpread;
    Value callee = R(1);
    rt_fb_call(&FS[spread ? U(5) : U(7)], callee);
    SAVE();
    Value *args, *heap_args = NULL;
    uint32_t n;
    if (spread) {
        CHECK_INT(rt_spread_args(rt, R(3), &heap_args, &n));
        args = heap_args;
    } else {
        args = &R(3);
        n = U(5);
    }
    if (rt_is_class(callee, CLS_FUNCTION) && is_js_constructor((JSFunction *)rt_as_object(callee))) {
        JSFunction *fn = (JSFunction *)rt_as_object(callee);
        Value self = rt_construct_this(rt, fn, callee);
        if (rt_is_exception(self)) {
            free(heap_args);
            goto exception;
        }
        Frame *nf = rt_frame_push(rt, fn, self, (int)n, args, callee, FRAME_CONSTRUCT);
        free(heap_args);
        if (!nf) goto exception;
        fr = nf;
        LOAD_FRAME();
        ENTER_FRAME();
    }
    if (!rt_is_constructor(callee)) {
        free(heap_args);
        rt_throw_not_callable(rt, fr, callee, U(1), true);
        goto exception;
    }
    acc = rt_construct(rt, callee, (int)n, args, callee);
    free(heap_args);
    CHECK(acc);
    pc += spread ? oplen[BC_ConstructSpread] : oplen[BC_Construct];
    DISPATCH();
}
op_SuperCall:
op_SuperCallSpread: {
    bool spread = *pc == BC_SuperCallSpread;
    SAVE();
    Value *args, *heap_args = NULL;
    uint32_t n;
    if (spread) {
        CHECK_INT(rt_spread_args(rt, R(1), &heap_args, &n));
        args = heap_args;
    } else {
        args = &R(1);
        n = U(3);
    }
    rt_fb_call(&FS[spread ? U(3) : U(5)], rt_get_prototype_of(rt, &fr->function->base));
    acc = rt_super_call(rt, fr, (int)n, args);
    free(heap_args);
    CHECK(acc);
    pc += spread ? oplen[BC_SuperCallSpread] : oplen[BC_SuperCall];
    DISPATCH();
}
op_CallRuntime:
    SAVE();
    acc = rt_natives_call(rt, fr, U(1), U(5), &R(3));
    CHECK(acc);
    NEXT(CallRuntime);
op_Return: {
    Frame *done = fr;
    Value result = acc;
    if (done->flags & FRAME_CONSTRUCT && !rt_is_object(result)) {
        if (done->bf->flags & BFF_DERIVED_CTOR) {
            if (!rt_is_undefined(result)) {
                SAVE();
                rt_throw_error(rt, ERR_TypeError, "Derived constructors may only return object or undefined");
                goto exception;
            }
            if (done->receiver == RT_HOLE) {
                SAVE();
                rt_throw_error(rt, ERR_ReferenceError,
                               "Must call super constructor in derived class before accessing 'this' or "
                               "returning from derived constructor");
                goto exception;
            }
        }
        result = done->receiver;
    }
    rt_frame_pop(rt, done);
    if (done->flags & FRAME_ENTRY) return result;
    fr = ip->top;
    LOAD_FRAME();
    acc = result;
    pc += oplen[*pc];
    DISPATCH();
}
op_Throw:
    SAVE();
    rt_throw(rt, acc);
    goto exception;
op_ReThrow:
    SAVE();
    rt->exception = acc;
    goto exception;
op_ThrowTypeError: {
    SAVE();
    char *u = rt_string_to_utf8(K[U(1)], NULL);
    rt_throw_error(rt, ERR_TypeError, "%s", u ? u : "");
    free(u);
    goto exception;
}
op_ThrowSuperNotCalled:
    if (acc == RT_HOLE) {
        SAVE();
        rt_throw_error(rt, ERR_ReferenceError,
                       "Must call super constructor in derived class before accessing 'this' or returning "
                       "from derived constructor");
        goto exception;
    }
    NEXT(ThrowSuperNotCalled);
op_ThrowSuperAlreadyCalled:
    if (acc != RT_HOLE) {
        SAVE();
        rt_throw_error(rt, ERR_ReferenceError, "Super constructor may only be called once");
        goto exception;
    }
    NEXT(ThrowSuperAlreadyCalled);

    /* ---- iteration ---- */
op_ForInPrepare:
    SAVE();
    acc = rt_forin_prepare(rt, acc);
    CHECK(acc);
    NEXT(ForInPrepare);
op_ForInNext:
    SAVE();
    acc = rt_forin_next(rt, R(1));
    CHECK(acc);
    NEXT(ForInNext);
op_GetIterator:
    SAVE();
    acc = rt_get_iterator(rt, acc);
    CHECK(acc);
    NEXT(GetIterator);
op_IteratorNext:
    SAVE();
    acc = rt_iterator_next(rt, R(1));
    CHECK(acc);
    NEXT(IteratorNext);
op_IteratorClose:
    SAVE();
    CHECK_INT(rt_iterator_close(rt, R(1)));
    NEXT(IteratorClose);
op_Debugger: NEXT(Debugger);
op_Nop: NEXT(Nop);
op_ResolveWith:
    SAVE();
    acc = rt_op_resolve_with(rt, fr, acc, K[U(1)], U(3));
    CHECK(acc);
    NEXT(ResolveWith);
op_DeclareGlobals:
    SAVE();
    CHECK_INT(rt_op_declare_globals(rt, K[U(1)]));
    NEXT(DeclareGlobals);
op_StaGlobalLexical:
    rt_op_sta_global_lexical(rt, K[U(1)], acc);
    NEXT(StaGlobalLexical);
op_ThrowReferenceError: {
    SAVE();
    char *u = rt_string_to_utf8(K[U(1)], NULL);
    rt_throw_error(rt, ERR_ReferenceError, "%s", u ? u : "");
    free(u);
    goto exception;
}

tier_run: {
    Value r = rt_tier_enter(rt, fr, tier_code);
    LOAD_FRAME();
    if (r == RT_TIER_RESUME) {              /* deoptimized: the frame holds the state */
        if (fr->flags & FRAME_THROWING) {
            fr->flags &= ~FRAME_THROWING;
            goto exception;
        }
        DISPATCH();
    }
    if (rt_is_exception(r)) goto exception;
    acc = r;
    goto op_Return;
}

bad_context:
    SAVE();
    rt_throw_error(rt, ERR_ReferenceError, "internal error: context slot out of range");
    goto exception;
bad_define:
    rt_throw_error(rt, ERR_TypeError, "internal error: literal target is not an object");
    goto exception;

    /* ---- unwinding: fr->pc is the throwing instruction, rt->exception the value ---- */
exception:
    for (;;) {
        int h = rt_find_handler(fr->bf, fr->pc);
        if (h >= 0) {
            const HandlerEntry *he = &fr->bf->handlers[h];
            if (he->context_reg < fr->bf->register_count) {
                Value c = fr->regs[he->context_reg];
                if (rt_is_ptr(c) && ((GCHeader *)rt_as_ptr(c))->kind == HK_CONTEXT) fr->context = rt_as_ptr(c);
            }
            fr->acc = rt->exception;
            fr->pc = he->handler;
            rt->exception = RT_UNDEFINED;
            LOAD_FRAME();
            DISPATCH();
        }
        Frame *done = fr;
        rt_frame_pop(rt, done);
        if (done->flags & FRAME_ENTRY) return RT_EXCEPTION;
        fr = ip->top;
    }
}
