/* pass_loadelim.c — load elimination and store-to-load forwarding on the
 * effect chain.
 *
 * A LoadField of (object, field) is replaced by the value an earlier
 * LoadField of the same location produced, or by the value an earlier
 * StoreField wrote there, when nothing on any effect path in between may
 * have written that location. The same holds for ArrayLength (the length
 * of an array) and LoadContextSlot (a captured variable).
 *
 * Alias rules (type-based, in the manner of Fink, Knobe & Sarkar 2000,
 * "Unified Analysis of Array and Object References in Strongly Typed
 * Languages", SAS: a field is a location class of its own, and two
 * accesses of different fields never alias; within a field, two object
 * references alias unless proven distinct — here: unless they are the very
 * same SSA value, seen through the checks that only refine it):
 *   - a store to another field (another in-object or out-of-line slot)
 *     never kills; a store to the same field of another object does;
 *   - element stores never touch named fields, and never change an array's
 *     length (the builder emits them only in bounds);
 *   - context slots are told apart by slot index only (two contexts at
 *     different depths may be the same context);
 *   - calls, generic stubs and any write not named here kill everything.
 * At a merge the value is looked up on every incoming path; different
 * values meet in a new Phi. At a loop header the value coming in from
 * before the loop is kept when nothing in the loop body may write the
 * location (this moves loop-invariant loads out of the loop).
 * The walk is the demand-driven form of the global formulation in
 * Graal's read elimination: no global data-flow tables, a memo per query.
 */
#include "pass.h"

#include <stdlib.h>
#include <string.h>

#define WALK_BUDGET 4096

typedef enum { LOC_FIELD, LOC_LENGTH, LOC_CONTEXT } LocKind;

typedef struct Loc {
    LocKind kind;
    NodeId obj;            /* root object (or context) */
    uint32_t a, b;         /* field: slot, in-object; context: depth, slot */
} Loc;

typedef struct LoadElim {
    Graph *g;
    NodeId *memo;          /* per effect node: value found, or IR_NONE */
    uint32_t *memo_stamp;
    uint32_t memo_cap, stamp;
    uint32_t budget;
    bool failed;
    uint64_t visits, changes;
} LoadElim;

#define MEMO_BUSY 0xFFFFFFFFu

/* The object a reference denotes: checks pass their input through. */
static NodeId root_of(const Graph *g, NodeId n) {
    for (int i = 0; i < 16; i++) {
        IrOp op = ir_op(g, n);
        if (op != IR_CheckShape && op != IR_CheckHeapObject && op != IR_CheckElementsKind &&
            op != IR_CheckNotHole)
            break;
        n = ir_val(g, n, 0);
    }
    return n;
}

static bool loc_of(const Graph *g, NodeId n, Loc *l) {
    const IrNode *x = ir_node(g, n);
    switch (ir_op(g, n)) {
    case IR_LoadField: case IR_StoreField:
        *l = (Loc){LOC_FIELD, root_of(g, ir_val(g, n, 0)), x->aux.field.slot, x->aux.field.inobject};
        return true;
    case IR_ArrayLength:
        *l = (Loc){LOC_LENGTH, root_of(g, ir_val(g, n, 0)), 0, 0};
        return true;
    case IR_LoadContextSlot: case IR_StoreContextSlot:
        *l = (Loc){LOC_CONTEXT, ir_val(g, n, 0), x->aux.ctx.depth, x->aux.ctx.slot};
        return true;
    default:
        return false;
    }
}

typedef enum { E_PASS, E_HIT, E_KILL } Effect;

/* What effect node e does to location l: nothing (E_PASS), provides its
 * value (E_HIT, in *v), or may change it (E_KILL). */
static Effect effect_on(const Graph *g, NodeId e, const Loc *l, NodeId *v) {
    IrOp op = ir_op(g, e);
    Loc m;
    switch (op) {
    case IR_LoadField: case IR_ArrayLength: case IR_LoadContextSlot:
        loc_of(g, e, &m);
        if (m.kind == l->kind && m.obj == l->obj && m.a == l->a && m.b == l->b) { *v = e; return E_HIT; }
        return E_PASS;
    case IR_StoreField:
        if (l->kind != LOC_FIELD) return E_PASS;
        loc_of(g, e, &m);
        if (m.a != l->a || m.b != l->b) return E_PASS;          /* another field */
        if (m.obj == l->obj) { *v = ir_val(g, e, 1); return E_HIT; }
        return E_KILL;                                          /* may be the same object */
    case IR_StoreContextSlot:
        if (l->kind != LOC_CONTEXT) return E_PASS;
        loc_of(g, e, &m);
        if (m.b != l->b) return E_PASS;                         /* another slot */
        if (m.obj == l->obj && m.a == l->a) { *v = ir_val(g, e, 1); return E_HIT; }
        return E_KILL;
    case IR_StoreElement: case IR_Allocate: case IR_AllocateObject:
        return E_PASS;
    case IR_JSCall: case IR_CallKnown: case IR_CallRuntime:
        return E_KILL;
    default:
        return ir_has(g, e, P_WRITE) ? E_KILL : E_PASS;
    }
}

static NodeId lookup(LoadElim *s, NodeId e, const Loc *l);

/* Whether anything on the loop's body chain (from its back edges back to
 * the header's EffectPhi) may write l. */
static bool loop_kills(LoadElim *s, NodeId phi, const Loc *l) {
    Graph *g = s->g;
    uint32_t cap = 64, sp = 0;
    NodeId *stack = ir_xmalloc(cap * sizeof(NodeId));
    uint8_t *seen = ir_xcalloc(g->node_count, 1);
    bool kills = false;
    seen[phi] = 1;
    for (uint32_t i = 1; i < ir_neff(g, phi); i++) stack[sp++] = ir_eff(g, phi, i);
    while (sp && !kills) {
        NodeId e = stack[--sp];
        if (seen[e]) continue;
        seen[e] = 1;
        s->visits++;
        if (!s->budget--) { kills = true; break; }
        if (!ir_is_live(g, e) || ir_op(g, e) == IR_Start || ir_op(g, e) == IR_Dead) { kills = true; break; }
        NodeId v;
        Effect k = effect_on(g, e, l, &v);
        if (k == E_KILL) { kills = true; break; }
        if (k == E_HIT && ir_op(g, e) != IR_LoadField && ir_op(g, e) != IR_ArrayLength &&
            ir_op(g, e) != IR_LoadContextSlot) { kills = true; break; }   /* a store in the loop */
        for (uint32_t i = 0; i < ir_neff(g, e); i++) {
            if (sp == cap) { cap *= 2; stack = ir_xrealloc(stack, cap * sizeof(NodeId)); }
            stack[sp++] = ir_eff(g, e, i);
        }
    }
    free(stack);
    free(seen);
    return kills;
}

static NodeId merge_values(LoadElim *s, NodeId phi, const Loc *l) {
    Graph *g = s->g;
    NodeId region = ir_ctl0(g, phi);
    uint32_t n = ir_neff(g, phi);
    if (ir_op(g, region) != IR_Region || ir_nctl(g, region) != n) return IR_NONE;
    NodeId *vals = ir_xmalloc(n * sizeof(NodeId));
    bool same = true;
    for (uint32_t i = 0; i < n; i++) {
        vals[i] = lookup(s, ir_eff(g, phi, i), l);
        if (vals[i] == IR_NONE) { free(vals); return IR_NONE; }
        same &= vals[i] == vals[0];
    }
    NodeId r = vals[0];
    if (!same) {
        /* Every value comes in with the same representation (one location). */
        NodeId *in = ir_xmalloc((n + 1) * sizeof(NodeId));
        in[0] = region;
        memcpy(in + 1, vals, n * sizeof(NodeId));
        r = ir_node_new(g, IR_Phi, 1, 0, n, 0, in);
        free(in);
        ir_node(g, r)->repr = ir_node(g, vals[0])->repr;
        ir_node(g, r)->bc_offset = ir_node(g, region)->bc_offset;
        ir_type_update(g, r);
    }
    free(vals);
    return r;
}

/* The value of l right after effect node e, or IR_NONE when unknown. */
static NodeId lookup(LoadElim *s, NodeId e, const Loc *l) {
    Graph *g = s->g;
    NodeId start = e;
    for (;;) {
        if (!ir_is_live(g, e) || e >= s->memo_cap) return IR_NONE;
        if (s->memo_stamp[e] == s->stamp) return s->memo[e] == MEMO_BUSY ? IR_NONE : s->memo[e];
        s->visits++;
        if (!s->budget--) return IR_NONE;
        IrOp op = ir_op(g, e);
        if (op == IR_Start || op == IR_Dead) return IR_NONE;
        NodeId v = IR_NONE;
        if (op == IR_EffectPhi) {
            s->memo_stamp[e] = s->stamp;
            s->memo[e] = MEMO_BUSY;
            NodeId ctl = ir_ctl0(g, e);
            if (ir_op(g, ctl) == IR_Loop)
                v = loop_kills(s, e, l) ? IR_NONE : lookup(s, ir_eff(g, e, 0), l);
            else
                v = merge_values(s, e, l);
            s->memo[e] = v;
            (void)start;
            return v;
        }
        Effect k = effect_on(g, e, l, &v);
        if (k == E_HIT) return v;
        if (k == E_KILL || ir_neff(g, e) != 1) return IR_NONE;
        e = ir_eff0(g, e);
    }
}

bool pass_loadelim(Graph *g, PassContext *ctx) {
    LoadElim s = {0};
    s.g = g;
    uint32_t count = g->node_count;
    s.memo_cap = count;
    s.memo = ir_xmalloc(count * sizeof(NodeId));
    s.memo_stamp = ir_xcalloc(count, sizeof(uint32_t));
    for (NodeId n = 1; n < count; n++) {
        if (!ir_is_live(g, n)) continue;
        IrOp op = ir_op(g, n);
        if (op != IR_LoadField && op != IR_ArrayLength && op != IR_LoadContextSlot) continue;
        Loc l;
        loc_of(g, n, &l);
        s.stamp++;
        s.budget = WALK_BUDGET;
        NodeId v = lookup(&s, ir_eff0(g, n), &l);
        if (v == IR_NONE || v == n || ir_node(g, v)->repr != ir_node(g, n)->repr) continue;
        ir_replace_by_kind(g, n, IR_NONE, ir_eff0(g, n), v);
        if (ir_use_count(g, n) == 0) ir_kill(g, n);
        s.changes++;
    }
    /* Phis made for lookups that failed further up are unused. */
    for (NodeId n = count; n < g->node_count; n++)
        if (ir_is_live(g, n) && ir_use_count(g, n) == 0) ir_kill_if_unused(g, n);
    free(s.memo);
    free(s.memo_stamp);
    ctx->visits += s.visits;
    ctx->changes += s.changes;
    return s.changes > 0;
}
