/* test_pass_checkelim.c — passes/pass_checkelim.c on hand-built graphs: a
 * check covered on every effect path goes, across merges and loop headers;
 * shape checks survive a call but not a field store; a check covered on
 * one path only stays. */
#include <criterion/criterion.h>
#include "test_ir_util.h"

typedef struct Diamond {
    NodeId t, f, region;   /* IfTrue, IfFalse, Region */
} Diamond;

static Diamond diamond(Graph *g, NodeId ctl, NodeId cond) {
    Diamond d;
    NodeId iff = IR_NEW(g, IR_If, ctl, IR_NEW(g, IR_ToBoolean, cond));
    d.t = IR_NEW(g, IR_IfTrue, iff);
    d.f = IR_NEW(g, IR_IfFalse, iff);
    d.region = IR_NEW(g, IR_Region, d.t, d.f);
    return d;
}

static NodeId shape_check(Graph *g, NodeId ctl, NodeId eff, NodeId obj) {
    NodeId c = IR_NEW(g, IR_CheckShape, ctl, eff, obj, tg_fs(g));
    static Shape one;
    Shape *s = &one;
    ir_node(g, c)->aux.shapes = ir_shape_set_add(g, &s, 1);
    ir_type_update(g, c);
    return c;
}

static NodeId call(Graph *g, NodeId ctl, NodeId eff) {
    NodeId c = IR_NEW(g, IR_CallRuntime, ctl, eff, tg_fs(g));
    ir_node(g, c)->aux.stub.stub = IR_STUB_Bytecode;
    return c;
}

Test(checkelim, int32_check_before_a_merge_covers_the_one_after) {
    Graph *g = tg_new();
    NodeId x = tg_param(g, 0);
    NodeId c1 = IR_NEW(g, IR_CheckInt32, g->start, g->start, x, tg_fs(g));
    Diamond d = diamond(g, g->start, tg_param(g, 1));
    NodeId ct = IR_NEW(g, IR_CheckNumber, d.t, c1, tg_param(g, 2), tg_fs(g));
    NodeId cf = call(g, d.f, c1);
    NodeId ephi = IR_NEW(g, IR_EffectPhi, d.region, ct, cf);
    NodeId c2 = IR_NEW(g, IR_CheckInt32, d.region, ephi, x, tg_fs(g));
    NodeId r = tg_return(g, d.region, c2, IR_NEW(g, IR_ChangeInt32ToTagged, c2));
    cr_assert(tg_run(g, "checkelim"));
    cr_assert_eq(tg_count(g, IR_CheckInt32), 1);
    cr_assert_eq(ir_val(g, ir_val(g, r, 0), 0), c1);
    cr_assert_eq(ir_eff(g, r, 0), ephi);
    ir_graph_free(g);
}

Test(checkelim, checks_on_both_paths_cover_the_merge) {
    Graph *g = tg_new();
    NodeId x = tg_param(g, 0);
    Diamond d = diamond(g, g->start, tg_param(g, 1));
    NodeId ct = IR_NEW(g, IR_CheckInt32, d.t, g->start, x, tg_fs(g));
    NodeId cf = IR_NEW(g, IR_CheckInt32, d.f, g->start, x, tg_fs(g));
    NodeId ephi = IR_NEW(g, IR_EffectPhi, d.region, ct, cf);
    NodeId c2 = IR_NEW(g, IR_CheckInt32, d.region, ephi, x, tg_fs(g));
    NodeId r = tg_return(g, d.region, c2, IR_NEW(g, IR_ChangeInt32ToTagged, c2));
    cr_assert(tg_run(g, "checkelim"));
    cr_assert_eq(tg_count(g, IR_CheckInt32), 2);
    NodeId v = ir_val(g, ir_val(g, r, 0), 0);
    cr_assert_eq(ir_op(g, v), IR_ChangeTaggedToInt32);
    cr_assert_eq(ir_val(g, v, 0), x);
    ir_graph_free(g);
}

Test(checkelim, a_check_on_one_path_only_stays) {
    Graph *g = tg_new();
    NodeId x = tg_param(g, 0);
    Diamond d = diamond(g, g->start, tg_param(g, 1));
    NodeId ct = IR_NEW(g, IR_CheckInt32, d.t, g->start, x, tg_fs(g));
    NodeId ephi = IR_NEW(g, IR_EffectPhi, d.region, ct, g->start);
    NodeId c2 = IR_NEW(g, IR_CheckInt32, d.region, ephi, x, tg_fs(g));
    tg_return(g, d.region, c2, IR_NEW(g, IR_ChangeInt32ToTagged, c2));
    cr_assert_not(tg_run(g, "checkelim"));
    cr_assert_eq(tg_count(g, IR_CheckInt32), 2);
    ir_graph_free(g);
}

Test(checkelim, int32_check_implies_number_check) {
    Graph *g = tg_new();
    NodeId x = tg_param(g, 0);
    NodeId c1 = IR_NEW(g, IR_CheckInt32, g->start, g->start, x, tg_fs(g));
    NodeId c2 = IR_NEW(g, IR_CheckNumber, g->start, c1, x, tg_fs(g));
    NodeId r = tg_return(g, g->start, c2, IR_NEW(g, IR_ChangeFloat64ToTagged, c2));
    cr_assert(tg_run(g, "checkelim"));
    NodeId v = ir_val(g, ir_val(g, r, 0), 0);
    cr_assert_eq(ir_op(g, v), IR_ChangeInt32ToFloat64);
    cr_assert_eq(ir_val(g, v, 0), c1);
    ir_graph_free(g);
}

/* Start -> c1 -> Loop { EffectPhi; body; c2; back edge } -> exit. `body`
 * (CallRuntime or StoreField) sits on the loop's effect chain. */
static NodeId loop_with(Graph *g, bool call_in_body, NodeId *c2_out) {
    NodeId o = tg_param(g, 0);
    NodeId c1 = shape_check(g, g->start, g->start, o);
    NodeId loop = IR_NEW(g, IR_Loop, g->start, g->start);      /* back edge patched below */
    NodeId ephi = IR_NEW(g, IR_EffectPhi, loop, c1, c1);
    NodeId iff = IR_NEW(g, IR_If, loop, IR_NEW(g, IR_ToBoolean, tg_param(g, 1)));
    NodeId body = IR_NEW(g, IR_IfTrue, iff);
    NodeId exit = IR_NEW(g, IR_IfFalse, iff);
    NodeId c2 = shape_check(g, body, ephi, o);
    NodeId w = call_in_body ? call(g, body, c2)
                            : IR_NEW(g, IR_StoreField, body, c2, c2, ir_constant(g, rt_int(1)));
    ir_set_input(g, loop, 1, body);
    ir_set_input(g, ephi, 2, w);
    tg_return(g, exit, ephi, o);
    *c2_out = c2;
    return c1;
}

Test(checkelim, shape_check_before_a_loop_covers_the_body_when_only_fields_are_stored) {
    Graph *g = tg_new();
    NodeId c2;
    NodeId c1 = loop_with(g, false, &c2);
    cr_assert(tg_run(g, "checkelim"));
    cr_assert_eq(tg_count(g, IR_CheckShape), 1);
    NodeId st = tg_find(g, IR_StoreField);
    cr_assert_eq(ir_val(g, st, 0), c1);
    ir_graph_free(g);
}

Test(checkelim, a_call_in_the_loop_keeps_the_shape_check) {
    Graph *g = tg_new();
    NodeId c2;
    loop_with(g, true, &c2);
    cr_assert_not(tg_run(g, "checkelim"));
    cr_assert_eq(tg_count(g, IR_CheckShape), 2);
    ir_graph_free(g);
}

Test(checkelim, a_call_between_keeps_a_shape_check_but_not_an_int32_check) {
    Graph *g = tg_new();
    NodeId o = tg_param(g, 0);
    NodeId s1 = shape_check(g, g->start, g->start, o);
    NodeId y = tg_param(g, 1);
    NodeId i1 = IR_NEW(g, IR_CheckInt32, g->start, s1, y, tg_fs(g));
    NodeId k = call(g, g->start, i1);
    NodeId s2 = shape_check(g, g->start, k, o);
    NodeId i2 = IR_NEW(g, IR_CheckInt32, g->start, s2, y, tg_fs(g));
    tg_return(g, g->start, i2, IR_NEW(g, IR_ChangeInt32ToTagged, i2));
    cr_assert(tg_run(g, "checkelim"));
    cr_assert_eq(tg_count(g, IR_CheckShape), 2);
    cr_assert_eq(tg_count(g, IR_CheckInt32), 1);
    ir_graph_free(g);
}

Test(checkelim, a_wider_shape_check_is_implied_by_a_narrower_one) {
    Graph *g = tg_new();
    NodeId o = tg_param(g, 0);
    NodeId s1 = shape_check(g, g->start, g->start, o);
    NodeId s2 = IR_NEW(g, IR_CheckShape, g->start, s1, o, tg_fs(g));
    static Shape other;
    Shape *two[2] = {&other, g->shape_sets[ir_node(g, s1)->aux.shapes].shapes[0]};
    ir_node(g, s2)->aux.shapes = ir_shape_set_add(g, two, 2);
    ir_type_update(g, s2);
    tg_return(g, g->start, s2, s2);
    cr_assert(tg_run(g, "checkelim"));
    cr_assert_eq(tg_count(g, IR_CheckShape), 1);
    cr_assert_eq(ir_val(g, tg_find(g, IR_Return), 0), s1);
    ir_graph_free(g);
}
