/* test_fold.c — one test per rule of passes/pass_fold.c. Each builds a tiny
 * graph by hand, runs fold, verifies, and looks at what the Return gets. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>
#include "test_ir_util.h"

/* Returns the value the single Return of g returns. */
static NodeId returned(const Graph *g) {
    NodeId r = tg_find(g, IR_Return);
    cr_assert(r, "no Return left");
    return ir_val(g, r, 0);
}

static int32_t returned_int(const Graph *g) {
    NodeId v = returned(g);
    if (ir_op(g, v) == IR_ChangeInt32ToTagged) v = ir_val(g, v, 0);
    if (ir_op(g, v) == IR_Constant && rt_is_int(ir_node(g, v)->aux.value)) return rt_as_int(ir_node(g, v)->aux.value);
    cr_assert_eq(ir_op(g, v), IR_Int32Constant, "returned %s, not a constant", ir_op_name(ir_op(g, v)));
    return ir_node(g, v)->aux.i32;
}

static double returned_f64(const Graph *g) {
    NodeId v = returned(g);
    if (ir_op(g, v) == IR_Constant) return rt_to_double_unchecked(ir_node(g, v)->aux.value);
    cr_assert_eq(ir_op(g, v), IR_ChangeFloat64ToTagged);
    v = ir_val(g, v, 0);
    cr_assert_eq(ir_op(g, v), IR_Float64Constant, "got %s", ir_op_name(ir_op(g, v)));
    return ir_node(g, v)->aux.f64;
}

/* Return(ChangeInt32ToTagged(v)) with the effect chain at eff. */
static void ret_i32(Graph *g, NodeId eff, NodeId v) {
    tg_return(g, g->start, eff, IR_NEW(g, IR_ChangeInt32ToTagged, v));
}
static void ret_f64(Graph *g, NodeId v) {
    tg_return(g, g->start, g->start, IR_NEW(g, IR_ChangeFloat64ToTagged, v));
}
static NodeId int_param(Graph *g, int i, NodeId *eff) {
    NodeId c = IR_NEW(g, IR_CheckInt32, g->start, *eff, tg_param(g, i), tg_fs(g));
    *eff = c;
    return c;
}
static NodeId f64_param(Graph *g, int i) {
    return IR_NEW(g, IR_ChangeTaggedToFloat64, tg_param(g, i));
}

Test(fold, int32_constants_fold) {
    Graph *g = tg_new();
    ret_i32(g, g->start, IR_NEW(g, IR_Int32Add, ir_int32(g, 3), ir_int32(g, 4)));
    cr_assert(tg_run(g, "fold"));
    cr_assert_eq(returned_int(g), 7);
    ir_graph_free(g);
}

Test(fold, int32_wrapping_arithmetic_is_modular) {
    Graph *g = tg_new();
    ret_i32(g, g->start, IR_NEW(g, IR_Int32Add, ir_int32(g, INT32_MAX), ir_int32(g, 1)));
    tg_run(g, "fold");
    cr_assert_eq(returned_int(g), INT32_MIN);
    ir_graph_free(g);
}

Test(fold, overflow_checks_on_constants_fold_and_leave_the_effect_chain) {
    Graph *g = tg_new();
    NodeId m = IR_NEW(g, IR_Int32MulOverflow, g->start, g->start, ir_int32(g, 3), ir_int32(g, 4), tg_fs(g));
    ret_i32(g, m, m);
    tg_run(g, "fold");
    cr_assert_eq(returned_int(g), 12);
    cr_assert_eq(tg_count(g, IR_Int32MulOverflow), 0);
    cr_assert_eq(ir_eff(g, tg_find(g, IR_Return), 0), g->start);
    ir_graph_free(g);
}

Test(fold, overflowing_constants_keep_their_check) {
    Graph *g = tg_new();
    NodeId a = IR_NEW(g, IR_Int32AddOverflow, g->start, g->start, ir_int32(g, INT32_MAX), ir_int32(g, 1), tg_fs(g));
    ret_i32(g, a, a);
    tg_run(g, "fold");
    cr_assert_eq(tg_count(g, IR_Int32AddOverflow), 1);
    ir_graph_free(g);
}

Test(fold, minus_zero_product_keeps_its_check) {
    Graph *g = tg_new();
    NodeId a = IR_NEW(g, IR_Int32MulOverflow, g->start, g->start, ir_int32(g, -3), ir_int32(g, 0), tg_fs(g));
    ret_i32(g, a, a);
    tg_run(g, "fold");
    cr_assert_eq(tg_count(g, IR_Int32MulOverflow), 1, "-3 * 0 is -0: not an int32");
    ir_graph_free(g);
}

Test(fold, x_times_2_plus_3_times_4_is_one_multiply_and_an_add_of_12) {
    Graph *g = tg_new();
    NodeId eff = g->start;
    NodeId x = int_param(g, 0, &eff);
    NodeId mul = IR_NEW(g, IR_Int32MulOverflow, g->start, eff, x, ir_int32(g, 2), tg_fs(g));
    NodeId k = IR_NEW(g, IR_Int32MulOverflow, g->start, mul, ir_int32(g, 3), ir_int32(g, 4), tg_fs(g));
    NodeId add = IR_NEW(g, IR_Int32AddOverflow, g->start, k, mul, k, tg_fs(g));
    ret_i32(g, add, add);
    tg_run(g, "fold");
    cr_assert_eq(tg_count(g, IR_Int32MulOverflow), 1);
    NodeId a = tg_find(g, IR_Int32AddOverflow);
    cr_assert(a);
    NodeId c = ir_val(g, a, 1);
    cr_assert_eq(ir_op(g, c), IR_Int32Constant);
    cr_assert_eq(ir_node(g, c)->aux.i32, 12);
    ir_graph_free(g);
}

Test(fold, int32_x_plus_0_is_x) {
    Graph *g = tg_new();
    NodeId eff = g->start;
    NodeId x = int_param(g, 0, &eff);
    NodeId a = IR_NEW(g, IR_Int32AddOverflow, g->start, eff, x, ir_int32(g, 0), tg_fs(g));
    ret_i32(g, a, a);
    tg_run(g, "fold");
    cr_assert_eq(tg_count(g, IR_Int32AddOverflow), 0);
    NodeId v = ir_val(g, returned(g), 0);
    cr_assert_eq(v, x);
    ir_graph_free(g);
}

Test(fold, float64_x_plus_0_is_not_x) {
    Graph *g = tg_new();
    NodeId x = f64_param(g, 0);
    ret_f64(g, IR_NEW(g, IR_Float64Add, x, ir_float64(g, 0.0)));
    tg_run(g, "fold");
    cr_assert_eq(tg_count(g, IR_Float64Add), 1, "-0 + 0 is +0, so x + 0 must stay");
    ir_graph_free(g);
}

Test(fold, float64_x_plus_minus_0_is_x) {
    Graph *g = tg_new();
    NodeId x = f64_param(g, 0);
    ret_f64(g, IR_NEW(g, IR_Float64Add, x, ir_float64(g, -0.0)));
    tg_run(g, "fold");
    cr_assert_eq(tg_count(g, IR_Float64Add), 0);
    cr_assert_eq(ir_val(g, returned(g), 0), x);
    ir_graph_free(g);
}

Test(fold, float64_x_times_1_is_x) {
    Graph *g = tg_new();
    NodeId x = f64_param(g, 0);
    ret_f64(g, IR_NEW(g, IR_Float64Mul, ir_float64(g, 1.0), x));
    tg_run(g, "fold");
    cr_assert_eq(tg_count(g, IR_Float64Mul), 0);
    cr_assert_eq(ir_val(g, returned(g), 0), x);
    ir_graph_free(g);
}

Test(fold, float64_constants_fold_exactly) {
    Graph *g = tg_new();
    ret_f64(g, IR_NEW(g, IR_Float64Add, ir_float64(g, 0.1), ir_float64(g, 0.2)));
    tg_run(g, "fold");
    double r = returned_f64(g);
    cr_assert(r == 0.1 + 0.2 && r != 0.3);
    ir_graph_free(g);
}

Test(fold, float64_is_never_reassociated) {
    Graph *g = tg_new();
    NodeId x = f64_param(g, 0);
    NodeId a = IR_NEW(g, IR_Float64Add, x, ir_float64(g, 0.1));
    ret_f64(g, IR_NEW(g, IR_Float64Add, a, ir_float64(g, 0.2)));
    tg_run(g, "fold");
    cr_assert_eq(tg_count(g, IR_Float64Add), 2, "(x+0.1)+0.2 is not x+0.3");
    ir_graph_free(g);
}

Test(fold, js_exponent_semantics) {
    Graph *g = tg_new();
    ret_f64(g, IR_NEW(g, IR_Float64Pow, ir_float64(g, 1.0), ir_float64(g, NAN)));
    tg_run(g, "fold");
    /* NaN is a singleton type: the result is folded all the way to a tagged NaN. */
    cr_assert(isnan(returned_f64(g)), "1 ** NaN is NaN in JS (C pow says 1)");
    ir_graph_free(g);
}

Test(fold, commutative_constants_move_right) {
    Graph *g = tg_new();
    NodeId x = IR_NEW(g, IR_ChangeTaggedToInt32, tg_param(g, 0));
    NodeId a = IR_NEW(g, IR_Int32And, ir_int32(g, 255), x);
    ret_i32(g, g->start, a);
    tg_run(g, "fold");
    NodeId and = tg_find(g, IR_Int32And);
    cr_assert_eq(ir_val(g, and, 0), x);
    cr_assert_eq(ir_op(g, ir_val(g, and, 1)), IR_Int32Constant);
    ir_graph_free(g);
}

Test(fold, gvn_merges_identical_pure_nodes) {
    Graph *g = tg_new();
    NodeId a = f64_param(g, 0), b = f64_param(g, 1);
    NodeId m1 = IR_NEW(g, IR_Float64Mul, a, b), m2 = IR_NEW(g, IR_Float64Mul, a, b);
    ret_f64(g, IR_NEW(g, IR_Float64Add, m1, m2));
    tg_run(g, "fold");
    cr_assert_eq(tg_count(g, IR_Float64Mul), 1);
    NodeId add = tg_find(g, IR_Float64Add);
    cr_assert_eq(ir_val(g, add, 0), ir_val(g, add, 1));
    ir_graph_free(g);
}

Test(fold, dominating_identical_check_makes_a_second_one_redundant) {
    Graph *g = tg_new();
    NodeId p = tg_param(g, 0);
    NodeId c1 = IR_NEW(g, IR_CheckString, g->start, g->start, p, tg_fs(g));
    NodeId c2 = IR_NEW(g, IR_CheckString, g->start, c1, p, tg_fs(g));
    tg_return(g, g->start, c2, c2);
    tg_run(g, "fold");
    cr_assert_eq(tg_count(g, IR_CheckString), 1);
    cr_assert_eq(returned(g), c1);
    ir_graph_free(g);
}

Test(fold, shape_check_survives_a_store_in_between) {
    static Shape s;
    Graph *g = tg_new();
    Shape *sp = &s;
    uint32_t set = ir_shape_set_add(g, &sp, 1);
    NodeId p = tg_param(g, 0);
    NodeId c1 = IR_NEW(g, IR_CheckShape, g->start, g->start, p, tg_fs(g));
    ir_node(g, c1)->aux.shapes = set;
    NodeId st = IR_NEW(g, IR_StoreField, g->start, c1, c1, ir_constant(g, rt_int(1)));
    NodeId c2 = IR_NEW(g, IR_CheckShape, g->start, st, p, tg_fs(g));
    ir_node(g, c2)->aux.shapes = set;
    tg_return(g, g->start, c2, c2);
    tg_run(g, "fold");
    cr_assert_eq(tg_count(g, IR_CheckShape), 2, "a store may change the shape");
    ir_graph_free(g);
}

Test(fold, branch_on_constant_leaves_one_branch) {
    Graph *g = tg_new();
    NodeId c = IR_NEW(g, IR_Int32LessThan, ir_int32(g, 1), ir_int32(g, 2));
    NodeId iff = IR_NEW(g, IR_If, g->start, c);
    NodeId t = IR_NEW(g, IR_IfTrue, iff), e = IR_NEW(g, IR_IfFalse, iff);
    NodeId m = IR_NEW(g, IR_Region, t, e);
    NodeId phi = IR_NEW(g, IR_Phi, m, ir_constant(g, rt_int(10)), ir_constant(g, rt_int(20)));
    tg_return(g, m, g->start, phi);
    tg_run(g, "fold");
    cr_assert_eq(tg_count(g, IR_If), 0);
    cr_assert_eq(tg_count(g, IR_IfFalse), 0);
    cr_assert_eq(tg_count(g, IR_Region), 0);
    cr_assert_eq(tg_count(g, IR_Phi), 0);
    cr_assert_eq(returned_int(g), 10);
    cr_assert_eq(ir_ctl(g, tg_find(g, IR_Return), 0), g->start);
    ir_graph_free(g);
}

Test(fold, dead_branch_takes_its_code_along) {
    Graph *g = tg_new();
    NodeId iff = IR_NEW(g, IR_If, g->start, ir_int32(g, 0));
    NodeId t = IR_NEW(g, IR_IfTrue, iff), e = IR_NEW(g, IR_IfFalse, iff);
    NodeId p = tg_param(g, 0);
    NodeId chk = IR_NEW(g, IR_CheckString, t, g->start, p, tg_fs(g));
    tg_return(g, t, chk, chk);
    tg_return(g, e, g->start, p);
    tg_run(g, "fold");
    cr_assert_eq(tg_count(g, IR_CheckString), 0);
    cr_assert_eq(tg_count(g, IR_Return), 1);
    cr_assert_eq(ir_nctl(g, g->end), 1);
    cr_assert_eq(tg_count(g, IR_Dead), 0);
    ir_graph_free(g);
}

Test(fold, branch_on_not_swaps_the_projections) {
    Graph *g = tg_new();
    NodeId x = IR_NEW(g, IR_ToBoolean, tg_param(g, 0));
    NodeId iff = IR_NEW(g, IR_If, g->start, IR_NEW(g, IR_BooleanNot, x));
    NodeId t = IR_NEW(g, IR_IfTrue, iff), e = IR_NEW(g, IR_IfFalse, iff);
    tg_return(g, t, g->start, ir_constant(g, rt_int(1)));
    NodeId r2 = tg_return(g, e, g->start, ir_constant(g, rt_int(2)));
    tg_run(g, "fold");
    cr_assert_eq(ir_val(g, iff, 0), x);
    cr_assert_eq(ir_op(g, ir_ctl(g, r2, 0)), IR_IfTrue);
    ir_graph_free(g);
}

Test(fold, check_of_a_retagged_int32_disappears) {
    Graph *g = tg_new();
    NodeId x = IR_NEW(g, IR_ChangeTaggedToInt32, tg_param(g, 0));
    NodeId t = IR_NEW(g, IR_ChangeInt32ToTagged, x);
    NodeId chk = IR_NEW(g, IR_CheckInt32, g->start, g->start, t, tg_fs(g));
    ret_i32(g, chk, chk);
    tg_run(g, "fold");
    cr_assert_eq(tg_count(g, IR_CheckInt32), 0);
    NodeId v = ir_val(g, returned(g), 0);
    cr_assert_eq(v, x);
    ir_graph_free(g);
}

Test(fold, check_proven_by_type_becomes_a_plain_change) {
    Graph *g = tg_new();
    NodeId iff = IR_NEW(g, IR_If, g->start, IR_NEW(g, IR_ToBoolean, tg_param(g, 0)));
    NodeId m = IR_NEW(g, IR_Region, IR_NEW(g, IR_IfTrue, iff), IR_NEW(g, IR_IfFalse, iff));
    NodeId phi = IR_NEW(g, IR_Phi, m, ir_constant(g, rt_int(1)), ir_constant(g, rt_int(2)));
    NodeId chk = IR_NEW(g, IR_CheckInt32, m, g->start, phi, tg_fs(g));
    tg_return(g, m, chk, IR_NEW(g, IR_ChangeInt32ToTagged, chk));
    tg_run(g, "fold");
    cr_assert_eq(tg_count(g, IR_CheckInt32), 0, "phi of 1 and 2 is an int32[1,2]");
    cr_assert_eq(tg_count(g, IR_ChangeTaggedToInt32), 1);
    ir_graph_free(g);
}

Test(fold, shape_check_proven_by_allocation) {
    static Shape s;
    Graph *g = tg_new();
    Shape *sp = &s;
    uint32_t set = ir_shape_set_add(g, &sp, 1);
    NodeId o = IR_NEW(g, IR_AllocateObject, g->start, g->start);
    ir_node(g, o)->aux.shapes = set;
    NodeId chk = IR_NEW(g, IR_CheckShape, g->start, o, o, tg_fs(g));
    ir_node(g, chk)->aux.shapes = set;
    tg_return(g, g->start, chk, chk);
    tg_run(g, "fold");
    cr_assert_eq(tg_count(g, IR_CheckShape), 0);
    cr_assert_eq(returned(g), o);
    ir_graph_free(g);
}

Test(fold, bounds_check_proven_by_ranges) {
    Graph *g = tg_new();
    NodeId i = ir_int32(g, 3), len = ir_int32(g, 10);
    NodeId chk = IR_NEW(g, IR_CheckBounds, g->start, g->start, i, len, tg_fs(g));
    ret_i32(g, chk, chk);
    tg_run(g, "fold");
    cr_assert_eq(tg_count(g, IR_CheckBounds), 0);
    cr_assert_eq(returned_int(g), 3);
    ir_graph_free(g);
}

Test(fold, representation_round_trips_cancel) {
    Graph *g = tg_new();
    NodeId x = IR_NEW(g, IR_ChangeTaggedToInt32, tg_param(g, 0));
    NodeId y = IR_NEW(g, IR_ChangeTaggedToInt32, IR_NEW(g, IR_ChangeInt32ToTagged, x));
    ret_i32(g, g->start, y);
    tg_run(g, "fold");
    cr_assert_eq(ir_val(g, returned(g), 0), x);
    ir_graph_free(g);
}

Test(fold, trivial_phi_is_removed) {
    Graph *g = tg_new();
    NodeId p = tg_param(g, 0);
    NodeId iff = IR_NEW(g, IR_If, g->start, IR_NEW(g, IR_ToBoolean, p));
    NodeId m = IR_NEW(g, IR_Region, IR_NEW(g, IR_IfTrue, iff), IR_NEW(g, IR_IfFalse, iff));
    NodeId phi = IR_NEW(g, IR_Phi, m, p, p);
    tg_return(g, m, g->start, phi);
    tg_run(g, "fold");
    cr_assert_eq(tg_count(g, IR_Phi), 0);
    cr_assert_eq(returned(g), p);
    ir_graph_free(g);
}

Test(fold, x_minus_x_is_zero_for_int32) {
    Graph *g = tg_new();
    NodeId x = IR_NEW(g, IR_ChangeTaggedToInt32, tg_param(g, 0));
    ret_i32(g, g->start, IR_NEW(g, IR_Int32Sub, x, x));
    tg_run(g, "fold");
    cr_assert_eq(returned_int(g), 0);
    ir_graph_free(g);
}

Test(fold, to_boolean_of_known_values) {
    Graph *g = tg_new();
    NodeId b = IR_NEW(g, IR_ToBoolean, ir_constant(g, RT_NULL));
    tg_return(g, g->start, g->start, IR_NEW(g, IR_ChangeBitToTagged, b));
    tg_run(g, "fold");
    NodeId v = returned(g);
    cr_assert_eq(ir_op(g, v), IR_Constant);
    cr_assert_eq(ir_node(g, v)->aux.value, RT_FALSE);
    ir_graph_free(g);
}

Test(fold, truncation_is_js_to_int32) {
    Graph *g = tg_new();
    ret_i32(g, g->start, IR_NEW(g, IR_TruncateFloat64ToInt32, ir_float64(g, 4294967301.0)));
    tg_run(g, "fold");
    cr_assert_eq(returned_int(g), 5);
    ir_graph_free(g);
}

Test(fold, loop_phis_are_typed_and_kept) {
    Graph *g = tg_new();
    NodeId loop = IR_NEW(g, IR_Loop, g->start);
    NodeId phi = IR_NEW(g, IR_Phi, loop, ir_constant(g, rt_int(0)));
    NodeId ephi = IR_NEW(g, IR_EffectPhi, loop, g->start);
    NodeId chk = IR_NEW(g, IR_CheckInt32, loop, ephi, phi, tg_fs(g));
    NodeId inc = IR_NEW(g, IR_Int32AddOverflow, loop, chk, chk, ir_int32(g, 1), tg_fs(g));
    NodeId cmp = IR_NEW(g, IR_Int32LessThan, inc, ir_int32(g, 10));
    NodeId iff = IR_NEW(g, IR_If, loop, cmp);
    NodeId back = IR_NEW(g, IR_IfTrue, iff), exit = IR_NEW(g, IR_IfFalse, iff);
    ir_add_input(g, loop, back);
    ir_add_input(g, phi, IR_NEW(g, IR_ChangeInt32ToTagged, inc));
    ir_add_input(g, ephi, inc);
    tg_return(g, exit, inc, phi);
    tg_run(g, "fold");
    cr_assert_eq(tg_count(g, IR_Loop), 1);
    cr_assert_eq(tg_count(g, IR_Phi), 1);
    cr_assert_eq(tg_count(g, IR_If), 1);
    ir_graph_free(g);
}
