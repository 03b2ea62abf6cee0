/* test_ir_util.h — small helpers shared by the IR unit tests: build graphs
 * by hand, find nodes, and assert that the verifier accepts a graph. */
#ifndef TEST_IR_UTIL_H
#define TEST_IR_UTIL_H

#include <criterion/criterion.h>
#include <stdio.h>
#include "ir/ir.h"
#include "passes/pass.h"

static inline Graph *tg_new(void) { return ir_graph_new(NULL, NULL, "t"); }

static inline NodeId tg_param(Graph *g, int32_t i) {
    NodeId p = IR_NEW(g, IR_Parameter, g->start);
    ir_node(g, p)->aux.i32 = i;
    return p;
}

static inline NodeId tg_fs(Graph *g) {
    NodeId fs = ir_node_new(g, IR_FrameState, 0, 0, 0, 0, NULL);
    return fs;
}

static inline NodeId tg_return(Graph *g, NodeId ctl, NodeId eff, NodeId v) {
    NodeId r = IR_NEW(g, IR_Return, ctl, eff, v);
    ir_add_input(g, g->end, r);
    return r;
}

static inline uint32_t tg_count(const Graph *g, IrOp op) {
    uint32_t c = 0;
    for (NodeId n = 1; n < g->node_count; n++) c += ir_is_live(g, n) && ir_op(g, n) == op;
    return c;
}

static inline NodeId tg_find(const Graph *g, IrOp op) {
    for (NodeId n = 1; n < g->node_count; n++)
        if (ir_is_live(g, n) && ir_op(g, n) == op) return n;
    return IR_NONE;
}

static inline uint32_t tg_errors(const Graph *g) {
    IrErrors e = {0};
    uint32_t n = ir_verify(g, &e);
    ir_errors_print(stderr, &e);
    ir_errors_free(&e);
    return n;
}

#define tg_assert_valid(g) cr_assert_eq(tg_errors(g), 0, "verifier rejected the graph")

/* Runs one pass and verifies. */
static inline bool tg_run(Graph *g, const char *pass) {
    PassContext ctx = {.log = stderr, .pass = pass};
    bool changed = pass_find(pass)->fn(g, &ctx);
    tg_assert_valid(g);
    return changed;
}

#endif
