/* test_be_regalloc.c — the linear-scan allocator on hand-built LIR:
 * liveness and lifetime holes, register pressure and spilling, calls,
 * two-address constraints, parallel moves, the checker, bad input.
 * No libLLVM here: these tests only allocate.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "backend/be_regalloc.h"

/* n values live at once in one block, then summed: forces spilling. */
static BeLirFn *pressure(int n) {
    BeLirFn *fn = be_lir_new("pressure");
    int32_t b = be_lir_block(fn);
    int32_t x = be_lir_vreg(fn, BE_GPR);
    BE_EMIT(fn, b, ENTRY, be_p(BE_RDI));
    BE_EMIT(fn, b, MOV, be_v(fn, x), be_p(BE_RDI));
    int32_t *v = calloc((size_t)n, sizeof *v);
    for (int i = 0; i < n; i++) {
        v[i] = be_lir_vreg(fn, BE_GPR);
        BE_EMIT(fn, b, IMUL, be_v(fn, v[i]), be_v(fn, x), be_imm(i + 1));
    }
    int32_t acc = x;
    for (int i = 0; i < n; i++) {
        int32_t t = be_lir_vreg(fn, BE_GPR);
        /* policy REG for both inputs: every value must be reloaded */
        BE_EMIT(fn, b, ADD, be_v(fn, t), be_v(fn, acc), be_inreg(be_v(fn, v[i])));
        acc = t;
    }
    BE_EMIT(fn, b, MOV, be_p(BE_RAX), be_v(fn, acc));
    BE_EMIT(fn, b, RET, be_p(BE_RAX));
    free(v);
    return fn;
}

Test(be_regalloc, spill_pressure_beyond_the_registers) {
    for (int n = 10; n <= 40; n += 6) {
        BeLirFn *fn = pressure(n);
        char err[256] = "";
        cr_assert(be_regalloc(fn, NULL, err, sizeof err), "n=%d: %s", n, err);
        uint32_t used = 0;
        for (uint32_t k = 0; k < fn->nops; k++)
            if (fn->ops[k].kind == BE_OK_PREG) used |= 1u << fn->ops[k].reg;
        cr_expect_eq(used & ((1u << BE_RSP) | (1u << BE_RBP)), 0);
        if (n > 13) cr_expect_gt(fn->nslots, 0, "n=%d", n);
        if (n > 13) cr_expect_leq(fn->nslots, n, "n=%d", n);
        cr_expect(be_regalloc_check(fn, err, sizeof err), "%s", err);
        be_lir_free(fn);
    }
}

Test(be_regalloc, deterministic) {
    char *a = NULL, *b = NULL;
    size_t la = 0, lb = 0;
    for (int round = 0; round < 2; round++) {
        FILE *f = open_memstream(round ? &b : &a, round ? &lb : &la);
        BeLirFn *fn = pressure(25);
        char err[256];
        cr_assert(be_regalloc(fn, f, err, sizeof err), "%s", err);
        fclose(f);
        be_lir_free(fn);
    }
    cr_expect_str_eq(a, b);
    cr_expect(strstr(a, "split at"), "%s", a);
    cr_expect(strstr(a, "fixed rax"), "%s", a);
    free(a);
    free(b);
}

/* for (i = 0; i < n; i++) s += i; with the exit block laid out between the
 * header and the body, so i has a lifetime hole over the exit. */
typedef struct Loop { BeLirFn *fn; int32_t B0, B1, B2, B3, n, i, s, i1, s1; } Loop;
static Loop loop(bool exit_between) {
    Loop L;
    BeLirFn *fn = L.fn = be_lir_new("loop");
    L.B0 = be_lir_block(fn); L.B1 = be_lir_block(fn); L.B2 = be_lir_block(fn); L.B3 = be_lir_block(fn);
    L.n = be_lir_vreg(fn, BE_GPR);
    int32_t z = be_lir_vreg(fn, BE_GPR);
    L.i = be_lir_vreg(fn, BE_GPR); L.s = be_lir_vreg(fn, BE_GPR);
    L.i1 = be_lir_vreg(fn, BE_GPR); L.s1 = be_lir_vreg(fn, BE_GPR);
    BE_EMIT(fn, L.B0, ENTRY, be_p(BE_RDI));
    BE_EMIT(fn, L.B0, MOV, be_v(fn, L.n), be_p(BE_RDI));
    BE_EMIT(fn, L.B0, MOV, be_v(fn, z), be_imm(0));
    BE_EMIT(fn, L.B0, JMP, be_label(L.B1));
    be_lir_phi(fn, L.B1, L.i, (BePhiIn[]){{L.B0, z}, {L.B2, L.i1}}, 2);
    be_lir_phi(fn, L.B1, L.s, (BePhiIn[]){{L.B0, z}, {L.B2, L.s1}}, 2);
    BE_EMIT(fn, L.B1, CMP, be_v(fn, L.i), be_v(fn, L.n));
    BE_EMITC(fn, L.B1, JCC, GE, be_label(L.B3), be_label(L.B2));
    BE_EMIT(fn, L.B2, ADD, be_v(fn, L.s1), be_v(fn, L.s), be_v(fn, L.i));
    BE_EMIT(fn, L.B2, ADD, be_v(fn, L.i1), be_v(fn, L.i), be_imm(1));
    BE_EMIT(fn, L.B2, JMP, be_label(L.B1));
    BE_EMIT(fn, L.B3, MOV, be_p(BE_RAX), be_v(fn, L.s));
    BE_EMIT(fn, L.B3, RET, be_p(BE_RAX));
    if (exit_between) be_lir_set_order(fn, (int32_t[]){L.B0, L.B1, L.B3, L.B2}, 4);
    return L;
}

Test(be_regalloc, liveness_with_holes_across_a_loop) {
    Loop L = loop(true);
    BeRegAlloc *ra = be_ra_new(L.fn);
    cr_assert(be_ra_build(ra), "%s", ra->error);
    BeBlock *b1 = &L.fn->blocks[L.B1], *b2 = &L.fn->blocks[L.B2], *b3 = &L.fn->blocks[L.B3];
    cr_expect(b1->loop_depth == 1 && b2->loop_depth == 1 && b3->loop_depth == 0);
    /* live-in sets */
    cr_expect(be_ra_live_in(ra, L.B2, L.i) && be_ra_live_in(ra, L.B2, L.s) && be_ra_live_in(ra, L.B2, L.n));
    cr_expect(be_ra_live_in(ra, L.B3, L.s));
    cr_expect_not(be_ra_live_in(ra, L.B3, L.i));
    cr_expect(be_ra_live_in(ra, L.B1, L.n));  /* around the back edge */
    cr_expect_not(be_ra_live_in(ra, L.B1, L.i)); /* a phi: defined at the top */
    /* i: [B1.from, B1.to) then a hole over B3, then B2 up to its last use */
    BeInterval *i = &ra->iv[L.i];
    cr_assert_eq(i->nranges, 2);
    cr_expect_eq(i->ranges[0].from, b1->from);
    cr_expect_eq(i->ranges[0].to, b1->to);
    cr_expect_eq(i->ranges[1].from, b2->from);
    cr_expect_not(be_iv_covers(i, b3->from + 1));
    /* n is live around the loop, up to the back edge, but not in the exit */
    BeInterval *n = &ra->iv[L.n];
    cr_expect(be_iv_covers(n, b2->to - 1) && be_iv_covers(n, b1->from));
    cr_expect_not(be_iv_covers(n, b3->from + 1));
    cr_assert(be_ra_scan(ra), "%s", ra->error);
    cr_assert(be_ra_resolve(ra), "%s", ra->error);
    char err[256];
    cr_expect(be_regalloc_check(L.fn, err, sizeof err), "%s", err);
    be_ra_free(ra);
    be_lir_free(L.fn);
}

Test(be_regalloc, two_address_inputs_do_not_share_the_result) {
    BeLirFn *fn = be_lir_new("sub");
    int32_t b = be_lir_block(fn);
    int32_t x = be_lir_vreg(fn, BE_GPR), y = be_lir_vreg(fn, BE_GPR), r = be_lir_vreg(fn, BE_GPR);
    BE_EMIT(fn, b, ENTRY, be_p(BE_RDI), be_p(BE_RSI));
    BE_EMIT(fn, b, MOV, be_v(fn, x), be_p(BE_RDI));
    BE_EMIT(fn, b, MOV, be_v(fn, y), be_p(BE_RSI));
    BeInstr *sub = BE_EMIT(fn, b, SUB, be_v(fn, r), be_v(fn, x), be_v(fn, y));
    (void)sub;
    BE_EMIT(fn, b, MOV, be_p(BE_RAX), be_v(fn, r));
    BE_EMIT(fn, b, RET, be_p(BE_RAX));
    char err[256];
    cr_assert(be_regalloc(fn, NULL, err, sizeof err), "%s", err);
    BeBlock *bb = &fn->blocks[b];
    for (uint32_t k = 0; k < bb->nins; k++)
        if (bb->ins[k].op == BE_SUB) {
            BeOperand *d = be_lir_op(fn, &bb->ins[k], 0), *s2 = be_lir_op(fn, &bb->ins[k], 2);
            cr_expect(!(d->kind == s2->kind && d->reg == s2->reg), "result shares the second input's register");
            /* the hints put x and r in one register: no copy needed */
            cr_expect_eq(d->reg, be_lir_op(fn, &bb->ins[k], 1)->reg);
        }
    be_lir_free(fn);
}

static int64_t dummy(int64_t x) { return x; }

Test(be_regalloc, values_live_across_calls_avoid_caller_saved) {
    BeLirFn *fn = be_lir_new("calls");
    int32_t b = be_lir_block(fn);
    int32_t v[8];
    BE_EMIT(fn, b, ENTRY, be_p(BE_RDI));
    for (int i = 0; i < 8; i++) {
        v[i] = be_lir_vreg(fn, BE_GPR);
        BE_EMIT(fn, b, MOV, be_v(fn, v[i]), be_imm(i * 11));
    }
    BE_EMIT(fn, b, MOV, be_p(BE_RDI), be_v(fn, v[0]));
    BeInstr *call = BE_EMIT(fn, b, CALL, be_sym((uint64_t)(uintptr_t)dummy, "dummy"), be_p(BE_RDI), be_def(be_p(BE_RAX)));
    int32_t callpos_index = (int32_t)(call - fn->blocks[b].ins);
    (void)callpos_index;
    int32_t acc = be_lir_vreg(fn, BE_GPR);
    BE_EMIT(fn, b, MOV, be_v(fn, acc), be_p(BE_RAX));
    for (int i = 0; i < 8; i++) {
        int32_t t = be_lir_vreg(fn, BE_GPR);
        BE_EMIT(fn, b, ADD, be_v(fn, t), be_v(fn, acc), be_v(fn, v[i]));
        acc = t;
    }
    BE_EMIT(fn, b, MOV, be_p(BE_RAX), be_v(fn, acc));
    BE_EMIT(fn, b, RET, be_p(BE_RAX));
    BeRegAlloc *ra = be_ra_new(fn);
    cr_assert(be_ra_build(ra) && be_ra_scan(ra), "%s", ra->error);
    int32_t callpos = -1;
    for (uint32_t k = 0; k < fn->blocks[b].nins; k++)
        if (fn->blocks[b].ins[k].op == BE_CALL) callpos = fn->blocks[b].ins[k].id;
    for (int i = 1; i < 8; i++) {
        int32_t c = be_ra_child_at(ra, v[i], callpos);
        cr_assert_geq(c, 0);
        BeInterval *it = &ra->iv[c];
        cr_expect(it->spilled || (it->reg >= 0 && be_reg_info[it->reg].callee_saved),
                  "v%d in register %d across the call", v[i], it->reg);
    }
    cr_assert(be_ra_resolve(ra), "%s", ra->error);
    char err[256];
    cr_expect(be_regalloc_check(fn, err, sizeof err), "%s", err);
    cr_expect_neq(fn->used_callee_saved, 0);
    be_ra_free(ra);
    be_lir_free(fn);
}

/* Runs a sequentialized parallel move on an array of locations. */
static void simulate(const BeMoveOut *m, uint32_t n, int64_t *loc) {
    for (uint32_t i = 0; i < n; i++) loc[m[i].dst] = loc[m[i].src];
}

Test(be_regalloc, parallel_move_cycles_and_swaps) {
    /* a->b->c->a over rax, rcx, rdx; plus a swap of rsi and rdi; plus a
     * chain r8 -> r9 -> r10 and a stack slot in a cycle with rbx */
    int32_t S = BE_LOC_SLOT;
    int32_t dst[] = {BE_RCX, BE_RDX, BE_RAX, BE_RDI, BE_RSI, BE_R10, BE_R9, S + 2, BE_RBX};
    int32_t src[] = {BE_RAX, BE_RCX, BE_RDX, BE_RSI, BE_RDI, BE_R9, BE_R8, BE_RBX, S + 2};
    uint32_t n = sizeof dst / sizeof *dst;
    int32_t v[16] = {0};
    uint8_t cls[16] = {0};
    BeMoveOut out[32];
    uint32_t no = be_parallel_move(dst, src, v, v, cls, n, out, 32);
    int64_t loc[BE_LOC_SLOT + 8], before[BE_LOC_SLOT + 8];
    for (int i = 0; i < BE_LOC_SLOT + 8; i++) loc[i] = before[i] = 1000 + i;
    simulate(out, no, loc);
    for (uint32_t i = 0; i < n; i++) cr_expect_eq(loc[dst[i]], before[src[i]], "move %u", i);
    /* untouched locations keep their values, except the scratch */
    cr_expect_eq(loc[BE_R8], before[BE_R8]);
    cr_expect_eq(loc[BE_R12], before[BE_R12]);
    /* three cycles need three scratch copies: n + 3 moves */
    cr_expect_eq(no, n + 3);
    for (uint32_t i = 0; i < no; i++)
        if (out[i].dst == BE_SCRATCH_GPR || out[i].src == BE_SCRATCH_GPR) continue;
        else cr_expect_neq(out[i].dst, BE_SCRATCH_XMM);
}

Test(be_regalloc, parallel_move_xmm_cycle_uses_xmm15) {
    int32_t dst[] = {BE_XMM1, BE_XMM0};
    int32_t src[] = {BE_XMM0, BE_XMM1};
    int32_t v[2] = {0};
    uint8_t cls[2] = {BE_XMM, BE_XMM};
    BeMoveOut out[8];
    uint32_t no = be_parallel_move(dst, src, v, v, cls, 2, out, 8);
    cr_expect_eq(no, 3);
    cr_expect_eq(out[0].dst, BE_SCRATCH_XMM);
    int64_t loc[BE_LOC_SLOT] = {0};
    loc[BE_XMM0] = 5;
    loc[BE_XMM1] = 6;
    simulate(out, no, loc);
    cr_expect(loc[BE_XMM0] == 6 && loc[BE_XMM1] == 5);
}

Test(be_regalloc, checker_catches_a_wrong_register) {
    Loop L = loop(false);
    char err[256] = "";
    cr_assert(be_regalloc(L.fn, NULL, err, sizeof err), "%s", err);
    /* point the use of s in the exit block at another register */
    BeBlock *b3 = &L.fn->blocks[L.B3];
    BeOperand *o = NULL;
    for (uint32_t k = 0; k < b3->nins && !o; k++)
        if (b3->ins[k].op == BE_MOV && !(b3->ins[k].iflags & BE_IF_ALLOC)) o = be_lir_op(L.fn, &b3->ins[k], 1);
    cr_assert(o && o->kind == BE_OK_PREG);
    o->reg = o->reg == BE_R15 ? BE_R14 : BE_R15;
    cr_expect_not(be_regalloc_check(L.fn, err, sizeof err));
    cr_expect(strstr(err, "expected in"), "%s", err);
    be_lir_free(L.fn);
}

Test(be_regalloc, critical_edges_are_split) {
    /* r = a > b ? a : b with the join reached straight from the branch */
    BeLirFn *fn = be_lir_new("max");
    int32_t B0 = be_lir_block(fn), B1 = be_lir_block(fn), B2 = be_lir_block(fn);
    int32_t a = be_lir_vreg(fn, BE_GPR), b = be_lir_vreg(fn, BE_GPR), r = be_lir_vreg(fn, BE_GPR);
    BE_EMIT(fn, B0, ENTRY, be_p(BE_RDI), be_p(BE_RSI));
    BE_EMIT(fn, B0, MOV, be_v(fn, a), be_p(BE_RDI));
    BE_EMIT(fn, B0, MOV, be_v(fn, b), be_p(BE_RSI));
    BE_EMIT(fn, B0, CMP, be_v(fn, a), be_v(fn, b));
    BE_EMITC(fn, B0, JCC, G, be_label(B2), be_label(B1));
    BE_EMIT(fn, B1, JMP, be_label(B2));
    be_lir_phi(fn, B2, r, (BePhiIn[]){{B0, a}, {B1, b}}, 2);
    BE_EMIT(fn, B2, MOV, be_p(BE_RAX), be_v(fn, r));
    BE_EMIT(fn, B2, RET, be_p(BE_RAX));
    char err[256];
    cr_assert(be_regalloc(fn, NULL, err, sizeof err), "%s", err);
    cr_expect_eq(fn->nblocks, 4);
    cr_expect_eq(fn->blocks[3].npreds, 1);
    cr_expect_eq(fn->blocks[B2].npreds, 2);
    be_lir_free(fn);
}

Test(be_regalloc, bad_input_is_an_error) {
    char err[256];
    /* a use with no definition */
    BeLirFn *fn = be_lir_new("undef");
    int32_t b = be_lir_block(fn), v = be_lir_vreg(fn, BE_GPR);
    BE_EMIT(fn, b, MOV, be_p(BE_RAX), be_v(fn, v));
    BE_EMIT(fn, b, RET, be_p(BE_RAX));
    cr_expect_not(be_regalloc(fn, NULL, err, sizeof err));
    cr_expect(strstr(err, "may not be defined"), "%s", err);
    be_lir_free(fn);
    /* a block without a terminator */
    fn = be_lir_new("noterm");
    b = be_lir_block(fn);
    BE_EMIT(fn, b, NOP);
    cr_expect_not(be_regalloc(fn, NULL, err, sizeof err));
    cr_expect(strstr(err, "cannot end a block"), "%s", err);
    be_lir_free(fn);
    /* wrong operand kinds and classes */
    fn = be_lir_new("kinds");
    b = be_lir_block(fn);
    int32_t f = be_lir_vreg(fn, BE_XMM);
    BE_EMIT(fn, b, ADD, be_v(fn, f), be_v(fn, f), be_imm(1));
    BE_EMIT(fn, b, RET);
    cr_expect_not(be_regalloc(fn, NULL, err, sizeof err));
    cr_expect(strstr(err, "register class"), "%s", err);
    be_lir_free(fn);
    /* more operands needing a register at once than there are registers */
    fn = be_lir_new("too_many");
    b = be_lir_block(fn);
    BeOperand ops[20];
    ops[0] = be_sym(0x1000, "f");
    BE_EMIT(fn, b, ENTRY, be_p(BE_RDI));
    for (int i = 1; i < 20; i++) {
        int32_t x = be_lir_vreg(fn, BE_GPR);
        BE_EMIT(fn, b, MOV, be_v(fn, x), be_p(BE_RDI));
        ops[i] = be_v(fn, x);
    }
    be_lir_add(fn, b, BE_CALL, BE_CC_NONE, ops, 20);
    BE_EMIT(fn, b, RET);
    cr_expect_not(be_regalloc(fn, NULL, err, sizeof err));
    cr_expect(strstr(err, "registers"), "%s", err);
    be_lir_free(fn);
}

/* Diamonds whose one arm is an empty block, under register pressure and
 * calls: the empty arm has one predecessor with two successors, so the
 * moves of its in-edge and of its out-edge (phis of the join) fall into the
 * same gap. They are two parallel moves, one after the other; run as one,
 * a phi input read a register the in-edge move was about to fill (the
 * checker's "v16 expected in rbx, which holds v49" on a hot Mandelbrot
 * loop). Seeded, deterministic shapes. */
static int64_t dummy2(int64_t x) { return x; }
static uint32_t rnd(uint32_t *s) { *s = *s * 1103515245u + 12345u; return (*s >> 16) & 0x7fff; }
static BeLirFn *diamonds(uint32_t seed, int nvals, int ndiamonds) {
    BeLirFn *fn = be_lir_new("diamonds");
    int32_t cur = be_lir_block(fn);
    int32_t *val = calloc((size_t)nvals, sizeof *val);
    int32_t x = be_lir_vreg(fn, BE_GPR);
    BE_EMIT(fn, cur, ENTRY, be_p(BE_RDI));
    BE_EMIT(fn, cur, MOV, be_v(fn, x), be_p(BE_RDI));
    for (int i = 0; i < nvals; i++) {
        val[i] = be_lir_vreg(fn, BE_GPR);
        BE_EMIT(fn, cur, IMUL, be_v(fn, val[i]), be_v(fn, x), be_imm(i + 3));
    }
    for (int d = 0; d < ndiamonds; d++) {
        int32_t full = be_lir_block(fn), empty = be_lir_block(fn), join = be_lir_block(fn);
        int a = (int)(rnd(&seed) % (uint32_t)nvals), b = (int)(rnd(&seed) % (uint32_t)nvals);
        BE_EMIT(fn, cur, CMP, be_v(fn, val[a]), be_v(fn, val[b]));
        if (rnd(&seed) & 1) BE_EMITC(fn, cur, JCC, L, be_label(full), be_label(empty));
        else BE_EMITC(fn, cur, JCC, L, be_label(empty), be_label(full));
        /* the full arm: a call (clobbers) and new values */
        int nnew = 1 + (int)(rnd(&seed) % 3);
        int32_t fvals[3];
        BE_EMIT(fn, full, MOV, be_p(BE_RDI), be_v(fn, val[rnd(&seed) % (uint32_t)nvals]));
        BE_EMIT(fn, full, CALL, be_sym((uint64_t)(uintptr_t)dummy2, "dummy2"), be_p(BE_RDI), be_def(be_p(BE_RAX)));
        int32_t r = be_lir_vreg(fn, BE_GPR);
        BE_EMIT(fn, full, MOV, be_v(fn, r), be_p(BE_RAX));
        for (int k = 0; k < nnew; k++) {
            fvals[k] = be_lir_vreg(fn, BE_GPR);
            BE_EMIT(fn, full, ADD, be_v(fn, fvals[k]), be_v(fn, r), be_inreg(be_v(fn, val[rnd(&seed) % (uint32_t)nvals])));
        }
        BE_EMIT(fn, full, JMP, be_label(join));
        BE_EMIT(fn, empty, JMP, be_label(join));
        /* the join: phis replace some values, the full arm's new ones against
         * old values (often one that is also still live) on the empty arm */
        int32_t olds[3];
        for (int k = 0; k < nnew; k++) olds[k] = val[rnd(&seed) % (uint32_t)nvals];
        for (int k = 0; k < nnew; k++) {
            int t = (int)(rnd(&seed) % (uint32_t)nvals);
            int32_t p = be_lir_vreg(fn, BE_GPR);
            be_lir_phi(fn, join, p, (BePhiIn[]){{full, fvals[k]}, {empty, olds[k]}}, 2);
            val[t] = p;
        }
        /* some uses that need registers, so values get reloaded */
        for (int k = 0; k < 2; k++) {
            int32_t t = be_lir_vreg(fn, BE_GPR);
            int u = (int)(rnd(&seed) % (uint32_t)nvals);
            BE_EMIT(fn, join, ADD, be_v(fn, t), be_inreg(be_v(fn, val[u])), be_inreg(be_v(fn, val[rnd(&seed) % (uint32_t)nvals])));
            val[u] = t;
        }
        cur = join;
    }
    int32_t acc = val[0];
    for (int i = 1; i < nvals; i++) {
        int32_t t = be_lir_vreg(fn, BE_GPR);
        BE_EMIT(fn, cur, ADD, be_v(fn, t), be_v(fn, acc), be_v(fn, val[i]));
        acc = t;
    }
    BE_EMIT(fn, cur, MOV, be_p(BE_RAX), be_v(fn, acc));
    BE_EMIT(fn, cur, RET, be_p(BE_RAX));
    free(val);
    return fn;
}

Test(be_regalloc, empty_arm_edge_moves_are_two_parallel_moves) {
    int checked = 0;
    for (uint32_t seed = 1; seed <= 300; seed++) {
        BeLirFn *fn = diamonds(seed, 8 + (int)(seed % 10), 3 + (int)(seed % 5));
        char err[256] = "";
        cr_expect(be_regalloc(fn, NULL, err, sizeof err), "seed %u: %s", seed, err);
        checked++;
        be_lir_free(fn);
    }
    cr_expect_eq(checked, 300);
}
