/* test_pass_escape.c — passes/pass_escape.c on hand-built graphs: an
 * object only stored to and loaded from disappears into its field values
 * (a Phi where two paths store different values); an object that is
 * stored elsewhere, returned, or named by a FrameState stays. */
#include <criterion/criterion.h>
#include "test_ir_util.h"

static Shape point_shape;

static NodeId alloc(Graph *g, NodeId ctl, NodeId eff) {
    Shape *s = &point_shape;
    NodeId a = IR_NEW(g, IR_AllocateObject, ctl, eff);
    ir_node(g, a)->aux.shapes = ir_shape_set_add(g, &s, 1);
    ir_type_update(g, a);
    return a;
}

static NodeId store(Graph *g, NodeId ctl, NodeId eff, NodeId obj, uint32_t slot, NodeId v) {
    NodeId s = IR_NEW(g, IR_StoreField, ctl, eff, obj, v);
    ir_node(g, s)->aux.field.slot = slot;
    ir_node(g, s)->aux.field.inobject = 1;
    return s;
}

static NodeId load(Graph *g, NodeId ctl, NodeId eff, NodeId obj, uint32_t slot) {
    NodeId l = IR_NEW(g, IR_LoadField, ctl, eff, obj);
    ir_node(g, l)->aux.field.slot = slot;
    ir_node(g, l)->aux.field.inobject = 1;
    return l;
}

Test(escape, a_point_that_never_escapes_becomes_its_fields) {
    Graph *g = tg_new();
    NodeId x = tg_param(g, 0), y = tg_param(g, 1);
    NodeId a = alloc(g, g->start, g->start);
    NodeId s0 = store(g, g->start, a, a, 0, x);
    NodeId s1 = store(g, g->start, s0, a, 1, y);
    NodeId call = IR_NEW(g, IR_CallRuntime, g->start, s1, tg_fs(g));  /* cannot touch a */
    NodeId l1 = load(g, g->start, call, a, 1);
    tg_return(g, g->start, l1, l1);
    cr_assert(tg_run(g, "escape"));
    cr_assert_eq(ir_val(g, tg_find(g, IR_Return), 0), y);
    cr_assert_eq(tg_count(g, IR_AllocateObject), 0);
    cr_assert_eq(tg_count(g, IR_StoreField), 0);
    cr_assert_eq(tg_count(g, IR_LoadField), 0);
    ir_graph_free(g);
}

Test(escape, two_paths_storing_different_values_meet_in_a_phi) {
    Graph *g = tg_new();
    NodeId a = alloc(g, g->start, g->start);
    NodeId iff = IR_NEW(g, IR_If, g->start, IR_NEW(g, IR_ToBoolean, tg_param(g, 0)));
    NodeId t = IR_NEW(g, IR_IfTrue, iff), f = IR_NEW(g, IR_IfFalse, iff);
    NodeId one = ir_constant(g, rt_int(1)), two = ir_constant(g, rt_int(2));
    NodeId st = store(g, t, a, a, 0, one), sf = store(g, f, a, a, 0, two);
    NodeId r = IR_NEW(g, IR_Region, t, f);
    NodeId ephi = IR_NEW(g, IR_EffectPhi, r, st, sf);
    NodeId l = load(g, r, ephi, a, 0);
    tg_return(g, r, l, l);
    cr_assert(tg_run(g, "escape"));
    NodeId v = ir_val(g, tg_find(g, IR_Return), 0);
    cr_assert_eq(ir_op(g, v), IR_Phi);
    cr_assert_eq(ir_val(g, v, 0), one);
    cr_assert_eq(ir_val(g, v, 1), two);
    cr_assert_eq(tg_count(g, IR_AllocateObject), 0);
    ir_graph_free(g);
}

Test(escape, an_object_stored_into_another_escapes) {
    Graph *g = tg_new();
    NodeId a = alloc(g, g->start, g->start);
    NodeId s0 = store(g, g->start, a, a, 0, tg_param(g, 0));
    NodeId s1 = store(g, g->start, s0, tg_param(g, 1), 0, a);
    tg_return(g, g->start, s1, ir_constant(g, RT_UNDEFINED));
    cr_assert_not(tg_run(g, "escape"));
    cr_assert_eq(tg_count(g, IR_AllocateObject), 1);
    ir_graph_free(g);
}

Test(escape, an_object_in_a_frame_state_stays_until_deopt_materializes_it) {
    Graph *g = tg_new();
    NodeId a = alloc(g, g->start, g->start);
    NodeId s0 = store(g, g->start, a, a, 0, tg_param(g, 0));
    NodeId fs = ir_node_new(g, IR_FrameState, 0, 0, 1, 0, &a);
    NodeId c = IR_NEW(g, IR_CheckInt32, g->start, s0, tg_param(g, 1), fs);
    NodeId l = load(g, g->start, c, a, 0);
    tg_return(g, g->start, l, l);
    cr_assert_not(tg_run(g, "escape"));
    cr_assert_eq(tg_count(g, IR_AllocateObject), 1);
    ir_graph_free(g);
}

Test(escape, a_load_of_a_field_never_stored_keeps_the_object) {
    Graph *g = tg_new();
    NodeId a = alloc(g, g->start, g->start);
    NodeId s0 = store(g, g->start, a, a, 0, tg_param(g, 0));
    NodeId l = load(g, g->start, s0, a, 1);
    tg_return(g, g->start, l, l);
    cr_assert_not(tg_run(g, "escape"));
    cr_assert_eq(tg_count(g, IR_AllocateObject), 1);
    ir_graph_free(g);
}
