/* ir_typer.c — typing rules: the type of a node from the types of its
 * inputs (transfer functions), and the bound each opcode guarantees.
 *
 * Typing is pessimistic (every node starts at its bound and only narrows),
 * so the graph is soundly typed at every moment; a narrowing step is a
 * meet of two sound types. Loops would let ranges shrink one step at a time
 * (i = Phi(0, i+1) narrows [MIN,MAX] → [MIN+1,MAX] → ...), so a node's type
 * changes at most IR_TYPE_MAX_UPDATES times: the cut-off plays the part of
 * a narrowing operator. Rules are in the spirit of V8's TurboFan typer and
 * of the range analysis used for check elimination in Click's thesis.
 */
#include "ir.h"

#include <math.h>

#define IR_TYPE_MAX_UPDATES 8

static IrType vt(const Graph *g, NodeId n, uint32_t i) { return *ir_type(g, ir_val(g, n, i)); }

static IrType clip_range(int64_t lo, int64_t hi) {
    if (lo < INT32_MIN) lo = INT32_MIN;
    if (hi > INT32_MAX) hi = INT32_MAX;
    if (lo > hi) return ir_type_none();
    return ir_type_range((int32_t)lo, (int32_t)hi);
}

/* Exact range when it fits, else every int32 (wrapping machine ops). */
static IrType wrap_range(int64_t lo, int64_t hi) {
    if (lo < INT32_MIN || hi > INT32_MAX) return ir_type_of_bits(T_INT32);
    return ir_type_range((int32_t)lo, (int32_t)hi);
}

static bool int_only(const IrType *t) { return ir_type_only(t, T_INT32); }

static IrType bit_type(int known) {
    return known < 0 ? ir_type_range(0, 1) : ir_type_range(known, known);
}

static IrType mul_range(const IrType *a, const IrType *b, bool clip) {
    int64_t c[4] = {(int64_t)a->lo * b->lo, (int64_t)a->lo * b->hi,
                    (int64_t)a->hi * b->lo, (int64_t)a->hi * b->hi};
    int64_t lo = c[0], hi = c[0];
    for (int i = 1; i < 4; i++) {
        if (c[i] < lo) lo = c[i];
        if (c[i] > hi) hi = c[i];
    }
    return clip ? clip_range(lo, hi) : wrap_range(lo, hi);
}

static uint32_t bits_for(int32_t hi) {   /* smallest 2^k-1 >= hi (hi >= 0) */
    uint32_t m = 0;
    while (m < (uint32_t)hi) m = (m << 1) | 1;
    return m;
}

IrType ir_type_bound(const Graph *g, NodeId n) {
    IrOp op = ir_op(g, n);
    switch (op) {
    case IR_Int32Shr:
    case IR_ChangeUint32ToFloat64:
    case IR_ArrayLength:
        return ir_type_of_bits(T_INT32 | T_OTHER_NUM);   /* uint32 words */
    case IR_CheckInt32: case IR_CheckSmi: case IR_CheckFloat64ToInt32:
        return ir_type_of_bits(T_INT32);
    case IR_CheckUint32ToInt32: return ir_type_range(0, INT32_MAX);
    case IR_CheckNumber: return ir_type_of_bits(T_NUMBER);
    case IR_CheckString: case IR_StringConcat: return ir_type_of_bits(T_STRING);
    case IR_CheckHeapObject: return ir_type_of_bits(T_STRING | T_SYMBOL | T_OBJECT);
    case IR_CheckShape: {
        if (ir_node(g, n)->aux.shapes >= g->shape_set_count) return ir_type_of_bits(T_OBJECT);
        const IrShapeSet *s = &g->shape_sets[ir_node(g, n)->aux.shapes];
        return ir_type_with_shapes(s->shapes, s->count);
    }
    case IR_CheckElementsKind: return ir_type_of_bits(T_OBJECT);
    case IR_CheckNotHole: return ir_type_of_bits(T_ANY & ~T_HOLE);
    case IR_CheckHoleToUndefined: return ir_type_of_bits(T_ANY & ~T_HOLE);
    case IR_LoadGlobal: return ir_type_of_bits(T_JSVALUE);
    case IR_CheckBounds: case IR_StringLength:
        return ir_type_range(0, INT32_MAX);
    case IR_JSCall: case IR_CallKnown: return ir_type_of_bits(T_JSVALUE);
    case IR_Dead: return ir_type_none();
    default: break;
    }
    switch ((IrRepr)ir_node(g, n)->repr) {
    case R_NONE: case R_STATE: return ir_type_none();
    case R_INT32: return ir_type_of_bits(T_INT32);
    case R_BIT: return ir_type_range(0, 1);
    case R_FLOAT64: return ir_type_of_bits(T_NUMBER);
    case R_WORD: return ir_type_of_bits(T_INTERNAL);
    default: return ir_type_any();
    }
}

IrType ir_type_transfer(const Graph *g, NodeId n) {
    const IrNode *x = ir_node(g, n);
    IrOp op = (IrOp)x->op;
    IrType a, b, t;
    int32_t ca, cb;
    switch (op) {
    case IR_Int32Constant: return ir_type_range(x->aux.i32, x->aux.i32);
    case IR_Float64Constant: return ir_type_of_double(x->aux.f64);
    case IR_Constant: return ir_type_of_value(x->aux.value);
    case IR_Parameter:
        switch (x->aux.i32) {
        case IR_PARAM_CLOSURE: return ir_type_of_bits(T_OBJECT);
        case IR_PARAM_CONTEXT: return ir_type_of_bits(T_INTERNAL);
        case IR_PARAM_ARGC: return ir_type_range(0, 65535);
        case IR_PARAM_NEW_TARGET: return ir_type_of_bits(T_OBJECT | T_UNDEFINED);
        default: return ir_type_of_bits(T_JSVALUE | T_HOLE);  /* derived ctors: this is the hole */
        }
    case IR_Phi: {
        t = ir_type_none();
        for (uint32_t i = 0; i < ir_nval(g, n); i++) t = ir_type_join(&t, ir_type(g, ir_val(g, n, i)));
        return t;
    }
    case IR_CheckInt32: case IR_CheckSmi: case IR_ChangeTaggedToInt32: case IR_CheckFloat64ToInt32: {
        IrType i32 = ir_type_of_bits(T_INT32);
        a = vt(g, n, 0);
        return ir_type_meet(&a, &i32);
    }
    case IR_CheckUint32ToInt32: {
        IrType r = ir_type_range(0, INT32_MAX);
        a = vt(g, n, 0);
        if (!(a.bits & T_INT32)) return ir_type_none();
        if (a.lo >= 0) return ir_type_meet(&a, &r);
        return r;
    }
    case IR_CheckNumber: case IR_ChangeTaggedToFloat64: {
        IrType num = ir_type_of_bits(T_NUMBER);
        a = vt(g, n, 0);
        return ir_type_meet(&a, &num);
    }
    case IR_CheckString: {
        IrType s = ir_type_of_bits(T_STRING);
        a = vt(g, n, 0);
        return ir_type_meet(&a, &s);
    }
    case IR_CheckHeapObject: case IR_CheckShape: case IR_CheckElementsKind: case IR_CheckNotHole: {
        IrType bound = ir_type_bound(g, n);
        a = vt(g, n, 0);
        return ir_type_meet(&a, &bound);
    }
    case IR_CheckBounds: {
        a = vt(g, n, 0);
        b = vt(g, n, 1);
        if (!(a.bits & T_INT32) || !(b.bits & T_INT32) || b.hi <= 0) return ir_type_none();
        return clip_range(a.lo < 0 ? 0 : a.lo, a.hi < b.hi - 1 ? a.hi : (int64_t)b.hi - 1);
    }
    case IR_Int32AddOverflow: case IR_Int32Add:
        a = vt(g, n, 0); b = vt(g, n, 1);
        if (!int_only(&a) || !int_only(&b)) return ir_type_bound(g, n);
        return op == IR_Int32Add ? wrap_range((int64_t)a.lo + b.lo, (int64_t)a.hi + b.hi)
                                 : clip_range((int64_t)a.lo + b.lo, (int64_t)a.hi + b.hi);
    case IR_Int32SubOverflow: case IR_Int32Sub:
        a = vt(g, n, 0); b = vt(g, n, 1);
        if (!int_only(&a) || !int_only(&b)) return ir_type_bound(g, n);
        return op == IR_Int32Sub ? wrap_range((int64_t)a.lo - b.hi, (int64_t)a.hi - b.lo)
                                 : clip_range((int64_t)a.lo - b.hi, (int64_t)a.hi - b.lo);
    case IR_Int32MulOverflow: case IR_Int32Mul:
        a = vt(g, n, 0); b = vt(g, n, 1);
        if (!int_only(&a) || !int_only(&b)) return ir_type_bound(g, n);
        return mul_range(&a, &b, op == IR_Int32MulOverflow);
    case IR_Int32ModOverflow:
        a = vt(g, n, 0); b = vt(g, n, 1);
        if (int_only(&a) && int_only(&b) && a.lo >= 0) {
            int64_t m = b.lo < 0 ? -(int64_t)b.lo : b.lo;
            int64_t m2 = b.hi < 0 ? -(int64_t)b.hi : b.hi;
            if (m2 > m) m = m2;
            return clip_range(0, m - 1 < a.hi ? m - 1 : a.hi);
        }
        return ir_type_bound(g, n);
    case IR_Int32And:
        a = vt(g, n, 0); b = vt(g, n, 1);
        if (int_only(&a) && int_only(&b)) {
            if (a.lo >= 0 && b.lo >= 0) return ir_type_range(0, a.hi < b.hi ? a.hi : b.hi);
            if (a.lo >= 0) return ir_type_range(0, a.hi);
            if (b.lo >= 0) return ir_type_range(0, b.hi);
        }
        return ir_type_bound(g, n);
    case IR_Int32Or: case IR_Int32Xor:
        a = vt(g, n, 0); b = vt(g, n, 1);
        if (int_only(&a) && int_only(&b) && a.lo >= 0 && b.lo >= 0) {
            uint32_t m = bits_for(a.hi > b.hi ? a.hi : b.hi);
            return ir_type_range(0, (int32_t)m);
        }
        return ir_type_bound(g, n);
    case IR_Int32Sar:
        a = vt(g, n, 0); b = vt(g, n, 1);
        if (int_only(&a) && ir_type_int32_const(&b, &cb)) {
            int s = cb & 31;
            return ir_type_range(a.lo >> s, a.hi >> s);
        }
        return ir_type_bound(g, n);
    case IR_Int32Shr:
        a = vt(g, n, 0); b = vt(g, n, 1);
        if (ir_type_int32_const(&b, &cb) && (cb & 31) != 0) {
            int s = cb & 31;
            if (int_only(&a) && a.lo >= 0) return ir_type_range(a.lo >> s, a.hi >> s);
            return ir_type_range(0, (int32_t)(0xFFFFFFFFu >> s));
        }
        if (int_only(&a) && a.lo >= 0) return a;
        return ir_type_bound(g, n);
    case IR_Int32Equal: case IR_Int32LessThan: case IR_Int32LessThanOrEqual:
        a = vt(g, n, 0); b = vt(g, n, 1);
        if (!int_only(&a) || !int_only(&b)) return bit_type(-1);
        if (op == IR_Int32Equal) {
            if (ir_type_int32_const(&a, &ca) && ir_type_int32_const(&b, &cb)) return bit_type(ca == cb);
            if (a.hi < b.lo || b.hi < a.lo) return bit_type(0);
            return bit_type(-1);
        }
        if (op == IR_Int32LessThan) {
            if (a.hi < b.lo) return bit_type(1);
            if (a.lo >= b.hi) return bit_type(0);
        } else {
            if (a.hi <= b.lo) return bit_type(1);
            if (a.lo > b.hi) return bit_type(0);
        }
        return bit_type(-1);
    case IR_BooleanNot:
        a = vt(g, n, 0);
        if (ir_type_int32_const(&a, &ca)) return bit_type(ca == 0);
        return bit_type(-1);
    case IR_ChangeInt32ToTagged: case IR_ChangeInt32ToFloat64: case IR_ChangeFloat64ToTagged:
        return vt(g, n, 0);
    case IR_TruncateFloat64ToInt32: {
        IrType i32 = ir_type_of_bits(T_INT32);
        a = vt(g, n, 0);
        if (ir_type_only(&a, T_INT32)) return a;
        return i32;
    }
    case IR_ChangeUint32ToFloat64:
        a = vt(g, n, 0);
        if (int_only(&a) && a.lo >= 0) return a;
        return ir_type_bound(g, n);
    case IR_ChangeBitToTagged:
        a = vt(g, n, 0);
        if (ir_type_int32_const(&a, &ca)) return ir_type_of_bits(ca ? T_TRUE : T_FALSE);
        return ir_type_of_bits(T_BOOLEAN);
    case IR_ChangeTaggedToBit:
        a = vt(g, n, 0);
        if (a.bits == T_TRUE) return bit_type(1);
        if (a.bits == T_FALSE) return bit_type(0);
        return bit_type(-1);
    case IR_ToBoolean:
        a = vt(g, n, 0);
        return bit_type(ir_type_truthiness(&a));
    case IR_ReferenceEqual: {
        Value va, vb;
        a = vt(g, n, 0); b = vt(g, n, 1);
        if (ir_type_const_value(&a, &va) && ir_type_const_value(&b, &vb) &&
            !rt_is_double(va) && !rt_is_double(vb))
            return bit_type(va == vb);
        IrType m = ir_type_meet(&a, &b);
        if (ir_type_is_none(&m)) return bit_type(0);
        return bit_type(-1);
    }
    case IR_LoadElement:
        switch (x->aux.ek) {
        case EK_PACKED_SMI: return ir_type_of_bits(T_INT32);
        case EK_HOLEY_SMI: return ir_type_of_bits(T_INT32 | T_HOLE);
        case EK_PACKED_DOUBLE: return ir_type_of_bits(T_NUMBER);
        case EK_HOLEY_DOUBLE: return ir_type_of_bits(T_NUMBER | T_HOLE);
        default: return ir_type_any();
        }
    case IR_AllocateObject: {
        if (x->aux.shapes >= g->shape_set_count) return ir_type_of_bits(T_OBJECT);
        const IrShapeSet *s = &g->shape_sets[x->aux.shapes];
        return ir_type_with_shapes(s->shapes, s->count);
    }
    case IR_Allocate: return ir_type_of_bits(T_INTERNAL);
    case IR_Float64Add: case IR_Float64Sub: case IR_Float64Mul: case IR_Float64Div:
    case IR_Float64Mod: case IR_Float64Pow: case IR_Float64Neg: case IR_Float64Abs: case IR_Float64Sqrt:
        return ir_type_of_bits(T_NUMBER);
    default:
        return ir_type_bound(g, n);
    }
}

bool ir_type_update(Graph *g, NodeId n) {
    IrNode *x = ir_node(g, n);
    if (x->visits >= IR_TYPE_MAX_UPDATES) return false;
    IrType t = ir_type_transfer(g, n);
    IrType bound = ir_type_bound(g, n);
    t = ir_type_meet(&t, &bound);
    IrType *old = ir_type(g, n);
    IrType nt = ir_type_meet(old, &t);
    if (ir_type_equal(&nt, old)) return false;
    *old = nt;
    x->visits++;
    return true;
}

uint32_t ir_type_clamp(Graph *g) {
    uint32_t changed = 0;
    for (NodeId n = 1; n < g->node_count; n++) {
        if (!ir_is_live(g, n) || !ir_produces_value(g, n)) continue;
        IrType bound = ir_type_bound(g, n);
        IrType *t = ir_type(g, n);
        if (ir_type_is(t, &bound)) continue;
        *t = ir_type_meet(t, &bound);
        changed++;
    }
    return changed;
}
