/* pass_dce.c — dead code elimination on the sea of nodes.
 *
 * Two sweeps, as in Click & Paleczny 1995 §4 (a node is useful when
 * something observable depends on it): first, control not reachable from
 * Start is cut away, with the merge inputs and phi inputs that came from
 * it; then every node that End (and any reachable control, and the effect
 * chain of reachable loops, which may never exit) does not depend on is
 * removed. Effectful nodes on a live chain are reached through effect
 * edges and stay; an effectful node that nothing consumes is dead.
 */
#include "pass.h"

#include <stdlib.h>
#include <string.h>

static bool is_merge(const Graph *g, NodeId n) {
    IrOp op = ir_op(g, n);
    return op == IR_Region || op == IR_Loop;
}

/* Removes control input i of merge m and the matching phi inputs. */
static void merge_remove_input(Graph *g, NodeId m, uint32_t i) {
    uint32_t c;
    NodeId *u = ir_uses_copy(g, m, &c);
    for (uint32_t k = 0; k < c; k++) {
        NodeId p = u[k];
        if (!ir_is_live(g, p) || ir_ctl0(g, p) != m) continue;
        if (ir_op(g, p) == IR_Phi && i < ir_nval(g, p)) ir_remove_input(g, p, 1 + i);
        else if (ir_op(g, p) == IR_EffectPhi && i < ir_neff(g, p)) ir_remove_input(g, p, 1 + i);
    }
    free(u);
    ir_remove_input(g, m, i);
}

static uint32_t forward_reach(const Graph *g, uint8_t *reach) {
    uint32_t n = g->node_count, sp = 0, count = 0;
    NodeId *stack = ir_xmalloc(n * sizeof(NodeId));
    stack[sp++] = g->start;
    reach[g->start] = 1;
    while (sp) {
        NodeId c = stack[--sp];
        count++;
        const NodeId *u = ir_uses(g, c);
        for (uint32_t i = 0; i < ir_use_count(g, c); i++) {
            NodeId s = u[i];
            if (reach[s] || !ir_is_live(g, s) || !ir_has(g, s, P_CTRL) || ir_op(g, s) == IR_Dead) continue;
            bool via_ctl = false;
            for (uint32_t j = 0; j < ir_nctl(g, s); j++) via_ctl |= ir_ctl(g, s, j) == c;
            /* A loop is entered only through its entry edge. */
            if (ir_op(g, s) == IR_Loop && ir_ctl(g, s, 0) != c) via_ctl = false;
            if (!via_ctl) continue;
            reach[s] = 1;
            stack[sp++] = s;
        }
    }
    free(stack);
    return count;
}

bool pass_dce(Graph *g, PassContext *ctx) {
    uint32_t n = g->node_count;
    uint32_t before = g->live_count;
    uint8_t *reach = ir_xcalloc(n, 1);
    ctx->visits += forward_reach(g, reach);

    /* Cut unreachable predecessors out of reachable merges and End. */
    for (NodeId m = 1; m < n; m++) {
        if (!reach[m] || !ir_is_live(g, m)) continue;
        if (!is_merge(g, m) && m != g->end) continue;
        for (uint32_t i = ir_nctl(g, m); i-- > 0;) {
            NodeId p = ir_ctl(g, m, i);
            if (ir_is_live(g, p) && reach[p]) continue;
            if (m == g->end) ir_remove_input(g, m, i);
            else merge_remove_input(g, m, i);
        }
    }
    /* A merge left with one predecessor is that predecessor. */
    for (NodeId m = 1; m < n; m++) {
        if (!reach[m] || !ir_is_live(g, m) || !is_merge(g, m) || ir_nctl(g, m) != 1) continue;
        uint32_t c;
        NodeId *u = ir_uses_copy(g, m, &c);
        for (uint32_t k = 0; k < c; k++) {
            NodeId p = u[k];
            if (!ir_is_live(g, p) || ir_ctl0(g, p) != m) continue;
            if (ir_op(g, p) == IR_Phi || ir_op(g, p) == IR_EffectPhi) {
                NodeId v = ir_in(g, p, 1);
                if (v != p) {
                    ir_replace_uses(g, p, v);
                    ir_kill(g, p);
                }
            }
        }
        free(u);
        ir_replace_by_kind(g, m, ir_ctl(g, m, 0), IR_NONE, IR_NONE);
    }

    /* Mark what the program's outcome depends on. */
    uint8_t *live = ir_xcalloc(n, 1);
    NodeId *stack = ir_xmalloc(n * sizeof(NodeId));
    uint32_t sp = 0;
#define MARK(x) do { NodeId x_ = (x); if (ir_is_live(g, x_) && !live[x_]) { live[x_] = 1; stack[sp++] = x_; } } while (0)
    MARK(g->end);
    MARK(g->start);
    for (NodeId c = 1; c < n; c++) {
        if (!reach[c] || !ir_is_live(g, c)) continue;
        if (is_merge(g, c) && ir_use_count(g, c) == 0) continue;   /* bypassed above */
        MARK(c);
        if (ir_op(g, c) == IR_Loop) {
            const NodeId *u = ir_uses(g, c);
            for (uint32_t i = 0; i < ir_use_count(g, c); i++)
                if (ir_op(g, u[i]) == IR_EffectPhi) MARK(u[i]);
        }
    }
    while (sp) {
        NodeId x = stack[--sp];
        ctx->visits++;
        for (uint32_t i = 0; i < ir_in_count(g, x); i++) MARK(ir_in(g, x, i));
    }
#undef MARK
    for (NodeId x = 1; x < n; x++)
        if (ir_is_live(g, x) && !live[x]) ir_kill(g, x);

    free(reach);
    free(live);
    free(stack);
    uint32_t removed = before - g->live_count;
    ctx->changes += removed;
    return removed > 0;
}
