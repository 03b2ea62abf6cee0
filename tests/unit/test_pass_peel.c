/* test_pass_peel.c — the loop tree of passes/pass_loops.c and the loop
 * peeling of passes/pass_peel.c on hand-built graphs: peeling copies the
 * body before the loop, the loop enters from the copy, values used after
 * the loop come through a Phi at the joined exits, and the checks of the
 * body are then covered by the peeled iteration (checkelim). */
#include <criterion/criterion.h>
#include "test_ir_util.h"
#include "passes/pass_loops.h"

static Shape s_shape;

typedef struct SimpleLoop {
    NodeId loop, phi, ephi, iff, body, exit, check, ret;
} SimpleLoop;

/* i = 0; while (cond(i)) { CheckShape(o); i = i + 1 } return i */
static SimpleLoop simple_loop(Graph *g, NodeId ctl) {
    SimpleLoop l;
    NodeId o = tg_param(g, 0);
    l.loop = IR_NEW(g, IR_Loop, ctl, ctl);
    l.phi = IR_NEW(g, IR_Phi, l.loop, ir_int32(g, 0), ir_int32(g, 0));
    ir_node(g, l.phi)->repr = R_INT32;
    l.ephi = IR_NEW(g, IR_EffectPhi, l.loop, g->start, g->start);
    l.iff = IR_NEW(g, IR_If, l.loop, IR_NEW(g, IR_Int32LessThan, l.phi, ir_int32(g, 10)));
    l.body = IR_NEW(g, IR_IfTrue, l.iff);
    l.exit = IR_NEW(g, IR_IfFalse, l.iff);
    Shape *sp = &s_shape;
    l.check = IR_NEW(g, IR_CheckShape, l.body, l.ephi, o, tg_fs(g));
    ir_node(g, l.check)->aux.shapes = ir_shape_set_add(g, &sp, 1);
    ir_type_update(g, l.check);
    NodeId next = IR_NEW(g, IR_Int32Add, l.phi, ir_int32(g, 1));
    ir_set_input(g, l.loop, 1, l.body);
    ir_set_input(g, l.phi, 2, next);
    ir_set_input(g, l.ephi, 2, l.check);
    *ir_type(g, l.phi) = ir_type_bound(g, l.phi);
    l.ret = tg_return(g, l.exit, l.ephi, IR_NEW(g, IR_ChangeInt32ToTagged, l.phi));
    return l;
}

Test(loops, finds_body_exits_and_nesting) {
    Graph *g = tg_new();
    SimpleLoop l = simple_loop(g, g->start);
    LoopTree t;
    cr_assert_eq(loops_find(g, &t), 1);
    cr_assert_eq(t.loops[0].header, l.loop);
    cr_assert_eq(t.loops[0].nbody, 3);          /* Loop, If, IfTrue */
    cr_assert_eq(t.loops[0].nexits, 1);
    cr_assert_eq(t.loops[0].exits[0], l.exit);
    cr_assert_eq(t.loops[0].depth, 1);
    cr_assert(loops_contains(&t, 0, l.body));
    cr_assert_not(loops_contains(&t, 0, l.exit));
    loops_free(&t);
    ir_graph_free(g);
}

Test(peel, the_loop_enters_from_a_copy_of_its_body) {
    Graph *g = tg_new();
    SimpleLoop l = simple_loop(g, g->start);
    cr_assert(tg_run(g, "peel"));
    cr_assert_eq(tg_count(g, IR_CheckShape), 2);
    cr_assert_eq(tg_count(g, IR_Loop), 1);
    /* The loop's entry is the peeled copy's IfTrue, not Start. */
    NodeId entry = ir_ctl(g, l.loop, 0);
    cr_assert_eq(ir_op(g, entry), IR_IfTrue);
    cr_assert_neq(entry, l.body);
    /* After the loop: a Region of both exits and a Phi of both values. */
    NodeId r = ir_ctl(g, l.ret, 0);
    cr_assert_eq(ir_op(g, r), IR_Region);
    NodeId v = ir_val(g, ir_val(g, l.ret, 0), 0);    /* ChangeInt32ToTagged(Phi) */
    cr_assert_eq(ir_op(g, v), IR_Phi);
    cr_assert_eq(ir_val(g, v, 0), l.phi);
    cr_assert_eq(ir_ctl0(g, v), r);
    ir_graph_free(g);
}

Test(peel, then_the_body_check_is_covered_by_the_first_iteration) {
    Graph *g = tg_new();
    SimpleLoop l = simple_loop(g, g->start);
    tg_run(g, "peel");
    cr_assert(tg_run(g, "checkelim"));
    cr_assert_eq(tg_count(g, IR_CheckShape), 1);
    cr_assert_neq(tg_find(g, IR_CheckShape), l.check);
    ir_graph_free(g);
}

Test(peel, loops_with_two_exits_are_left_alone) {
    Graph *g = tg_new();
    SimpleLoop l = simple_loop(g, g->start);
    /* A second exit: the body may leave through a Return. */
    NodeId iff = IR_NEW(g, IR_If, l.body, IR_NEW(g, IR_ToBoolean, tg_param(g, 1)));
    NodeId stay = IR_NEW(g, IR_IfTrue, iff), leave = IR_NEW(g, IR_IfFalse, iff);
    ir_set_input(g, l.loop, 1, stay);
    tg_return(g, leave, l.check, ir_constant(g, RT_UNDEFINED));
    cr_assert_not(tg_run(g, "peel"));
    cr_assert_eq(tg_count(g, IR_CheckShape), 1);
    ir_graph_free(g);
}
