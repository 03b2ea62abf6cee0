/* test_verify.c — ir/ir_verify.c accepts well-formed graphs and rejects
 * each kind of malformation with a message naming the node. */
#include <criterion/criterion.h>
#include <string.h>
#include "test_ir_util.h"

/* Verifies and asserts that some message contains `needle`. */
static void expect_error(const Graph *g, const char *needle) {
    IrErrors e = {0};
    uint32_t n = ir_verify(g, &e);
    bool found = false;
    for (uint32_t i = 0; i < e.count; i++) found |= strstr(e.msg[i], needle) != NULL;
    if (!found) ir_errors_print(stderr, &e);
    ir_errors_free(&e);
    cr_assert(n > 0, "verifier accepted a malformed graph");
    cr_assert(found, "no message mentions '%s'", needle);
}

static Graph *valid_graph(NodeId *p_out) {
    Graph *g = tg_new();
    NodeId p = tg_param(g, 0);
    tg_return(g, g->start, g->start, p);
    if (p_out) *p_out = p;
    return g;
}

Test(verify, accepts_a_valid_graph) {
    Graph *g = valid_graph(NULL);
    tg_assert_valid(g);
    ir_graph_free(g);
}

Test(verify, rejects_wrong_input_count) {
    Graph *g = valid_graph(NULL);
    NodeId a = IR_NEW(g, IR_Int32Add, ir_int32(g, 1));
    tg_return(g, g->start, g->start, IR_NEW(g, IR_ChangeInt32ToTagged, a));
    char want[64];
    snprintf(want, sizeof want, "n%u Int32Add: has 1 value inputs, expected 2", a);
    expect_error(g, want);
    ir_graph_free(g);
}

Test(verify, rejects_control_node_as_value) {
    Graph *g = valid_graph(NULL);
    NodeId r = IR_NEW(g, IR_Region, g->start);
    tg_return(g, r, g->start, r);
    expect_error(g, "produces no value");
    ir_graph_free(g);
}

Test(verify, rejects_effect_input_without_effect) {
    NodeId p;
    Graph *g = valid_graph(&p);
    NodeId ld = IR_NEW(g, IR_LoadField, g->start, p, p);
    tg_return(g, g->start, ld, ld);
    expect_error(g, "produces no effect");
    ir_graph_free(g);
}

Test(verify, rejects_value_as_control) {
    NodeId p;
    Graph *g = valid_graph(&p);
    tg_return(g, p, g->start, p);
    expect_error(g, "is not a control node");
    ir_graph_free(g);
}

Test(verify, rejects_phi_arity_mismatch) {
    NodeId p;
    Graph *g = valid_graph(&p);
    NodeId iff = IR_NEW(g, IR_If, g->start, IR_NEW(g, IR_ToBoolean, p));
    NodeId m = IR_NEW(g, IR_Region, IR_NEW(g, IR_IfTrue, iff), IR_NEW(g, IR_IfFalse, iff));
    NodeId phi = IR_NEW(g, IR_Phi, m, p, p, p);
    tg_return(g, m, g->start, phi);
    expect_error(g, "has 3 inputs but its Region");
    ir_graph_free(g);
}

Test(verify, rejects_deopt_without_frame_state) {
    NodeId p;
    Graph *g = valid_graph(&p);
    NodeId in[] = {g->start, g->start, p};
    NodeId chk = ir_node_new(g, IR_CheckInt32, 1, 1, 1, 0, in);
    tg_return(g, g->start, chk, IR_NEW(g, IR_ChangeInt32ToTagged, chk));
    expect_error(g, "can deoptimize but has no FrameState");
    ir_graph_free(g);
}

Test(verify, rejects_if_with_two_true_projections) {
    NodeId p;
    Graph *g = valid_graph(&p);
    NodeId iff = IR_NEW(g, IR_If, g->start, IR_NEW(g, IR_ToBoolean, p));
    NodeId t1 = IR_NEW(g, IR_IfTrue, iff), t2 = IR_NEW(g, IR_IfTrue, iff);
    tg_return(g, t1, g->start, p);
    tg_return(g, t2, g->start, p);
    expect_error(g, "2 IfTrue, 0 IfFalse");
    ir_graph_free(g);
}

Test(verify, rejects_broken_use_lists) {
    NodeId p;
    Graph *g = valid_graph(&p);
    /* Corrupt the arena behind the API's back: drop p's only use. */
    ir_node(g, p)->use_count = 0;
    expect_error(g, "does not list");
    ir_graph_free(g);
}

Test(verify, rejects_representation_mismatch) {
    Graph *g = valid_graph(NULL);
    NodeId a = IR_NEW(g, IR_Float64Add, ir_int32(g, 1), ir_float64(g, 2));
    tg_return(g, g->start, g->start, IR_NEW(g, IR_ChangeFloat64ToTagged, a));
    expect_error(g, "is int32, expected float64");
    ir_graph_free(g);
}

Test(verify, rejects_non_terminator_into_end) {
    Graph *g = valid_graph(NULL);
    NodeId r = IR_NEW(g, IR_Region, g->start);
    ir_add_input(g, g->end, r);
    expect_error(g, "is not a terminator");
    ir_graph_free(g);
}

Test(verify, rejects_type_outside_the_opcode_bound) {
    Graph *g = valid_graph(NULL);
    NodeId a = IR_NEW(g, IR_Int32Add, ir_int32(g, 1), ir_int32(g, 2));
    *ir_type(g, a) = ir_type_of_bits(T_STRING);
    tg_return(g, g->start, g->start, IR_NEW(g, IR_ChangeInt32ToTagged, a));
    expect_error(g, "is not within its opcode's bound");
    ir_graph_free(g);
}

Test(verify, rejects_inputs_that_were_killed) {
    Graph *g = valid_graph(NULL);
    NodeId k = ir_int32(g, 1);
    NodeId a = IR_NEW(g, IR_Int32Add, k, k);
    tg_return(g, g->start, g->start, IR_NEW(g, IR_ChangeInt32ToTagged, a));
    ir_kill(g, k);
    expect_error(g, "is a dead node");
    ir_graph_free(g);
}

Test(verify, rejects_dangling_control) {
    NodeId p;
    Graph *g = valid_graph(&p);
    NodeId iff = IR_NEW(g, IR_If, g->start, IR_NEW(g, IR_ToBoolean, p));
    NodeId t = IR_NEW(g, IR_IfTrue, iff);
    IR_NEW(g, IR_IfFalse, iff);
    tg_return(g, t, g->start, p);
    expect_error(g, "has no control successor");
    ir_graph_free(g);
}
