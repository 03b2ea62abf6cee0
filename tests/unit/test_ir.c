/* test_ir.c — the node arena (creation, inputs, exact use lists, replace,
 * kill), the opcode table, the type lattice and the text printer. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include "test_ir_util.h"

static uint32_t count_in_uses(const Graph *g, NodeId of, NodeId user) {
    uint32_t c = 0;
    for (uint32_t i = 0; i < ir_use_count(g, of); i++) c += ir_uses(g, of)[i] == user;
    return c;
}

Test(ir_arena, ids_are_sequential_and_start_end_exist) {
    Graph *g = tg_new();
    cr_assert_eq(ir_op(g, g->start), IR_Start);
    cr_assert_eq(ir_op(g, g->end), IR_End);
    NodeId a = ir_int32(g, 1), b = ir_int32(g, 2);
    cr_assert_eq(b, a + 1);
    ir_kill(g, a);
    NodeId c = ir_int32(g, 3);
    cr_assert_eq(c, b + 1, "ids are never reused");
    ir_graph_free(g);
}

Test(ir_arena, inputs_and_uses_are_symmetric) {
    Graph *g = tg_new();
    NodeId a = ir_int32(g, 1), b = ir_int32(g, 2);
    NodeId add = IR_NEW(g, IR_Int32Add, a, b);
    NodeId sq = IR_NEW(g, IR_Int32Mul, add, add);
    cr_assert_eq(ir_nval(g, add), 2);
    cr_assert_eq(ir_val(g, add, 0), a);
    cr_assert_eq(ir_val(g, add, 1), b);
    cr_assert_eq(count_in_uses(g, add, sq), 2, "one use per slot");
    ir_set_input(g, sq, 1, a);
    cr_assert_eq(count_in_uses(g, add, sq), 1);
    cr_assert_eq(count_in_uses(g, a, sq), 1);
    cr_assert_eq(count_in_uses(g, a, add), 1);
    ir_graph_free(g);
}

Test(ir_arena, add_and_remove_inputs_of_variadic_nodes) {
    Graph *g = tg_new();
    NodeId r = IR_NEW(g, IR_Region, g->start);
    NodeId phi = IR_NEW(g, IR_Phi, r, ir_constant(g, RT_UNDEFINED));
    NodeId v[40];
    for (int i = 0; i < 40; i++) {
        v[i] = ir_constant(g, rt_int(i));
        ir_add_input(g, r, g->start);
        ir_add_input(g, phi, v[i]);
    }
    cr_assert_eq(ir_nctl(g, r), 41);
    cr_assert_eq(ir_nval(g, phi), 41);
    cr_assert_eq(ir_val(g, phi, 40), v[39]);
    cr_assert_eq(count_in_uses(g, g->start, r), 41);
    ir_remove_input(g, phi, 1 + 5);          /* value 5 is v[4] */
    cr_assert_eq(ir_nval(g, phi), 40);
    cr_assert_eq(ir_val(g, phi, 5), v[5]);
    cr_assert_eq(ir_use_count(g, v[4]), 0);
    /* A call's variadic arguments go before its FrameState. */
    NodeId fs = tg_fs(g);
    NodeId u = ir_constant(g, RT_UNDEFINED);
    NodeId call = IR_NEW(g, IR_JSCall, g->start, g->start, u, u, u, fs);
    ir_add_input(g, call, v[0]);
    cr_assert_eq(ir_nval(g, call), 4);
    cr_assert_eq(ir_fs(g, call), fs);
    cr_assert_eq(ir_val(g, call, 3), v[0]);
    ir_graph_free(g);
}

Test(ir_arena, replace_uses_moves_every_slot) {
    Graph *g = tg_new();
    NodeId x = tg_param(g, 0), y = tg_param(g, 1);
    NodeId a = IR_NEW(g, IR_ReferenceEqual, x, x);
    NodeId b = IR_NEW(g, IR_ToBoolean, x);
    ir_replace_uses(g, x, y);
    cr_assert_eq(ir_use_count(g, x), 0);
    cr_assert_eq(count_in_uses(g, y, a), 2);
    cr_assert_eq(count_in_uses(g, y, b), 1);
    cr_assert_eq(ir_val(g, a, 1), y);
    ir_graph_free(g);
}

Test(ir_arena, replace_by_kind_splits_effect_and_value_uses) {
    Graph *g = tg_new();
    NodeId p = tg_param(g, 0), fs = tg_fs(g);
    NodeId chk = IR_NEW(g, IR_CheckInt32, g->start, g->start, p, fs);
    NodeId add = IR_NEW(g, IR_Int32AddOverflow, g->start, chk, chk, ir_int32(g, 1), fs);
    NodeId k = ir_int32(g, 7);
    ir_replace_by_kind(g, chk, IR_NONE, g->start, k);
    cr_assert_eq(ir_eff(g, add, 0), g->start);
    cr_assert_eq(ir_val(g, add, 0), k);
    cr_assert_eq(ir_use_count(g, chk), 0);
    ir_graph_free(g);
}

Test(ir_arena, kill_if_unused_cascades_but_keeps_control) {
    Graph *g = tg_new();
    NodeId a = ir_int32(g, 1);
    NodeId b = IR_NEW(g, IR_Int32Add, a, a);
    NodeId c = IR_NEW(g, IR_Int32Mul, b, a);
    uint32_t live = g->live_count;
    cr_assert_eq(ir_kill_if_unused(g, c), 3);
    cr_assert_eq(g->live_count, live - 3);
    cr_assert(!ir_is_live(g, a));
    cr_assert_eq(ir_kill_if_unused(g, g->start), 0);
    ir_graph_free(g);
}

Test(ir_ops, every_opcode_has_a_name_and_a_valid_signature) {
    for (int op = 0; op < IR__COUNT; op++) {
        const IrOpInfo *info = &ir_op_info[op];
        cr_assert(info->name && info->name[0], "op %d has no name", op);
        for (const char *s = info->values; *s; s++)
            cr_assert(strchr("tifba*", *s), "%s: bad signature char %c", info->name, *s);
        if (info->props & P_DEOPT) cr_assert_eq(info->fs, 1, "%s deoptimizes without a FrameState", info->name);
        if (info->props & P_PURE)
            cr_assert(info->ctl == 0 && info->eff == 0, "%s is pure but takes control/effect", info->name);
        if (info->props & P_PINNED) cr_assert(info->ctl == 1, "%s is pinned without a control input", info->name);
        cr_assert(!(info->props & P_EFF) || info->eff != 0 || op == IR_Start || op == IR_Dead,
                  "%s produces an effect without consuming one", info->name);
        cr_assert(strlen(info->name) < 32);
    }
    cr_assert_str_eq(ir_op_name(IR_Int32AddOverflow), "Int32AddOverflow");
    cr_assert_eq(ir_op_min_values(IR_JSCall), 2);
    cr_assert(ir_op_values_variadic(IR_JSCall));
    cr_assert_eq(ir_op_value_repr(IR_JSCall, 7), 't');
    cr_assert_eq(ir_op_value_repr(IR_CheckBounds, 1), 'i');
}

Test(ir_types, join_meet_and_order) {
    IrType a = ir_type_range(0, 10), b = ir_type_range(5, 20);
    IrType j = ir_type_join(&a, &b), m = ir_type_meet(&a, &b);
    cr_assert_eq(j.lo, 0); cr_assert_eq(j.hi, 20);
    cr_assert_eq(m.lo, 5); cr_assert_eq(m.hi, 10);
    cr_assert(ir_type_is(&m, &a) && ir_type_is(&a, &j));
    IrType num = ir_type_of_bits(T_NUMBER), str = ir_type_of_bits(T_STRING);
    cr_assert(ir_type_is(&a, &num));
    cr_assert(!ir_type_is(&num, &a));
    IrType none = ir_type_meet(&num, &str);
    cr_assert(ir_type_is_none(&none));
    IrType c = ir_type_range(3, 4), d = ir_type_range(7, 9);
    IrType e = ir_type_meet(&c, &d);
    cr_assert(ir_type_is_none(&e), "disjoint ranges meet in none");
    IrType mz = ir_type_of_double(-0.0);
    cr_assert_eq(mz.bits, T_MINUS_ZERO);
    IrType five = ir_type_of_double(5.0);
    int32_t k;
    cr_assert(ir_type_int32_const(&five, &k) && k == 5);
    IrType half = ir_type_of_double(0.5);
    double dv;
    cr_assert(ir_type_number_const(&half, &dv) && dv == 0.5);
    IrType any = ir_type_any();
    cr_assert(ir_type_is(&half, &any));
}

Test(ir_types, truthiness) {
    IrType t = ir_type_range(1, 9), z = ir_type_range(0, 0), mixed = ir_type_range(-1, 1);
    cr_assert_eq(ir_type_truthiness(&t), 1);
    cr_assert_eq(ir_type_truthiness(&z), 0);
    cr_assert_eq(ir_type_truthiness(&mixed), -1);
    IrType o = ir_type_of_bits(T_OBJECT), u = ir_type_of_bits(T_NULLISH);
    cr_assert_eq(ir_type_truthiness(&o), 1);
    cr_assert_eq(ir_type_truthiness(&u), 0);
}

Test(ir_types, printing_is_readable) {
    char buf[128];
    IrType t = ir_type_range(0, 100);
    cr_assert_str_eq(ir_type_print(&t, buf, sizeof buf), "int32[0,100]");
    t = ir_type_of_bits(T_NUMBER);
    cr_assert_str_eq(ir_type_print(&t, buf, sizeof buf), "number");
    t = ir_type_of_bits(T_BOOLEAN | T_UNDEFINED);
    cr_assert_str_eq(ir_type_print(&t, buf, sizeof buf), "boolean|undefined");
    t = ir_type_of_double(1.5);
    cr_assert_str_eq(ir_type_print(&t, buf, sizeof buf), "float64=1.5");
    t = ir_type_none();
    cr_assert_str_eq(ir_type_print(&t, buf, sizeof buf), "none");
}

Test(ir_print, node_line_marks_control_effect_and_frame_state) {
    Graph *g = tg_new();
    NodeId p = tg_param(g, 0);
    NodeId fs = tg_fs(g);
    NodeId chk = IR_NEW(g, IR_CheckInt32, g->start, g->start, p, fs);
    NodeId k = ir_int32(g, 1);
    NodeId add = IR_NEW(g, IR_Int32AddOverflow, g->start, chk, chk, k, fs);
    NodeId tag = IR_NEW(g, IR_ChangeInt32ToTagged, add);
    tg_return(g, g->start, add, tag);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ir_print_graph(f, g, NULL);
    fclose(f);
    char want[128];
    snprintf(want, sizeof want, "n%u: Int32AddOverflow(n%u, n%u) [ctl n1] [eff n%u] [fs n%u] : int32\n", add, chk,
             k, chk, fs);
    cr_assert(strstr(buf, want), "missing line %s in\n%s", want, buf);
    cr_assert(strstr(buf, "Int32Constant[1] : int32=1"), "%s", buf);
    cr_assert(strstr(buf, "Parameter[0] [ctl n1]"), "%s", buf);
    /* Start comes first, End after the Return. */
    cr_assert(strstr(buf, "n1: Start") < strstr(buf, "n2: End"));
    free(buf);
    ir_graph_free(g);
}

Test(ir_print, output_is_identical_for_identical_graphs) {
    char *out[2];
    for (int r = 0; r < 2; r++) {
        Graph *g = tg_new();
        NodeId p = tg_param(g, 0);
        NodeId c = IR_NEW(g, IR_ToBoolean, p);
        NodeId iff = IR_NEW(g, IR_If, g->start, c);
        NodeId t = IR_NEW(g, IR_IfTrue, iff), e = IR_NEW(g, IR_IfFalse, iff);
        NodeId m = IR_NEW(g, IR_Region, t, e);
        NodeId phi = IR_NEW(g, IR_Phi, m, ir_constant(g, rt_int(1)), ir_constant(g, rt_int(2)));
        tg_return(g, m, g->start, phi);
        size_t len;
        FILE *f = open_memstream(&out[r], &len);
        ir_print_graph(f, g, NULL);
        fclose(f);
        ir_graph_free(g);
    }
    cr_assert_str_eq(out[0], out[1]);
    free(out[0]);
    free(out[1]);
}

/* A CheckShape of a known object (a prototype on the chain of a method
 * load) is the constant and has the shape: the meet keeps both, so the
 * check's type stays within its bound. */
Test(ir_types, constant_object_keeps_its_shapes) {
    static GCHeader fake;               /* only its kind is read */
    memset(&fake, 0, sizeof fake);
    fake.kind = HK_OBJECT;
    struct Shape *shapes[2] = {(struct Shape *)(uintptr_t)0x1000, (struct Shape *)(uintptr_t)0x2000};
    IrType k = ir_type_of_value(rt_ptr(&fake));
    IrType s1 = ir_type_with_shapes(shapes, 1), s2 = ir_type_with_shapes(shapes + 1, 1);
    IrType m = ir_type_meet(&k, &s1);
    cr_assert(ir_type_is(&m, &s1), "within the shape bound");
    cr_assert(ir_type_is(&m, &k), "still the constant");
    cr_assert(!ir_type_is(&k, &s1), "a bare constant has no known shape");
    IrType j = ir_type_join(&m, &s2);
    cr_assert_eq(j.nshapes, 2);
    cr_assert(!j.has_const);
    IrType none = ir_type_meet(&m, &s2);
    cr_assert(!(none.bits & T_OBJECT), "disjoint shape sets");
}

/* Positions name their inline site; the outermost call's offset and the
 * site's function are what the backend asks of them. */
Test(ir_positions, sites_chain_to_the_outermost_call) {
    Graph *g = tg_new();
    BytecodeFunction *f1 = (BytecodeFunction *)(uintptr_t)0x1000, *f2 = (BytecodeFunction *)(uintptr_t)0x2000;
    uint32_t s1 = ir_site_add(g, f1, IR_POS(0, 40));
    uint32_t s2 = ir_site_add(g, f2, IR_POS(s1, 7));
    cr_assert_eq(s1, 1);
    cr_assert_eq(s2, 2);
    cr_assert_eq(ir_pos_fn(g, IR_POS(0, 3)), g->fn);
    cr_assert_eq(ir_pos_fn(g, IR_POS(s1, 3)), f1);
    cr_assert_eq(ir_pos_fn(g, IR_POS(s2, 3)), f2);
    cr_assert_eq(ir_pos_outer(g, IR_POS(0, 12)), 12);
    cr_assert_eq(ir_pos_outer(g, IR_POS(s1, 3)), 40);
    cr_assert_eq(ir_pos_outer(g, IR_POS(s2, 3)), 40);
    cr_assert_eq(IR_POS_OFFSET(IR_POS(s2, 0xABCDEF)), 0xABCDEF);
    ir_graph_free(g);
}

Test(ir_positions, site_table_is_bounded) {
    Graph *g = tg_new();
    uint32_t last = 0;
    for (uint32_t i = 0; i < IR_MAX_SITES; i++) last = ir_site_add(g, NULL, 0);
    cr_assert_eq(last, IR_MAX_SITES);
    cr_assert_eq(ir_site_add(g, NULL, 0), 0);
    ir_graph_free(g);
}
