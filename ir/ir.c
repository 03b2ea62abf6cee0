/* ir.c — the node arena: creation, inputs, exact use lists, replacement
 * and killing, plus the tables generated from ops.def and the reason lists.
 *
 * Inputs and uses of a node are contiguous ranges of two side arrays
 * (Graph.in, Graph.use). A range that outgrows its capacity moves to the
 * end of its array with twice the room; the old range is left as garbage,
 * which is bounded by the final size (geometric growth), so no compaction
 * is needed within one compilation.
 */
#include "ir.h"

#include <stdlib.h>
#include <string.h>

#define V IR_VARIADIC
#define OPT IR_FS_OPT
const IrOpInfo ir_op_info[IR__COUNT] = {
#define OP(name, ctl, eff, vals, fs, props, repr, aux) \
    {#name, ctl, eff, vals, fs, props, repr, aux},
#include "ops.def"
#undef OP
};
#undef V
#undef OPT

static const char *const stub_names[] = {
#define STUB(name, text) #name,
#include "ir_stubs.def"
#undef STUB
};
static const char *const deopt_names[] = {
#define DEOPT(name, text) #name,
#include "ir_deopt.def"
#undef DEOPT
};
static const char *const deopt_texts[] = {
#define DEOPT(name, text) text,
#include "ir_deopt.def"
#undef DEOPT
};
static const char *const bailout_texts[] = {
#define BAILOUT(name, text) text,
#include "ir_bailout.def"
#undef BAILOUT
};

const char *ir_stub_name(uint32_t s) { return s < IR_STUB__COUNT ? stub_names[s] : "?"; }
const char *ir_deopt_name(uint32_t r) { return r < IR_DEOPT__COUNT ? deopt_names[r] : "?"; }
const char *ir_deopt_text(uint32_t r) { return r < IR_DEOPT__COUNT ? deopt_texts[r] : "?"; }
const char *ir_bailout_text(uint32_t r) { return r < IR_BAILOUT__COUNT ? bailout_texts[r] : "?"; }

const char *ir_repr_name(IrRepr r) {
    static const char *const names[] = {"none", "tagged", "int32", "float64", "bit", "word", "state"};
    return (unsigned)r < sizeof names / sizeof names[0] ? names[r] : "?";
}

uint32_t ir_op_min_values(IrOp op) {
    uint32_t n = 0;
    for (const char *s = ir_op_info[op].values; *s; s++)
        if (*s != '*' && s[1] != '*') n++;
    return n;
}

bool ir_op_values_variadic(IrOp op) { return strchr(ir_op_info[op].values, '*') != NULL; }

char ir_op_value_repr(IrOp op, uint32_t i) {
    for (const char *s = ir_op_info[op].values; *s; s++) {
        if (*s == '*') continue;
        if (s[1] == '*') return *s;
        if (i == 0) return *s;
        i--;
    }
    return 0;
}

/* ---- memory -------------------------------------------------------------------- */

static void oom(void) {
    fputs("reef: out of memory in the optimizing compiler\n", stderr);
    exit(1);
}
void *ir_xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) oom();
    return p;
}
void *ir_xrealloc(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q) oom();
    return q;
}
void *ir_xcalloc(size_t n, size_t size) {
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) oom();
    return p;
}

/* Grows an array of `elem`-byte items so that it holds `need` items. */
static void grow(void **arr, uint32_t *cap, uint32_t need, size_t elem) {
    if (need <= *cap) return;
    if (need > UINT32_MAX / 2) oom();
    uint32_t c = *cap ? *cap : 16;
    while (c < need) c *= 2;
    *arr = ir_xrealloc(*arr, (size_t)c * elem);
    *cap = c;
}

Graph *ir_graph_new(Runtime *rt, BytecodeFunction *fn, const char *name) {
    Graph *g = ir_xcalloc(1, sizeof *g);
    g->rt = rt;
    g->fn = fn;
    snprintf(g->name, sizeof g->name, "%s", name ? name : "");
    g->node_count = 1;      /* id 0 is IR_NONE */
    grow((void **)&g->nodes, &g->node_cap, 64, sizeof(IrNode));
    g->types = ir_xcalloc(g->node_cap, sizeof(IrType));
    memset(&g->nodes[0], 0, sizeof(IrNode));
    g->nodes[0].flags = IRN_DEAD;
    g->start = ir_node_new(g, IR_Start, 0, 0, 0, 0, NULL);
    g->end = ir_node_new(g, IR_End, 0, 0, 0, 0, NULL);
    return g;
}

void ir_graph_free(Graph *g) {
    if (!g) return;
    free(g->nodes);
    free(g->types);
    free(g->in);
    free(g->use);
    free(g->shape_sets);
    free(g->sites);
    free(g);
}

uint32_t ir_site_add(Graph *g, BytecodeFunction *fn, uint32_t call_pos) {
    if (g->site_count == 0) g->site_count = 1;
    if (g->site_count > IR_MAX_SITES) return 0;
    g->sites = ir_xrealloc(g->sites, (size_t)(g->site_count + 1) * sizeof(IrInlineSite));
    g->sites[g->site_count] = (IrInlineSite){fn, call_pos};
    return g->site_count++;
}

BytecodeFunction *ir_pos_fn(const Graph *g, uint32_t pos) {
    uint32_t s = IR_POS_SITE(pos);
    return s && s < g->site_count ? g->sites[s].fn : g->fn;
}

uint32_t ir_pos_outer(const Graph *g, uint32_t pos) {
    for (uint32_t k = 0; k < IR_MAX_SITES + 1 && IR_POS_SITE(pos) && IR_POS_SITE(pos) < g->site_count; k++)
        pos = g->sites[IR_POS_SITE(pos)].call_pos;
    return IR_POS_OFFSET(pos);
}

/* ---- use lists ------------------------------------------------------------------ */

static void use_add(Graph *g, NodeId x, NodeId user) {
    if (x == IR_NONE || x >= g->node_count) return;
    IrNode *n = &g->nodes[x];
    if (n->use_count == n->use_cap) {
        uint32_t cap = n->use_cap ? n->use_cap * 2 : 4;
        grow((void **)&g->use, &g->use_cap, g->use_len + cap, sizeof(NodeId));
        n = &g->nodes[x];
        memcpy(&g->use[g->use_len], &g->use[n->use_start], n->use_count * sizeof(NodeId));
        n->use_start = g->use_len;
        n->use_cap = cap;
        g->use_len += cap;
    }
    g->use[n->use_start + n->use_count++] = user;
}

static void use_remove(Graph *g, NodeId x, NodeId user) {
    if (x == IR_NONE || x >= g->node_count) return;
    IrNode *n = &g->nodes[x];
    NodeId *u = &g->use[n->use_start];
    for (uint32_t i = 0; i < n->use_count; i++) {
        if (u[i] == user) {
            /* Keep the order of the remaining uses: passes visit users in
             * use order, and a stable order keeps dumps stable. */
            memmove(&u[i], &u[i + 1], (n->use_count - i - 1) * sizeof(NodeId));
            n->use_count--;
            return;
        }
    }
}

NodeId *ir_uses_copy(const Graph *g, NodeId n, uint32_t *count) {
    uint32_t c = g->nodes[n].use_count;
    NodeId *copy = ir_xmalloc((c ? c : 1) * sizeof(NodeId));
    memcpy(copy, ir_uses(g, n), c * sizeof(NodeId));
    *count = c;
    return copy;
}

/* ---- nodes ------------------------------------------------------------------------ */

NodeId ir_node_new(Graph *g, IrOp op, uint32_t nctl, uint32_t neff, uint32_t nval,
                   uint32_t nfs, const NodeId *inputs) {
    if (nctl > 0xFFFF || neff > 0xFFFF || nfs > 1 || nval > 0xFFFFF) oom();
    uint32_t total = nctl + neff + nval + nfs;
    if (g->node_count == UINT32_MAX) oom();
    NodeId id = g->node_count;
    if (id >= g->node_cap) {
        uint32_t old = g->node_cap;
        grow((void **)&g->nodes, &g->node_cap, id + 1, sizeof(IrNode));
        g->types = ir_xrealloc(g->types, (size_t)g->node_cap * sizeof(IrType));
        memset(&g->types[old], 0, (size_t)(g->node_cap - old) * sizeof(IrType));
    }
    g->node_count++;
    g->live_count++;
    const IrOpInfo *info = &ir_op_info[op];
    bool variadic = info->ctl == IR_VARIADIC || info->eff == IR_VARIADIC || strchr(info->values, '*');
    uint32_t cap = total + (variadic ? 2 : 0);
    grow((void **)&g->in, &g->in_cap, g->in_len + cap, sizeof(NodeId));
    IrNode *n = &g->nodes[id];
    memset(n, 0, sizeof *n);
    n->op = (uint16_t)op;
    n->repr = info->repr;
    n->nctl = (uint16_t)nctl;
    n->neff = (uint16_t)neff;
    n->nfs = (uint8_t)nfs;
    n->in_start = g->in_len;
    n->in_count = total;
    n->in_cap = cap;
    g->in_len += cap;
    for (uint32_t i = 0; i < total; i++) {
        g->in[n->in_start + i] = inputs[i];
        use_add(g, inputs[i], id);
    }
    g->types[id] = ir_type_bound(g, id);   /* what the opcode guarantees, until typed */
    return id;
}

NodeId ir_newv(Graph *g, IrOp op, const NodeId *inputs, uint32_t n) {
    const IrOpInfo *info = &ir_op_info[op];
    uint32_t fs = info->fs == 1 ? 1 : 0;
    uint32_t ctl = info->ctl == IR_VARIADIC ? 0 : info->ctl;
    uint32_t eff = info->eff == IR_VARIADIC ? 0 : info->eff;
    uint32_t val = ir_op_min_values(op);
    uint32_t fixed = ctl + eff + val + fs;
    uint32_t extra = n > fixed ? n - fixed : 0;
    if (info->ctl == IR_VARIADIC) ctl += extra;
    else if (info->eff == IR_VARIADIC) eff += extra;
    else val += extra;      /* variadic values, or a malformed call the verifier will report */
    if (n < fixed) {
        /* Too few inputs: give them to the groups in order; the verifier says what is missing. */
        uint32_t left = n;
        ctl = ctl < left ? ctl : left; left -= ctl;
        eff = eff < left ? eff : left; left -= eff;
        val = val < left ? val : left; left -= val;
        fs = fs < left ? fs : left;
    }
    return ir_node_new(g, op, ctl, eff, val, fs, inputs);
}

NodeId ir_int32(Graph *g, int32_t v) {
    NodeId n = IR_NEW0(g, IR_Int32Constant);
    g->nodes[n].aux.i32 = v;
    g->types[n] = ir_type_range(v, v);
    return n;
}

NodeId ir_float64(Graph *g, double v) {
    NodeId n = IR_NEW0(g, IR_Float64Constant);
    g->nodes[n].aux.f64 = v;
    g->types[n] = ir_type_of_double(v);
    return n;
}

NodeId ir_constant(Graph *g, Value v) {
    NodeId n = IR_NEW0(g, IR_Constant);
    g->nodes[n].aux.value = v;
    g->types[n] = ir_type_of_value(v);
    return n;
}

NodeId ir_dead(Graph *g) {
    if (!ir_is_live(g, g->dead)) g->dead = IR_NEW0(g, IR_Dead);
    return g->dead;
}

uint32_t ir_shape_set_add(Graph *g, Shape *const *shapes, uint32_t n) {
    if (n > IR_MAX_SHAPES) n = IR_MAX_SHAPES;
    for (uint32_t i = 0; i < g->shape_set_count; i++) {
        IrShapeSet *s = &g->shape_sets[i];
        if (s->count == n && memcmp(s->shapes, shapes, n * sizeof(Shape *)) == 0) return i;
    }
    grow((void **)&g->shape_sets, &g->shape_set_cap, g->shape_set_count + 1, sizeof(IrShapeSet));
    IrShapeSet *s = &g->shape_sets[g->shape_set_count];
    memset(s, 0, sizeof *s);
    s->count = n;
    memcpy(s->shapes, shapes, n * sizeof(Shape *));
    return g->shape_set_count++;
}

IrSlotKind ir_slot_kind(const Graph *g, NodeId n, uint32_t i) {
    const IrNode *x = &g->nodes[n];
    if (i < x->nctl) return IR_SLOT_CTL;
    if (i < (uint32_t)x->nctl + x->neff) return IR_SLOT_EFF;
    if (x->nfs && i == x->in_count - 1) return IR_SLOT_FS;
    return IR_SLOT_VAL;
}

/* ---- mutation ------------------------------------------------------------------------ */

void ir_set_input(Graph *g, NodeId n, uint32_t i, NodeId v) {
    IrNode *x = &g->nodes[n];
    if (i >= x->in_count) return;
    NodeId old = g->in[x->in_start + i];
    if (old == v) return;
    use_remove(g, old, n);
    g->in[g->nodes[n].in_start + i] = v;
    use_add(g, v, n);
}

/* Makes room for one more input of n at position pos. */
static void insert_slot(Graph *g, NodeId n, uint32_t pos) {
    IrNode *x = &g->nodes[n];
    if (x->in_count == x->in_cap) {
        uint32_t cap = x->in_cap ? x->in_cap * 2 : 4;
        grow((void **)&g->in, &g->in_cap, g->in_len + cap, sizeof(NodeId));
        x = &g->nodes[n];
        memcpy(&g->in[g->in_len], &g->in[x->in_start], x->in_count * sizeof(NodeId));
        x->in_start = g->in_len;
        x->in_cap = cap;
        g->in_len += cap;
    }
    NodeId *in = &g->in[x->in_start];
    memmove(&in[pos + 1], &in[pos], (x->in_count - pos) * sizeof(NodeId));
    x->in_count++;
}

void ir_add_input(Graph *g, NodeId n, NodeId v) {
    const IrOpInfo *info = &ir_op_info[g->nodes[n].op];
    IrNode *x = &g->nodes[n];
    uint32_t pos;
    if (info->ctl == IR_VARIADIC) {
        pos = x->nctl;
        if (x->nctl == 0xFFFF) oom();
        insert_slot(g, n, pos);
        g->nodes[n].nctl++;
    } else if (info->eff == IR_VARIADIC) {
        pos = (uint32_t)x->nctl + x->neff;
        if (x->neff == 0xFFFF) oom();
        insert_slot(g, n, pos);
        g->nodes[n].neff++;
    } else {
        pos = x->in_count - x->nfs;
        insert_slot(g, n, pos);
    }
    g->in[g->nodes[n].in_start + pos] = v;
    use_add(g, v, n);
}

void ir_remove_input(Graph *g, NodeId n, uint32_t i) {
    IrNode *x = &g->nodes[n];
    if (i >= x->in_count) return;
    IrSlotKind k = ir_slot_kind(g, n, i);
    NodeId *in = &g->in[x->in_start];
    NodeId old = in[i];
    memmove(&in[i], &in[i + 1], (x->in_count - i - 1) * sizeof(NodeId));
    x->in_count--;
    if (k == IR_SLOT_CTL) x->nctl--;
    else if (k == IR_SLOT_EFF) x->neff--;
    else if (k == IR_SLOT_FS) x->nfs--;
    use_remove(g, old, n);
}

void ir_replace_uses(Graph *g, NodeId old, NodeId with) {
    if (old == with) return;
    ir_replace_by_kind(g, old, with, with, with);
}

void ir_replace_by_kind(Graph *g, NodeId n, NodeId ctl, NodeId eff, NodeId val) {
    uint32_t count;
    NodeId *users = ir_uses_copy(g, n, &count);
    for (uint32_t k = 0; k < count; k++) {
        NodeId u = users[k];
        if (k > 0 && users[k - 1] == u) continue;   /* all of u's slots were done already */
        for (uint32_t i = 0; i < g->nodes[u].in_count; i++) {
            if (ir_in(g, u, i) != n) continue;
            IrSlotKind sk = ir_slot_kind(g, u, i);
            NodeId r = sk == IR_SLOT_CTL ? ctl : sk == IR_SLOT_EFF ? eff : val;
            if (r != IR_NONE && r != n) ir_set_input(g, u, i, r);
        }
    }
    free(users);
}

void ir_kill(Graph *g, NodeId n) {
    if (!ir_is_live(g, n)) return;
    IrNode *x = &g->nodes[n];
    for (uint32_t i = 0; i < x->in_count; i++) use_remove(g, g->in[x->in_start + i], n);
    x = &g->nodes[n];
    x->in_count = 0;
    x->nctl = x->neff = 0;
    x->nfs = 0;
    x->flags |= IRN_DEAD;
    g->live_count--;
    if (g->dead == n) g->dead = IR_NONE;
}

uint32_t ir_kill_if_unused(Graph *g, NodeId n) {
    uint32_t killed = 0, sp = 0, cap = 16;
    NodeId *stack = ir_xmalloc(cap * sizeof(NodeId));
    stack[sp++] = n;
    while (sp) {
        NodeId x = stack[--sp];
        if (!ir_is_live(g, x) || g->nodes[x].use_count || x == g->start || x == g->end) continue;
        if (ir_has(g, x, P_CTRL) && ir_op(g, x) != IR_Dead) continue;
        uint32_t nin = g->nodes[x].in_count;
        if (sp + nin > cap) {
            while (sp + nin > cap) cap *= 2;
            stack = ir_xrealloc(stack, cap * sizeof(NodeId));
        }
        for (uint32_t i = 0; i < nin; i++) stack[sp++] = ir_in(g, x, i);
        ir_kill(g, x);
        killed++;
    }
    free(stack);
    return killed;
}

NodeId ir_find_use(const Graph *g, NodeId n, IrOp op) {
    const NodeId *u = ir_uses(g, n);
    for (uint32_t i = 0; i < g->nodes[n].use_count; i++)
        if (ir_is_live(g, u[i]) && ir_op(g, u[i]) == op) return u[i];
    return IR_NONE;
}
