/* ir_print.c — the stable text form of a graph (--print-graph,
 * --print-after). One node per line; the order depends only on the graph
 * (control in reverse postorder, successors taken by id; pinned nodes by
 * id; floating nodes by id), so two runs print the same text and a diff
 * between passes shows what the pass did. FileCheck tests read this form.
 */
#include "ir.h"

#include <stdlib.h>
#include <string.h>

static const char *const ek_names[] = {
#define X(n) #n,
    RT_ELEMENTS_KINDS(X)
#undef X
};

char *ir_value_print(Value v, char *buf, size_t size) {
    char tmp[160];
    IrType t = ir_type_of_value(v);
    ir_type_print(&t, tmp, sizeof tmp);
    const char *eq = strchr(tmp, '=');
    snprintf(buf, size, "%s", eq ? eq + 1 : tmp);
    return buf;
}

static void param_name(int32_t p, char *buf, size_t size) {
    switch (p) {
    case IR_PARAM_THIS: snprintf(buf, size, "this"); break;
    case IR_PARAM_CLOSURE: snprintf(buf, size, "closure"); break;
    case IR_PARAM_CONTEXT: snprintf(buf, size, "context"); break;
    case IR_PARAM_NEW_TARGET: snprintf(buf, size, "new.target"); break;
    case IR_PARAM_ARGC: snprintf(buf, size, "argc"); break;
    default: snprintf(buf, size, "%d", p); break;
    }
}

/* The bytecode at off in the function of position pos (an inlined one's). */
static const char *bytecode_at(const Graph *g, uint32_t pos, uint32_t off) {
    const BytecodeFunction *fn = ir_pos_fn(g, pos);
    if (!fn || !fn->code || off >= fn->code_len) return "?";
    uint8_t op = fn->code[off];
    return op < BC__COUNT ? rt_bytecode_info[op].name : "?";
}

char *ir_node_label(const Graph *g, NodeId n, char *buf, size_t size) {
    const IrNode *x = ir_node(g, n);
    IrOp op = (IrOp)x->op;
    const char *name = ir_op_name(op);
    char a[200];
    a[0] = 0;
    switch ((IrAuxKind)ir_op_info[op].aux) {
    case A_NONE: break;
    case A_I32: snprintf(a, sizeof a, "%d", x->aux.i32); break;
    case A_F64: ir_value_print(rt_double(x->aux.f64), a, sizeof a); break;
    case A_VALUE: ir_value_print(x->aux.value, a, sizeof a); break;
    case A_PARAM: param_name(x->aux.i32, a, sizeof a); break;
    case A_FIELD:
        snprintf(a, sizeof a, "%s %u", x->aux.field.inobject ? "in-object" : "out-of-line", x->aux.field.slot);
        break;
    case A_SHAPES:
        if (x->aux.shapes < g->shape_set_count) {
            const IrShapeSet *s = &g->shape_sets[x->aux.shapes];
            IrType t = ir_type_with_shapes(s->shapes, s->count);
            char tmp[200];
            ir_type_print(&t, tmp, sizeof tmp);
            snprintf(a, sizeof a, "%s", strncmp(tmp, "object", 6) == 0 ? tmp + 6 : tmp);
        }
        break;
    case A_CTX:
        if (x->aux.ctx.slot == IR_CTX_SELF) snprintf(a, sizeof a, "depth %u, self", x->aux.ctx.depth);
        else snprintf(a, sizeof a, "depth %u, slot %u", x->aux.ctx.depth, x->aux.ctx.slot);
        break;
    case A_FS:
        snprintf(a, sizeof a, "%s@%u", (x->aux.fs.flags & IR_FS_AFTER) ? "after " : "", x->aux.fs.bc_offset);
        break;
    case A_STUB:
        if (x->aux.stub.stub == IR_STUB_Bytecode)
            snprintf(a, sizeof a, "%s @%u", bytecode_at(g, x->bc_offset, x->aux.stub.bc_offset), x->aux.stub.bc_offset);
        else
            snprintf(a, sizeof a, "%s @%u", ir_stub_name(x->aux.stub.stub), x->aux.stub.bc_offset);
        break;
    case A_DEOPT: snprintf(a, sizeof a, "%s", ir_deopt_name(x->aux.reason)); break;
    case A_EK: snprintf(a, sizeof a, "%s", x->aux.ek < EK__COUNT ? ek_names[x->aux.ek] : "?"); break;
    case A_EKMASK: {
        size_t k = 0;
        for (uint32_t e = 0; e < EK__COUNT && k < sizeof a; e++) {
            if (!(x->aux.ek & (1u << e))) continue;
            int w = snprintf(a + k, sizeof a - k, "%s%s", k ? "|" : "", ek_names[e]);
            if (w < 0) break;
            k += (size_t)w;
        }
        break;
    }
    }
    if (a[0]) snprintf(buf, size, "%s[%s]", name, a);
    else snprintf(buf, size, "%s", name);
    return buf;
}

void ir_print_node(FILE *f, const Graph *g, NodeId n) {
    char label[256];
    const IrNode *x = ir_node(g, n);
    fprintf(f, "n%u: %s", n, ir_node_label(g, n, label, sizeof label));
    uint32_t nval = ir_nval(g, n);
    if (nval) {
        fputc('(', f);
        for (uint32_t i = 0; i < nval; i++) fprintf(f, "%sn%u", i ? ", " : "", ir_val(g, n, i));
        fputc(')', f);
    }
    if (x->nctl) {
        fputs(" [ctl ", f);
        for (uint32_t i = 0; i < x->nctl; i++) fprintf(f, "%sn%u", i ? ", " : "", ir_ctl(g, n, i));
        fputc(']', f);
    }
    if (x->neff) {
        fputs(" [eff ", f);
        for (uint32_t i = 0; i < x->neff; i++) fprintf(f, "%sn%u", i ? ", " : "", ir_eff(g, n, i));
        fputc(']', f);
    }
    if (x->nfs) fprintf(f, " [fs n%u]", ir_fs(g, n));
    if (ir_produces_value(g, n) && x->op != IR_Dead) {
        char t[256];
        fprintf(f, " : %s", ir_type_print(ir_type(g, n), t, sizeof t));
        if (x->op == IR_Phi && x->repr != R_TAGGED) fprintf(f, " (%s)", ir_repr_name((IrRepr)x->repr));
    }
    fputc('\n', f);
}

static int cmp_id(const void *a, const void *b) {
    NodeId x = *(const NodeId *)a, y = *(const NodeId *)b;
    return x < y ? -1 : x > y;
}

/* Control successors of c: live control users holding c in a control slot, by id. */
static uint32_t control_succs(const Graph *g, NodeId c, NodeId *out) {
    uint32_t k = 0;
    const NodeId *u = ir_uses(g, c);
    for (uint32_t i = 0; i < ir_use_count(g, c); i++) {
        NodeId s = u[i];
        if (!ir_is_live(g, s) || !ir_has(g, s, P_CTRL)) continue;
        bool ctl = false;
        for (uint32_t j = 0; j < ir_nctl(g, s); j++) ctl |= ir_ctl(g, s, j) == c;
        if (!ctl) continue;
        bool dup = false;
        for (uint32_t j = 0; j < k; j++) dup |= out[j] == s;
        if (!dup) out[k++] = s;
    }
    qsort(out, k, sizeof(NodeId), cmp_id);
    return k;
}

uint32_t ir_control_rpo(const Graph *g, NodeId *order) {
    uint32_t n = g->node_count;
    uint8_t *seen = ir_xcalloc(n, 1);
    /* Successor lists in one array (CSR), computed once. */
    uint32_t *first = ir_xcalloc(n + 1, sizeof(uint32_t));
    uint32_t total = 0;
    for (NodeId c = 1; c < n; c++) {
        first[c] = total;
        if (ir_is_live(g, c) && ir_has(g, c, P_CTRL)) total += ir_use_count(g, c);
    }
    first[n] = total;
    NodeId *succ = ir_xmalloc((total ? total : 1) * sizeof(NodeId));
    uint32_t *nsucc = ir_xcalloc(n, sizeof(uint32_t));
    for (NodeId c = 1; c < n; c++)
        if (ir_is_live(g, c) && ir_has(g, c, P_CTRL)) nsucc[c] = control_succs(g, c, &succ[first[c]]);

    NodeId *stack = ir_xmalloc(n * sizeof(NodeId));
    uint32_t *next = ir_xcalloc(n, sizeof(uint32_t));
    NodeId *post = ir_xmalloc(n * sizeof(NodeId));
    uint32_t sp = 0, np = 0;
    if (ir_is_live(g, g->start)) {
        stack[sp++] = g->start;
        seen[g->start] = 1;
    }
    while (sp) {
        NodeId c = stack[sp - 1];
        if (next[c] < nsucc[c]) {
            NodeId s = succ[first[c] + next[c]++];
            if (!seen[s]) {
                seen[s] = 1;
                stack[sp++] = s;
            }
        } else {
            post[np++] = c;
            sp--;
        }
    }
    for (uint32_t i = 0; i < np; i++) order[i] = post[np - 1 - i];
    free(seen); free(first); free(succ); free(nsucc); free(stack); free(next); free(post);
    return np;
}

uint32_t ir_print_order(const Graph *g, NodeId *order) {
    uint32_t n = g->node_count;
    NodeId *ctl = ir_xmalloc(n * sizeof(NodeId));
    uint32_t nc = ir_control_rpo(g, ctl);
    uint8_t *done = ir_xcalloc(n, 1);
    /* Bucket pinned nodes by their control input (ids ascending by construction). */
    uint32_t *count = ir_xcalloc(n + 1, sizeof(uint32_t));
    for (NodeId x = 1; x < n; x++)
        if (ir_is_live(g, x) && !ir_has(g, x, P_CTRL) && ir_nctl(g, x) > 0) count[ir_ctl0(g, x)]++;
    uint32_t *startb = ir_xcalloc(n + 1, sizeof(uint32_t));
    uint32_t acc = 0;
    for (NodeId x = 0; x < n; x++) { startb[x] = acc; acc += count[x]; }
    NodeId *bucket = ir_xmalloc((acc ? acc : 1) * sizeof(NodeId));
    uint32_t *fill = ir_xcalloc(n, sizeof(uint32_t));
    for (NodeId x = 1; x < n; x++) {
        if (ir_is_live(g, x) && !ir_has(g, x, P_CTRL) && ir_nctl(g, x) > 0) {
            NodeId c = ir_ctl0(g, x);
            if (c < n) bucket[startb[c] + fill[c]++] = x;
        }
    }
    uint32_t k = 0;
    for (uint32_t i = 0; i < nc; i++) {
        NodeId c = ctl[i];
        order[k++] = c;
        done[c] = 1;
        for (uint32_t j = 0; j < fill[c]; j++) {
            NodeId x = bucket[startb[c] + j];
            if (!done[x]) { order[k++] = x; done[x] = 1; }
        }
    }
    for (NodeId x = 1; x < n; x++)
        if (ir_is_live(g, x) && !done[x]) order[k++] = x;
    free(ctl); free(done); free(count); free(startb); free(bucket); free(fill);
    return k;
}

void ir_print_graph(FILE *f, const Graph *g, const char *title) {
    NodeId *order = ir_xmalloc(g->node_count * sizeof(NodeId));
    uint32_t n = ir_print_order(g, order);
    fprintf(f, "--- graph %s%s%s (%u nodes) ---\n", g->name, title ? " " : "", title ? title : "",
            g->live_count);
    bool floating = false;
    for (uint32_t i = 0; i < n; i++) {
        NodeId x = order[i];
        if (!floating && !ir_has(g, x, P_CTRL) && ir_nctl(g, x) == 0) {
            fputs("# floating\n", f);
            floating = true;
        }
        ir_print_node(f, g, x);
    }
    free(order);
}
