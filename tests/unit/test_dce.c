/* test_dce.c — passes/pass_dce.c: unreachable control goes, unused values
 * go, effects on a live chain stay, loops that never exit stay. */
#include <criterion/criterion.h>
#include "test_ir_util.h"

Test(dce, removes_unused_values) {
    Graph *g = tg_new();
    NodeId p = tg_param(g, 0);
    IR_NEW(g, IR_Float64Mul, IR_NEW(g, IR_ChangeTaggedToFloat64, p), ir_float64(g, 2.0));
    tg_return(g, g->start, g->start, p);
    uint32_t before = g->live_count;
    cr_assert(tg_run(g, "dce"));
    cr_assert_eq(g->live_count, before - 3);
    cr_assert_eq(tg_count(g, IR_Float64Mul), 0);
    ir_graph_free(g);
}

Test(dce, keeps_effects_on_the_live_chain) {
    Graph *g = tg_new();
    NodeId o = tg_param(g, 0);
    NodeId st = IR_NEW(g, IR_StoreField, g->start, g->start, o, ir_constant(g, rt_int(1)));
    NodeId ld = IR_NEW(g, IR_LoadField, g->start, st, o);   /* value unused, effect used */
    tg_return(g, g->start, ld, o);
    tg_run(g, "dce");
    cr_assert_eq(tg_count(g, IR_StoreField), 1);
    cr_assert_eq(tg_count(g, IR_LoadField), 1);
    ir_graph_free(g);
}

Test(dce, removes_effects_nothing_consumes) {
    Graph *g = tg_new();
    NodeId o = tg_param(g, 0);
    IR_NEW(g, IR_LoadField, g->start, g->start, o);
    tg_return(g, g->start, g->start, o);
    tg_run(g, "dce");
    cr_assert_eq(tg_count(g, IR_LoadField), 0);
    ir_graph_free(g);
}

Test(dce, cuts_unreachable_predecessors_of_a_merge) {
    Graph *g = tg_new();
    NodeId p = tg_param(g, 0);
    NodeId iff = IR_NEW(g, IR_If, g->start, IR_NEW(g, IR_ToBoolean, p));
    NodeId t = IR_NEW(g, IR_IfTrue, iff), e = IR_NEW(g, IR_IfFalse, iff);
    /* A loop nobody enters feeds the region: its control is unreachable. */
    NodeId orphan = IR_NEW(g, IR_Loop, IR_NONE);
    ir_set_input(g, orphan, 0, orphan);
    NodeId m = IR_NEW(g, IR_Region, t, orphan, e);
    NodeId phi = IR_NEW(g, IR_Phi, m, ir_constant(g, rt_int(1)), ir_constant(g, rt_int(2)), p);
    tg_return(g, m, g->start, phi);
    tg_run(g, "dce");
    cr_assert_eq(tg_count(g, IR_Loop), 0);
    cr_assert_eq(ir_nctl(g, m), 2);
    cr_assert_eq(ir_nval(g, phi), 2);
    cr_assert_eq(ir_val(g, phi, 1), p);
    ir_graph_free(g);
}

Test(dce, single_predecessor_merges_disappear) {
    Graph *g = tg_new();
    NodeId p = tg_param(g, 0);
    NodeId m = IR_NEW(g, IR_Region, g->start);
    NodeId phi = IR_NEW(g, IR_Phi, m, p);
    tg_return(g, m, g->start, phi);
    tg_run(g, "dce");
    cr_assert_eq(tg_count(g, IR_Region), 0);
    cr_assert_eq(tg_count(g, IR_Phi), 0);
    cr_assert_eq(ir_val(g, tg_find(g, IR_Return), 0), p);
    ir_graph_free(g);
}

Test(dce, keeps_a_loop_that_never_exits) {
    Graph *g = tg_new();
    NodeId o = tg_param(g, 0);
    NodeId iff = IR_NEW(g, IR_If, g->start, IR_NEW(g, IR_ToBoolean, o));
    NodeId t = IR_NEW(g, IR_IfTrue, iff), e = IR_NEW(g, IR_IfFalse, iff);
    tg_return(g, e, g->start, o);
    NodeId loop = IR_NEW(g, IR_Loop, t);
    NodeId ephi = IR_NEW(g, IR_EffectPhi, loop, g->start);
    NodeId st = IR_NEW(g, IR_StoreField, loop, ephi, o, ir_constant(g, rt_int(1)));
    ir_add_input(g, loop, loop);
    ir_add_input(g, ephi, st);
    tg_run(g, "dce");
    cr_assert_eq(tg_count(g, IR_StoreField), 1, "the store happens forever: it is observable");
    cr_assert_eq(tg_count(g, IR_Loop), 1);
    ir_graph_free(g);
}
