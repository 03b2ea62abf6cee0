/* gr_dot.c — a graph as Graphviz DOT, and DOT as SVG through libgvc.
 *
 * Edges run from definition to use, so the picture flows down from Start.
 * Control, effect, value and FrameState edges differ in colour and style;
 * FrameState nodes and edges carry the CSS class "fs" so the HTML viewer
 * can hide them, and nodes a pass changed carry "changed". Layout cost of
 * `dot` grows steeply with size (shared/notes/llvm-mc.md: 300 nodes 0.08 s,
 * 3,000 nodes up to a minute), so big graphs get the cheap settings
 * measured there, and huge ones no SVG at all. The scheduled view groups
 * the nodes into one cluster per basic block (GCM's placement, Click 1995).
 */
#include "gr_dump.h"

#include "backend/be_schedule.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef struct Buf {
    char *p;
    size_t len, cap;
} Buf;

static void put(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(Buf *b, const char *fmt, ...) {
    va_list ap;
    for (;;) {
        size_t room = b->cap - b->len;
        va_start(ap, fmt);
        int n = vsnprintf(b->p ? b->p + b->len : NULL, b->p ? room : 0, fmt, ap);
        va_end(ap);
        if (n < 0) return;
        if (b->p && (size_t)n < room) { b->len += (size_t)n; return; }
        size_t need = b->len + (size_t)n + 1;
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < need) cap *= 2;
        b->p = ir_xrealloc(b->p, cap);
        b->cap = cap;
    }
}

/* DOT string contents: quotes, backslashes and newlines escaped. */
static void put_escaped(Buf *b, const char *s) {
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') put(b, "\\%c", *s);
        else if (*s == '\n') put(b, "\\n");
        else if ((unsigned char)*s >= 0x20) put(b, "%c", *s);
    }
}

static const char *node_style(const Graph *g, NodeId n, const char **shape) {
    IrOp op = ir_op(g, n);
    *shape = "box";
    if (op == IR_FrameState) { *shape = "note"; return "#eeeeee"; }
    if (op == IR_Deoptimize || op == IR_Throw) return "#ffc9c9";
    if (ir_has(g, n, P_CTRL)) return "#ffd8a8";
    if (op == IR_Phi || op == IR_EffectPhi) { *shape = "hexagon"; return "#fff3bf"; }
    if (op == IR_Int32Constant || op == IR_Float64Constant || op == IR_Constant || op == IR_Parameter) {
        *shape = "ellipse";
        return "#f1f3f5";
    }
    if (ir_has(g, n, P_DEOPT)) return "#d0ebff";
    if (ir_has(g, n, P_EFF)) return "#e5dbff";
    *shape = "ellipse";
    return "#d3f9d8";
}

static void put_node(Buf *b, const Graph *g, NodeId n, const uint8_t *changed, const char *indent) {
    char label[256], type[200];
    ir_node_label(g, n, label, sizeof label);
    const char *shape;
    const char *fill = node_style(g, n, &shape);
    bool fs = ir_op(g, n) == IR_FrameState;
    bool ch = changed && changed[n];
    put(b, "%sn%u [id=\"n%u\", shape=%s, fillcolor=\"%s\", class=\"%s%s\", label=\"n%u ", indent, n, n, shape, fill,
        fs ? "fs" : "ir", ch ? " changed" : "", n);
    put_escaped(b, label);
    if (ir_produces_value(g, n) && ir_op(g, n) != IR_Dead) {
        put(b, "\\n");
        put_escaped(b, ir_type_print(ir_type(g, n), type, sizeof type));
    }
    put(b, "\"%s];\n", ch ? ", color=\"#e03131\", penwidth=3" : "");
}

/* n's input edges. `scheduled`: control edges to pinned nodes are left out
 * (the block clusters show where a node is). */
static void put_edges(Buf *b, const Graph *g, NodeId n, bool scheduled) {
    for (uint32_t i = 0; i < ir_in_count(g, n); i++) {
        NodeId in = ir_in(g, n, i);
        if (!ir_is_live(g, in)) continue;
        const char *attrs;
        switch (ir_slot_kind(g, n, i)) {
        case IR_SLOT_CTL:
            if (scheduled && !ir_has(g, n, P_CTRL)) continue;
            attrs = ir_has(g, n, P_CTRL) ? "color=\"#c92a2a\", penwidth=2, class=\"ctl\""
                                         : "color=\"#ffa8a8\", class=\"ctl pin\"";
            break;
        case IR_SLOT_EFF: attrs = "color=\"#1971c2\", style=dashed, class=\"eff\""; break;
        case IR_SLOT_FS: attrs = "color=\"#adb5bd\", style=dotted, class=\"fs\""; break;
        default:
            attrs = ir_op(g, in) == IR_FrameState || ir_op(g, n) == IR_FrameState ? "color=\"#adb5bd\", style=dotted, class=\"fs\""
                                                  : "color=\"#212529\", class=\"val\"";
            break;
        }
        /* A loop's back edges would pull the loop body above its header. */
        bool back = ir_op(g, n) == IR_Loop && i > 0;
        /* ... and so would the loop phis' back-edge inputs. */
        if ((ir_op(g, n) == IR_Phi || ir_op(g, n) == IR_EffectPhi) && i >= 2 && ir_is_live(g, ir_ctl0(g, n)) &&
            ir_op(g, ir_ctl0(g, n)) == IR_Loop)
            back = true;
        put(b, "  n%u -> n%u [%s%s];\n", in, n, attrs, back || scheduled ? ", constraint=false" : "");
    }
}

static void put_header(Buf *b, const Graph *g, const char *title, bool compound) {
    put(b, "digraph \"");
    put_escaped(b, g->name);
    put(b, "\" {\n  graph [fontname=\"Helvetica\", fontsize=11, ranksep=0.3, nodesep=0.25");
    if (title) {
        put(b, ", label=\"");
        put_escaped(b, title);
        put(b, "\", labelloc=t");
    }
    if (compound) put(b, ", compound=true");
    if (g->live_count > GR_CHEAP_LAYOUT_NODES) put(b, ", nslimit=0.05, mclimit=0.2, splines=line");
    put(b, "];\n  node [fontname=\"Helvetica\", fontsize=10, style=filled, height=0.25, margin=\"0.05,0.02\"];\n");
    put(b, "  edge [arrowsize=0.5];\n");
}

char *gr_graph_to_dot(const Graph *g, const uint8_t *changed, const char *title) {
    Buf b = {0};
    put_header(&b, g, title, false);
    NodeId *order = ir_xmalloc(g->node_count * sizeof(NodeId));
    uint32_t count = ir_print_order(g, order);
    for (uint32_t i = 0; i < count; i++) put_node(&b, g, order[i], changed, "  ");
    for (uint32_t k = 0; k < count; k++) put_edges(&b, g, order[k], false);
    free(order);
    put(&b, "}\n");
    return b.p;
}

/* The scheduled view: one cluster per block, its nodes in execution order
 * and the blocks in layout order, top to bottom: an invisible chain runs
 * through every scheduled node and only it constrains the layout; the real
 * edges are drawn over it. FrameStates and other unscheduled nodes float
 * outside the clusters. */
char *gr_schedule_to_dot(const BeSchedule *s, const uint8_t *changed, const char *title) {
    const Graph *g = s->g;
    Buf b = {0};
    put_header(&b, g, title, true);
    uint8_t *placed = ir_xcalloc(g->node_count, 1);
    NodeId prev = IR_NONE;
    for (int32_t k = 0; k < s->nblocks; k++) {
        int32_t bi = s->order[k];
        const BeSchedBlock *blk = &s->blocks[bi];
        put(&b, "  subgraph cluster_B%d {\n    label=\"B%d", bi, bi);
        if (blk->loop_depth) put(&b, " (loop depth %d)", blk->loop_depth);
        put(&b, "\"; labeljust=l; style=rounded; color=\"%s\";\n", blk->is_loop_header ? "#e8590c" : "#868e96");
        if (blk->node && blk->node < g->node_count && !placed[blk->node]) {
            put_node(&b, g, blk->node, changed, "    ");
            placed[blk->node] = 1;
            if (prev) put(&b, "    n%u -> n%u [style=invis, weight=4];\n", prev, blk->node);
            prev = blk->node;
        }
        for (uint32_t i = 0; i < blk->nnodes; i++) {
            NodeId n = blk->nodes[i];
            if (n >= g->node_count || placed[n]) continue;
            put_node(&b, g, n, changed, "    ");
            placed[n] = 1;
            if (prev) put(&b, "    n%u -> n%u [style=invis, weight=4];\n", prev, n);
            prev = n;
        }
        put(&b, "  }\n");
    }
    NodeId *order = ir_xmalloc(g->node_count * sizeof(NodeId));
    uint32_t count = ir_print_order(g, order);
    for (uint32_t i = 0; i < count; i++)
        if (!placed[order[i]]) put_node(&b, g, order[i], changed, "  ");
    for (uint32_t k = 0; k < count; k++) put_edges(&b, g, order[k], true);
    free(order);
    free(placed);
    put(&b, "}\n");
    return b.p;
}
