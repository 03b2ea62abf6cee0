/* pass_peel.c — loop peeling: one copy of the body of each small innermost
 * loop runs before the loop.
 *
 * Peeling one iteration turns "checked on every iteration" into "checked
 * once": after it, the checks, shape checks and field loads of
 * loop-invariant values in the loop body are covered by their copies in the
 * peeled iteration, and checkelim / loadelim drop them (and GCM no longer
 * finds them pinned in the loop). This is the use of peeling in V8's
 * TurboFan (LoopPeeler) and in Graal; the transformation is the textbook
 * one (Muchnick, "Advanced Compiler Design and Implementation", §14.1 and
 * §17.4: loop peeling) done on the sea of nodes, on top of the loop tree
 * of pass_loops.c.
 *
 * The copy: every control node of the body, every node pinned to one, and
 * every floating node that depends on one of those (FrameStates included).
 * In the copy the header is its entry edge and each header phi its entry
 * value; the copy's back edge becomes the loop's entry, and the header phis
 * take the copy's values there. Loops with one back edge and one exit only:
 * the original exit and the copy's exit meet in a Region, where a Phi (or
 * EffectPhi) chooses, for every use after the loop, between the value of
 * the loop and that of the peeled iteration.
 */
#include "pass.h"
#include "pass_loops.h"

#include <stdlib.h>
#include <string.h>

#define PEEL_MAX_NODES 400      /* nodes copied per loop */
#define PEEL_MAX_GROWTH 4000    /* nodes added per function */
#define PEEL_MAX_GRAPH 20000    /* larger functions are left alone (the analysis is per loop) */
#define PEEL_MAX_LOOPS 32       /* loops considered per function */

typedef struct Peel {
    Graph *g;
    NodeId *copy;               /* original id -> copy (0: not copied) */
    uint8_t *inloop;            /* member of the copied set */
    NodeId *set;
    uint32_t nset;
} Peel;

static bool is_block_child(const Graph *g, NodeId n, const uint8_t *body) {
    return !ir_has(g, n, P_CTRL) && ir_nctl(g, n) > 0 && body[ir_ctl0(g, n)];
}

/* Whether pure node x depends, through pure nodes, on a node of the body
 * (memo: 0 unknown, 1 yes, 2 no). */
static bool depends(Peel *p, NodeId x, uint8_t *memo, const uint8_t *pinned) {
    const Graph *g = p->g;
    if (pinned[x]) return true;
    if (!ir_has(g, x, P_PURE)) return false;
    if (memo[x]) return memo[x] == 1;
    memo[x] = 2;
    bool d = false;
    for (uint32_t i = 0; i < ir_in_count(g, x); i++) d |= depends(p, ir_in(g, x, i), memo, pinned);
    memo[x] = d ? 1 : 2;
    return d;
}

/* The set to copy: body control, nodes pinned there, and the floating
 * nodes they use that depend on the body. False when too large. */
static bool collect(Peel *p, const LoopInfo *l) {
    Graph *g = p->g;
    uint32_t n = g->node_count;
    uint8_t *body = ir_xcalloc(n, 1), *pinned = ir_xcalloc(n, 1), *memo = ir_xcalloc(n, 1);
    for (uint32_t k = 0; k < l->nbody; k++) body[l->body[k]] = 1;
    for (uint32_t k = 0; k < l->nbody; k++) { pinned[l->body[k]] = 1; p->inloop[l->body[k]] = 1; p->set[p->nset++] = l->body[k]; }
    for (NodeId x = 1; x < n; x++)
        if (ir_is_live(g, x) && is_block_child(g, x, body)) { pinned[x] = 1; p->inloop[x] = 1; p->set[p->nset++] = x; }
    /* Floating inputs of the set (and their inputs) that depend on the body. */
    for (uint32_t k = 0; k < p->nset && p->nset <= PEEL_MAX_NODES; k++) {
        NodeId x = p->set[k];
        for (uint32_t i = 0; i < ir_in_count(g, x); i++) {
            NodeId y = ir_in(g, x, i);
            if (p->inloop[y] || !ir_has(g, y, P_PURE) || !depends(p, y, memo, pinned)) continue;
            p->inloop[y] = 1;
            p->set[p->nset++] = y;
        }
    }
    bool ok = p->nset <= PEEL_MAX_NODES;
    free(body);
    free(pinned);
    free(memo);
    return ok;
}

/* What an original node stands for in the peeled iteration. */
static NodeId mapped(const Peel *p, const LoopInfo *l, NodeId x) {
    const Graph *g = p->g;
    if (!p->inloop[x]) return x;
    if (x == l->header) return ir_ctl(g, x, 0);
    if (p->copy[x]) return p->copy[x];
    return IR_NONE;
}

/* Header phis in the copy are their entry values (which are outside the loop). */
static NodeId header_entry(const Graph *g, const LoopInfo *l, NodeId x) {
    if (ir_ctl0(g, x) != l->header) return IR_NONE;
    if (ir_op(g, x) == IR_Phi) return ir_val(g, x, 0);
    if (ir_op(g, x) == IR_EffectPhi) return ir_eff(g, x, 0);
    return IR_NONE;
}

/* Whether the loop can be peeled with the single-exit scheme. */
static bool peelable(Peel *p, const LoopTree *t, uint32_t li) {
    const Graph *g = p->g;
    const LoopInfo *l = &t->loops[li];
    if (l->children || ir_nctl(g, l->header) != 2 || l->nexits != 1) return false;
    IrOp eo = ir_op(g, l->exits[0]);
    if (eo != IR_IfTrue && eo != IR_IfFalse) return false;
    if (!collect(p, l)) return false;
    /* Uses from after the loop: values and effects only (they get phis),
     * never a FrameState or control other than the exit. */
    for (uint32_t k = 0; k < p->nset; k++) {
        NodeId x = p->set[k];
        const NodeId *u = ir_uses(g, x);
        for (uint32_t i = 0; i < ir_use_count(g, x); i++) {
            NodeId y = u[i];
            if (p->inloop[y]) continue;
            if (y == l->exits[0]) continue;
            if (ir_has(g, x, P_CTRL)) {
                /* Control of the body used outside: only as a merge input of the header. */
                if (y == l->header) continue;
                return false;
            }
            if (ir_node(g, x)->repr == R_STATE) return false;
        }
    }
    return true;
}

static void peel(Peel *p, const LoopInfo *l) {
    Graph *g = p->g;
    uint32_t before = g->node_count;
    /* 1. Create the copies (inputs filled in step 2, once every copy exists). */
    for (uint32_t k = 0; k < p->nset; k++) {
        NodeId x = p->set[k];
        if (x == l->header || header_entry(g, l, x) != IR_NONE) continue;
        const IrNode *o = ir_node(g, x);
        uint32_t nin = o->in_count;
        NodeId *in = ir_xmalloc((nin ? nin : 1) * sizeof(NodeId));
        for (uint32_t i = 0; i < nin; i++) in[i] = g->start;   /* placeholders */
        uint32_t nval = nin - o->nctl - o->neff - o->nfs;
        NodeId c = ir_node_new(g, (IrOp)o->op, o->nctl, o->neff, nval, o->nfs, in);
        free(in);
        IrNode *cn = ir_node(g, c);
        o = ir_node(g, x);     /* the arena may have moved */
        cn->repr = o->repr;
        cn->aux = o->aux;
        cn->bc_offset = o->bc_offset;
        *ir_type(g, c) = *ir_type(g, x);
        p->copy[x] = c;
    }
    /* Header phis of the copy resolve to entry values, which may themselves be copied. */
    for (uint32_t k = 0; k < p->nset; k++) {
        NodeId x = p->set[k];
        NodeId e = header_entry(g, l, x);
        if (e != IR_NONE) p->copy[x] = p->inloop[e] ? mapped(p, l, e) : e;
    }
    /* 2. Wire the copies. */
    for (uint32_t k = 0; k < p->nset; k++) {
        NodeId x = p->set[k];
        if (x == l->header || header_entry(g, l, x) != IR_NONE) continue;
        NodeId c = p->copy[x];
        for (uint32_t i = 0; i < ir_in_count(g, x); i++) ir_set_input(g, c, i, mapped(p, l, ir_in(g, x, i)));
    }
    /* Terminators in the copy (none expected: the loop has one exit). */
    /* 3. The copy's back edge enters the loop; header phis take the copy's values there. */
    NodeId back = ir_ctl(g, l->header, 1);
    ir_set_input(g, l->header, 0, mapped(p, l, back));
    for (uint32_t k = 0; k < p->nset; k++) {
        NodeId x = p->set[k];
        if (ir_ctl0(g, x) != l->header || x == l->header || x >= before) continue;
        if (ir_op(g, x) == IR_Phi) ir_set_input(g, x, 1, mapped(p, l, ir_val(g, x, 1)));
        else if (ir_op(g, x) == IR_EffectPhi) ir_set_input(g, x, 1, mapped(p, l, ir_eff(g, x, 1)));
    }
    /* 4. The two exits meet; uses after the loop choose through phis. */
    NodeId exit = l->exits[0];
    NodeId exit_copy = IR_NEW(g, (IrOp)ir_op(g, exit), mapped(p, l, ir_ctl(g, exit, 0)));
    ir_node(g, exit_copy)->bc_offset = ir_node(g, exit)->bc_offset;
    NodeId region = IR_NEW(g, IR_Region, exit, exit_copy);
    ir_node(g, region)->bc_offset = ir_node(g, exit)->bc_offset;
    ir_replace_uses(g, exit, region);
    ir_set_input(g, region, 0, exit);
    for (uint32_t k = 0; k < p->nset; k++) {
        NodeId x = p->set[k];
        if (ir_has(g, x, P_CTRL)) continue;
        uint32_t cnt;
        NodeId *users = ir_uses_copy(g, x, &cnt);
        NodeId vphi = IR_NONE, ephi = IR_NONE;
        for (uint32_t i = 0; i < cnt; i++) {
            NodeId y = users[i];
            if (y >= before || p->inloop[y]) continue;
            for (uint32_t s = 0; s < ir_in_count(g, y); s++) {
                if (ir_in(g, y, s) != x) continue;
                IrSlotKind kind = ir_slot_kind(g, y, s);
                NodeId other = mapped(p, l, x);
                NodeId phi;
                if (kind == IR_SLOT_EFF) {
                    if (!ephi) ephi = IR_NEW(g, IR_EffectPhi, region, x, other);
                    phi = ephi;
                } else {
                    if (!vphi) {
                        vphi = IR_NEW(g, IR_Phi, region, x, other);
                        ir_node(g, vphi)->repr = ir_node(g, x)->repr;
                        *ir_type(g, vphi) = *ir_type(g, x);
                        ir_type_update(g, vphi);
                    }
                    phi = vphi;
                }
                ir_set_input(g, y, s, phi);
            }
        }
        free(users);
    }
}

bool pass_peel(Graph *g, PassContext *ctx) {
    if (g->live_count > PEEL_MAX_GRAPH) return false;
    LoopTree t;
    uint32_t start_count = g->node_count;
    loops_find(g, &t);
    uint64_t peeled = 0;
    for (uint32_t li = 0; li < t.count && li < PEEL_MAX_LOOPS; li++) {
        if (g->node_count - start_count > PEEL_MAX_GROWTH) break;
        ctx->visits++;
        Peel p = {0};
        p.g = g;
        uint32_t n = g->node_count;
        p.copy = ir_xcalloc(n, sizeof(NodeId));
        p.inloop = ir_xcalloc(n, 1);
        p.set = ir_xmalloc(n * sizeof(NodeId));
        if (peelable(&p, &t, li)) {
            peel(&p, &t.loops[li]);
            peeled++;
        }
        free(p.copy);
        free(p.inloop);
        free(p.set);
    }
    loops_free(&t);
    ctx->changes += peeled;
    return peeled > 0;
}
