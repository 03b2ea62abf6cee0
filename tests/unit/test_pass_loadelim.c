/* test_pass_loadelim.c — passes/pass_loadelim.c on hand-built graphs: a
 * second load of a field is the first; a load after a store is the stored
 * value; stores to other fields pass, stores to the same field of another
 * object and calls kill; merges make a Phi; loop-invariant loads leave the
 * loop when the body does not write the field. */
#include <criterion/criterion.h>
#include "test_ir_util.h"

static NodeId load(Graph *g, NodeId ctl, NodeId eff, NodeId obj, uint32_t slot) {
    NodeId l = IR_NEW(g, IR_LoadField, ctl, eff, obj);
    ir_node(g, l)->aux.field.slot = slot;
    ir_node(g, l)->aux.field.inobject = 1;
    return l;
}

static NodeId store(Graph *g, NodeId ctl, NodeId eff, NodeId obj, uint32_t slot, NodeId v) {
    NodeId s = IR_NEW(g, IR_StoreField, ctl, eff, obj, v);
    ir_node(g, s)->aux.field.slot = slot;
    ir_node(g, s)->aux.field.inobject = 1;
    return s;
}

static NodeId returned(const Graph *g) { return ir_val(g, tg_find(g, IR_Return), 0); }

Test(loadelim, a_second_load_is_the_first) {
    Graph *g = tg_new();
    NodeId o = tg_param(g, 0);
    NodeId l1 = load(g, g->start, g->start, o, 0);
    NodeId st = store(g, g->start, l1, tg_param(g, 1), 1, ir_constant(g, rt_int(7)));  /* another field */
    NodeId l2 = load(g, g->start, st, o, 0);
    tg_return(g, g->start, l2, l2);
    cr_assert(tg_run(g, "loadelim"));
    cr_assert_eq(returned(g), l1);
    cr_assert_eq(tg_count(g, IR_LoadField), 1);
    ir_graph_free(g);
}

Test(loadelim, a_load_after_a_store_is_the_stored_value) {
    Graph *g = tg_new();
    NodeId o = tg_param(g, 0), v = tg_param(g, 1);
    NodeId st = store(g, g->start, g->start, o, 2, v);
    NodeId l = load(g, g->start, st, o, 2);
    tg_return(g, g->start, l, l);
    cr_assert(tg_run(g, "loadelim"));
    cr_assert_eq(returned(g), v);
    ir_graph_free(g);
}

Test(loadelim, a_store_to_the_same_field_of_another_object_kills) {
    Graph *g = tg_new();
    NodeId o = tg_param(g, 0);
    NodeId l1 = load(g, g->start, g->start, o, 0);
    NodeId st = store(g, g->start, l1, tg_param(g, 1), 0, ir_constant(g, rt_int(7)));
    NodeId l2 = load(g, g->start, st, o, 0);
    tg_return(g, g->start, l2, l2);
    cr_assert_not(tg_run(g, "loadelim"));
    cr_assert_eq(tg_count(g, IR_LoadField), 2);
    ir_graph_free(g);
}

Test(loadelim, a_call_kills_every_field) {
    Graph *g = tg_new();
    NodeId o = tg_param(g, 0);
    NodeId l1 = load(g, g->start, g->start, o, 0);
    NodeId c = IR_NEW(g, IR_CallRuntime, g->start, l1, tg_fs(g));
    NodeId l2 = load(g, g->start, c, o, 0);
    tg_return(g, g->start, l2, l2);
    cr_assert_not(tg_run(g, "loadelim"));
    ir_graph_free(g);
}

Test(loadelim, the_same_object_through_a_shape_check) {
    static Shape s;
    Graph *g = tg_new();
    Shape *sp = &s;
    NodeId o = tg_param(g, 0);
    NodeId l1 = load(g, g->start, g->start, o, 0);
    NodeId c = IR_NEW(g, IR_CheckShape, g->start, l1, o, tg_fs(g));
    ir_node(g, c)->aux.shapes = ir_shape_set_add(g, &sp, 1);
    ir_type_update(g, c);
    NodeId l2 = load(g, g->start, c, c, 0);
    tg_return(g, g->start, l2, l2);
    cr_assert(tg_run(g, "loadelim"));
    cr_assert_eq(returned(g), l1);
    ir_graph_free(g);
}

Test(loadelim, different_values_on_two_paths_meet_in_a_phi) {
    Graph *g = tg_new();
    NodeId o = tg_param(g, 0);
    NodeId iff = IR_NEW(g, IR_If, g->start, IR_NEW(g, IR_ToBoolean, tg_param(g, 1)));
    NodeId t = IR_NEW(g, IR_IfTrue, iff), f = IR_NEW(g, IR_IfFalse, iff);
    NodeId a = ir_constant(g, rt_int(1)), b = ir_constant(g, rt_int(2));
    NodeId st = store(g, t, g->start, o, 0, a);
    NodeId sf = store(g, f, g->start, o, 0, b);
    NodeId r = IR_NEW(g, IR_Region, t, f);
    NodeId ephi = IR_NEW(g, IR_EffectPhi, r, st, sf);
    NodeId l = load(g, r, ephi, o, 0);
    tg_return(g, r, l, l);
    cr_assert(tg_run(g, "loadelim"));
    NodeId v = returned(g);
    cr_assert_eq(ir_op(g, v), IR_Phi);
    cr_assert_eq(ir_ctl0(g, v), r);
    cr_assert_eq(ir_val(g, v, 0), a);
    cr_assert_eq(ir_val(g, v, 1), b);
    ir_graph_free(g);
}

/* l1 before a loop; l2 in the body; the body stores field `slot`. */
static void loop_graph(Graph *g, uint32_t slot, NodeId *l1, NodeId *l2) {
    NodeId o = tg_param(g, 0);
    *l1 = load(g, g->start, g->start, o, 0);
    NodeId loop = IR_NEW(g, IR_Loop, g->start, g->start);
    NodeId ephi = IR_NEW(g, IR_EffectPhi, loop, *l1, *l1);
    NodeId iff = IR_NEW(g, IR_If, loop, IR_NEW(g, IR_ToBoolean, tg_param(g, 1)));
    NodeId body = IR_NEW(g, IR_IfTrue, iff), exit = IR_NEW(g, IR_IfFalse, iff);
    *l2 = load(g, body, ephi, o, 0);
    NodeId st = store(g, body, *l2, o, slot, *l2);
    ir_set_input(g, loop, 1, body);
    ir_set_input(g, ephi, 2, st);
    tg_return(g, exit, ephi, o);
}

Test(loadelim, a_loop_invariant_load_is_the_one_before_the_loop) {
    Graph *g = tg_new();
    NodeId l1, l2;
    loop_graph(g, 1, &l1, &l2);
    cr_assert(tg_run(g, "loadelim"));
    cr_assert_eq(tg_count(g, IR_LoadField), 1);
    cr_assert_eq(ir_val(g, tg_find(g, IR_StoreField), 1), l1);
    ir_graph_free(g);
}

Test(loadelim, a_store_to_the_field_in_the_loop_keeps_the_load) {
    Graph *g = tg_new();
    NodeId l1, l2;
    loop_graph(g, 0, &l1, &l2);
    cr_assert_not(tg_run(g, "loadelim"));
    cr_assert_eq(tg_count(g, IR_LoadField), 2);
    ir_graph_free(g);
}
