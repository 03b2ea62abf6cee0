/* pass_fold.c — typing, constant folding, algebraic simplification, global
 * value numbering, branch folding and check elimination, all on one
 * worklist iterated to a fixpoint.
 *
 * Follows Click & Paleczny 1995 ("A Simple Graph-Based Intermediate
 * Representation": peephole rules applied as nodes are revisited, in a
 * graph where only pure nodes float) and Click 1995 (PhD thesis, "Combining
 * Analyses, Combining Optimizations": value numbering by hash-consing pure
 * nodes, interleaved with constant propagation so that each helps the
 * other). Dead control is handled locally with a Dead node, as V8's
 * DeadCodeElimination reducer does; pass_dce sweeps what is left.
 *
 * Floating point is exact: no reassociation, no fused multiply-add, and
 * only identities that hold for every double (x*1, x/1, x-0, x+(-0); never
 * x+0, which turns -0 into +0).
 *
 * Determinism: the worklist is FIFO, seeded in id order; users are pushed
 * in use-list order. The hash table only decides which equal node is found,
 * and the first one inserted always wins.
 */
#include "pass.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct Fold {
    Graph *g;
    NodeId *wl;
    uint32_t head, tail, cap;
    uint8_t *queued;
    uint32_t queued_cap;
    NodeId *tab;            /* value-number table (0 = empty) */
    uint32_t tab_cap, tab_used;
    uint64_t visits, changes;
} Fold;

/* ---- worklist -------------------------------------------------------------------- */

static void push(Fold *f, NodeId n) {
    Graph *g = f->g;
    if (!ir_is_live(g, n)) return;
    if (n >= f->queued_cap) {
        uint32_t c = g->node_cap > n + 1 ? g->node_cap : n + 1;
        f->queued = ir_xrealloc(f->queued, c);
        memset(f->queued + f->queued_cap, 0, c - f->queued_cap);
        f->queued_cap = c;
    }
    if (f->queued[n]) return;
    f->queued[n] = 1;
    if (f->tail == f->cap) {
        if (f->head > f->cap / 2) {
            memmove(f->wl, f->wl + f->head, (f->tail - f->head) * sizeof(NodeId));
            f->tail -= f->head;
            f->head = 0;
        } else {
            f->cap = f->cap ? f->cap * 2 : 256;
            f->wl = ir_xrealloc(f->wl, f->cap * sizeof(NodeId));
        }
    }
    f->wl[f->tail++] = n;
}

static void push_uses(Fold *f, NodeId n) {
    uint32_t c;
    NodeId *u = ir_uses_copy(f->g, n, &c);
    for (uint32_t i = 0; i < c; i++) push(f, u[i]);
    free(u);
}

static void push_inputs(Fold *f, NodeId n) {
    for (uint32_t i = 0; i < ir_in_count(f->g, n); i++) push(f, ir_in(f->g, n, i));
}

/* ---- value numbering ------------------------------------------------------------- */

static uint64_t mix(uint64_t h, uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

static uint64_t node_hash(const Graph *g, NodeId n) {
    const IrNode *x = ir_node(g, n);
    uint64_t h = mix(x->op, x->repr);
    h = mix(h, x->aux.raw[0]);
    h = mix(h, x->aux.raw[1]);
    for (uint32_t i = 0; i < x->in_count; i++) h = mix(h, ir_in(g, n, i));
    return h;
}

static bool node_equal(const Graph *g, NodeId a, NodeId b) {
    const IrNode *x = ir_node(g, a), *y = ir_node(g, b);
    if (x->op != y->op || x->repr != y->repr || x->in_count != y->in_count || x->nctl != y->nctl ||
        x->neff != y->neff || x->nfs != y->nfs || x->aux.raw[0] != y->aux.raw[0] ||
        x->aux.raw[1] != y->aux.raw[1])
        return false;
    return memcmp(ir_inputs(g, a), ir_inputs(g, b), x->in_count * sizeof(NodeId)) == 0;
}

static void tab_insert_raw(Fold *f, NodeId n) {
    uint32_t mask = f->tab_cap - 1;
    uint32_t i = (uint32_t)node_hash(f->g, n) & mask;
    while (f->tab[i]) {
        if (f->tab[i] == n) return;
        i = (i + 1) & mask;
    }
    f->tab[i] = n;
    f->tab_used++;
}

static void tab_grow(Fold *f) {
    NodeId *old = f->tab;
    uint32_t oc = f->tab_cap;
    f->tab_cap = oc ? oc * 2 : 256;
    f->tab = ir_xcalloc(f->tab_cap, sizeof(NodeId));
    f->tab_used = 0;
    for (uint32_t i = 0; i < oc; i++)
        if (old[i] && ir_is_live(f->g, old[i])) tab_insert_raw(f, old[i]);
    free(old);
}

/* The first live node equal to n, or n itself after inserting it. Entries
 * are compared by their current inputs, so an entry whose inputs changed
 * since insertion can only ever match a node that is truly equal to it. */
static NodeId value_number(Fold *f, NodeId n) {
    if (f->tab_used * 2 >= f->tab_cap) tab_grow(f);
    uint32_t mask = f->tab_cap - 1;
    uint32_t i = (uint32_t)node_hash(f->g, n) & mask;
    while (f->tab[i]) {
        NodeId m = f->tab[i];
        if (m == n) return n;
        if (ir_is_live(f->g, m) && node_equal(f->g, m, n)) return m;
        i = (i + 1) & mask;
    }
    f->tab[i] = n;
    f->tab_used++;
    return n;
}

/* ---- helpers ---------------------------------------------------------------------------- */

static bool i32_const(const Graph *g, NodeId n, int32_t *out) {
    if (ir_op(g, n) == IR_Int32Constant) { *out = ir_node(g, n)->aux.i32; return true; }
    return false;
}
static bool f64_const(const Graph *g, NodeId n, double *out) {
    if (ir_op(g, n) == IR_Float64Constant) { *out = ir_node(g, n)->aux.f64; return true; }
    return false;
}
/* Bitwise identity: tells +0 from -0. */
static bool is_f64(const Graph *g, NodeId n, double v) {
    double c;
    return f64_const(g, n, &c) && memcmp(&c, &v, sizeof c) == 0;
}

static NodeId new_pure1(Fold *f, IrOp op, NodeId a, uint32_t bc) {
    NodeId n = IR_NEW(f->g, op, a);
    ir_node(f->g, n)->bc_offset = bc;
    ir_type_update(f->g, n);
    return n;
}

/* JS ** (ECMA-262 Number::exponentiate), which differs from C pow at the edges. */
static double js_pow(double x, double y) {
    if (isnan(y)) return NAN;
    if (y == 0) return 1;
    if ((x == 1 || x == -1) && isinf(y)) return NAN;
    return pow(x, y);
}

/* Constant node of n's representation for a singleton type, or IR_NONE. */
static NodeId constant_for_type(Fold *f, NodeId n) {
    Graph *g = f->g;
    const IrType *t = ir_type(g, n);
    switch ((IrRepr)ir_node(g, n)->repr) {
    case R_INT32: case R_BIT: {
        int32_t c;
        if (ir_type_int32_const(t, &c)) return ir_int32(g, c);
        return IR_NONE;
    }
    case R_FLOAT64: {
        double d;
        if (ir_type_number_const(t, &d)) return ir_float64(g, d);
        return IR_NONE;
    }
    case R_TAGGED: {
        Value v;
        if (ir_type_const_value(t, &v) && v != RT_HOLE) return ir_constant(g, v);
        return IR_NONE;
    }
    default: return IR_NONE;
    }
}

/* ---- dead control ------------------------------------------------------------------------ */

static bool is_merge(IrOp op) { return op == IR_Region || op == IR_Loop; }

/* Removes control input i of a merge and the matching Phi/EffectPhi inputs. */
static void merge_remove_input(Fold *f, NodeId m, uint32_t i) {
    Graph *g = f->g;
    uint32_t c;
    NodeId *u = ir_uses_copy(g, m, &c);
    for (uint32_t k = 0; k < c; k++) {
        NodeId p = u[k];
        if (!ir_is_live(g, p) || ir_ctl0(g, p) != m) continue;
        if (ir_op(g, p) == IR_Phi && i < ir_nval(g, p)) ir_remove_input(g, p, ir_nctl(g, p) + i);
        else if (ir_op(g, p) == IR_EffectPhi && i < ir_neff(g, p)) ir_remove_input(g, p, ir_nctl(g, p) + i);
        push(f, p);
    }
    free(u);
    ir_remove_input(g, m, i);
}

/* Replaces n by Dead in every use; the users will die in turn. */
static void make_dead(Fold *f, NodeId n) {
    Graph *g = f->g;
    NodeId d = ir_dead(g);
    push_uses(f, n);
    push_inputs(f, n);
    ir_replace_uses(g, n, d);
    ir_kill(g, n);
    f->changes++;
}

/* Returns true when n was handled as (part of) dead code. */
static bool reduce_dead(Fold *f, NodeId n) {
    Graph *g = f->g;
    IrOp op = ir_op(g, n);
    if (op == IR_Dead) {
        if (ir_use_count(g, n) == 0) { ir_kill(g, n); }
        return true;
    }
    if (is_merge(op) || op == IR_End) {
        bool changed = false;
        if (op == IR_Loop && ir_nctl(g, n) > 0 && ir_op(g, ir_ctl(g, n, 0)) == IR_Dead) {
            make_dead(f, n);       /* a loop nobody enters */
            return true;
        }
        for (uint32_t i = ir_nctl(g, n); i-- > 0;) {
            if (ir_op(g, ir_ctl(g, n, i)) == IR_Dead) {
                if (op == IR_End) ir_remove_input(g, n, i);
                else merge_remove_input(f, n, i);
                changed = true;
            }
        }
        if (changed) { f->changes++; push_uses(f, n); }
        if (op != IR_End && ir_nctl(g, n) == 0) { make_dead(f, n); return true; }
        return changed;
    }
    /* Any other node dies with its control, effect or (except Phi) value input. */
    for (uint32_t i = 0; i < ir_in_count(g, n); i++) {
        NodeId in = ir_in(g, n, i);
        if (ir_is_live(g, in) && ir_op(g, in) == IR_Dead) {
            IrSlotKind k = ir_slot_kind(g, n, i);
            if (op == IR_Phi && k == IR_SLOT_VAL) continue;
            if (op == IR_EffectPhi && k == IR_SLOT_EFF) continue;
            make_dead(f, n);
            return true;
        }
    }
    return false;
}

/* A merge with one predecessor is that predecessor; its phis are their input. */
static NodeId reduce_merge(Fold *f, NodeId n) {
    Graph *g = f->g;
    if (ir_nctl(g, n) != 1) return IR_NONE;
    uint32_t c;
    NodeId *u = ir_uses_copy(g, n, &c);
    for (uint32_t k = 0; k < c; k++) {
        NodeId p = u[k];
        if (!ir_is_live(g, p) || ir_ctl0(g, p) != n) continue;
        if (ir_op(g, p) == IR_Phi || ir_op(g, p) == IR_EffectPhi) {
            NodeId v = ir_in(g, p, 1);
            push_uses(f, p);
            ir_replace_uses(g, p, v == p ? ir_dead(g) : v);
            ir_kill(g, p);
        }
    }
    free(u);
    return ir_ctl(g, n, 0);
}

/* Phi(x, x, self, x) is x (Braun et al. 2013, trivial phis). */
static NodeId reduce_phi(Fold *f, NodeId n) {
    Graph *g = f->g;
    bool eff = ir_op(g, n) == IR_EffectPhi;
    uint32_t cnt = eff ? ir_neff(g, n) : ir_nval(g, n);
    NodeId same = IR_NONE;
    for (uint32_t i = 0; i < cnt; i++) {
        NodeId v = eff ? ir_eff(g, n, i) : ir_val(g, n, i);
        if (v == n || v == same) continue;
        if (same != IR_NONE) return IR_NONE;
        same = v;
    }
    (void)f;
    return same;
}

/* ---- branches ------------------------------------------------------------------------------ */

static bool reduce_if(Fold *f, NodeId n) {
    Graph *g = f->g;
    NodeId cond = ir_val(g, n, 0);
    NodeId t = ir_find_use(g, n, IR_IfTrue), e = ir_find_use(g, n, IR_IfFalse);
    if (!t || !e) return false;
    /* If(!x) branches on x with the projections swapped. */
    if (ir_op(g, cond) == IR_BooleanNot) {
        ir_set_input(g, n, 1, ir_val(g, cond, 0));
        ir_node(g, t)->op = IR_IfFalse;
        ir_node(g, e)->op = IR_IfTrue;
        push(f, cond);
        return true;
    }
    int32_t c;
    if (!ir_type_int32_const(ir_type(g, cond), &c)) return false;
    NodeId taken = c ? t : e, other = c ? e : t;
    NodeId ctl = ir_ctl(g, n, 0);
    push_uses(f, taken);
    ir_replace_uses(g, taken, ctl);
    ir_kill(g, taken);
    make_dead(f, other);
    ir_kill(g, n);
    push(f, cond);
    return true;
}

/* ---- checks ------------------------------------------------------------------------------------ */

/* A check proven by its input's type: the node becomes `with` and leaves
 * the effect chain. */
static NodeId drop_check(Fold *f, NodeId n, NodeId with) {
    Graph *g = f->g;
    push_uses(f, n);
    ir_replace_by_kind(g, n, IR_NONE, ir_eff0(g, n), with);
    return with;
}

/* An identical check earlier on the effect chain already guards the value:
 * the effect chain up to a merge runs before n, so it dominates n. Type
 * checks hold for good; shape and elements-kind checks only until something
 * writes memory or calls out. */
static NodeId dominating_check(const Graph *g, NodeId n) {
    IrOp op = ir_op(g, n);
    bool memory = op == IR_CheckShape || op == IR_CheckElementsKind;
    NodeId e = ir_eff0(g, n);
    for (int steps = 0; steps < 64 && ir_is_live(g, e); steps++) {
        IrOp eo = ir_op(g, e);
        if (eo == IR_EffectPhi || eo == IR_Start || eo == IR_Dead) return IR_NONE;
        if (eo == op && ir_in_count(g, e) == ir_in_count(g, n) && ir_node(g, e)->aux.raw[0] == ir_node(g, n)->aux.raw[0] &&
            ir_node(g, e)->aux.raw[1] == ir_node(g, n)->aux.raw[1]) {
            bool same = true;
            for (uint32_t i = 0; i < ir_nval(g, n); i++) same &= ir_val(g, e, i) == ir_val(g, n, i);
            if (same) return e;
        }
        if (memory && (ir_has(g, e, P_WRITE) || ir_has(g, e, P_THROW))) return IR_NONE;
        if (ir_neff(g, e) != 1) return IR_NONE;
        e = ir_eff0(g, e);
    }
    return IR_NONE;
}

static NodeId reduce_check(Fold *f, NodeId n) {
    Graph *g = f->g;
    IrOp op = ir_op(g, n);
    if (op != IR_CheckIf) {
        NodeId prior = dominating_check(g, n);
        if (prior != IR_NONE) return drop_check(f, n, prior);
    }
    NodeId x = ir_val(g, n, 0);
    IrOp xo = ir_op(g, x);
    const IrType *t = ir_type(g, x);
    uint32_t bc = ir_node(g, n)->bc_offset;
    IrType want;
    switch (op) {
    case IR_CheckInt32:
        if (xo == IR_ChangeInt32ToTagged) return drop_check(f, n, ir_val(g, x, 0));
        if (ir_type_only(t, T_INT32)) return drop_check(f, n, new_pure1(f, IR_ChangeTaggedToInt32, x, bc));
        return IR_NONE;
    case IR_CheckSmi:
        if (ir_type_only(t, T_INT32)) return drop_check(f, n, x);
        return IR_NONE;
    case IR_CheckNumber:
        if (xo == IR_ChangeInt32ToTagged) return drop_check(f, n, new_pure1(f, IR_ChangeInt32ToFloat64, ir_val(g, x, 0), bc));
        if (xo == IR_ChangeFloat64ToTagged) return drop_check(f, n, ir_val(g, x, 0));
        if (ir_type_only(t, T_NUMBER)) return drop_check(f, n, new_pure1(f, IR_ChangeTaggedToFloat64, x, bc));
        return IR_NONE;
    case IR_CheckString:
        if (ir_type_only(t, T_STRING)) return drop_check(f, n, x);
        return IR_NONE;
    case IR_CheckHeapObject:
        if (ir_type_only(t, T_STRING | T_SYMBOL | T_OBJECT)) return drop_check(f, n, x);
        return IR_NONE;
    case IR_CheckNotHole:
        if (t->bits && !(t->bits & T_HOLE)) return drop_check(f, n, x);
        return IR_NONE;
    case IR_CheckHoleToUndefined: {
        const IrType *e = ir_type(g, ir_val(g, n, 1));
        if (e->bits && !(e->bits & T_HOLE)) return drop_check(f, n, ir_val(g, n, 1));
        return IR_NONE;
    }
    case IR_CheckShape:
        want = ir_type_bound(g, n);
        if (t->bits && ir_type_is(t, &want)) return drop_check(f, n, x);
        return IR_NONE;
    case IR_CheckBounds: {
        const IrType *len = ir_type(g, ir_val(g, n, 1));
        if (ir_type_only(t, T_INT32) && ir_type_only(len, T_INT32) && t->lo >= 0 && t->hi < len->lo)
            return drop_check(f, n, x);
        return IR_NONE;
    }
    case IR_CheckIf: {
        int32_t c;
        if (ir_type_int32_const(t, &c) && c != 0) {
            push_uses(f, n);
            ir_replace_by_kind(g, n, IR_NONE, ir_eff0(g, n), IR_NONE);
            return ir_eff0(g, n);
        }
        return IR_NONE;
    }
    case IR_CheckFloat64ToInt32:
        if (xo == IR_ChangeInt32ToFloat64) return drop_check(f, n, ir_val(g, x, 0));
        if (ir_type_only(t, T_INT32)) return drop_check(f, n, new_pure1(f, IR_TruncateFloat64ToInt32, x, bc));
        return IR_NONE;
    case IR_CheckUint32ToInt32:
        if (ir_type_only(t, T_INT32) && t->lo >= 0) return drop_check(f, n, x);
        return IR_NONE;
    default:
        return IR_NONE;
    }
}

/* Int32 arithmetic that deoptimizes on overflow (and -0): constants fold
 * when the exact result is an int32 the interpreter would also produce. */
static NodeId reduce_overflow(Fold *f, NodeId n) {
    Graph *g = f->g;
    IrOp op = ir_op(g, n);
    NodeId a = ir_val(g, n, 0), b = ir_val(g, n, 1);
    int32_t ca, cb;
    bool ka = i32_const(g, a, &ca), kb = i32_const(g, b, &cb);
    if ((op == IR_Int32AddOverflow || op == IR_Int32MulOverflow) && ka && !kb) {
        ir_set_input(g, n, 2, b);     /* constants to the right */
        ir_set_input(g, n, 3, a);
        NodeId t = a; a = b; b = t;
        int32_t tc = ca; ca = cb; cb = tc;
        ka = false; kb = true;
        f->changes++;
    }
    if (ka && kb) {
        int64_t r;
        bool ok = true;
        switch (op) {
        case IR_Int32AddOverflow: r = (int64_t)ca + cb; break;
        case IR_Int32SubOverflow: r = (int64_t)ca - cb; break;
        case IR_Int32MulOverflow: r = (int64_t)ca * cb; ok = !(r == 0 && (ca < 0 || cb < 0)); break;
        case IR_Int32DivOverflow:
            ok = cb != 0 && !(ca == 0 && cb < 0) && !(ca == INT32_MIN && cb == -1) && ca % cb == 0;
            r = ok ? ca / cb : 0;
            break;
        case IR_Int32ModOverflow:
            ok = cb != 0 && !(ca == INT32_MIN && cb == -1);
            r = ok ? ca % cb : 0;
            ok = ok && !(r == 0 && ca < 0);   /* -5 % 5 is -0 */
            break;
        default: return IR_NONE;
        }
        if (ok && r >= INT32_MIN && r <= INT32_MAX) {
            NodeId k = ir_int32(g, (int32_t)r);
            return drop_check(f, n, k);
        }
        return IR_NONE;
    }
    /* x+0, x-0: int32 only (for doubles x+0 is not x when x is -0). */
    if (kb && cb == 0 && (op == IR_Int32AddOverflow || op == IR_Int32SubOverflow)) return drop_check(f, n, a);
    if (kb && cb == 1 && (op == IR_Int32MulOverflow || op == IR_Int32DivOverflow)) return drop_check(f, n, a);
    /* Exact ranges prove that no overflow happens: the plain machine op. */
    const IrType *ta = ir_type(g, a), *tb = ir_type(g, b);
    if (ir_type_only(ta, T_INT32) && ir_type_only(tb, T_INT32)) {
        int64_t lo, hi;
        IrOp plain = IR__COUNT;
        if (op == IR_Int32AddOverflow) { lo = (int64_t)ta->lo + tb->lo; hi = (int64_t)ta->hi + tb->hi; plain = IR_Int32Add; }
        else if (op == IR_Int32SubOverflow) { lo = (int64_t)ta->lo - tb->hi; hi = (int64_t)ta->hi - tb->lo; plain = IR_Int32Sub; }
        if (plain != IR__COUNT && lo >= INT32_MIN && hi <= INT32_MAX) {
            NodeId p = IR_NEW(g, plain, a, b);
            ir_node(g, p)->bc_offset = ir_node(g, n)->bc_offset;
            ir_type_update(g, p);
            return drop_check(f, n, p);
        }
    }
    return IR_NONE;
}

/* ---- pure arithmetic ---------------------------------------------------------------------------- */

static NodeId reduce_int32(Fold *f, NodeId n) {
    Graph *g = f->g;
    IrOp op = ir_op(g, n);
    NodeId a = ir_val(g, n, 0), b = ir_val(g, n, 1);
    int32_t ca, cb;
    bool ka = i32_const(g, a, &ca), kb = i32_const(g, b, &cb);
    if (ir_op_has(op, P_COMM) && ka && !kb) {
        ir_set_input(g, n, 0, b);
        ir_set_input(g, n, 1, a);
        f->changes++;
        push(f, n);
        return IR_NONE;
    }
    if (ka && kb) {
        uint32_t ua = (uint32_t)ca, ub = (uint32_t)cb;
        int32_t r;
        switch (op) {
        case IR_Int32Add: r = (int32_t)(ua + ub); break;
        case IR_Int32Sub: r = (int32_t)(ua - ub); break;
        case IR_Int32Mul: r = (int32_t)(ua * ub); break;
        case IR_Int32And: r = ca & cb; break;
        case IR_Int32Or: r = ca | cb; break;
        case IR_Int32Xor: r = ca ^ cb; break;
        case IR_Int32Shl: r = (int32_t)(ua << (ub & 31)); break;
        case IR_Int32Sar: r = ca >> (ub & 31); break;
        case IR_Int32Shr: r = (int32_t)(ua >> (ub & 31)); break;
        case IR_Int32Equal: r = ca == cb; break;
        case IR_Int32LessThan: r = ca < cb; break;
        case IR_Int32LessThanOrEqual: r = ca <= cb; break;
        default: return IR_NONE;
        }
        return ir_int32(g, r);
    }
    switch (op) {
    case IR_Int32Add: case IR_Int32Sub: case IR_Int32Or: case IR_Int32Xor:
        if (kb && cb == 0) return a;
        break;
    case IR_Int32Shl: case IR_Int32Sar:
        if (kb && (cb & 31) == 0) return a;
        break;
    case IR_Int32Mul:
        if (kb && cb == 1) return a;
        if (kb && cb == 0) return b;
        break;
    case IR_Int32And:
        if (kb && cb == -1) return a;
        if (kb && cb == 0) return b;
        break;
    default: break;
    }
    if (a == b) {
        switch (op) {
        case IR_Int32Sub: case IR_Int32Xor: return ir_int32(g, 0);
        case IR_Int32And: case IR_Int32Or: return a;
        case IR_Int32Equal: case IR_Int32LessThanOrEqual: return ir_int32(g, 1);
        case IR_Int32LessThan: return ir_int32(g, 0);
        default: break;
        }
    }
    return IR_NONE;
}

static NodeId reduce_float64(Fold *f, NodeId n) {
    Graph *g = f->g;
    IrOp op = ir_op(g, n);
    if (op == IR_Float64Neg || op == IR_Float64Abs || op == IR_Float64Sqrt) {
        NodeId a = ir_val(g, n, 0);
        double ca;
        if (f64_const(g, a, &ca)) return ir_float64(g, op == IR_Float64Neg ? -ca : op == IR_Float64Abs ? fabs(ca) : sqrt(ca));
        if (op == IR_Float64Neg && ir_op(g, a) == IR_Float64Neg) return ir_val(g, a, 0);
        return IR_NONE;
    }
    NodeId a = ir_val(g, n, 0), b = ir_val(g, n, 1);
    double ca, cb;
    bool ka = f64_const(g, a, &ca), kb = f64_const(g, b, &cb);
    if (ir_op_has(op, P_COMM) && ka && !kb) {
        ir_set_input(g, n, 0, b);
        ir_set_input(g, n, 1, a);
        f->changes++;
        push(f, n);
        return IR_NONE;
    }
    if (ka && kb) {
        switch (op) {
        case IR_Float64Add: return ir_float64(g, ca + cb);
        case IR_Float64Sub: return ir_float64(g, ca - cb);
        case IR_Float64Mul: return ir_float64(g, ca * cb);
        case IR_Float64Div: return ir_float64(g, ca / cb);
        case IR_Float64Mod: return ir_float64(g, fmod(ca, cb));
        case IR_Float64Pow: return ir_float64(g, js_pow(ca, cb));
        case IR_Float64Equal: return ir_int32(g, ca == cb);
        case IR_Float64LessThan: return ir_int32(g, ca < cb);
        case IR_Float64LessThanOrEqual: return ir_int32(g, ca <= cb);
        default: return IR_NONE;
        }
    }
    switch (op) {
    case IR_Float64Add: if (is_f64(g, b, -0.0)) return a; break;   /* x + (-0) == x, even for -0 */
    case IR_Float64Sub: if (is_f64(g, b, 0.0)) return a; break;    /* x - (+0) == x, even for -0 */
    case IR_Float64Mul: if (is_f64(g, b, 1.0)) return a; break;
    case IR_Float64Div: if (is_f64(g, b, 1.0)) return a; break;
    default: break;
    }
    return IR_NONE;
}

static NodeId reduce_change(Fold *f, NodeId n) {
    Graph *g = f->g;
    IrOp op = ir_op(g, n);
    NodeId x = ir_val(g, n, 0);
    IrOp xo = ir_op(g, x);
    switch (op) {
    case IR_ChangeTaggedToInt32:
        if (xo == IR_ChangeInt32ToTagged) return ir_val(g, x, 0);
        break;
    case IR_ChangeTaggedToFloat64:
        if (xo == IR_ChangeFloat64ToTagged) return ir_val(g, x, 0);
        if (xo == IR_ChangeInt32ToTagged)
            return new_pure1(f, IR_ChangeInt32ToFloat64, ir_val(g, x, 0), ir_node(g, n)->bc_offset);
        break;
    case IR_ChangeTaggedToBit:
    case IR_ToBoolean:
        if (xo == IR_ChangeBitToTagged) return ir_val(g, x, 0);
        break;
    case IR_ChangeBitToTagged:
        break;
    case IR_TruncateFloat64ToInt32:
        if (xo == IR_ChangeInt32ToFloat64) return ir_val(g, x, 0);
        {
            double d;
            if (f64_const(g, x, &d)) {
                /* JS ToInt32: modulo 2^32 of the truncated value. */
                if (!isfinite(d)) return ir_int32(g, 0);
                double m = fmod(trunc(d), 4294967296.0);
                if (m < 0) m += 4294967296.0;
                return ir_int32(g, (int32_t)(uint32_t)m);
            }
        }
        break;
    case IR_BooleanNot:
        if (xo == IR_BooleanNot) return ir_val(g, x, 0);
        break;
    case IR_ReferenceEqual: {
        /* ChangeBitToTagged(b) === true is b; === false is !b. */
        NodeId y = ir_val(g, n, 1);
        if (xo != IR_ChangeBitToTagged) { NodeId t = x; x = y; y = t; xo = ir_op(g, x); }
        if (xo == IR_ChangeBitToTagged && ir_op(g, y) == IR_Constant) {
            Value v = ir_node(g, y)->aux.value;
            if (v == RT_TRUE) return ir_val(g, x, 0);
            if (v == RT_FALSE) return new_pure1(f, IR_BooleanNot, ir_val(g, x, 0), ir_node(g, n)->bc_offset);
        }
        break;
    }
    case IR_ChangeFloat64ToTagged:
        if (xo == IR_ChangeInt32ToFloat64)
            return new_pure1(f, IR_ChangeInt32ToTagged, ir_val(g, x, 0), ir_node(g, n)->bc_offset);
        break;
    default: break;
    }
    return IR_NONE;
}

/* ---- the driver --------------------------------------------------------------------------------- */

static bool is_check(IrOp op) {
    return ir_op_has(op, P_DEOPT) && ir_op_has(op, P_PINNED) && op != IR_Deoptimize &&
           op < IR_Int32AddOverflow;
}

/* One visit: type, then try the rules; returns the replacement (or IR_NONE). */
static NodeId reduce(Fold *f, NodeId n) {
    Graph *g = f->g;
    IrOp op = ir_op(g, n);
    if (op == IR_If) return reduce_if(f, n) ? n : IR_NONE;
    if (is_merge(op)) return reduce_merge(f, n);
    if (op == IR_Phi || op == IR_EffectPhi) return reduce_phi(f, n);
    if (op >= IR_CheckInt32 && op <= IR_CheckUint32ToInt32 && is_check(op)) return reduce_check(f, n);
    if (op >= IR_Int32AddOverflow && op <= IR_Int32ModOverflow) return reduce_overflow(f, n);
    if (!ir_op_has(op, P_PURE) || op == IR_FrameState) return IR_NONE;
    if (op == IR_Int32Constant || op == IR_Float64Constant || op == IR_Constant) return IR_NONE;
    /* A pure node whose type is one value is that constant. */
    NodeId k = constant_for_type(f, n);
    if (k != IR_NONE) return k;
    if (op >= IR_Int32Add && op <= IR_Int32LessThanOrEqual) return reduce_int32(f, n);
    if (op >= IR_Float64Add && op <= IR_Float64LessThanOrEqual) return reduce_float64(f, n);
    return reduce_change(f, n);
}

static void replace(Fold *f, NodeId n, NodeId r) {
    Graph *g = f->g;
    push_uses(f, n);
    push(f, r);
    if (ir_has(g, n, P_CTRL)) ir_replace_by_kind(g, n, r, IR_NONE, IR_NONE);
    else if (ir_has(g, n, P_EFF) && ir_op(g, n) != IR_EffectPhi) ir_replace_by_kind(g, n, IR_NONE, ir_eff0(g, n), r);
    else ir_replace_uses(g, n, r);
    if (ir_use_count(g, n) == 0) {
        push_inputs(f, n);
        ir_kill(g, n);
    }
}

bool pass_fold(Graph *g, PassContext *ctx) {
    Fold f = {0};
    f.g = g;
    for (NodeId n = 1; n < g->node_count; n++) push(&f, n);
    while (f.head < f.tail) {
        NodeId n = f.wl[f.head++];
        f.queued[n] = 0;
        if (!ir_is_live(g, n)) continue;
        f.visits++;
        /* Unused values die here; control nodes are DCE's business. */
        if (ir_use_count(g, n) == 0 && !ir_has(g, n, P_CTRL) && n != g->start && n != g->end) {
            push_inputs(&f, n);
            ir_kill(g, n);
            f.changes++;
            continue;
        }
        if (reduce_dead(&f, n)) continue;
        if (ir_produces_value(g, n) && ir_type_update(g, n)) push_uses(&f, n);
        NodeId r = reduce(&f, n);
        if (r != IR_NONE && r != n) {
            f.changes++;
            replace(&f, n, r);
            continue;
        }
        if (r == n) {                /* changed in place */
            f.changes++;
            if (ir_is_live(g, n)) push(&f, n);
            continue;
        }
        if (ir_is_live(g, n) && ir_has(g, n, P_PURE)) {
            NodeId m = value_number(&f, n);
            if (m != n) {
                f.changes++;
                replace(&f, n, m);
            }
        }
    }
    if (ir_is_live(g, g->dead) && ir_use_count(g, g->dead) == 0) ir_kill(g, g->dead);
    free(f.wl);
    free(f.queued);
    free(f.tab);
    ctx->visits += f.visits;
    ctx->changes += f.changes;
    return f.changes > 0;
}
