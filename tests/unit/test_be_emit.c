/* test_be_emit.c — the backend end to end: hand-built LIR is allocated,
 * emitted as assembly, assembled by LLVM MC, installed W^X and called
 * through a C function pointer. Also checks the text of the assembly,
 * --print-code, deopt exits and the deopt table.
 */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "backend/be_backend.h"
#include "backend/be_regalloc.h"

typedef int64_t (*Fn2)(int64_t, int64_t);
typedef int64_t (*Fn1)(int64_t);
typedef double (*FnD)(double);

static BeBackend *backend(FILE *log, bool print) {
    BeOptions o = {.print_code = print, .print_regalloc = print};
    BeBackend *be = be_backend_new(&o, log);
    cr_assert(be_backend_available(be), "libLLVM: %s", be->mc_error);
    return be;
}

/* f(a, b) = a * b + 3 */
static BeLirFn *build_mul_add(void) {
    BeLirFn *fn = be_lir_new("mul_add");
    int32_t b0 = be_lir_block(fn);
    int32_t a = be_lir_vreg(fn, BE_GPR), b = be_lir_vreg(fn, BE_GPR);
    int32_t t = be_lir_vreg(fn, BE_GPR), r = be_lir_vreg(fn, BE_GPR);
    BE_EMIT(fn, b0, ENTRY, be_p(BE_RDI), be_p(BE_RSI));
    BE_EMIT(fn, b0, MOV, be_v(fn, a), be_p(BE_RDI));
    BE_EMIT(fn, b0, MOV, be_v(fn, b), be_p(BE_RSI));
    be_lir_annotate(fn, BE_EMIT(fn, b0, IMUL, be_v(fn, t), be_v(fn, a), be_v(fn, b)), 7, 3, "Int64Mul");
    be_lir_annotate(fn, BE_EMIT(fn, b0, ADD, be_v(fn, r), be_v(fn, t), be_imm(3)), 8, 5, "Int64Add");
    BE_EMIT(fn, b0, MOV, be_p(BE_RAX), be_v(fn, r));
    BE_EMIT(fn, b0, RET, be_p(BE_RAX));
    return fn;
}

Test(be_emit, mul_add_runs) {
    BeBackend *be = backend(NULL, false);
    BeLirFn *fn = build_mul_add();
    char err[256] = "";
    BeCodeFn *code = be_backend_compile(be, fn, 0, err, sizeof err);
    cr_assert(code, "%s", err);
    Fn2 f = (Fn2)code->entry;
    cr_expect_eq(f(6, 7), 45);
    cr_expect_eq(f(-4, 5), -17);
    cr_expect_eq(f(0, 123), 3);
    cr_expect_eq(be_backend_lookup(be, code->entry + 1), code);
    cr_expect_null(be_backend_lookup(be, code->entry + code->size));
    be_lir_free(fn);
    be_backend_free(be);
}

/* Sum of i for i in 0..n-1 plus K live constants c_j = n*(j+1) added on
 * every iteration: more values live across the loop than registers. With
 * a call, every value crossing it needs a callee-saved register or a slot. */
#define K 20
static int64_t helper_calls;
static int64_t helper(int64_t x) { helper_calls++; return x * 2; }

static BeLirFn *build_sum_loop(bool with_call, bool exit_before_body) {
    BeLirFn *fn = be_lir_new(with_call ? "sum_call" : "sum");
    int32_t B0 = be_lir_block(fn), B1 = be_lir_block(fn), B2 = be_lir_block(fn), B3 = be_lir_block(fn);
    int32_t n = be_lir_vreg(fn, BE_GPR), i0 = be_lir_vreg(fn, BE_GPR), s0 = be_lir_vreg(fn, BE_GPR);
    int32_t c[K];
    BE_EMIT(fn, B0, ENTRY, be_p(BE_RDI));
    BE_EMIT(fn, B0, MOV, be_v(fn, n), be_p(BE_RDI));
    BE_EMIT(fn, B0, MOV, be_v(fn, i0), be_imm(0));
    BE_EMIT(fn, B0, MOV, be_v(fn, s0), be_imm(0));
    for (int j = 0; j < K; j++) {
        c[j] = be_lir_vreg(fn, BE_GPR);
        BE_EMIT(fn, B0, IMUL, be_v(fn, c[j]), be_v(fn, n), be_imm(j + 1));
    }
    BE_EMIT(fn, B0, JMP, be_label(B1));
    int32_t i = be_lir_vreg(fn, BE_GPR), s = be_lir_vreg(fn, BE_GPR);
    int32_t i1 = be_lir_vreg(fn, BE_GPR), s1 = be_lir_vreg(fn, BE_GPR);
    be_lir_phi(fn, B1, i, (BePhiIn[]){{B0, i0}, {B2, i1}}, 2);
    be_lir_phi(fn, B1, s, (BePhiIn[]){{B0, s0}, {B2, s1}}, 2);
    BE_EMIT(fn, B1, CMP, be_v(fn, i), be_v(fn, n));
    BE_EMITC(fn, B1, JCC, GE, be_label(B3), be_label(B2));
    int32_t acc = be_lir_vreg(fn, BE_GPR);
    if (with_call) {
        int32_t h = be_lir_vreg(fn, BE_GPR);
        BE_EMIT(fn, B2, MOV, be_p(BE_RDI), be_v(fn, i));
        BE_EMIT(fn, B2, CALL, be_sym((uint64_t)(uintptr_t)helper, "helper"), be_p(BE_RDI), be_def(be_p(BE_RAX)));
        BE_EMIT(fn, B2, MOV, be_v(fn, h), be_p(BE_RAX));
        BE_EMIT(fn, B2, ADD, be_v(fn, acc), be_v(fn, s), be_v(fn, h));
    } else {
        BE_EMIT(fn, B2, ADD, be_v(fn, acc), be_v(fn, s), be_v(fn, i));
    }
    for (int j = 0; j < K; j++) {
        int32_t nx = be_lir_vreg(fn, BE_GPR);
        BE_EMIT(fn, B2, ADD, be_v(fn, nx), be_v(fn, acc), be_v(fn, c[j]));
        acc = nx;
    }
    BE_EMIT(fn, B2, MOV, be_v(fn, s1), be_v(fn, acc));
    BE_EMIT(fn, B2, ADD, be_v(fn, i1), be_v(fn, i), be_imm(1));
    BE_EMIT(fn, B2, JMP, be_label(B1));
    int32_t r = s;
    for (int j = 0; j < K; j++) {
        int32_t nx = be_lir_vreg(fn, BE_GPR);
        BE_EMIT(fn, B3, SUB, be_v(fn, nx), be_v(fn, r), be_v(fn, c[j]));
        r = nx;
    }
    BE_EMIT(fn, B3, MOV, be_p(BE_RAX), be_v(fn, r));
    BE_EMIT(fn, B3, RET, be_p(BE_RAX));
    if (exit_before_body) be_lir_set_order(fn, (int32_t[]){B0, B1, B3, B2}, 4);
    return fn;
}

static int64_t sum_expect(int64_t n, bool with_call) {
    int64_t s = 0, csum = 0;
    for (int j = 0; j < K; j++) csum += n * (j + 1);
    for (int64_t i = 0; i < n; i++) s += (with_call ? 2 * i : i) + csum;
    return s - csum;
}

static void run_sum(bool with_call, bool exit_before_body) {
    BeBackend *be = backend(NULL, false);
    BeLirFn *fn = build_sum_loop(with_call, exit_before_body);
    char err[256] = "";
    BeCodeFn *code = be_backend_compile(be, fn, 0, err, sizeof err);
    cr_assert(code, "%s", err);
    cr_expect_gt(fn->nslots, 0, "expected spills with %d live values", K + 3);
    Fn1 f = (Fn1)code->entry;
    int64_t ns[] = {0, 1, 2, 7, 100, 1000};
    for (size_t k = 0; k < sizeof ns / sizeof *ns; k++) {
        helper_calls = 0;
        cr_expect_eq(f(ns[k]), sum_expect(ns[k], with_call), "n=%lld", (long long)ns[k]);
        if (with_call) cr_expect_eq(helper_calls, ns[k]);
    }
    be_lir_free(fn);
    be_backend_free(be);
}

Test(be_emit, sum_loop_with_spills) { run_sum(false, false); }
Test(be_emit, sum_loop_exit_block_between) { run_sum(false, true); }
Test(be_emit, sum_loop_with_call) { run_sum(true, false); }

/* f(x) = x * 2.5 + 1.0: constants in .rodata, PC32 relocations */
Test(be_emit, float_constants) {
    BeBackend *be = backend(NULL, false);
    BeLirFn *fn = be_lir_new("fma_free");
    int32_t b0 = be_lir_block(fn);
    int32_t x = be_lir_vreg(fn, BE_XMM), c1 = be_lir_vreg(fn, BE_XMM), c2 = be_lir_vreg(fn, BE_XMM);
    int32_t t = be_lir_vreg(fn, BE_XMM), r = be_lir_vreg(fn, BE_XMM);
    BE_EMIT(fn, b0, ENTRY, be_p(BE_XMM0));
    BE_EMIT(fn, b0, MOV, be_v(fn, x), be_p(BE_XMM0));
    BE_EMIT(fn, b0, LOADF64C, be_v(fn, c1), be_f64(2.5));
    BE_EMIT(fn, b0, LOADF64C, be_v(fn, c2), be_f64(1.0));
    BE_EMIT(fn, b0, FMUL, be_v(fn, t), be_v(fn, x), be_v(fn, c1));
    BE_EMIT(fn, b0, FADD, be_v(fn, r), be_v(fn, t), be_v(fn, c2));
    BE_EMIT(fn, b0, MOV, be_p(BE_XMM0), be_v(fn, r));
    BE_EMIT(fn, b0, RET, be_p(BE_XMM0));
    char err[256] = "";
    BeCodeFn *code = be_backend_compile(be, fn, 0, err, sizeof err);
    cr_assert(code, "%s", err);
    FnD f = (FnD)code->entry;
    cr_expect_eq(f(2.0), 6.0);
    cr_expect_eq(f(-0.4), 0.0);
    cr_expect_eq(f(0.1), 0.1 * 2.5 + 1.0);
    be_lir_free(fn);
    be_backend_free(be);
}

/* ---- deopt ------------------------------------------------------------------ */
typedef struct DeoptSeen { uint32_t point; int64_t a, b; int calls; const BeCodeFn *code; } DeoptSeen;
static DeoptSeen seen;

static uint64_t deopt_entry(BeDeoptRegs *regs, uint32_t point, uintptr_t fp, uintptr_t fn_entry) {
    seen.calls++;
    seen.point = point;
    cr_assert_eq(fn_entry, seen.code->entry);
    const BeDeoptTable *t = &seen.code->deopt;
    cr_assert_lt(point, t->npoints);
    const BeDeoptFrame *fr = &t->frames[t->points[point].first_frame];
    seen.a = (int32_t)be_deopt_read(&t->values[fr->first_value + 2], regs, fp);
    seen.b = (int32_t)be_deopt_read(&t->values[fr->first_value + 3], regs, fp);
    return 777;
}

/* f(a, b) = a + b as int32, deoptimizing on overflow */
static BeLirFn *build_checked_add(void) {
    BeLirFn *fn = be_lir_new("checked_add");
    int32_t b0 = be_lir_block(fn);
    int32_t a = be_lir_vreg(fn, BE_GPR), b = be_lir_vreg(fn, BE_GPR), r = be_lir_vreg(fn, BE_GPR);
    BE_EMIT(fn, b0, ENTRY, be_p(BE_RDI), be_p(BE_RSI));
    BE_EMIT(fn, b0, MOV, be_v(fn, a), be_p(BE_RDI));
    BE_EMIT(fn, b0, MOV, be_v(fn, b), be_p(BE_RSI));
    be_lir_annotate(fn, BE_EMIT(fn, b0, ADD32, be_v(fn, r), be_v(fn, a), be_v(fn, b)), 12, 14, "Int32AddOverflow");
    uint32_t p = be_deopt_add_point(&fn->deopt, BE_DR_Overflow, 12, 14);
    be_deopt_add_frame(&fn->deopt, p, NULL, 14, 2, 0, false);
    be_deopt_add_value(&fn->deopt, be_dv_const(0x1234, BE_REPR_TAGGED));
    be_deopt_add_value(&fn->deopt, be_dv_const(0x5678, BE_REPR_TAGGED));
    be_deopt_add_value(&fn->deopt, be_dv_operand(1, BE_REPR_INT32));
    be_deopt_add_value(&fn->deopt, be_dv_operand(2, BE_REPR_INT32));
    BE_EMITC(fn, b0, DEOPT_IF, O, be_deoptx((int32_t)p), be_v(fn, a), be_v(fn, b));
    BE_EMIT(fn, b0, SEXT32, be_v(fn, r + 0), be_v(fn, r)); /* redefines r: not SSA, still fine */
    BE_EMIT(fn, b0, MOV, be_p(BE_RAX), be_v(fn, r));
    BE_EMIT(fn, b0, RET, be_p(BE_RAX));
    return fn;
}

Test(be_emit, deopt_exit_and_table) {
    char *buf = NULL;
    size_t len = 0;
    FILE *log = open_memstream(&buf, &len);
    BeBackend *be = backend(log, true);
    BeLirFn *fn = build_checked_add();
    char err[256] = "";
    BeCodeFn *code = be_backend_compile(be, fn, (uint64_t)(uintptr_t)deopt_entry, err, sizeof err);
    cr_assert(code, "%s", err);
    seen = (DeoptSeen){.code = code};
    Fn2 f = (Fn2)code->entry;
    cr_expect_eq(f(2, 3), 5);
    cr_expect_eq(f(-7, 3), -4);
    cr_expect_eq(seen.calls, 0);
    cr_expect_eq(f(INT32_MAX, 1), 777);
    cr_expect_eq(seen.calls, 1);
    cr_expect_eq(seen.point, 0);
    cr_expect_eq(seen.a, INT32_MAX);
    cr_expect_eq(seen.b, 1);
    const BeDeoptPoint *pt = &code->deopt.points[0];
    cr_expect_lt(pt->pc_offset, pt->exit_offset);
    cr_expect_lt(pt->exit_offset, code->size);
    fclose(log);
    cr_expect(strstr(buf, "intervals of checked_add"), "%s", buf);
    cr_expect(strstr(buf, "--- code: checked_add"), "%s", buf);
    cr_expect(strstr(buf, "n12 Int32AddOverflow @bc 14"), "%s", buf);
    cr_expect(strstr(buf, "deopt exit 0: overflow"), "%s", buf);
    cr_expect(strstr(buf, "deopt 0: pc +0x"), "%s", buf);
    free(buf);
    be_lir_free(fn);
    be_backend_free(be);
}

Test(be_emit, assembly_text) {
    BeLirFn *fn = build_checked_add();
    char err[256] = "";
    cr_assert(be_regalloc(fn, NULL, err, sizeof err), "%s", err);
    BeAsm as = {0};
    BeEmitOptions eo = {.deopt_entry = 0x1000, .annotate = true};
    cr_assert(be_emit(fn, 3, &eo, &as, err, sizeof err), "%s", err);
    const char *t = as.text.s;
    cr_expect(strstr(t, ".intel_syntax noprefix"));
    cr_expect(strstr(t, "F3:"));
    cr_expect(strstr(t, "# n12 Int32AddOverflow @bc 14"), "%s", t);
    cr_expect(strstr(t, "F3_P0:\n  jo F3_D0"), "%s", t);
    cr_expect(strstr(t, "F3_D0:"));
    cr_expect(strstr(t, "call rax"));
    cr_expect(strstr(t, "push rbp\n  mov rbp, rsp"));
    be_asm_free(&as);
    be_lir_free(fn);
}

Test(be_emit, emit_asm_and_obj_files) {
    char dir[] = "/tmp/reef_be_emitXXXXXX";
    cr_assert(mkdtemp(dir));
    BeOptions o = {.emit_asm_dir = dir, .emit_obj_dir = dir};
    BeBackend *be = be_backend_new(&o, NULL);
    cr_assert(be_backend_available(be));
    BeLirFn *fn = build_mul_add();
    char err[256] = "", path[512];
    cr_assert(be_backend_compile(be, fn, 0, err, sizeof err), "%s", err);
    snprintf(path, sizeof path, "%s/mul_add-0.s", dir);
    FILE *f = fopen(path, "r");
    cr_expect(f, "%s missing", path);
    if (f) fclose(f);
    snprintf(path, sizeof path, "%s/mul_add-0.o", dir);
    f = fopen(path, "rb");
    cr_assert(f, "%s missing", path);
    char magic[4] = {0};
    cr_expect_eq(fread(magic, 1, 4, f), 4);
    cr_expect(memcmp(magic, "\177ELF", 4) == 0);
    fclose(f);
    unlink(path);
    snprintf(path, sizeof path, "%s/mul_add-0.s", dir);
    unlink(path);
    rmdir(dir);
    be_lir_free(fn);
    be_backend_free(be);
}

Test(be_emit, batch_of_two) {
    BeBackend *be = backend(NULL, false);
    BeLirFn *fns[2] = {build_mul_add(), build_sum_loop(false, false)};
    BeCodeFn *out[2];
    char err[256] = "";
    cr_assert(be_backend_compile_batch(be, fns, 2, 0, out, err, sizeof err), "%s", err);
    cr_expect_eq(((Fn2)out[0]->entry)(3, 4), 15);
    cr_expect_eq(((Fn1)out[1]->entry)(10), sum_expect(10, false));
    cr_expect_eq(out[0]->blob, out[1]->blob);
    be_lir_free(fns[0]);
    be_lir_free(fns[1]);
    be_backend_free(be);
}
