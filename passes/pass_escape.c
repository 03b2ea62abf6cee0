/* pass_escape.c — escape analysis and scalar replacement of allocations.
 *
 * An AllocateObject whose reference never leaves the function — it is only
 * the object of LoadFields and StoreFields (directly or through a check
 * that merely refines it) — need not exist: each load is the value last
 * stored to that field on every effect path (a Phi where paths disagree),
 * and the stores and the allocation go. This is the allocation-wide case of
 * Stadler, Würthinger & Mössenböck 2014 ("Partial Escape Analysis and
 * Scalar Replacement for Java", CGO), whose virtual objects this pass
 * tracks per field along the effect chain; because nothing else can hold a
 * reference to a non-escaping object, no call or store to another object
 * can change its fields, which is what makes the walk simpler than
 * loadelim's.
 *
 * Not (yet) done: the partial part — keeping the object virtual on the
 * paths where it does not escape and materializing it where it does — and
 * virtual objects in FrameStates. Until the deoptimizer materializes
 * objects described by a FrameState, an allocation that any FrameState
 * mentions is left alone.
 */
#include "pass.h"

#include <stdlib.h>
#include <string.h>

#define MAX_ALIASES 64
#define WALK_BUDGET 4096

typedef struct Escape {
    Graph *g;
    NodeId alloc;
    NodeId alias[MAX_ALIASES];    /* the allocation and checks of it */
    uint32_t nalias;
    NodeId *memo;
    uint32_t *stamp_of;
    uint32_t memo_cap, stamp, budget;
    uint64_t visits;
} Escape;

static bool is_alias(const Escape *e, NodeId n) {
    for (uint32_t i = 0; i < e->nalias; i++)
        if (e->alias[i] == n) return true;
    return false;
}

static bool shape_in(const Graph *g, NodeId check, NodeId alloc) {
    const IrShapeSet *a = &g->shape_sets[ir_node(g, alloc)->aux.shapes];
    const IrShapeSet *c = &g->shape_sets[ir_node(g, check)->aux.shapes];
    if (a->count != 1) return false;
    for (uint32_t i = 0; i < c->count; i++)
        if (c->shapes[i] == a->shapes[0]) return true;
    return false;
}

/* Collects the aliases of the allocation and checks every use of them. */
static bool does_not_escape(Escape *e) {
    Graph *g = e->g;
    e->nalias = 0;
    e->alias[e->nalias++] = e->alloc;
    for (uint32_t k = 0; k < e->nalias; k++) {
        NodeId a = e->alias[k];
        const NodeId *u = ir_uses(g, a);
        for (uint32_t i = 0; i < ir_use_count(g, a); i++) {
            NodeId y = u[i];
            IrOp op = ir_op(g, y);
            for (uint32_t s = 0; s < ir_in_count(g, y); s++) {
                if (ir_in(g, y, s) != a) continue;
                IrSlotKind kind = ir_slot_kind(g, y, s);
                if (kind == IR_SLOT_EFF) continue;                   /* the effect chain */
                if (kind != IR_SLOT_VAL) return false;
                uint32_t v = s - ir_nctl(g, y) - ir_neff(g, y);
                if ((op == IR_LoadField || op == IR_StoreField) && v == 0) continue;
                if ((op == IR_CheckShape && shape_in(g, y, e->alloc)) || op == IR_CheckHeapObject) {
                    if (!is_alias(e, y)) {
                        if (e->nalias == MAX_ALIASES) return false;
                        e->alias[e->nalias++] = y;
                    }
                    continue;
                }
                return false;                                       /* stored, passed, compared, in a FrameState */
            }
        }
    }
    return true;
}

static NodeId field_value(Escape *e, NodeId eff, uint32_t slot, uint8_t inobject);

/* Values on the paths into a Region; a Phi where they differ. */
static NodeId merge(Escape *e, NodeId phi, uint32_t slot, uint8_t inobject) {
    Graph *g = e->g;
    NodeId r = ir_ctl0(g, phi);
    uint32_t n = ir_neff(g, phi);
    if (ir_op(g, r) != IR_Region || ir_nctl(g, r) != n) return IR_NONE;
    NodeId *vals = ir_xmalloc(n * sizeof(NodeId));
    bool same = true;
    for (uint32_t i = 0; i < n; i++) {
        vals[i] = field_value(e, ir_eff(g, phi, i), slot, inobject);
        if (!vals[i]) { free(vals); return IR_NONE; }
        same &= vals[i] == vals[0];
    }
    NodeId v = vals[0];
    if (!same) {
        NodeId *in = ir_xmalloc((n + 1) * sizeof(NodeId));
        in[0] = r;
        memcpy(in + 1, vals, n * sizeof(NodeId));
        v = ir_node_new(g, IR_Phi, 1, 0, n, 0, in);
        free(in);
        ir_node(g, v)->bc_offset = ir_node(g, r)->bc_offset;
        ir_type_update(g, v);
    }
    free(vals);
    return v;
}

/* The value of the allocation's field after effect node eff. Loop phis
 * are in progress while their body is walked: a path that comes back to
 * one agrees with whatever the entry says (it stored nothing else). */
static NodeId field_value(Escape *e, NodeId eff, uint32_t slot, uint8_t inobject) {
    Graph *g = e->g;
    for (;;) {
        if (!ir_is_live(g, eff) || eff >= e->memo_cap || !e->budget--) return IR_NONE;
        e->visits++;
        IrOp op = ir_op(g, eff);
        if (op == IR_Start || op == IR_Dead || eff == e->alloc) return IR_NONE;   /* never stored */
        if (op == IR_EffectPhi) {
            if (e->stamp_of[eff] == e->stamp) return e->memo[eff];
            e->stamp_of[eff] = e->stamp;
            e->memo[eff] = IR_NONE;
            NodeId r = ir_ctl0(g, eff);
            if (ir_op(g, r) == IR_Loop) {
                NodeId entry = field_value(e, ir_eff(g, eff, 0), slot, inobject);
                e->memo[eff] = entry;          /* a back edge that stores nothing agrees */
                for (uint32_t i = 1; i < ir_neff(g, eff) && entry; i++)
                    if (field_value(e, ir_eff(g, eff, i), slot, inobject) != entry) entry = IR_NONE;
                e->memo[eff] = entry;
                return entry;
            }
            NodeId v = merge(e, eff, slot, inobject);
            e->memo[eff] = v;
            return v;
        }
        if (op == IR_StoreField && is_alias(e, ir_val(g, eff, 0)) && ir_node(g, eff)->aux.field.slot == slot &&
            ir_node(g, eff)->aux.field.inobject == inobject)
            return ir_val(g, eff, 1);
        if (ir_neff(g, eff) != 1) return IR_NONE;
        eff = ir_eff0(g, eff);
    }
}

/* Drops effect node n from the chain; its value uses (if any) take v. */
static void unlink(Graph *g, NodeId n, NodeId v) {
    ir_replace_by_kind(g, n, IR_NONE, ir_eff0(g, n), v);
    if (ir_use_count(g, n) == 0) ir_kill(g, n);
}

static bool replace_allocation(Escape *e) {
    Graph *g = e->g;
    /* Every load first: all must resolve, or nothing changes. */
    uint32_t nloads = 0, cap = 16;
    NodeId *loads = ir_xmalloc(cap * sizeof(NodeId)), *vals = ir_xmalloc(cap * sizeof(NodeId));
    bool ok = true;
    uint32_t first_new = g->node_count;
    for (uint32_t k = 0; k < e->nalias && ok; k++) {
        const NodeId *u = ir_uses(g, e->alias[k]);
        for (uint32_t i = 0; i < ir_use_count(g, e->alias[k]) && ok; i++) {
            NodeId y = u[i];
            if (ir_op(g, y) != IR_LoadField || ir_val(g, y, 0) != e->alias[k]) continue;
            e->stamp++;
            e->budget = WALK_BUDGET;
            NodeId v = field_value(e, ir_eff0(g, y), ir_node(g, y)->aux.field.slot, ir_node(g, y)->aux.field.inobject);
            if (!v) { ok = false; break; }
            if (nloads == cap) {
                cap *= 2;
                loads = ir_xrealloc(loads, cap * sizeof(NodeId));
                vals = ir_xrealloc(vals, cap * sizeof(NodeId));
            }
            loads[nloads] = y;
            vals[nloads++] = v;
        }
    }
    if (ok) {
        for (uint32_t i = 0; i < nloads; i++) unlink(g, loads[i], vals[i]);
        /* Stores, then checks, then the allocation: none has value uses left. */
        for (uint32_t k = 0; k < e->nalias; k++) {
            uint32_t c;
            NodeId *u = ir_uses_copy(g, e->alias[k], &c);
            for (uint32_t i = 0; i < c; i++)
                if (ir_is_live(g, u[i]) && ir_op(g, u[i]) == IR_StoreField) unlink(g, u[i], IR_NONE);
            free(u);
        }
        for (uint32_t k = e->nalias; k-- > 1;) unlink(g, e->alias[k], IR_NONE);
        unlink(g, e->alloc, IR_NONE);
    } else {
        for (NodeId n = first_new; n < g->node_count; n++)
            if (ir_is_live(g, n) && ir_use_count(g, n) == 0) ir_kill_if_unused(g, n);
    }
    free(loads);
    free(vals);
    return ok;
}

bool pass_escape(Graph *g, PassContext *ctx) {
    Escape e = {0};
    e.g = g;
    uint32_t count = g->node_count;
    e.memo_cap = count;
    e.memo = ir_xcalloc(count, sizeof(NodeId));
    e.stamp_of = ir_xcalloc(count, sizeof(uint32_t));
    uint64_t removed = 0;
    for (NodeId n = 1; n < count; n++) {
        if (!ir_is_live(g, n) || ir_op(g, n) != IR_AllocateObject) continue;
        e.alloc = n;
        ctx->visits++;
        if (does_not_escape(&e) && replace_allocation(&e)) removed++;
    }
    free(e.memo);
    free(e.stamp_of);
    ctx->visits += e.visits;
    ctx->changes += removed;
    return removed > 0;
}
