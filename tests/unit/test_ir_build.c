/* test_ir_build.c — the graph builder on small hand-assembled bytecode:
 * speculation from feedback, SSA for loops and merges (Braun et al.),
 * FrameStates, soft deopts, bailouts. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "ir/ir_build.h"
#include "runtime/rt_feedback.h"
#include "test_ir_util.h"

typedef struct Asm {
    uint8_t code[512];
    uint32_t len;
} Asm;

/* Emits op with its operands (as many as rt_bytecode.def says). */
static uint32_t emit(Asm *a, Bytecode op, ...) {
    uint32_t at = a->len;
    a->code[a->len++] = (uint8_t)op;
    va_list ap;
    va_start(ap, op);
    for (const char *s = rt_bytecode_info[op].operands; *s; s++) {
        uint32_t v = va_arg(ap, uint32_t);
        int w = rt_operand_width(*s);
        memcpy(a->code + a->len, &v, (size_t)w);
        a->len += (uint32_t)w;
    }
    va_end(ap);
    return at;
}

static BytecodeFunction *make_fn(Asm *a, uint16_t regs, uint16_t formals, uint32_t nslots, uint8_t hint) {
    BytecodeFunction *bf = calloc(1, sizeof *bf);
    bf->code = malloc(a->len);
    memcpy(bf->code, a->code, a->len);
    bf->code_len = a->len;
    bf->register_count = regs;
    bf->formal_count = formals;
    bf->param_count = formals;
    if (nslots) {
        FeedbackVector *fv = calloc(1, sizeof *fv + nslots * sizeof(FeedbackSlot));
        fv->bf = bf;
        fv->slot_count = nslots;
        for (uint32_t i = 0; i < nslots; i++) {
            fv->slots[i].kind = FS_BinaryOp;
            fv->slots[i].hint = hint;
        }
        bf->feedback = fv;
    }
    return bf;
}

static void free_fn(BytecodeFunction *bf) {
    free(bf->code);
    free(bf->feedback);
    free(bf);
}

static Graph *build_ok(BytecodeFunction *bf) {
    IrBailout why;
    uint32_t where;
    Graph *g = ir_build_graph(NULL, bf, "t", &why, &where);
    cr_assert(g, "bailout: %s at @%u", ir_bailout_text(why), where);
    tg_assert_valid(g);
    return g;
}

Test(ir_build, small_int_add_of_constants_folds_to_7) {
    Asm a = {0};
    emit(&a, BC_LdaSmi, 3);
    emit(&a, BC_Star, 0);
    emit(&a, BC_LdaSmi, 4);
    emit(&a, BC_Add, 0, 0);
    emit(&a, BC_Return);
    BytecodeFunction *bf = make_fn(&a, 1, 0, 1, BH_SignedSmall);
    Graph *g = build_ok(bf);
    cr_assert_eq(tg_count(g, IR_Int32AddOverflow), 1);
    cr_assert_eq(tg_count(g, IR_CheckInt32), 2);
    tg_run(g, "fold");
    tg_run(g, "dce");
    NodeId r = tg_find(g, IR_Return);
    NodeId v = ir_val(g, r, 0);
    cr_assert_eq(ir_op(g, v), IR_Constant);
    cr_assert_eq(ir_node(g, v)->aux.value, rt_int(7));
    cr_assert_eq(tg_count(g, IR_CheckInt32), 0);
    ir_graph_free(g);
    free_fn(bf);
}

Test(ir_build, checks_carry_the_frame_state_of_their_bytecode) {
    Asm a = {0};
    emit(&a, BC_Ldar, 0);
    uint32_t at = emit(&a, BC_Mul, 1, 0);
    emit(&a, BC_Return);
    BytecodeFunction *bf = make_fn(&a, 3, 2, 1, BH_SignedSmall);
    Graph *g = build_ok(bf);
    NodeId m = tg_find(g, IR_Int32MulOverflow);
    NodeId fs = ir_fs(g, m);
    cr_assert_eq(ir_op(g, fs), IR_FrameState);
    cr_assert_eq(ir_node(g, fs)->aux.fs.bc_offset, at);
    cr_assert_eq(ir_node(g, fs)->aux.fs.nregs, 3);
    cr_assert_eq(ir_nval(g, fs), 3 + 3, "registers, accumulator, context, receiver");
    cr_assert_eq(ir_op(g, ir_val(g, fs, 0)), IR_Parameter);
    ir_graph_free(g);
    free_fn(bf);
}

Test(ir_build, number_feedback_gives_float64_arithmetic) {
    Asm a = {0};
    emit(&a, BC_Ldar, 0);
    emit(&a, BC_Sub, 1, 0);
    emit(&a, BC_Return);
    BytecodeFunction *bf = make_fn(&a, 2, 2, 1, BH_Number);
    Graph *g = build_ok(bf);
    cr_assert_eq(tg_count(g, IR_Float64Sub), 1);
    cr_assert_eq(tg_count(g, IR_CheckNumber), 2);
    ir_graph_free(g);
    free_fn(bf);
}

Test(ir_build, no_feedback_becomes_a_soft_deopt) {
    Asm a = {0};
    emit(&a, BC_Ldar, 0);
    emit(&a, BC_Add, 1, 0);
    emit(&a, BC_Return);
    BytecodeFunction *bf = make_fn(&a, 2, 2, 1, BH_None);
    Graph *g = build_ok(bf);
    NodeId d = tg_find(g, IR_Deoptimize);
    cr_assert(d);
    cr_assert_eq(ir_node(g, d)->aux.reason, IR_DEOPT_NoFeedback);
    cr_assert_eq(tg_count(g, IR_Return), 0, "the rest of the block is never reached");
    ir_graph_free(g);
    free_fn(bf);
}

/* r0 = 0; do { r0 = r0 + 1 } while (r0 < 10); return r0 */
Test(ir_build, loops_get_a_loop_node_and_phis) {
    Asm a = {0};
    emit(&a, BC_LdaSmi, 0);
    emit(&a, BC_Star, 0);
    uint32_t head = emit(&a, BC_Ldar, 0);
    emit(&a, BC_AddSmi, 1, 0);
    emit(&a, BC_Star, 0);
    emit(&a, BC_LdaSmi, 10);
    emit(&a, BC_TestLessThan, 0, 1);
    uint32_t jf = emit(&a, BC_JumpIfFalse, 0);
    emit(&a, BC_JumpLoop, head, 0);
    uint32_t exit = emit(&a, BC_Ldar, 0);
    emit(&a, BC_Return);
    uint32_t t = exit;
    memcpy(a.code + jf + 1, &t, 4);
    BytecodeFunction *bf = make_fn(&a, 1, 0, 2, BH_SignedSmall);
    bf->feedback->slots[1].kind = FS_Compare;
    bf->feedback->slots[1].hint = CH_SignedSmall;
    Graph *g = build_ok(bf);
    NodeId loop = tg_find(g, IR_Loop);
    cr_assert(loop);
    cr_assert_eq(ir_nctl(g, loop), 2, "entry and back edge");
    cr_assert_geq(tg_count(g, IR_Phi), 1);
    cr_assert_eq(tg_count(g, IR_EffectPhi), 1);
    tg_run(g, "fold");
    tg_run(g, "dce");
    cr_assert_eq(tg_count(g, IR_Loop), 1);
    cr_assert_eq(tg_count(g, IR_Int32LessThan), 1);
    ir_graph_free(g);
    free_fn(bf);
}

/* if (p0) r1 = 1; return r1 + r0... : a value both arms leave alone gets no phi. */
Test(ir_build, merges_without_changes_make_no_phi) {
    Asm a = {0};
    emit(&a, BC_Ldar, 0);
    uint32_t j = emit(&a, BC_JumpIfToBooleanFalse, 0);
    emit(&a, BC_LdaSmi, 1);
    emit(&a, BC_Star, 1);
    uint32_t join = emit(&a, BC_Ldar, 0);
    emit(&a, BC_Return);
    memcpy(a.code + j + 1, &join, 4);
    BytecodeFunction *bf = make_fn(&a, 2, 1, 0, 0);
    Graph *g = build_ok(bf);
    cr_assert_eq(tg_count(g, IR_Region), 1);
    cr_assert_eq(tg_count(g, IR_Phi), 0, "r0 is the same on both paths and r1 is never read");
    cr_assert_eq(ir_op(g, ir_val(g, tg_find(g, IR_Return), 0)), IR_Parameter);
    ir_graph_free(g);
    free_fn(bf);
}

/* A handler is reached only by an exception, which deoptimizes: the graph
 * has the protected code and not the handler's. */
Test(ir_build, handlers_stay_out_of_the_graph) {
    Asm a = {0};
    emit(&a, BC_LdaSmi, 1);
    emit(&a, BC_Return);
    uint32_t handler = emit(&a, BC_LdaSmi, 2);
    emit(&a, BC_Return);
    BytecodeFunction *bf = make_fn(&a, 1, 0, 0, 0);
    HandlerEntry h = {0, handler, handler, 0xFFFF};
    bf->handlers = &h;
    bf->handler_count = 1;
    Graph *g = build_ok(bf);
    uint32_t returns = 0;
    for (NodeId n = 1; n < g->node_count; n++) returns += ir_is_live(g, n) && ir_op(g, n) == IR_Return;
    cr_assert_eq(returns, 1);
    ir_graph_free(g);
    bf->handlers = NULL;
    free_fn(bf);
}

Test(ir_build, malformed_bytecode_bails_out_cleanly) {
    Asm a = {0};
    emit(&a, BC_Jump, 9999);
    BytecodeFunction *bf = make_fn(&a, 1, 0, 0, 0);
    IrBailout why;
    uint32_t where;
    cr_assert_null(ir_build_graph(NULL, bf, "t", &why, &where));
    cr_assert_eq(why, IR_BAILOUT_BadBytecode);
    free_fn(bf);

    Asm b = {0};
    emit(&b, BC_Ldar, 77);      /* no such register */
    emit(&b, BC_Return);
    bf = make_fn(&b, 1, 0, 0, 0);
    cr_assert_null(ir_build_graph(NULL, bf, "t", &why, &where));
    cr_assert_eq(why, IR_BAILOUT_BadBytecode);
    free_fn(bf);

    Asm c = {0};
    emit(&c, BC_LdaSmi, 1);     /* falls off the end */
    bf = make_fn(&c, 1, 0, 0, 0);
    cr_assert_null(ir_build_graph(NULL, bf, "t", &why, &where));
    free_fn(bf);
}

Test(ir_build, unknown_bytecodes_go_through_the_generic_stub) {
    Asm a = {0};
    emit(&a, BC_CreateObject);
    emit(&a, BC_TypeOf);
    emit(&a, BC_Return);
    BytecodeFunction *bf = make_fn(&a, 1, 0, 0, 0);
    Graph *g = build_ok(bf);
    cr_assert_eq(tg_count(g, IR_CallRuntime), 2);
    NodeId c = tg_find(g, IR_CallRuntime);
    cr_assert_eq(ir_node(g, c)->aux.stub.stub, IR_STUB_Bytecode);
    cr_assert(ir_node(g, ir_fs(g, c))->aux.fs.flags & IR_FS_AFTER);
    ir_graph_free(g);
    free_fn(bf);
}
