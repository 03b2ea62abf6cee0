/* test_codegen.c — bytecode generation: exact instruction sequences of a few
 * small functions, feedback-slot kinds, context allocation, handler tables,
 * source positions, and the compile API's error reporting.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include "frontend/fe_compile.h"

static Runtime *rt;

static void setup(void) {
    Flags f;
    rt_flags_default(&f);
    int base;
    rt = rt_new(&f, &base);
}
static void teardown(void) { rt_free(rt); }

/* "Op operand operand; Op ..." with registers as raw indices. */
static char *listing(BytecodeFunction *bf) {
    static char buf[4096];
    buf[0] = 0;
    for (uint32_t off = 0; off < bf->code_len;) {
        Bytecode op = (Bytecode)bf->code[off];
        const BytecodeInfo *info = &rt_bytecode_info[op];
        if (buf[0]) strcat(buf, "; ");
        strcat(buf, info->name);
        const uint8_t *p = bf->code + off + 1;
        for (const char *k = info->operands; *k; k++) {
            char tmp[32];
            if (*k == 'i') { snprintf(tmp, sizeof tmp, " %d", rt_bc_i32(p)); p += 4; }
            else if (*k == 'j') { snprintf(tmp, sizeof tmp, " @%u", rt_bc_u32(p)); p += 4; }
            else { snprintf(tmp, sizeof tmp, " %c%u", *k, rt_bc_u16(p)); p += 2; }
            strcat(buf, tmp);
        }
        off += (uint32_t)rt_bytecode_length(op);
    }
    return buf;
}

static BytecodeFunction *compile_fn(const char *src) {
    FeDiags d = {0};
    BytecodeFunction *top = fe_compile(rt, "t.js", src, strlen(src), RT_COMPILE_SCRIPT, NULL, &d);
    cr_assert_not_null(top, "%s", d.count ? d.items[0].message : "?");
    fe_diags_free(&d);
    cr_assert(top->function_count >= 1);
    return top->functions[0];
}

TestSuite(codegen, .init = setup, .fini = teardown);

Test(codegen, add_params) {
    BytecodeFunction *f = compile_fn("function add(a, b) { return a + b; }");
    cr_assert_str_eq(listing(f), "Ldar r1; Add r0 s0; Return");
    cr_assert_eq(f->formal_count, 2);
    cr_assert_eq(f->param_count, 2);
    cr_assert_eq(f->slot_count, 1);
    cr_assert_eq(f->slot_kinds[0], FS_BinaryOp);
    cr_assert(f->flags & BFF_HAS_SIMPLE_PARAMS);
}

Test(codegen, smi_and_compare) {
    BytecodeFunction *f = compile_fn("function f(x) { if (x < 10) return x - 1; return 0; }");
    cr_assert_str_eq(listing(f), "LdaSmi 10; TestLessThan r0 s0; JumpIfFalse @26; Ldar r0; SubSmi 1 s1; Return; LdaSmi 0; Return");
    cr_assert_eq(f->slot_kinds[0], FS_Compare);
    cr_assert_eq(f->slot_kinds[1], FS_BinaryOp);
}

Test(codegen, loop_has_back_edge) {
    BytecodeFunction *f = compile_fn("function f(n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s; }");
    cr_assert_not_null(strstr(listing(f), "JumpLoop"));
    cr_assert_eq(f->context_slots, 0);
    cr_assert(!(f->flags & BFF_NEEDS_CONTEXT));
}

Test(codegen, closures_use_context) {
    BytecodeFunction *f = compile_fn("function counter() { let c = 0; return () => ++c; }");
    cr_assert(f->flags & BFF_NEEDS_CONTEXT);
    cr_assert_eq(f->context_slots, 1);
    cr_assert_eq(f->function_count, 1);
    BytecodeFunction *inner = f->functions[0];
    cr_assert(inner->flags & BFF_ARROW);
    cr_assert_str_eq(listing(inner), "LdaContextSlot u0 u0; ThrowIfHole k0; Inc s0; StaContextSlot u0 u0; Return");
}

Test(codegen, calls_and_properties) {
    BytecodeFunction *f = compile_fn("function f(o) { return o.m(1); }");
    cr_assert_str_eq(listing(f), "Ldar r0; Star r2; GetNamedProperty r2 k0 s0; Star r1; LdaSmi 1; Star r3; Call r1 r2 u2 s1; Return");
    cr_assert_eq(f->slot_kinds[0], FS_Load);
    cr_assert_eq(f->slot_kinds[1], FS_Call);
}

Test(codegen, try_finally_handler_table) {
    BytecodeFunction *f = compile_fn("function f() { try { g(); } finally { h(); } }");
    cr_assert_eq(f->handler_count, 1);
    cr_assert(f->handlers[0].start < f->handlers[0].end);
    cr_assert(f->handlers[0].handler >= f->handlers[0].end);
    cr_assert_not_null(strstr(listing(f), "ReThrow"));
}

Test(codegen, globals_and_typeof) {
    BytecodeFunction *f = compile_fn("function f() { return typeof nothere + x; }");
    cr_assert_str_eq(listing(f), "LdaGlobalTypeof k0 s0; TypeOf; Star r0; LdaGlobal k1 s1; Add r0 s2; Return");
    cr_assert_eq(f->slot_kinds[0], FS_Global);
}

Test(codegen, source_positions) {
    BytecodeFunction *f = compile_fn("function f(o) {\n  return o.x;\n}");
    cr_assert(f->position_count >= 1);
    const SourcePos *p = &f->positions[0];
    cr_assert_eq(p->offset, 0);
    cr_assert_eq(p->line, 2);
    cr_assert_eq(p->col, 3);
    cr_assert(p->is_statement);
    const SourcePos *e = rt_bc_position(f, 0);     /* the load itself: at `x` */
    cr_assert_eq(e->line, 2);
    cr_assert_eq(e->col, 12);
    cr_assert(!e->is_statement);
    cr_assert_eq(f->line, 1);
    cr_assert_eq(f->src_start, 0);
    cr_assert_eq(f->src_end, strlen("function f(o) {\n  return o.x;\n}"));
}

Test(codegen, syntax_error_api) {
    FeDiags d = {0};
    const char *src = "let x = ;\nfunction (\n";
    BytecodeFunction *bf = fe_compile(rt, "bad.js", src, strlen(src), RT_COMPILE_SCRIPT, NULL, &d);
    cr_assert_null(bf);
    cr_assert_eq(d.count, 2);
    char out[1024] = "";
    FILE *m = fmemopen(out, sizeof out, "w");
    fe_print_diags(&d, "bad.js", src, m);
    fclose(m);
    cr_assert_str_eq(out, "bad.js:1:9: SyntaxError: Unexpected token ';'\nlet x = ;\n        ^\n"
                          "bad.js:2:10: SyntaxError: Function statements require a function name\nfunction (\n         ^\n");
    fe_diags_free(&d);
    rt_take_exception(rt);
}

Test(codegen, function_body_mode) {
    const char *body = "return a + b;";
    BytecodeFunction *bf = fe_compile(rt, "fn", body, strlen(body), RT_COMPILE_FUNCTION_BODY, "a, b", NULL);
    cr_assert_not_null(bf);
    cr_assert_eq(bf->formal_count, 2);
    cr_assert_str_eq(listing(bf), "Ldar r1; Add r0 s0; Return");
}

Test(codegen, class_shape) {
    BytecodeFunction *top = compile_fn("function wrap() { class A extends Object { m() {} static s() {} get g() { return 1; } } return A; }");
    const char *l = listing(top);
    cr_assert_not_null(strstr(l, "CreateClass"));
    cr_assert_not_null(strstr(l, "DefineMethod"));
    cr_assert_not_null(strstr(l, "DefineGetter"));
    BytecodeFunction *ctor = top->functions[0];
    cr_assert(ctor->flags & BFF_CLASS_CTOR);
    cr_assert(ctor->flags & BFF_DERIVED_CTOR);
    cr_assert_not_null(strstr(listing(ctor), "SuperCallSpread"));
}
