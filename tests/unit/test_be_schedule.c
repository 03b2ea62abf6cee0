/* test_be_schedule.c — Global Code Motion (backend/be_schedule.c): loop
 * invariant code leaves its loop, code used only inside a branch stays
 * there, the CFG, dominators and loop depths are the expected ones. */
#include <criterion/criterion.h>
#include "backend/be_schedule.h"
#include "test_ir_util.h"

static NodeId i32param(Graph *g, int32_t i) { return IR_NEW(g, IR_ChangeTaggedToInt32, tg_param(g, i)); }

static int32_t depth_of(const BeSchedule *s, NodeId n) {
    int32_t b = be_sched_block(s, n);
    cr_assert_geq(b, 0, "n%u is not scheduled", n);
    return s->blocks[b].loop_depth;
}

/* for (i = 0; (i += a*b ... ) < 100;) — a*b is invariant, i + a*b is not. */
Test(be_schedule, invariant_leaves_the_loop) {
    Graph *g = tg_new();
    NodeId a = i32param(g, 0), b = i32param(g, 1);
    NodeId loop = IR_NEW(g, IR_Loop, g->start);
    NodeId zero = ir_int32(g, 0);
    NodeId phi = ir_node_new(g, IR_Phi, 1, 0, 2, 0, (NodeId[]){loop, zero, zero});
    ir_node(g, phi)->repr = R_INT32;
    NodeId inv = IR_NEW(g, IR_Int32Mul, a, b);
    NodeId add = IR_NEW(g, IR_Int32Add, phi, inv);
    NodeId cmp = IR_NEW(g, IR_Int32LessThan, add, ir_int32(g, 100));
    NodeId iff = IR_NEW(g, IR_If, loop, cmp);
    NodeId t = IR_NEW(g, IR_IfTrue, iff), f = IR_NEW(g, IR_IfFalse, iff);
    ir_add_input(g, loop, t);
    ir_set_input(g, phi, 2, add);
    tg_return(g, f, g->start, IR_NEW(g, IR_ChangeInt32ToTagged, add));
    char err[200] = "";
    BeSchedule *s = be_schedule(g, err, sizeof err);
    cr_assert(s, "%s", err);
    cr_expect_eq(s->nblocks, 4);
    cr_expect_eq(depth_of(s, inv), 0, "the invariant product is hoisted out of the loop");
    cr_expect_eq(be_sched_block(s, inv), be_sched_block(s, g->start));
    cr_expect_eq(depth_of(s, add), 1, "the induction update stays in the loop");
    cr_expect_eq(depth_of(s, cmp), 1);
    cr_expect_eq(be_sched_block(s, phi), be_sched_block(s, loop));
    cr_expect_geq(s->nhoisted, 1);
    int32_t lb = be_sched_block(s, loop);
    cr_expect(s->blocks[lb].is_loop_header);
    cr_expect_eq(s->blocks[lb].npreds, 2);
    /* inside the header the phi comes first and the branch last */
    const BeSchedBlock *hb = &s->blocks[lb];
    cr_expect_eq(hb->nodes[0], phi);
    cr_expect_eq(hb->nodes[hb->nnodes - 1], iff);
    be_schedule_free(s);
    ir_graph_free(g);
}

/* if (x < 0) return x*x; else return 7 — x*x stays in the branch. */
Test(be_schedule, branch_use_is_not_hoisted) {
    Graph *g = tg_new();
    NodeId x = i32param(g, 0);
    NodeId cmp = IR_NEW(g, IR_Int32LessThan, x, ir_int32(g, 0));
    NodeId iff = IR_NEW(g, IR_If, g->start, cmp);
    NodeId t = IR_NEW(g, IR_IfTrue, iff), f = IR_NEW(g, IR_IfFalse, iff);
    NodeId sq = IR_NEW(g, IR_Int32Mul, x, x);
    tg_return(g, t, g->start, IR_NEW(g, IR_ChangeInt32ToTagged, sq));
    tg_return(g, f, g->start, ir_constant(g, rt_int(7)));
    char err[200] = "";
    BeSchedule *s = be_schedule(g, err, sizeof err);
    cr_assert(s, "%s", err);
    cr_expect_eq(s->nblocks, 3);
    cr_expect_eq(be_sched_block(s, sq), be_sched_block(s, t), "x*x is placed in the branch that uses it");
    cr_expect_eq(be_sched_block(s, cmp), be_sched_block(s, g->start));
    int32_t tb = be_sched_block(s, t);
    cr_expect_eq(s->blocks[tb].idom, be_sched_block(s, g->start));
    cr_expect_eq(s->nhoisted, 0);
    be_schedule_free(s);
    ir_graph_free(g);
}

/* The printed view names every block with its dominator and loop depth. */
Test(be_schedule, prints_the_scheduled_view) {
    Graph *g = tg_new();
    NodeId x = i32param(g, 0);
    NodeId loop = IR_NEW(g, IR_Loop, g->start);
    NodeId cmp = IR_NEW(g, IR_Int32LessThan, x, ir_int32(g, 3));
    NodeId iff = IR_NEW(g, IR_If, loop, cmp);
    NodeId t = IR_NEW(g, IR_IfTrue, iff), f = IR_NEW(g, IR_IfFalse, iff);
    ir_add_input(g, loop, t);
    tg_return(g, f, g->start, IR_NEW(g, IR_ChangeInt32ToTagged, x));
    char err[200] = "";
    BeSchedule *s = be_schedule(g, err, sizeof err);
    cr_assert(s, "%s", err);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    be_schedule_print(out, s);
    fclose(out);
    cr_expect(strstr(buf, "--- scheduled: t"), "%s", buf);
    cr_expect(strstr(buf, "loop depth 1 (header)"), "%s", buf);
    cr_expect(strstr(buf, "Int32LessThan"), "%s", buf);
    cr_expect(strstr(buf, "1 hoisted"), "the loop-invariant compare leaves the loop:\n%s", buf);
    free(buf);
    be_schedule_free(s);
    ir_graph_free(g);
}
