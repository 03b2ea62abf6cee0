/* ir_build_ops.c — one translation per bytecode: feedback becomes
 * speculation, everything else a call to the stub that runs the bytecode
 * with the interpreter's semantics.
 *
 * The speculation follows V8's TurboFan (JSTypedLowering and the
 * speculative number operations) in spirit: the feedback lattice of
 * rt_feedback.h decides between int32 arithmetic with overflow checks,
 * float64 arithmetic, string concatenation and the generic stub; property
 * feedback (Hölzle, Chambers & Ungar 1991, polymorphic inline caches)
 * becomes shape checks and field loads. Environment values are always
 * tagged; representation changes around each operation cancel out in
 * pass_fold.
 */
#include "ir_build_internal.h"
#include "runtime/rt_frame.h"

#include <stdlib.h>
#include <string.h>

/* ---- operands ---------------------------------------------------------------------- */

static uint32_t opnd(Bytecode op, const uint8_t *p, int i) {
    const char *s = rt_bytecode_info[op].operands;
    for (int k = 0; k < i; k++) p += rt_operand_width(s[k]);
    char kind = s[i];
    if (kind == 'i' || kind == 'j') return rt_bc_u32(p);
    return rt_bc_u16(p);
}

static NodeId undef(Builder *b) { return ir_constant(b->g, RT_UNDEFINED); }

static NodeId reg(Builder *b, uint32_t r) {
    if (r >= b->nregs) {
        bld_bail(b, IR_BAILOUT_BadBytecode);
        return undef(b);
    }
    return bld_read(b, r);
}
static void set_reg(Builder *b, uint32_t r, NodeId v) {
    if (r >= b->nregs) { bld_bail(b, IR_BAILOUT_BadBytecode); return; }
    bld_write(b, r, v);
}
static NodeId acc(Builder *b) { return bld_read(b, var_acc(b)); }
static void set_acc(Builder *b, NodeId v) { bld_write(b, var_acc(b), v); }

/* ---- node helpers ----------------------------------------------------------------------- */

static NodeId finish(Builder *b, NodeId n) {
    ir_node(b->g, n)->bc_offset = b->pc;
    ir_type_update(b->g, n);
    return n;
}

static NodeId pure1(Builder *b, IrOp op, NodeId a) { return finish(b, IR_NEW(b->g, op, a)); }
static NodeId pure2(Builder *b, IrOp op, NodeId a, NodeId c) { return finish(b, IR_NEW(b->g, op, a, c)); }

/* A node on the control and effect chain: ctl, eff, vals..., [fs], with its
 * aux data. The aux is in place before the node is typed: a type only ever
 * narrows, so one computed from a stale aux (another shape set, elements
 * kind 0) would stick. */
static NodeId effnode_aux(Builder *b, IrOp op, const NodeId *vals, uint32_t nv, NodeId fs, const IrAux *aux) {
    NodeId stackbuf[16];
    uint32_t n = 2 + nv + (fs ? 1 : 0);
    NodeId *in = n <= 16 ? stackbuf : ir_xmalloc(n * sizeof(NodeId));
    in[0] = bld_ctl(b);
    in[1] = bld_read(b, var_eff(b));
    memcpy(in + 2, vals, nv * sizeof(NodeId));
    if (fs) in[2 + nv] = fs;
    NodeId x = ir_node_new(b->g, op, 1, 1, nv, fs ? 1 : 0, in);
    if (in != stackbuf) free(in);
    if (aux) {
        ir_node(b->g, x)->aux = *aux;
        *ir_type(b->g, x) = ir_type_bound(b->g, x);
    }
    bld_write(b, var_eff(b), x);
    return finish(b, x);
}

static NodeId effnode(Builder *b, IrOp op, const NodeId *vals, uint32_t nv, NodeId fs) {
    return effnode_aux(b, op, vals, nv, fs, NULL);
}

static NodeId check1(Builder *b, IrOp op, NodeId v) {
    return effnode(b, op, &v, 1, bld_frame_state(b, false));
}
static NodeId check1_aux(Builder *b, IrOp op, NodeId v, IrAux aux) {
    return effnode_aux(b, op, &v, 1, bld_frame_state(b, false), &aux);
}
static NodeId check2(Builder *b, IrOp op, NodeId x, NodeId y) {
    NodeId v[2] = {x, y};
    return effnode(b, op, v, 2, bld_frame_state(b, false));
}

static NodeId param(Builder *b, int32_t which) {
    NodeId p = IR_NEW(b->g, IR_Parameter, b->g->start);
    ir_node(b->g, p)->aux.i32 = which;
    return finish(b, p);
}

/* The instruction has never run: leave to the interpreter when it does. */
static bool soft_deopt(Builder *b, IrDeoptReason why) {
    NodeId fs = bld_frame_state(b, false);
    NodeId in[3] = {bld_ctl(b), bld_read(b, var_eff(b)), fs};
    NodeId d = ir_node_new(b->g, IR_Deoptimize, 1, 1, 0, 1, in);
    ir_node(b->g, d)->aux.reason = why;
    finish(b, d);
    bld_end_path(b, d);
    return false;
}

/* A CallRuntime of stub s for the instruction being translated (its
 * FrameState: after it, for a lazy deopt). */
static NodeId stub_call(Builder *b, uint32_t s, const NodeId *v, uint32_t n) {
    NodeId call = effnode(b, IR_CallRuntime, v, n, bld_frame_state(b, true));
    ir_node(b->g, call)->aux.stub.stub = s;
    ir_node(b->g, call)->aux.stub.bc_offset = b->pc;
    return call;
}

/* The bytecode runs through the generic stub: inputs acc, context,
 * receiver, then every register its operands name (ranges included). */
static bool generic(Builder *b, Bytecode op, const uint8_t *p) {
    NodeId vals[64];
    NodeId *v = vals;
    uint32_t cap = 64, n = 0;
#define PUSHV(x) do { if (n == cap) { cap *= 2; NodeId *nv_ = ir_xmalloc(cap * sizeof(NodeId)); \
        memcpy(nv_, v, n * sizeof(NodeId)); if (v != vals) free(v); v = nv_; } v[n++] = (x); } while (0)
    PUSHV(acc(b));
    PUSHV(bld_read(b, var_ctx(b)));
    PUSHV(bld_read(b, var_recv(b)));
    uint32_t first = 0, count = 0;
    bool range = true;
    switch (op) {
    case BC_CreateArray: first = opnd(op, p, 0); count = opnd(op, p, 1); break;
    case BC_Call: case BC_Construct:
        PUSHV(reg(b, opnd(op, p, 0)));
        first = opnd(op, p, 1); count = opnd(op, p, 2);
        break;
    case BC_SuperCall: first = opnd(op, p, 0); count = opnd(op, p, 1); break;
    case BC_CallRuntime: first = opnd(op, p, 1); count = opnd(op, p, 2); break;
    default: range = false; break;
    }
    if (range) {
        if ((uint64_t)first + count > b->nregs) bld_bail(b, IR_BAILOUT_BadBytecode);
        else for (uint32_t r = first; r < first + count; r++) PUSHV(reg(b, r));
    } else {
        const char *s = rt_bytecode_info[op].operands;
        for (int i = 0; s[i]; i++)
            if (s[i] == 'r') PUSHV(reg(b, opnd(op, p, i)));
    }
#undef PUSHV
    NodeId call = stub_call(b, IR_STUB_Bytecode, v, n);
    if (v != vals) free(v);
    set_acc(b, call);
    return true;
}

static FeedbackSlot *slot(Builder *b, uint32_t s, FeedbackSlotKind kind) {
    if (!b->fv || s >= b->fv->slot_count) return NULL;
    FeedbackSlot *fs = &b->fv->slots[s];
    return fs->kind == kind ? fs : NULL;
}

/* ---- arithmetic ------------------------------------------------------------------------------ */

static bool is_bitwise(Bytecode op) {
    return op == BC_BitwiseOr || op == BC_BitwiseXor || op == BC_BitwiseAnd || op == BC_ShiftLeft ||
           op == BC_ShiftRight || op == BC_ShiftRightLogical;
}

static NodeId int32_binop(Builder *b, Bytecode op, NodeId l, NodeId r) {
    switch (op) {
    case BC_Add: case BC_AddSmi: case BC_Inc: return check2(b, IR_Int32AddOverflow, l, r);
    case BC_Sub: case BC_SubSmi: case BC_Dec: return check2(b, IR_Int32SubOverflow, l, r);
    case BC_Mul: return check2(b, IR_Int32MulOverflow, l, r);
    case BC_Div: return check2(b, IR_Int32DivOverflow, l, r);
    case BC_Mod: return check2(b, IR_Int32ModOverflow, l, r);
    case BC_BitwiseOr: return pure2(b, IR_Int32Or, l, r);
    case BC_BitwiseXor: return pure2(b, IR_Int32Xor, l, r);
    case BC_BitwiseAnd: return pure2(b, IR_Int32And, l, r);
    case BC_ShiftLeft: return pure2(b, IR_Int32Shl, l, r);
    case BC_ShiftRight: return pure2(b, IR_Int32Sar, l, r);
    case BC_ShiftRightLogical: return check1(b, IR_CheckUint32ToInt32, pure2(b, IR_Int32Shr, l, r));
    default: return IR_NONE;
    }
}

static IrOp float_op(Bytecode op) {
    switch (op) {
    case BC_Add: case BC_AddSmi: case BC_Inc: return IR_Float64Add;
    case BC_Sub: case BC_SubSmi: case BC_Dec: return IR_Float64Sub;
    case BC_Mul: return IR_Float64Mul;
    case BC_Div: return IR_Float64Div;
    case BC_Mod: return IR_Float64Mod;
    case BC_Exp: return IR_Float64Pow;
    default: return IR__COUNT;
    }
}

/* acc = l op r, speculating on the hint. Returns false when the block ended. */
static bool binop(Builder *b, Bytecode op, const uint8_t *p, NodeId l, NodeId r, FeedbackSlot *fs) {
    int hint = fs ? fs->hint : BH_None;
    if (!fs && b->fv) return generic(b, op, p);
    switch (hint) {
    case BH_None:
        return soft_deopt(b, IR_DEOPT_NoFeedback);
    case BH_SignedSmall:
        if (op != BC_Exp) {
            NodeId li = check1(b, IR_CheckInt32, l), ri = check1(b, IR_CheckInt32, r);
            NodeId res = int32_binop(b, op, li, ri);
            if (res) { set_acc(b, pure1(b, IR_ChangeInt32ToTagged, res)); return true; }
        }
        __attribute__((fallthrough));   /* ** is float64 arithmetic */
    case BH_Number: {
        NodeId lf = check1(b, IR_CheckNumber, l), rf = check1(b, IR_CheckNumber, r);
        if (is_bitwise(op)) {
            NodeId li = pure1(b, IR_TruncateFloat64ToInt32, lf), ri = pure1(b, IR_TruncateFloat64ToInt32, rf);
            if (op == BC_ShiftRightLogical) {
                NodeId w = pure2(b, IR_Int32Shr, li, ri);
                set_acc(b, pure1(b, IR_ChangeFloat64ToTagged, pure1(b, IR_ChangeUint32ToFloat64, w)));
            } else {
                set_acc(b, pure1(b, IR_ChangeInt32ToTagged, int32_binop(b, op, li, ri)));
            }
            return true;
        }
        IrOp fop = float_op(op);
        if (fop == IR__COUNT) return generic(b, op, p);
        set_acc(b, pure1(b, IR_ChangeFloat64ToTagged, pure2(b, fop, lf, rf)));
        return true;
    }
    case BH_String:
        if (op == BC_Add) {
            NodeId ls = check1(b, IR_CheckString, l), rs = check1(b, IR_CheckString, r);
            NodeId v[2] = {ls, rs};
            set_acc(b, effnode(b, IR_StringConcat, v, 2, bld_frame_state(b, false)));
            return true;
        }
        return generic(b, op, p);
    default:
        return generic(b, op, p);
    }
}

static bool unop(Builder *b, Bytecode op, const uint8_t *p, FeedbackSlot *fs) {
    int hint = fs ? fs->hint : BH_None;
    NodeId x = acc(b);
    if (!fs && b->fv) return generic(b, op, p);
    if (hint == BH_None) return soft_deopt(b, IR_DEOPT_NoFeedback);
    if (hint == BH_SignedSmall) {
        NodeId xi = check1(b, IR_CheckInt32, x);
        NodeId r;
        switch (op) {
        case BC_Negate: r = check2(b, IR_Int32MulOverflow, xi, ir_int32(b->g, -1)); break;  /* -0 deopts */
        case BC_BitwiseNot: r = pure2(b, IR_Int32Xor, xi, ir_int32(b->g, -1)); break;
        case BC_ToNumeric: r = xi; break;
        default: return generic(b, op, p);
        }
        set_acc(b, pure1(b, IR_ChangeInt32ToTagged, r));
        return true;
    }
    if (hint == BH_Number) {
        NodeId xf = check1(b, IR_CheckNumber, x);
        switch (op) {
        case BC_Negate: set_acc(b, pure1(b, IR_ChangeFloat64ToTagged, pure1(b, IR_Float64Neg, xf))); return true;
        case BC_BitwiseNot: {
            NodeId xi = pure1(b, IR_TruncateFloat64ToInt32, xf);
            set_acc(b, pure1(b, IR_ChangeInt32ToTagged, pure2(b, IR_Int32Xor, xi, ir_int32(b->g, -1))));
            return true;
        }
        case BC_ToNumeric: set_acc(b, pure1(b, IR_ChangeFloat64ToTagged, xf)); return true;
        default: return generic(b, op, p);
        }
    }
    return generic(b, op, p);
}

/* Strict equality is identity when one side is an oddball, symbol or object constant. */
static bool identity_comparable(const Graph *g, NodeId n) {
    if (ir_op(g, n) != IR_Constant) return false;
    Value v = ir_node(g, n)->aux.value;
    if (rt_is_number(v)) return false;
    if (rt_is_ptr(v)) return ((const GCHeader *)rt_as_ptr(v))->kind != HK_STRING;
    return true;
}

static bool compare(Builder *b, Bytecode op, const uint8_t *p, FeedbackSlot *fs) {
    NodeId l = reg(b, opnd(op, p, 0)), r = acc(b);
    if (op == BC_TestEqualStrict && (identity_comparable(b->g, l) || identity_comparable(b->g, r))) {
        set_acc(b, pure1(b, IR_ChangeBitToTagged, pure2(b, IR_ReferenceEqual, l, r)));
        return true;
    }
    int hint = fs ? fs->hint : CH_None;
    if (!fs && b->fv) return generic(b, op, p);
    if (hint == CH_None) return soft_deopt(b, IR_DEOPT_NoFeedback);
    bool ints = hint == CH_SignedSmall;
    if (!ints && hint != CH_Number) return generic(b, op, p);
    IrOp chk = ints ? IR_CheckInt32 : IR_CheckNumber;
    NodeId a = check1(b, chk, l), c = check1(b, chk, r);
    IrOp eq = ints ? IR_Int32Equal : IR_Float64Equal;
    IrOp lt = ints ? IR_Int32LessThan : IR_Float64LessThan;
    IrOp le = ints ? IR_Int32LessThanOrEqual : IR_Float64LessThanOrEqual;
    NodeId bit;
    switch (op) {
    case BC_TestEqual: case BC_TestEqualStrict: bit = pure2(b, eq, a, c); break;
    case BC_TestLessThan: bit = pure2(b, lt, a, c); break;
    case BC_TestGreaterThan: bit = pure2(b, lt, c, a); break;
    case BC_TestLessThanOrEqual: bit = pure2(b, le, a, c); break;
    case BC_TestGreaterThanOrEqual: bit = pure2(b, le, c, a); break;
    default: return generic(b, op, p);
    }
    set_acc(b, pure1(b, IR_ChangeBitToTagged, bit));
    return true;
}

/* ---- properties ------------------------------------------------------------------------------- */

static void field_of(Shape *s, uint32_t slot_no, uint32_t *index, uint8_t *inobject) {
    uint32_t cap = s ? s->inobject_capacity : 0;
    *inobject = slot_no < cap;
    *index = slot_no < cap ? slot_no : slot_no - cap;
}

static NodeId check_shapes(Builder *b, NodeId obj, Shape *const *shapes, uint32_t n) {
    IrAux aux = {.raw = {0, 0}};
    aux.shapes = ir_shape_set_add(b->g, shapes, n);
    return check1_aux(b, IR_CheckShape, obj, aux);
}

static NodeId load_field(Builder *b, NodeId obj, uint32_t index, uint8_t inobject) {
    NodeId l = effnode(b, IR_LoadField, &obj, 1, IR_NONE);
    ir_node(b->g, l)->aux.field.slot = index;
    ir_node(b->g, l)->aux.field.inobject = inobject;
    return l;
}

/* Own data fields at the same place in every shape seen: CheckShape + LoadField. */
static bool load_named(Builder *b, Bytecode op, const uint8_t *p, NodeId obj, FeedbackSlot *fs) {
    PropertyFeedback *pf = fs ? fs->u.prop : NULL;
    if (!pf) return b->fv ? generic(b, op, p) : soft_deopt(b, IR_DEOPT_NoFeedback);
    if (pf->state == IC_uninitialized || pf->count == 0) return soft_deopt(b, IR_DEOPT_NoFeedback);
    if (pf->state == IC_megamorphic || pf->count > RT_IC_POLY_MAX) return generic(b, op, p);
    const ICEntry *e0 = &pf->e[0];
    Shape *shapes[RT_IC_POLY_MAX];
    uint32_t index0 = 0;
    uint8_t in0 = 0;
    bool fields = true;
    for (uint32_t i = 0; i < pf->count; i++) {
        const ICEntry *e = &pf->e[i];
        if (!e->shape || (e->handler != ICH_FieldInObject && e->handler != ICH_FieldOutOfLine)) { fields = false; break; }
        uint32_t index;
        uint8_t in;
        field_of(e->shape, e->slot, &index, &in);
        if (i == 0) { index0 = index; in0 = in; }
        else if (index != index0 || in != in0) { fields = false; break; }
        shapes[i] = e->shape;
    }
    if (fields) {
        NodeId o = check_shapes(b, obj, shapes, pf->count);
        set_acc(b, load_field(b, o, index0, in0));
        return true;
    }
    if (pf->count != 1) return generic(b, op, p);
    switch (e0->handler) {
    case ICH_ArrayLength: {
        if (!e0->shape) break;
        NodeId o = check_shapes(b, obj, &e0->shape, 1);
        NodeId len = effnode(b, IR_ArrayLength, &o, 1, IR_NONE);
        set_acc(b, pure1(b, IR_ChangeInt32ToTagged, check1(b, IR_CheckUint32ToInt32, len)));
        return true;
    }
    case ICH_StringLength: {
        NodeId s = check1(b, IR_CheckString, obj);
        set_acc(b, pure1(b, IR_ChangeInt32ToTagged, pure1(b, IR_StringLength, s)));
        return true;
    }
    case ICH_ProtoField:
    case ICH_Nonexistent: {
        if (!e0->shape || e0->depth > RT_IC_CHAIN_MAX || (e0->handler == ICH_ProtoField && e0->depth == 0)) break;
        /* The receiver's shape, then each prototype walked must keep its shape. */
        Value proto = e0->shape->proto;
        NodeId o = check_shapes(b, obj, &e0->shape, 1);
        (void)o;
        for (uint32_t i = 0; i < e0->depth; i++) {
            if (!rt_is_object(proto) || !e0->chain[i]) return generic(b, op, p);
            check_shapes(b, ir_constant(b->g, proto), &e0->chain[i], 1);
            if (i + 1 < e0->depth) proto = e0->chain[i]->proto;
        }
        if (e0->handler == ICH_Nonexistent) {
            set_acc(b, undef(b));
            return true;
        }
        if (!e0->holder || rt_ptr(e0->holder) != proto) return generic(b, op, p);
        uint32_t index;
        uint8_t in;
        field_of(e0->chain[e0->depth - 1], e0->slot, &index, &in);
        set_acc(b, load_field(b, ir_constant(b->g, proto), index, in));
        return true;
    }
    default: break;
    }
    return generic(b, op, p);
}

static bool store_named(Builder *b, Bytecode op, const uint8_t *p, NodeId obj, FeedbackSlot *fs) {
    PropertyFeedback *pf = fs ? fs->u.prop : NULL;
    if (!pf) return b->fv ? generic(b, op, p) : soft_deopt(b, IR_DEOPT_NoFeedback);
    if (pf->state == IC_uninitialized || pf->count == 0) return soft_deopt(b, IR_DEOPT_NoFeedback);
    if (pf->state == IC_megamorphic || pf->count > RT_IC_POLY_MAX) return generic(b, op, p);
    Shape *shapes[RT_IC_POLY_MAX];
    uint32_t index0 = 0;
    uint8_t in0 = 0;
    for (uint32_t i = 0; i < pf->count; i++) {
        const ICEntry *e = &pf->e[i];
        if (!e->shape || e->handler != ICH_StoreField) return generic(b, op, p);
        uint32_t index;
        uint8_t in;
        field_of(e->shape, e->slot, &index, &in);
        if (i == 0) { index0 = index; in0 = in; }
        else if (index != index0 || in != in0) return generic(b, op, p);
        shapes[i] = e->shape;
    }
    NodeId o = check_shapes(b, obj, shapes, pf->count);
    NodeId v[2] = {o, acc(b)};
    NodeId st = effnode(b, IR_StoreField, v, 2, IR_NONE);
    ir_node(b->g, st)->aux.field.slot = index0;
    ir_node(b->g, st)->aux.field.inobject = in0;
    return true;
}

/* Elements kinds seen at a keyed site, when every one of them stores plain
 * Values (small-int, double and tagged arrays all do). */
static bool fast_elements(const PropertyFeedback *pf, uint32_t *mask, bool *holey, int *base) {
    uint32_t m = pf->elements_kinds;
    if (!m || (m & (1u << EK_DICTIONARY)) || pf->key_kinds != KEY_SMI) return false;
    if (pf->elem_flags & (EF_OUT_OF_BOUNDS | EF_NON_ARRAY)) return false;
    *mask = m;
    *holey = (m & ((1u << EK_HOLEY_SMI) | (1u << EK_HOLEY_DOUBLE) | (1u << EK_HOLEY))) != 0;
    bool smi = m & ((1u << EK_PACKED_SMI) | (1u << EK_HOLEY_SMI));
    bool dbl = m & ((1u << EK_PACKED_DOUBLE) | (1u << EK_HOLEY_DOUBLE));
    bool tag = m & ((1u << EK_PACKED) | (1u << EK_HOLEY));
    *base = (smi ? 1 : 0) | (dbl ? 2 : 0) | (tag ? 4 : 0);
    return true;
}

static NodeId element_access(Builder *b, NodeId obj, NodeId key, uint32_t mask, NodeId *index_out) {
    IrAux aux = {.raw = {0, 0}};
    aux.ek = mask;
    NodeId o = check1_aux(b, IR_CheckElementsKind, obj, aux);
    NodeId i = check1(b, IR_CheckInt32, key);
    NodeId len = effnode(b, IR_ArrayLength, &o, 1, IR_NONE);
    NodeId n = check1(b, IR_CheckUint32ToInt32, len);
    *index_out = check2(b, IR_CheckBounds, i, n);
    return o;
}

static bool load_keyed(Builder *b, Bytecode op, const uint8_t *p, NodeId obj, FeedbackSlot *fs) {
    PropertyFeedback *pf = fs ? fs->u.prop : NULL;
    if (!pf) return b->fv ? generic(b, op, p) : soft_deopt(b, IR_DEOPT_NoFeedback);
    if (pf->state == IC_uninitialized && !pf->elements_kinds && !pf->key_kinds) return soft_deopt(b, IR_DEOPT_NoFeedback);
    uint32_t mask;
    bool holey;
    int base;
    if (!fast_elements(pf, &mask, &holey, &base)) return generic(b, op, p);
    NodeId idx;
    NodeId o = element_access(b, obj, acc(b), mask, &idx);
    NodeId v[2] = {o, idx};
    IrAux aux = {.raw = {0, 0}};
    aux.ek = base == 1 ? (holey ? EK_HOLEY_SMI : EK_PACKED_SMI)
           : base == 2 ? (holey ? EK_HOLEY_DOUBLE : EK_PACKED_DOUBLE)
                       : (holey ? EK_HOLEY : EK_PACKED);
    NodeId ld = effnode_aux(b, IR_LoadElement, v, 2, IR_NONE, &aux);
    /* A hole means a prototype lookup; when no prototype has elements
     * (the usual case) it finds nothing, else the interpreter does it. */
    if (holey) ld = check2(b, IR_CheckHoleToUndefined, o, ld);
    set_acc(b, ld);
    return true;
}

static bool store_keyed(Builder *b, Bytecode op, const uint8_t *p, FeedbackSlot *fs) {
    PropertyFeedback *pf = fs ? fs->u.prop : NULL;
    if (!pf) return b->fv ? generic(b, op, p) : soft_deopt(b, IR_DEOPT_NoFeedback);
    if (pf->state == IC_uninitialized && !pf->elements_kinds && !pf->key_kinds) return soft_deopt(b, IR_DEOPT_NoFeedback);
    uint32_t mask;
    bool holey;
    int base;
    if (!fast_elements(pf, &mask, &holey, &base) || (pf->elem_flags & EF_GROWING))
        return generic(b, op, p);
    /* StoreElement's slow path may throw, and it has no FrameState to
     * reach a handler with: inside a try block the stub does it */
    if (b->bf->handler_count && rt_find_handler(b->bf, b->pc) >= 0) return generic(b, op, p);
    /* A store that made small-int or double arrays tagged does that
     * itself: the elements already are Values, only the kind changes. A
     * small-int to double transition rewrites them: the interpreter's. */
    bool to_tagged = (base & 4) && (base & 3);
    if (!to_tagged && ((pf->elem_flags & EF_TRANSITION) || (base != 1 && base != 4))) return generic(b, op, p);
    if (to_tagged) base = 4;
    NodeId obj = reg(b, opnd(op, p, 0)), key = reg(b, opnd(op, p, 1));
    NodeId value = acc(b);
    NodeId idx;
    NodeId o = element_access(b, obj, key, mask, &idx);
    if (to_tagged) effnode(b, IR_ElementsToTagged, &o, 1, IR_NONE);
    if (base == 1) value = check1(b, IR_CheckSmi, value);   /* a small-int array stays one */
    NodeId v[3] = {o, idx, value};
    IrAux aux = {.raw = {0, 0}};
    aux.ek = base == 1 ? (holey ? EK_HOLEY_SMI : EK_PACKED_SMI) : (holey ? EK_HOLEY : EK_PACKED);
    effnode_aux(b, IR_StoreElement, v, 3, IR_NONE, &aux);
    return true;
}

/* The global object lives in dictionary mode, its shape changes in place, so
 * a shape check proves nothing about a global. A site whose feedback cached
 * a data property becomes LoadGlobal: the backend repeats the cache's check
 * (shape, the key still at its index, not an accessor) and deoptimizes when
 * it fails, so the load runs no code and kills nothing. Other sites (typeof,
 * accessors, missing globals) go through the stub. */
static bool load_global(Builder *b, Bytecode op, const uint8_t *p) {
    FeedbackSlot *fs = slot(b, opnd(op, p, 1), FS_Global);
    if (op != BC_LdaGlobal || !fs || fs->u.global.state != IC_monomorphic || !fs->u.global.shape)
        return generic(b, op, p);
    NodeId none = IR_NONE;
    NodeId n = effnode(b, IR_LoadGlobal, &none, 0, bld_frame_state(b, false));
    set_acc(b, n);
    return true;
}

/* The float64 node a monomorphic call of a Math builtin stands for. */
static IrOp math_builtin(const Builder *b, const FeedbackSlot *fs) {
    Value t = fs->u.call.target && !fs->u.call.megamorphic ? rt_ptr(fs->u.call.target) : RT_UNDEFINED;
    if (t == RT_UNDEFINED) return IR__COUNT;
    if (t == b->rt->intrinsics[INTR_MathSqrt]) return IR_Float64Sqrt;
    if (t == b->rt->intrinsics[INTR_MathAbs]) return IR_Float64Abs;
    return IR__COUNT;
}

static bool call(Builder *b, Bytecode op, const uint8_t *p) {
    uint32_t callee_r = opnd(op, p, 0), first = opnd(op, p, 1), n = opnd(op, p, 2);
    FeedbackSlot *fs = slot(b, opnd(op, p, 3), FS_Call);
    if (!fs) return b->fv ? generic(b, op, p) : soft_deopt(b, IR_DEOPT_NoFeedback);
    if (fs->u.call.count == 0) return soft_deopt(b, IR_DEOPT_NoFeedback);
    if ((uint64_t)first + n > b->nregs) { bld_bail(b, IR_BAILOUT_BadBytecode); return false; }
    uint32_t nv = 2 + (n ? n - 1 : 0);
    NodeId *v = ir_xmalloc(nv * sizeof(NodeId));
    v[0] = reg(b, callee_r);
    v[1] = n ? reg(b, first) : undef(b);
    for (uint32_t i = 1; i < n; i++) v[1 + i] = reg(b, first + i);
    JSObject *target = fs->u.call.target;
    NodeId c;
    IrOp math = math_builtin(b, fs);
    if (math != IR__COUNT && n >= 2) {
        /* Math.sqrt / Math.abs of a number: one float64 node (a string or
         * an object argument deoptimizes: its conversion may call out) */
        NodeId same = pure2(b, IR_ReferenceEqual, v[0], ir_constant(b->g, rt_ptr(target)));
        NodeId chk = check1(b, IR_CheckIf, same);
        ir_node(b->g, chk)->aux.reason = IR_DEOPT_WrongValue;
        NodeId x = check1(b, IR_CheckNumber, v[2]);
        c = pure1(b, IR_ChangeFloat64ToTagged, pure1(b, math, x));
    } else if (target && !fs->u.call.megamorphic && target->cls == CLS_FUNCTION) {
        Value t = rt_ptr(target);
        NodeId same = pure2(b, IR_ReferenceEqual, v[0], ir_constant(b->g, t));
        NodeId chk = check1(b, IR_CheckIf, same);
        ir_node(b->g, chk)->aux.reason = IR_DEOPT_WrongValue;
        c = effnode(b, IR_CallKnown, v, nv, bld_frame_state(b, true));
        ir_node(b->g, c)->aux.value = t;
    } else {
        c = effnode(b, IR_JSCall, v, nv, bld_frame_state(b, true));
    }
    free(v);
    set_acc(b, c);
    return true;
}

/* ---- control -------------------------------------------------------------------------------------- */

static NodeId ref_eq(Builder *b, NodeId x, Value v) { return pure2(b, IR_ReferenceEqual, x, ir_constant(b->g, v)); }

static NodeId nullish(Builder *b, NodeId x) {
    return pure2(b, IR_Int32Or, ref_eq(b, x, RT_UNDEFINED), ref_eq(b, x, RT_NULL));
}

static bool branch(Builder *b, NodeId cond) {
    NodeId iff = finish(b, IR_NEW(b->g, IR_If, bld_ctl(b), cond));
    NodeId t = finish(b, IR_NEW(b->g, IR_IfTrue, iff));
    NodeId f = finish(b, IR_NEW(b->g, IR_IfFalse, iff));
    bld_edge(b, 0, f);     /* fall through */
    bld_edge(b, 1, t);     /* jump */
    return false;
}

/* ---- the dispatcher ------------------------------------------------------------------------------- */

bool bld_translate(Builder *b, Bytecode op, const uint8_t *p) {
    Graph *g = b->g;
    switch (op) {
    case BC_LdaUndefined: set_acc(b, undef(b)); return true;
    case BC_LdaNull: set_acc(b, ir_constant(g, RT_NULL)); return true;
    case BC_LdaTrue: set_acc(b, ir_constant(g, RT_TRUE)); return true;
    case BC_LdaFalse: set_acc(b, ir_constant(g, RT_FALSE)); return true;
    case BC_LdaTheHole: set_acc(b, ir_constant(g, RT_HOLE)); return true;
    case BC_LdaSmi: set_acc(b, ir_constant(g, rt_int((int32_t)opnd(op, p, 0)))); return true;
    case BC_LdaConstant: {
        uint32_t k = opnd(op, p, 0);
        if (k >= b->bf->constant_count) { bld_bail(b, IR_BAILOUT_BadBytecode); return false; }
        set_acc(b, ir_constant(g, b->bf->constants[k]));
        return true;
    }
    case BC_Ldar: set_acc(b, reg(b, opnd(op, p, 0))); return true;
    case BC_Star: set_reg(b, opnd(op, p, 0), acc(b)); return true;
    case BC_Mov: set_reg(b, opnd(op, p, 1), reg(b, opnd(op, p, 0))); return true;

    case BC_LdaGlobal: case BC_LdaGlobalTypeof: return load_global(b, op, p);

    case BC_LdaContextSlot: {
        NodeId c = bld_read(b, var_ctx(b));
        NodeId l = effnode(b, IR_LoadContextSlot, &c, 1, IR_NONE);
        ir_node(g, l)->aux.ctx.depth = opnd(op, p, 0);
        ir_node(g, l)->aux.ctx.slot = opnd(op, p, 1);
        set_acc(b, l);
        return true;
    }
    case BC_StaContextSlot: {
        NodeId v[2] = {bld_read(b, var_ctx(b)), acc(b)};
        NodeId s = effnode(b, IR_StoreContextSlot, v, 2, IR_NONE);
        ir_node(g, s)->aux.ctx.depth = opnd(op, p, 0);
        ir_node(g, s)->aux.ctx.slot = opnd(op, p, 1);
        return true;
    }
    /* direct calls of the runtime: the generic stub would run the interpreter for them */
    case BC_CreateClosure: {
        if (opnd(op, p, 0) >= b->bf->function_count) { bld_bail(b, IR_BAILOUT_BadBytecode); return false; }
        NodeId v[2] = {bld_read(b, var_ctx(b)), bld_read(b, var_recv(b))};
        set_acc(b, stub_call(b, IR_STUB_CreateClosure, v, 2));
        return true;
    }
    case BC_IteratorNext: {
        NodeId it = reg(b, opnd(op, p, 0));
        set_acc(b, stub_call(b, IR_STUB_IteratorNext, &it, 1));
        return true;
    }
    case BC_PushContext: {
        NodeId c = bld_read(b, var_ctx(b));
        bld_write(b, var_ctx(b), stub_call(b, IR_STUB_PushContext, &c, 1));
        return true;
    }
    case BC_PopContext: {
        NodeId c = bld_read(b, var_ctx(b));
        NodeId l = effnode(b, IR_LoadContextSlot, &c, 1, IR_NONE);
        ir_node(g, l)->aux.ctx.depth = 1;
        ir_node(g, l)->aux.ctx.slot = IR_CTX_SELF;
        bld_write(b, var_ctx(b), l);
        return true;
    }
    case BC_LdaCurrentContext: set_acc(b, bld_read(b, var_ctx(b))); return true;
    case BC_StaCurrentContext: bld_write(b, var_ctx(b), acc(b)); return true;
    case BC_ThrowIfHole: set_acc(b, check1(b, IR_CheckNotHole, acc(b))); return true;
    case BC_ThrowConstAssign: case BC_ThrowTypeError:
        return soft_deopt(b, IR_DEOPT_Unsupported);

    case BC_LdaThis: set_acc(b, bld_read(b, var_recv(b))); return true;
    case BC_StaThis: bld_write(b, var_recv(b), acc(b)); return true;
    case BC_LdaNewTarget: set_acc(b, param(b, IR_PARAM_NEW_TARGET)); return true;
    case BC_LdaClosure: set_acc(b, param(b, IR_PARAM_CLOSURE)); return true;

    case BC_GetNamedProperty:
        return load_named(b, op, p, reg(b, opnd(op, p, 0)), slot(b, opnd(op, p, 2), FS_Load));
    case BC_SetNamedProperty:
        return store_named(b, op, p, reg(b, opnd(op, p, 0)), slot(b, opnd(op, p, 2), FS_Store));
    case BC_GetKeyedProperty:
        return load_keyed(b, op, p, reg(b, opnd(op, p, 0)), slot(b, opnd(op, p, 1), FS_KeyedLoad));
    case BC_SetKeyedProperty:
        return store_keyed(b, op, p, slot(b, opnd(op, p, 2), FS_KeyedStore));

    case BC_Add: case BC_Sub: case BC_Mul: case BC_Div: case BC_Mod: case BC_Exp:
    case BC_BitwiseOr: case BC_BitwiseXor: case BC_BitwiseAnd:
    case BC_ShiftLeft: case BC_ShiftRight: case BC_ShiftRightLogical:
        return binop(b, op, p, reg(b, opnd(op, p, 0)), acc(b), slot(b, opnd(op, p, 1), FS_BinaryOp));
    case BC_AddSmi: case BC_SubSmi:
        return binop(b, op, p, acc(b), ir_constant(g, rt_int((int32_t)opnd(op, p, 0))),
                     slot(b, opnd(op, p, 1), FS_BinaryOp));
    case BC_Inc: case BC_Dec:
        return binop(b, op, p, acc(b), ir_constant(g, rt_int(1)), slot(b, opnd(op, p, 0), FS_BinaryOp));
    case BC_Negate: case BC_BitwiseNot: case BC_ToNumeric:
        return unop(b, op, p, slot(b, opnd(op, p, 0), FS_BinaryOp));
    case BC_LogicalNot:
        set_acc(b, pure1(b, IR_ChangeBitToTagged, pure1(b, IR_BooleanNot, pure1(b, IR_ToBoolean, acc(b)))));
        return true;

    case BC_TestEqual: case BC_TestEqualStrict: case BC_TestLessThan: case BC_TestGreaterThan:
    case BC_TestLessThanOrEqual: case BC_TestGreaterThanOrEqual:
        return compare(b, op, p, slot(b, opnd(op, p, 1), FS_Compare));
    case BC_TestNullish: set_acc(b, pure1(b, IR_ChangeBitToTagged, nullish(b, acc(b)))); return true;
    case BC_TestUndefined: set_acc(b, pure1(b, IR_ChangeBitToTagged, ref_eq(b, acc(b), RT_UNDEFINED))); return true;

    case BC_Jump: case BC_JumpLoop: bld_edge(b, 0, bld_ctl(b)); return false;
    case BC_JumpIfTrue: return branch(b, ref_eq(b, acc(b), RT_TRUE));
    case BC_JumpIfFalse: return branch(b, ref_eq(b, acc(b), RT_FALSE));
    case BC_JumpIfToBooleanTrue: return branch(b, pure1(b, IR_ToBoolean, acc(b)));
    case BC_JumpIfToBooleanFalse: return branch(b, pure1(b, IR_BooleanNot, pure1(b, IR_ToBoolean, acc(b))));
    case BC_JumpIfNullish: return branch(b, nullish(b, acc(b)));
    case BC_JumpIfNotNullish: return branch(b, pure1(b, IR_BooleanNot, nullish(b, acc(b))));
    case BC_JumpIfUndefined: return branch(b, ref_eq(b, acc(b), RT_UNDEFINED));
    case BC_JumpIfNotUndefined: return branch(b, pure1(b, IR_BooleanNot, ref_eq(b, acc(b), RT_UNDEFINED)));
    case BC_JumpIfHole: return branch(b, ref_eq(b, acc(b), RT_HOLE));

    case BC_Call: return call(b, op, p);

    case BC_Return: {
        NodeId v = acc(b);
        NodeId r = finish(b, IR_NEW(g, IR_Return, bld_ctl(b), bld_read(b, var_eff(b)), v));
        bld_end_path(b, r);
        return false;
    }
    case BC_Throw: case BC_ReThrow: {
        NodeId in[4] = {bld_ctl(b), bld_read(b, var_eff(b)), acc(b), bld_frame_state(b, false)};
        NodeId t = finish(b, ir_node_new(g, IR_Throw, 1, 1, 1, 1, in));
        bld_end_path(b, t);
        return false;
    }
    case BC_Construct: {
        /* a `new` that never ran (an error path, typically): leave it to the interpreter */
        FeedbackSlot *fs = slot(b, opnd(op, p, 3), FS_Call);
        if (fs && fs->u.call.count == 0) return soft_deopt(b, IR_DEOPT_NoFeedback);
        return generic(b, op, p);
    }
    case BC_Debugger: case BC_Nop: return true;
    case BC_ResolveWith: case BC_DeclareGlobals: case BC_StaGlobalLexical: case BC_ThrowReferenceError:
        bld_bail(b, IR_BAILOUT_DynamicScope);
        return false;
    default:
        return generic(b, op, p);
    }
}
