/* pass_loops.c — loop analysis: the loop tree of a sea-of-nodes graph.
 *
 * In the sea of nodes a loop is explicit: a Loop node whose input 0 is the
 * entry and whose other inputs are back edges (the builder rejects
 * irreducible loops, so every cycle of control has such a header). The
 * body of a loop is every control node from which a back edge is reached
 * without passing the header: a backward walk over control inputs from the
 * back edges, stopping at the header — the natural loop of a back edge
 * (Aho, Lam, Sethi & Ullman, "Compilers", §9.6), which on reducible
 * control flow is exactly the loop. Nesting follows from containment of
 * headers; exits are control nodes outside whose control input is inside.
 * This is an analysis used by the loop transformations, not a pass of its
 * own.
 */
#include "pass_loops.h"

#include <stdlib.h>
#include <string.h>

static int by_id(const void *a, const void *b) {
    NodeId x = *(const NodeId *)a, y = *(const NodeId *)b;
    return x < y ? -1 : x > y;
}

/* Control nodes reachable from Start (loops entered through input 0 only). */
static void reachable(const Graph *g, uint8_t *reach) {
    NodeId *stack = ir_xmalloc(g->node_count * sizeof(NodeId));
    uint32_t sp = 0;
    stack[sp++] = g->start;
    reach[g->start] = 1;
    while (sp) {
        NodeId c = stack[--sp];
        const NodeId *u = ir_uses(g, c);
        for (uint32_t i = 0; i < ir_use_count(g, c); i++) {
            NodeId s = u[i];
            if (reach[s] || !ir_is_live(g, s) || !ir_has(g, s, P_CTRL) || ir_op(g, s) == IR_Dead) continue;
            bool via = false;
            for (uint32_t j = 0; j < ir_nctl(g, s); j++) via |= ir_ctl(g, s, j) == c;
            if (!via || (ir_op(g, s) == IR_Loop && ir_ctl(g, s, 0) != c)) continue;
            reach[s] = 1;
            stack[sp++] = s;
        }
    }
    free(stack);
}

uint32_t loops_find(const Graph *g, LoopTree *t) {
    memset(t, 0, sizeof *t);
    uint32_t n = g->node_count;
    t->ids = n;
    t->innermost = ir_xmalloc(n * sizeof(uint32_t));
    for (uint32_t i = 0; i < n; i++) t->innermost[i] = LOOP_NONE;
    uint8_t *reach = ir_xcalloc(n, 1);
    reachable(g, reach);
    uint32_t cap = 0;
    uint8_t *in = ir_xcalloc(n, 1);
    NodeId *stack = ir_xmalloc(n * sizeof(NodeId));
    NodeId *scratch = ir_xmalloc(n * sizeof(NodeId));
    for (NodeId h = 1; h < n; h++) {
        if (!reach[h] || ir_op(g, h) != IR_Loop) continue;
        if (t->count == cap) {
            cap = cap ? cap * 2 : 8;
            t->loops = ir_xrealloc(t->loops, cap * sizeof(LoopInfo));
        }
        LoopInfo *l = &t->loops[t->count++];
        memset(l, 0, sizeof *l);
        l->header = h;
        l->parent = LOOP_NONE;
        /* Natural loop: backwards from the back edges to the header. */
        uint32_t sp = 0, nb = 0;
        NodeId *body = scratch;
        in[h] = 1;
        body[nb++] = h;
        for (uint32_t i = 1; i < ir_nctl(g, h); i++) {
            NodeId b = ir_ctl(g, h, i);
            if (reach[b] && !in[b]) { in[b] = 1; stack[sp++] = b; }
        }
        while (sp) {
            NodeId c = stack[--sp];
            body[nb++] = c;
            for (uint32_t i = 0; i < ir_nctl(g, c); i++) {
                NodeId p = ir_ctl(g, c, i);
                if (reach[p] && !in[p] && ir_has(g, p, P_CTRL)) { in[p] = 1; stack[sp++] = p; }
            }
        }
        qsort(body + 1, nb - 1, sizeof(NodeId), by_id);
        /* Exits: control users outside whose control input is inside. */
        NodeId *exits = NULL;
        uint32_t ne = 0;
        for (uint32_t k = 0; k < nb; k++) {
            NodeId c = body[k];
            const NodeId *u = ir_uses(g, c);
            for (uint32_t i = 0; i < ir_use_count(g, c); i++) {
                NodeId s = u[i];
                if (in[s] || !ir_is_live(g, s) || !ir_has(g, s, P_CTRL) || ir_op(g, s) == IR_Dead) continue;
                bool via = false;
                for (uint32_t j = 0; j < ir_nctl(g, s); j++) via |= ir_ctl(g, s, j) == c;
                bool dup = false;
                for (uint32_t j = 0; j < ne; j++) dup |= exits[j] == s;
                if (!via || dup) continue;
                exits = ir_xrealloc(exits, (ne + 1) * sizeof(NodeId));
                exits[ne++] = s;
            }
        }
        for (uint32_t k = 0; k < nb; k++) in[body[k]] = 0;
        l->body = ir_xmalloc(nb * sizeof(NodeId));
        memcpy(l->body, body, nb * sizeof(NodeId));
        l->nbody = nb;
        l->exits = exits;
        l->nexits = ne;
    }
    /* Nesting: the smallest other loop whose body holds the header. Bodies
     * are sorted after their header, so membership is a binary search. */
    for (uint32_t i = 0; i < t->count; i++) {
        LoopInfo *l = &t->loops[i];
        for (uint32_t j = 0; j < t->count; j++) {
            if (j == i) continue;
            const LoopInfo *o = &t->loops[j];
            if (o->nbody <= l->nbody) continue;
            if (!bsearch(&l->header, o->body + 1, o->nbody - 1, sizeof(NodeId), by_id)) continue;
            if (l->parent == LOOP_NONE || t->loops[l->parent].nbody > o->nbody) l->parent = j;
        }
    }
    for (uint32_t i = 0; i < t->count; i++) {
        uint32_t d = 1;
        for (uint32_t p = t->loops[i].parent; p != LOOP_NONE && d <= t->count; p = t->loops[p].parent) d++;
        t->loops[i].depth = d;
        if (t->loops[i].parent != LOOP_NONE) t->loops[t->loops[i].parent].children++;
    }
    /* Innermost loop of each control node: the deepest loop holding it. */
    for (uint32_t i = 0; i < t->count; i++) {
        const LoopInfo *l = &t->loops[i];
        for (uint32_t k = 0; k < l->nbody; k++) {
            uint32_t *m = &t->innermost[l->body[k]];
            if (*m == LOOP_NONE || t->loops[*m].depth < l->depth) *m = i;
        }
    }
    free(in);
    free(stack);
    free(scratch);
    free(reach);
    return t->count;
}

bool loops_contains(const LoopTree *t, uint32_t l, NodeId n) {
    if (n >= t->ids) return false;
    for (uint32_t m = t->innermost[n]; m != LOOP_NONE; m = t->loops[m].parent)
        if (m == l) return true;
    return false;
}

void loops_free(LoopTree *t) {
    for (uint32_t i = 0; i < t->count; i++) {
        free(t->loops[i].body);
        free(t->loops[i].exits);
    }
    free(t->loops);
    free(t->innermost);
    memset(t, 0, sizeof *t);
}
