/* pass_checkelim.c — redundant check elimination across merges and loops.
 *
 * A speculative check (CheckInt32, CheckShape, CheckBounds, ...) is
 * redundant when an equal or stronger check of the same value has run on
 * every path that reaches it. "Every path" is read off the effect chain:
 * the effect chain threads every check in execution order, and an
 * EffectPhi stands exactly where control paths meet, so a backward walk
 * from a check over effect edges that meets the same earlier check on every
 * path before reaching Start proves that the earlier check dominates it.
 * pass_fold already does this along a straight chain; this pass walks
 * through EffectPhis (both merges and loop headers), which is what makes
 * a check before a loop, or in a peeled first iteration, cover the same
 * check in the loop body.
 *
 * Follows the redundancy-elimination idea of V8's TurboFan (a check known
 * on all incoming effect paths is dropped) and, for the one implication
 * between distinct checks that matters in JavaScript arrays, the spirit of
 * Bodík, Gupta & Sarkar 2000 ("ABCD: Eliminating Array Bounds Checks on
 * Demand", PLDI): a check is proven by walking backwards on demand rather
 * than by a global data-flow solution.
 *
 * Type checks (int32, number, string, not-hole, bounds, ...) are facts
 * about SSA values and hold for good. Shape and elements-kind checks are
 * facts about memory: they hold until something could change a shape — a
 * call, a generic stub, or a write this pass does not know. A StoreField
 * writes an existing field and never changes a shape, StoreElement never
 * grows or transitions (the builder only emits it for in-bounds stores of
 * the array's kind), and allocation makes new objects only.
 */
#include "pass.h"

#include <stdlib.h>
#include <string.h>

#define WALK_BUDGET 4096   /* effect nodes visited per check before giving up */

typedef struct CheckElim {
    Graph *g;
    uint32_t *seen;        /* visit stamp per node */
    uint32_t seen_cap, stamp;
    NodeId *stack;
    uint32_t stack_cap;
    uint64_t visits, changes;
} CheckElim;

static bool is_check(IrOp op) {
    switch (op) {
    case IR_CheckInt32: case IR_CheckSmi: case IR_CheckNumber: case IR_CheckString:
    case IR_CheckHeapObject: case IR_CheckShape: case IR_CheckElementsKind: case IR_CheckBounds:
    case IR_CheckNotHole: case IR_CheckIf: case IR_CheckFloat64ToInt32: case IR_CheckUint32ToInt32:
    case IR_Int32AddOverflow: case IR_Int32SubOverflow: case IR_Int32MulOverflow:
    case IR_Int32DivOverflow: case IR_Int32ModOverflow:
        return true;
    default:
        return false;
    }
}

static bool is_memory_check(IrOp op) { return op == IR_CheckShape || op == IR_CheckElementsKind; }

/* Whether effect node e may change an object's shape or an array's
 * elements kind. */
static bool changes_maps(const Graph *g, NodeId e) {
    IrOp op = ir_op(g, e);
    switch (op) {
    case IR_JSCall: case IR_CallKnown: case IR_CallRuntime:
        return true;
    case IR_StoreField: case IR_StoreElement: case IR_StoreContextSlot:
    case IR_Allocate: case IR_AllocateObject:
        return false;
    default:
        return ir_has(g, e, P_WRITE);
    }
}

static bool same_values(const Graph *g, NodeId a, NodeId b) {
    if (ir_nval(g, a) != ir_nval(g, b)) return false;
    for (uint32_t i = 0; i < ir_nval(g, a); i++)
        if (ir_val(g, a, i) != ir_val(g, b, i)) return false;
    return true;
}

static bool shapes_subset(const Graph *g, uint32_t a, uint32_t b) {
    const IrShapeSet *sa = &g->shape_sets[a], *sb = &g->shape_sets[b];
    for (uint32_t i = 0; i < sa->count; i++) {
        bool found = false;
        for (uint32_t j = 0; j < sb->count && !found; j++) found = sa->shapes[i] == sb->shapes[j];
        if (!found) return false;
    }
    return true;
}

/* Whether the earlier check `a` implies the later check `b`. */
static bool implies(const Graph *g, NodeId a, NodeId b) {
    IrOp oa = ir_op(g, a), ob = ir_op(g, b);
    if (!is_check(oa)) return false;
    if (oa == ob) {
        if (!same_values(g, a, b)) return false;
        const IrNode *x = ir_node(g, a), *y = ir_node(g, b);
        switch (ob) {
        case IR_CheckIf: return true;   /* the reason does not matter: the condition held */
        case IR_CheckShape: return shapes_subset(g, x->aux.shapes, y->aux.shapes);
        case IR_CheckElementsKind: return (x->aux.ek & ~y->aux.ek) == 0;
        default: return x->aux.raw[0] == y->aux.raw[0] && x->aux.raw[1] == y->aux.raw[1];
        }
    }
    /* A small integer is a number and a small integer tagged. */
    if (oa == IR_CheckInt32 && (ob == IR_CheckNumber || ob == IR_CheckSmi))
        return ir_val(g, a, 0) == ir_val(g, b, 0);
    return false;
}

static void mark(CheckElim *c, NodeId n) { c->seen[n] = c->stamp; }
static bool marked(const CheckElim *c, NodeId n) { return c->seen[n] == c->stamp; }

static void push(CheckElim *c, NodeId n, uint32_t *sp) {
    if (*sp == c->stack_cap) {
        c->stack_cap = c->stack_cap ? c->stack_cap * 2 : 256;
        c->stack = ir_xrealloc(c->stack, c->stack_cap * sizeof(NodeId));
    }
    c->stack[(*sp)++] = n;
}

#define SEVERAL 0xFFFFFFFFu   /* covered, by different checks on different paths */

/* The earlier check that implies n on every effect path into n: one node
 * (it runs before n on every path, so it dominates n and its value output
 * can stand for n's), SEVERAL when different paths have different ones,
 * or IR_NONE. */
static NodeId covering_check(CheckElim *c, NodeId n) {
    Graph *g = c->g;
    bool memory = is_memory_check(ir_op(g, n));
    if (++c->stamp == 0) {
        memset(c->seen, 0, c->seen_cap * sizeof(uint32_t));
        c->stamp = 1;
    }
    NodeId found = IR_NONE;
    uint32_t sp = 0, budget = WALK_BUDGET;
    mark(c, n);
    for (uint32_t i = 0; i < ir_neff(g, n); i++) push(c, ir_eff(g, n, i), &sp);
    while (sp) {
        NodeId e = c->stack[--sp];
        if (marked(c, e)) continue;
        mark(c, e);
        c->visits++;
        if (!budget--) return IR_NONE;
        IrOp op = ir_op(g, e);
        if (!ir_is_live(g, e) || op == IR_Start || op == IR_Dead) return IR_NONE;
        if (implies(g, e, n)) {
            found = found == IR_NONE || found == e ? e : SEVERAL;
            continue;
        }
        if (memory && changes_maps(g, e)) return IR_NONE;
        for (uint32_t i = 0; i < ir_neff(g, e); i++) push(c, ir_eff(g, e, i), &sp);
    }
    return found;
}

static NodeId conversion(Graph *g, IrOp op, NodeId x, NodeId like) {
    NodeId r = IR_NEW(g, op, x);
    ir_node(g, r)->bc_offset = ir_node(g, like)->bc_offset;
    ir_type_update(g, r);
    return r;
}

/* n's value output as computed from the covering check a (or, when several
 * checks cover n, from n's input, which is then known to pass). Sets *ok to
 * false when there is no such value. */
static NodeId replacement(CheckElim *c, NodeId a, NodeId n, bool *ok) {
    Graph *g = c->g;
    IrOp on = ir_op(g, n);
    *ok = true;
    if (on == IR_CheckIf) return IR_NONE;
    if (a != SEVERAL) {
        IrOp oa = ir_op(g, a);
        if (oa == on) return a;
        return conversion(g, on == IR_CheckNumber ? IR_ChangeInt32ToFloat64 : IR_ChangeInt32ToTagged, a, n);
    }
    NodeId x = ir_val(g, n, 0);
    switch (on) {
    case IR_CheckInt32: return conversion(g, IR_ChangeTaggedToInt32, x, n);
    case IR_CheckNumber: return conversion(g, IR_ChangeTaggedToFloat64, x, n);
    case IR_CheckFloat64ToInt32: return conversion(g, IR_TruncateFloat64ToInt32, x, n);
    case IR_CheckSmi: case IR_CheckString: case IR_CheckHeapObject: case IR_CheckNotHole:
    case IR_CheckShape: case IR_CheckElementsKind: case IR_CheckBounds: case IR_CheckUint32ToInt32:
        return x;
    default:
        *ok = false;    /* arithmetic: its result comes from one node */
        return IR_NONE;
    }
}

bool pass_checkelim(Graph *g, PassContext *ctx) {
    CheckElim c = {0};
    c.g = g;
    c.seen_cap = g->node_count;
    c.seen = ir_xcalloc(c.seen_cap, sizeof(uint32_t));
    uint32_t count = g->node_count;   /* nodes made here are never checks */
    for (NodeId n = 1; n < count; n++) {
        if (!ir_is_live(g, n) || !is_check(ir_op(g, n)) || ir_neff(g, n) != 1) continue;
        NodeId a = covering_check(&c, n);
        if (a == IR_NONE) continue;
        bool ok;
        NodeId r = replacement(&c, a, n, &ok);
        if (!ok) continue;
        ir_replace_by_kind(g, n, IR_NONE, ir_eff0(g, n), r);
        if (ir_use_count(g, n) == 0) ir_kill(g, n);
        c.changes++;
    }
    free(c.seen);
    free(c.stack);
    ctx->visits += c.visits;
    ctx->changes += c.changes;
    return c.changes > 0;
}
