/* be_schedule.c — Global Code Motion over the sea of nodes (Click 1995,
 * "Global Code Motion / Global Value Numbering", PLDI): CFG, dominators
 * (Cooper, Harvey & Kennedy 2001, "A Simple, Fast Dominance Algorithm"),
 * natural loops and their depths, schedule early, schedule late with
 * placement in the shallowest loop, and a local order inside each block.
 * See be_schedule.h. Only the nodes reachable from End are scheduled;
 * FrameStates get a block (their values must be available where a check
 * uses them) but no code, and are never hoisted.
 */
#include <stdlib.h>
#include <string.h>
#include "be_schedule.h"

static void *xcalloc(size_t n, size_t s) {
    void *p = calloc(n ? n : 1, s);
    if (!p) abort();
    return p;
}

static bool fail(BeSchedule *s, const char *msg, NodeId n) {
    snprintf(s->error, sizeof s->error, "%s (n%u %s)", msg, n, n ? ir_op_name(ir_op(s->g, n)) : "");
    return false;
}

static void push_node(BeSchedBlock *b, NodeId n) {
    if (b->nnodes == b->capnodes) {
        b->capnodes = b->capnodes ? b->capnodes * 2 : 8;
        b->nodes = realloc(b->nodes, b->capnodes * sizeof(NodeId));
        if (!b->nodes) abort();
    }
    b->nodes[b->nnodes++] = n;
}

static bool is_merge(IrOp op) { return op == IR_Region || op == IR_Loop; }
static bool is_exit(IrOp op) { return op == IR_Return || op == IR_Deoptimize || op == IR_Throw; }

/* ---- the CFG ---------------------------------------------------------------------------- */
typedef struct Sched {
    BeSchedule *s;
    const Graph *g;
    int32_t *bix;        /* per node: block index of a block node, -1 */
    uint8_t *live;       /* reachable from End through inputs */
} Sched;

static int32_t new_block(Sched *c, NodeId n) {
    BeSchedule *s = c->s;
    s->blocks = realloc(s->blocks, (size_t)(s->nblocks + 1) * sizeof *s->blocks);
    if (!s->blocks) abort();
    BeSchedBlock *b = &s->blocks[s->nblocks];
    memset(b, 0, sizeof *b);
    b->node = n;
    b->succ[0] = b->succ[1] = -1;
    b->idom = -1;
    b->loop_header = -1;
    c->bix[n] = s->nblocks;
    return s->nblocks++;
}

/* Finds every block from Start, its terminator and successors. */
static bool build_cfg(Sched *c) {
    const Graph *g = c->g;
    BeSchedule *s = c->s;
    uint32_t cap = 64, sp = 0;
    NodeId *stack = xcalloc(cap, sizeof(NodeId));
    new_block(c, g->start);
    stack[sp++] = g->start;
    while (sp) {
        NodeId bn = stack[--sp];
        int32_t bi = c->bix[bn];
        NodeId succ[2] = {IR_NONE, IR_NONE};
        int nsucc = 0;
        NodeId term = IR_NONE;
        const NodeId *u = ir_uses(g, bn);
        for (uint32_t k = 0; k < ir_use_count(g, bn); k++) {
            NodeId x = u[k];
            if (!ir_is_live(g, x) || !c->live[x] || x == term || x == succ[0]) continue;   /* a user may appear once per slot */
            IrOp op = ir_op(g, x);
            if (!ir_op_has(op, P_CTRL) || ir_ctl0(g, x) != bn) {
                /* merges list bn among their inputs, not necessarily first */
                if (is_merge(op)) {
                    bool found = false;
                    for (uint32_t i = 0; i < ir_nctl(g, x); i++) found |= ir_ctl(g, x, i) == bn;
                    if (!found) continue;
                } else {
                    continue;
                }
            }
            if (op == IR_End) continue;
            if (op == IR_If) {
                if (term) { free(stack); return fail(s, "block with two terminators", bn); }
                term = x;
                NodeId t = ir_find_use(g, x, IR_IfTrue), f = ir_find_use(g, x, IR_IfFalse);
                if (!t || !f) { free(stack); return fail(s, "If without both projections", x); }
                succ[0] = t;
                succ[1] = f;
                nsucc = 2;
            } else if (is_exit(op)) {
                if (term) { free(stack); return fail(s, "block with two terminators", bn); }
                term = x;
            } else if (is_merge(op)) {
                if (term || nsucc) { free(stack); return fail(s, "block with two successors", bn); }
                succ[0] = x;
                nsucc = 1;
            } else if (ir_op_has(op, P_BLOCK)) {
                free(stack);
                return fail(s, "block node directly after a block node", x);
            }
        }
        if (!term && !nsucc) { free(stack); return fail(s, "block without terminator", bn); }
        s->blocks[bi].term = term;
        for (int k = 0; k < nsucc; k++) {
            NodeId t = succ[k];
            if (c->bix[t] < 0) {
                new_block(c, t);
                if (sp + 1 >= cap) {
                    cap *= 2;
                    stack = realloc(stack, cap * sizeof(NodeId));
                    if (!stack) abort();
                }
                stack[sp++] = t;
            }
            s->blocks[bi].succ[k] = c->bix[t];
        }
        s->blocks[bi].nsucc = nsucc;
    }
    free(stack);
    /* Predecessors in the order of each merge's inputs. */
    for (int32_t bi = 0; bi < s->nblocks; bi++) {
        BeSchedBlock *b = &s->blocks[bi];
        NodeId n = b->node;
        if (is_merge(ir_op(g, n))) {
            b->npreds = (int32_t)ir_nctl(g, n);
            b->preds = xcalloc((size_t)b->npreds, sizeof(int32_t));
            for (int32_t i = 0; i < b->npreds; i++) {
                NodeId p = ir_ctl(g, n, (uint32_t)i);
                if (c->bix[p] < 0) return fail(s, "merge input is not a reachable block", p);
                b->preds[i] = c->bix[p];
            }
            b->is_loop_header = ir_op(g, n) == IR_Loop && b->npreds > 1;
        } else if (n != g->start) {
            NodeId p = ir_ctl0(g, n);
            NodeId pb = ir_op(g, p) == IR_If ? ir_ctl0(g, p) : p;
            if (c->bix[pb] < 0) return fail(s, "projection of an unreachable branch", n);
            b->npreds = 1;
            b->preds = xcalloc(1, sizeof(int32_t));
            b->preds[0] = c->bix[pb];
        }
    }
    return true;
}

/* ---- order, dominators, loops ----------------------------------------------------------------- */
static void compute_rpo(BeSchedule *s) {
    int32_t n = s->nblocks;
    int32_t *post = xcalloc((size_t)n, sizeof(int32_t));
    int32_t *stack = xcalloc((size_t)n, sizeof(int32_t)), *next = xcalloc((size_t)n, sizeof(int32_t));
    uint8_t *seen = xcalloc((size_t)n, 1);
    int32_t sp = 0, np = 0;
    stack[sp++] = 0;
    seen[0] = 1;
    while (sp) {
        int32_t b = stack[sp - 1];
        BeSchedBlock *bb = &s->blocks[b];
        if (next[b] < bb->nsucc) {
            /* Visit the false side first so that the true side (the jump's
             * fall-through in bytecode order) comes first in the layout. */
            int32_t k = bb->nsucc == 2 ? 1 - next[b] : next[b];
            next[b]++;
            int32_t t = bb->succ[k];
            if (!seen[t]) { seen[t] = 1; stack[sp++] = t; }
        } else {
            post[np++] = b;
            sp--;
        }
    }
    s->order = xcalloc((size_t)n, sizeof(int32_t));
    for (int32_t i = 0; i < np; i++) s->order[i] = post[np - 1 - i];
    s->nblocks = np;   /* every block was found from Start, so np == n */
    free(post);
    free(stack);
    free(next);
    free(seen);
}

static void compute_dominators(BeSchedule *s) {
    int32_t n = s->nblocks;
    int32_t *rpo_of = xcalloc((size_t)n, sizeof(int32_t));
    for (int32_t i = 0; i < n; i++) rpo_of[s->order[i]] = i;
    int32_t entry = s->order[0];
    s->blocks[entry].idom = entry;
    bool changed = true;
    while (changed) {
        changed = false;
        for (int32_t i = 1; i < n; i++) {
            int32_t b = s->order[i];
            BeSchedBlock *bb = &s->blocks[b];
            int32_t nd = -1;
            for (int32_t k = 0; k < bb->npreds; k++) {
                int32_t p = bb->preds[k];
                if (s->blocks[p].idom < 0) continue;
                if (nd < 0) { nd = p; continue; }
                int32_t x = p, y = nd;
                while (x != y) {
                    while (rpo_of[x] > rpo_of[y]) x = s->blocks[x].idom;
                    while (rpo_of[y] > rpo_of[x]) y = s->blocks[y].idom;
                }
                nd = x;
            }
            if (nd >= 0 && bb->idom != nd) { bb->idom = nd; changed = true; }
        }
    }
    s->blocks[entry].idom = -1;
    for (int32_t i = 0; i < n; i++) {
        int32_t b = s->order[i];
        int32_t d = s->blocks[b].idom;
        s->blocks[b].dom_depth = d < 0 ? 0 : s->blocks[d].dom_depth + 1;
    }
    free(rpo_of);
}

static void compute_loops(BeSchedule *s) {
    int32_t n = s->nblocks;
    int32_t *depth_of_header = xcalloc((size_t)n, sizeof(int32_t));
    int32_t *work = xcalloc((size_t)n, sizeof(int32_t));
    uint8_t *in = xcalloc((size_t)n, 1);
    /* Outer headers come first in reverse postorder; inner loops overwrite. */
    for (int32_t i = 0; i < n; i++) {
        int32_t h = s->order[i];
        BeSchedBlock *hb = &s->blocks[h];
        if (!hb->is_loop_header) continue;
        int32_t parent = hb->loop_header;
        depth_of_header[h] = parent >= 0 ? depth_of_header[parent] + 1 : 1;
        memset(in, 0, (size_t)n);
        int32_t sp = 0;
        in[h] = 1;
        for (int32_t k = 1; k < hb->npreds; k++)
            if (!in[hb->preds[k]]) { in[hb->preds[k]] = 1; work[sp++] = hb->preds[k]; }
        while (sp) {
            int32_t b = work[--sp];
            BeSchedBlock *bb = &s->blocks[b];
            for (int32_t k = 0; k < bb->npreds; k++)
                if (!in[bb->preds[k]]) { in[bb->preds[k]] = 1; work[sp++] = bb->preds[k]; }
        }
        for (int32_t b = 0; b < n; b++)
            if (in[b]) s->blocks[b].loop_header = h;
    }
    for (int32_t b = 0; b < n; b++) {
        int32_t h = s->blocks[b].loop_header;
        s->blocks[b].loop_depth = h >= 0 ? depth_of_header[h] : 0;
    }
    free(depth_of_header);
    free(work);
    free(in);
}

/* ---- placing nodes ------------------------------------------------------------------------------- */
static bool is_floating(const Graph *g, NodeId n) { return ir_has(g, n, P_PURE); }

static int32_t lca(const BeSchedule *s, int32_t a, int32_t b) {
    if (a < 0) return b;
    if (b < 0) return a;
    while (s->blocks[a].dom_depth > s->blocks[b].dom_depth) a = s->blocks[a].idom;
    while (s->blocks[b].dom_depth > s->blocks[a].dom_depth) b = s->blocks[b].idom;
    while (a != b) { a = s->blocks[a].idom; b = s->blocks[b].idom; }
    return a;
}

/* Live nodes: reachable from End through inputs; a postorder of them
 * (inputs before users) drives schedule early, its reverse schedule late. */
static uint32_t live_postorder(Sched *c, NodeId *post) {
    const Graph *g = c->g;
    uint32_t n = g->node_count, np = 0, sp = 0;
    NodeId *stack = xcalloc(n + 1, sizeof(NodeId));
    uint32_t *next = xcalloc(n, sizeof(uint32_t));
    stack[sp++] = g->end;
    c->live[g->end] = 1;
    while (sp) {
        NodeId x = stack[sp - 1];
        if (next[x] < ir_in_count(g, x)) {
            NodeId y = ir_in(g, x, next[x]++);
            if (y && ir_is_live(g, y) && !c->live[y]) { c->live[y] = 1; stack[sp++] = y; }
        } else {
            post[np++] = x;
            sp--;
        }
    }
    free(stack);
    free(next);
    return np;
}

static bool place_pinned(Sched *c, NodeId n) {
    const Graph *g = c->g;
    BeSchedule *s = c->s;
    IrOp op = ir_op(g, n);
    if (c->bix[n] >= 0) { s->block_of[n] = c->bix[n]; return true; }
    if (op == IR_End) return true;
    NodeId ctl = ir_ctl0(g, n);
    if (op == IR_If || is_exit(op)) {
        if (c->bix[ctl] < 0) return fail(s, "terminator outside a block", n);
        s->block_of[n] = c->bix[ctl];
        return true;
    }
    if (op == IR_IfTrue || op == IR_IfFalse) return true;
    if (!ctl || c->bix[ctl] < 0) return fail(s, "pinned node whose control is not a block", n);
    s->block_of[n] = c->bix[ctl];
    return true;
}

/* Floating nodes form a DAG among themselves (every cycle of the graph
 * passes through a pinned node: a phi, a check, a call), but the postorder
 * from End is not a topological order of it when a cycle runs through the
 * effect chain. Both passes therefore walk the floating DAG on demand. */
static int32_t early_of(Sched *c, NodeId n, int32_t *early) {
    const Graph *g = c->g;
    BeSchedule *s = c->s;
    if (early[n] >= 0) return early[n];
    uint32_t cap = 32, sp = 0;
    NodeId *st = xcalloc(cap, sizeof(NodeId));
    st[sp++] = n;
    while (sp) {
        NodeId x = st[sp - 1];
        if (early[x] >= 0) { sp--; continue; }
        bool ready = true;
        int32_t best = s->order[0];
        for (uint32_t k = 0; k < ir_in_count(g, x); k++) {
            NodeId y = ir_in(g, x, k);
            if (!y || !c->live[y]) continue;
            int32_t b;
            if (is_floating(g, y)) {
                if (early[y] < 0) {
                    ready = false;
                    if (sp == cap) { cap *= 2; st = realloc(st, cap * sizeof(NodeId)); if (!st) abort(); }
                    st[sp++] = y;
                    continue;
                }
                b = early[y];
            } else {
                b = s->block_of[y];
            }
            if (b >= 0 && s->blocks[b].dom_depth > s->blocks[best].dom_depth) best = b;
        }
        if (ready) { early[x] = best; sp--; }
    }
    free(st);
    return early[n];
}

static void schedule_early(Sched *c, const NodeId *post, uint32_t np, int32_t *early) {
    for (uint32_t i = 0; i < np; i++)
        if (is_floating(c->g, post[i])) early_of(c, post[i], early);
}

/* The latest block of floating node n: the LCA of its uses, then the
 * shallowest loop between it and the earliest block. Uses first. */
static void place_late(Sched *c, NodeId n, const int32_t *early, uint8_t *done) {
    const Graph *g = c->g;
    BeSchedule *s = c->s;
    uint32_t cap = 32, sp = 0;
    NodeId *st = xcalloc(cap, sizeof(NodeId));
    st[sp++] = n;
    while (sp) {
        NodeId x = st[sp - 1];
        if (done[x]) { sp--; continue; }
        bool ready = true;
        const NodeId *u = ir_uses(g, x);
        uint32_t nu = ir_use_count(g, x);
        for (uint32_t k = 0; k < nu; k++) {
            NodeId y = u[k];
            if (ir_is_live(g, y) && c->live[y] && is_floating(g, y) && !done[y]) {
                ready = false;
                if (sp == cap) { cap *= 2; st = realloc(st, cap * sizeof(NodeId)); if (!st) abort(); }
                st[sp++] = y;
            }
        }
        if (!ready) continue;
        sp--;
        done[x] = 1;
        int32_t late = -1;
        for (uint32_t k = 0; k < nu; k++) {
            NodeId y = u[k];
            if (!ir_is_live(g, y) || !c->live[y]) continue;
            if (ir_op(g, y) == IR_Phi) {
                int32_t pb = s->block_of[y];
                for (uint32_t j = 0; j < ir_nval(g, y); j++)
                    if (ir_val(g, y, j) == x && pb >= 0 && (int32_t)j < s->blocks[pb].npreds)
                        late = lca(s, late, s->blocks[pb].preds[j]);
            } else {
                late = lca(s, late, s->block_of[y]);
            }
        }
        if (late < 0) late = early[x];
        int32_t best = late;
        s->nfloating++;
        if (ir_op(g, x) != IR_FrameState) {
            int32_t b = late;
            while (b != early[x] && b >= 0) {
                b = s->blocks[b].idom;
                if (b < 0) break;
                if (s->blocks[b].loop_depth < s->blocks[best].loop_depth) best = b;
            }
            if (best != late) s->nhoisted++;
        }
        s->block_of[x] = best;
    }
    free(st);
}

static void schedule_late(Sched *c, const NodeId *post, uint32_t np, const int32_t *early) {
    uint8_t *done = xcalloc(c->g->node_count, 1);
    for (uint32_t i = np; i-- > 0;)
        if (is_floating(c->g, post[i])) place_late(c, post[i], early, done);
    free(done);
}

/* ---- the order inside each block ---------------------------------------------------------------- */
static void local_visit(Sched *c, BeSchedBlock *b, int32_t bi, NodeId n, uint8_t *state) {
    const Graph *g = c->g;
    /* iterative DFS: inputs in the same block first */
    typedef struct { NodeId n; uint32_t k; } Fr;
    uint32_t cap = 32, sp = 0;
    Fr *st = xcalloc(cap, sizeof(Fr));
    st[sp++] = (Fr){n, 0};
    state[n] = 1;
    while (sp) {
        Fr *f = &st[sp - 1];
        NodeId x = f->n;
        IrOp op = ir_op(g, x);
        bool deps = op != IR_Phi && op != IR_EffectPhi;
        if (deps && f->k < ir_in_count(g, x)) {
            NodeId y = ir_in(g, x, f->k++);
            if (y && c->live[y] && !state[y] && c->s->block_of[y] == bi && c->bix[y] < 0) {
                state[y] = 1;
                if (sp == cap) {
                    cap *= 2;
                    st = realloc(st, cap * sizeof(Fr));
                    if (!st) abort();
                }
                st[sp++] = (Fr){y, 0};
            }
            continue;
        }
        sp--;
        if (state[x] != 2) {
            state[x] = 2;
            if (x != b->term) push_node(b, x);
        }
    }
    free(st);
}

static void local_order(Sched *c) {
    const Graph *g = c->g;
    BeSchedule *s = c->s;
    uint32_t n = g->node_count;
    NodeId **members = xcalloc((size_t)s->nblocks, sizeof(NodeId *));
    uint32_t *cnt = xcalloc((size_t)s->nblocks, sizeof(uint32_t)), *cap = xcalloc((size_t)s->nblocks, sizeof(uint32_t));
    for (NodeId x = 1; x < n; x++) {
        int32_t b = s->block_of[x];
        if (b < 0 || !c->live[x] || c->bix[x] >= 0 || x == s->blocks[b].term) continue;
        if (cnt[b] == cap[b]) {
            cap[b] = cap[b] ? cap[b] * 2 : 8;
            members[b] = realloc(members[b], cap[b] * sizeof(NodeId));
            if (!members[b]) abort();
        }
        members[b][cnt[b]++] = x;
    }
    uint8_t *state = xcalloc(n, 1);
    for (int32_t bi = 0; bi < s->nblocks; bi++) {
        BeSchedBlock *b = &s->blocks[bi];
        /* Phis and parameters first, then everything by dependences, then the terminator. */
        for (uint32_t i = 0; i < cnt[bi]; i++) {
            NodeId x = members[bi][i];
            IrOp op = ir_op(g, x);
            if (op == IR_Phi || op == IR_EffectPhi || op == IR_Parameter) { state[x] = 2; push_node(b, x); }
        }
        for (uint32_t i = 0; i < cnt[bi]; i++)
            if (!state[members[bi][i]]) local_visit(c, b, bi, members[bi][i], state);
        if (b->term) {
            state[b->term] = 0;
            local_visit(c, b, bi, b->term, state);
            push_node(b, b->term);
        }
        free(members[bi]);
    }
    free(members);
    free(cnt);
    free(cap);
    free(state);
}

BeSchedule *be_schedule(const Graph *g, char *err, size_t errlen) {
    BeSchedule *s = xcalloc(1, sizeof *s);
    s->g = g;
    Sched c = {.s = s, .g = g};
    uint32_t n = g->node_count;
    c.bix = malloc(n * sizeof(int32_t));
    s->block_of = malloc(n * sizeof(int32_t));
    c.live = xcalloc(n, 1);
    if (!c.bix || !s->block_of) abort();
    for (uint32_t i = 0; i < n; i++) c.bix[i] = s->block_of[i] = -1;
    NodeId *post = xcalloc(n, sizeof(NodeId));
    int32_t *early = NULL;
    uint32_t np = live_postorder(&c, post);
    bool ok = build_cfg(&c);
    if (ok) {
        compute_rpo(s);
        compute_dominators(s);
        compute_loops(s);
        for (uint32_t i = 0; i < np && ok; i++)
            if (!is_floating(g, post[i])) ok = place_pinned(&c, post[i]);
    }
    if (ok) {
        early = malloc(n * sizeof(int32_t));
        if (!early) abort();
        for (uint32_t i = 0; i < n; i++) early[i] = -1;
        schedule_early(&c, post, np, early);
        schedule_late(&c, post, np, early);
        local_order(&c);
    }
    free(early);
    free(post);
    free(c.bix);
    free(c.live);
    if (!ok) {
        snprintf(err, errlen, "%s", s->error);
        be_schedule_free(s);
        return NULL;
    }
    return s;
}

void be_schedule_free(BeSchedule *s) {
    if (!s) return;
    for (int32_t i = 0; i < s->nblocks; i++) {
        free(s->blocks[i].preds);
        free(s->blocks[i].nodes);
    }
    free(s->blocks);
    free(s->order);
    free(s->block_of);
    free(s);
}

void be_schedule_print(FILE *f, const BeSchedule *s) {
    const Graph *g = s->g;
    fprintf(f, "--- scheduled: %s (%d blocks; %u floating nodes placed, %u hoisted to a shallower loop)\n",
            g->name, s->nblocks, s->nfloating, s->nhoisted);
    char label[128];
    for (int32_t i = 0; i < s->nblocks; i++) {
        int32_t bi = s->order[i];
        const BeSchedBlock *b = &s->blocks[bi];
        fprintf(f, "B%d: n%u %s", bi, b->node, ir_node_label(g, b->node, label, sizeof label));
        if (b->idom >= 0) fprintf(f, "  idom B%d", b->idom);
        if (b->loop_depth) fprintf(f, "  loop depth %d%s", b->loop_depth, b->is_loop_header ? " (header)" : "");
        if (b->npreds) {
            fprintf(f, "  preds");
            for (int32_t k = 0; k < b->npreds; k++) fprintf(f, " B%d", b->preds[k]);
        }
        fputc('\n', f);
        for (uint32_t k = 0; k < b->nnodes; k++) {
            NodeId x = b->nodes[k];
            if (ir_op(g, x) == IR_FrameState || ir_op(g, x) == IR_EffectPhi) continue;
            fputs("    ", f);
            ir_print_node(f, g, x);
        }
        if (!b->term && b->nsucc == 1) fprintf(f, "    goto B%d\n", b->succ[0]);
        else if (b->nsucc == 2) fprintf(f, "    -> true B%d, false B%d\n", b->succ[0], b->succ[1]);
    }
}
