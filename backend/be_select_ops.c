/* be_select_ops.c — the tile of each node kind (see be_select.c for the
 * walk). Value conventions: int32 in the low 32 bits of a general register,
 * float64 in an XMM register, tagged values NaN-boxed (runtime/rt_value.h),
 * bits 0/1. Object layouts come from runtime/rt_object.h by offsetof.
 * Floating point is exact: one SSE2 instruction per IEEE operation, no
 * fusion, no reassociation; -0 and NaN follow the interpreter's boxing.
 */
#include <stdlib.h>
#include <string.h>
#include "be_select_internal.h"
#include "runtime/rt_feedback.h"
#include "runtime/rt_tier_stubs2.h"

#define TAG64(t) ((int64_t)((uint64_t)(t) << RT_TAG_SHIFT))
#define INT_TAG_HI32 ((int64_t)(int32_t)(uint32_t)(RT_TAG_INT << 16))   /* x >> 32 of a small integer */
#define LAZY_REASON (IR_DEOPT__COUNT + 1)

static int32_t nvg(Sel *c) { return be_sel_vreg(c, BE_GPR); }
static int32_t nvf(Sel *c) { return be_sel_vreg(c, BE_XMM); }
static NodeId in(Sel *c, NodeId n, uint32_t i) { return ir_val(c->g, n, i); }

static void jmp(Sel *c, int32_t to) { EM(c, JMP, be_label(to)); }
static void jcc(Sel *c, BeCond cc, int32_t t, int32_t f) {
    be_sel_emit(c, BE_JCC, cc, BE_OPS(be_label(t), be_label(f)));
}
static void phi2(Sel *c, int32_t blk, int32_t dst, int32_t p1, int32_t v1, int32_t p2, int32_t v2) {
    be_lir_phi(c->fn, blk, dst, (BePhiIn[]){{p1, v1}, {p2, v2}}, 2);
}

/* The 48-bit address inside a tagged pointer. One computed at the start
 * of a tile serves every later tile of the same scheduled block: the
 * tile's first LIR block dominates the rest of the scheduled block. */
static int32_t untag(Sel *c, int32_t x) {
    bool at_start = c->cur == c->tile_block;
    if (at_start)
        for (uint32_t i = 0; i < c->ut_n; i++)
            if (c->ut_src[i] == x) return c->ut_dst[i];
    int32_t t = nvg(c), p = nvg(c);
    EM(c, SHL, V(c, t), V(c, x), be_imm(16));
    EM(c, SHR, V(c, p), V(c, t), be_imm(16));
    if (at_start) {
        uint32_t k = c->ut_n < 16 ? c->ut_n++ : (uint32_t)(x & 15);
        c->ut_src[k] = x;
        c->ut_dst[k] = p;
    }
    return p;
}

/* Deopts unless the top 16 bits of x are tag. */
static void check_tag16(Sel *c, int32_t x, uint64_t tag, NodeId fs, uint32_t why) {
    int32_t t = nvg(c);
    EM(c, SHR, V(c, t), V(c, x), be_imm(48));
    EM(c, CMP32, V(c, t), be_imm((int64_t)tag));
    be_sel_deopt(c, fs, why, BE_CC_NE, false, -1);
}

static void check_heap_kind(Sel *c, int32_t p, int kind, NodeId fs, uint32_t why) {
    int32_t w = nvg(c), k = nvg(c);
    EM(c, LOAD32, V(c, w), V(c, p), be_imm(0));
    EM(c, AND32, V(c, k), V(c, w), be_imm(0xFF));
    EM(c, CMP32, V(c, k), be_imm(kind));
    be_sel_deopt(c, fs, why, BE_CC_NE, false, -1);
}

/* Tagged number -> float64; deopts (when fs) on anything else. */
static int32_t number_to_f64(Sel *c, int32_t x, NodeId fs) {
    int32_t k = nvg(c);
    EM(c, MOV, V(c, k), be_imm((int64_t)RT_TAG_MIN));
    EM(c, CMP, V(c, x), V(c, k));
    int32_t bd = be_sel_block(c), bi = be_sel_block(c), j = be_sel_block(c);
    jcc(c, BE_CC_B, bd, bi);
    c->cur = bd;
    int32_t f1 = nvf(c);
    EM(c, MOV, V(c, f1), V(c, x));
    jmp(c, j);
    c->cur = bi;
    if (fs) {
        int32_t t = nvg(c);
        EM(c, SHR, V(c, t), V(c, x), be_imm(32));
        EM(c, CMP32, V(c, t), be_imm(INT_TAG_HI32));
        be_sel_deopt(c, fs, IR_DEOPT_NotNumber, BE_CC_NE, false, -1);
    }
    int32_t f2 = nvf(c);
    EM(c, I2F, V(c, f2), V(c, x));
    jmp(c, j);
    c->cur = j;
    int32_t f = nvf(c);
    phi2(c, j, f, bd, f1, bi, f2);
    return f;
}

/* float64 -> tagged, as rt_number boxes: int32 when exact and not -0,
 * the canonical NaN, else the double's bits. */
static int32_t box_f64(Sel *c, int32_t f) {
    int32_t i = nvg(c), g = nvf(c);
    EM(c, F2I, V(c, i), V(c, f));
    EM(c, I2F, V(c, g), V(c, i));
    EM(c, FCMP, V(c, f), V(c, g));
    int32_t b1 = be_sel_block(c), b2 = be_sel_block(c), b3 = be_sel_block(c);
    int32_t bint = be_sel_block(c), bdbl = be_sel_block(c), bnan = be_sel_block(c), j = be_sel_block(c);
    jcc(c, BE_CC_P, bnan, b1);
    c->cur = b1;
    EM(c, FCMP, V(c, f), V(c, g));
    jcc(c, BE_CC_NE, bdbl, b2);
    c->cur = b2;
    EM(c, TEST32, V(c, i), V(c, i));
    jcc(c, BE_CC_NE, bint, b3);
    c->cur = b3;
    int32_t bits = nvg(c);
    EM(c, MOV, V(c, bits), V(c, f));
    EM(c, TEST, V(c, bits), V(c, bits));
    jcc(c, BE_CC_NE, bdbl, bint);   /* 0.0 is an int, -0.0 stays a double */
    c->cur = bint;
    int32_t z = nvg(c), v1 = nvg(c);
    EM(c, ZEXT32, V(c, z), V(c, i));
    EM(c, OR, V(c, v1), V(c, z), be_imm(TAG64(RT_TAG_INT)));
    jmp(c, j);
    c->cur = bdbl;
    int32_t v2 = nvg(c);
    EM(c, MOV, V(c, v2), V(c, f));
    jmp(c, j);
    c->cur = bnan;
    int32_t v3 = nvg(c);
    EM(c, MOV, V(c, v3), be_imm((int64_t)RT_CANON_NAN));
    jmp(c, j);
    c->cur = j;
    int32_t v = nvg(c);
    be_lir_phi(c->fn, j, v, (BePhiIn[]){{bint, v1}, {bdbl, v2}, {bnan, v3}}, 3);
    return v;
}

/* ---- compares: materialized as a bit, or fused into the branch/check that uses them ---------- */
static bool fusable(const Graph *g, NodeId n) {
    switch (ir_op(g, n)) {
    case IR_Int32Equal: case IR_Int32LessThan: case IR_Int32LessThanOrEqual:
    case IR_ReferenceEqual: case IR_Float64LessThan: case IR_Float64LessThanOrEqual:
        return true;
    default:
        return false;
    }
}

/* Emits the compare of n and returns the condition that means "true". */
static BeCond emit_compare(Sel *c, NodeId n) {
    const Graph *g = c->g;
    NodeId a = in(c, n, 0), b = in(c, n, 1);
    switch (ir_op(g, n)) {
    case IR_Int32Equal: case IR_Int32LessThan: case IR_Int32LessThanOrEqual: {
        BeCond cc = ir_op(g, n) == IR_Int32Equal ? BE_CC_E : ir_op(g, n) == IR_Int32LessThan ? BE_CC_L : BE_CC_LE;
        int32_t k;
        if (be_sel_is_i32const(g, a, &k) && !be_sel_is_i32const(g, b, &k)) {
            EM(c, CMP32, V(c, be_sel_val(c, b)), be_sel_src(c, a));
            return cc == BE_CC_E ? cc : cc == BE_CC_L ? BE_CC_G : BE_CC_GE;
        }
        EM(c, CMP32, V(c, be_sel_val(c, a)), be_sel_src(c, b));
        return cc;
    }
    case IR_ReferenceEqual: {
        if (ir_op(g, a) == IR_Constant) { NodeId t = a; a = b; b = t; }
        if (ir_op(g, b) == IR_Constant) {
            Value k = ir_node(g, b)->aux.value;
            be_sel_root(c, k);
            EM(c, CMP, V(c, be_sel_val(c, a)), be_imm((int64_t)k));
        } else {
            EM(c, CMP, V(c, be_sel_val(c, a)), V(c, be_sel_val(c, b)));
        }
        return BE_CC_E;
    }
    case IR_Float64LessThan:
        EM(c, FCMP, V(c, be_sel_val(c, b)), V(c, be_sel_val(c, a)));
        return BE_CC_A;
    case IR_Float64LessThanOrEqual:
        EM(c, FCMP, V(c, be_sel_val(c, b)), V(c, be_sel_val(c, a)));
        return BE_CC_AE;
    default:
        be_sel_fail(c, "cannot fuse %s", ir_op_name(ir_op(g, n)));
        return BE_CC_E;
    }
}

/* A compare whose only use is the If or CheckIf right after it in its block. */
static bool fuse_candidate(Sel *c, NodeId n) {
    const Graph *g = c->g;
    if (!fusable(g, n) || ir_use_count(g, n) != 1) return false;
    NodeId u = ir_uses(g, n)[0];
    IrOp uo = ir_op(g, u);
    if ((uo != IR_If && uo != IR_CheckIf) || be_sched_block(c->s, u) != be_sched_block(c->s, n)) return false;
    /* Inputs must not be redefined in between: SSA guarantees it. */
    return true;
}

/* ---- calls ---------------------------------------------------------------------------------- */
static void lazy_check(Sel *c, NodeId n, int32_t result) {
    NodeId fs = ir_fs(c->g, n);
    if (!fs || !c->o->code) return;
    int32_t a = nvg(c), t = nvg(c);
    EM(c, MOV, V(c, a), be_imm((int64_t)(uintptr_t)&c->o->code->invalidated));
    EM(c, LOAD32, V(c, t), V(c, a), be_imm(0));
    EM(c, TEST32, V(c, t), V(c, t));
    be_sel_deopt(c, fs, LAZY_REASON, BE_CC_NE, false, result);
}

static void store_reg(Sel *c, uint32_t r, NodeId v) {
    EM(c, STORE, V(c, be_sel_val(c, v)), V(c, c->v_regs), be_imm((int64_t)r * 8));
}

/* A call from inlined code stores its arguments at the bottom of the
 * frame's register file (the compiled function's registers are scratch for
 * optimized code: its values live in registers and spill slots) and tells
 * the stub, with RT_STUB_INLINED, that its offset is the outer call's, not
 * the Call bytecode's own. */
static void sel_call(Sel *c, NodeId n) {
    const Graph *g = c->g;
    BytecodeFunction *bf = c->src_fn;
    uint32_t bc = c->src_bc;
    if (!bf || bc >= bf->code_len || bf->code[bc] != BC_Call) { be_sel_fail(c, "%s not at a Call bytecode", ir_op_name(ir_op(g, n))); return; }
    const uint8_t *p = bf->code + bc + 1;
    uint32_t first = rt_bc_u16(p + 2), cnt = rt_bc_u16(p + 4);
    uint32_t nv = ir_nval(g, n);
    if (cnt && 1 + cnt != nv) { be_sel_fail(c, "call arity differs from its bytecode%s", ""); return; }
    if (c->inlined) {
        first = 0;
        if (!g->fn || cnt > g->fn->register_count) { be_sel_fail(c, "inlined call with more arguments than the frame has registers%s", ""); return; }
    }
    for (uint32_t k = 0; k < cnt; k++) store_reg(c, first + k, in(c, n, 1 + k));
    int32_t argv = nvg(c);
    EM(c, ADD, V(c, argv), V(c, c->v_regs), be_imm((int64_t)first * 8));
    int32_t callee = be_sel_val(c, in(c, n, 0));
    SelArg a[6] = {GA(c, c->v_rt), GA(c, c->v_fr), GI(c->bc | (c->inlined ? RT_STUB_INLINED : 0)), GA(c, callee),
                   GA(c, argv), GI(cnt)};
    int32_t r = be_sel_call(c, (const void *)rt_stub_call_fast, "rt_stub_call_fast", a, 6, BE_GPR);
    be_sel_check_exception(c, r);
    c->vr[n] = r;
    lazy_check(c, n, r);
}

/* The registers the generic stub's inputs stand for, after acc, context and
 * receiver, in the order ir_build_ops.c (generic) lists them. */
static uint32_t generic_regs(const BytecodeFunction *bf, uint32_t bc, uint32_t *regs, uint32_t cap) {
    Bytecode op = (Bytecode)bf->code[bc];
    const uint8_t *p = bf->code + bc + 1;
    const char *s = rt_bytecode_info[op].operands;
    uint32_t off[4] = {0}, k = 0;
    for (int i = 0; s[i] && i < 4; i++) { off[i] = k; k += (uint32_t)rt_operand_width(s[i]); }
    uint32_t n = 0, first = 0, count = 0;
    bool range = true;
    switch (op) {
    case BC_CreateArray: first = rt_bc_u16(p + off[0]); count = rt_bc_u16(p + off[1]); break;
    case BC_Call: case BC_Construct:
        if (n < cap) regs[n++] = rt_bc_u16(p + off[0]);
        first = rt_bc_u16(p + off[1]);
        count = rt_bc_u16(p + off[2]);
        break;
    case BC_SuperCall: first = rt_bc_u16(p + off[0]); count = rt_bc_u16(p + off[1]); break;
    case BC_CallRuntime: first = rt_bc_u16(p + off[1]); count = rt_bc_u16(p + off[2]); break;
    default: range = false; break;
    }
    if (range) {
        for (uint32_t r = first; r < first + count && n < cap; r++) regs[n++] = r;
    } else {
        for (int i = 0; s[i] && i < 4; i++)
            if (s[i] == 'r' && n < cap) regs[n++] = rt_bc_u16(p + off[i]);
    }
    return n;
}

/* base + 8 * index: the address of word `index` (a uint32) of an array. */
static int32_t word_address(Sel *c, int32_t base, int32_t index) {
    int32_t z = nvg(c), off = nvg(c), a = nvg(c);
    EM(c, ZEXT32, V(c, z), V(c, index));
    EM(c, SHL, V(c, off), V(c, z), be_imm(3));
    EM(c, ADD, V(c, a), V(c, base), V(c, off));
    return a;
}

/* The end of a tile with an inline fast path and a call for the rest: both
 * meet in a block made after the slow path's (the allocator's linear
 * order), where n's value is the phi of the two. */
static void join_fast_slow(Sel *c, NodeId n, int32_t fast_end, int32_t fast, int32_t slow_result) {
    int32_t slow_end = c->cur, j = be_sel_block(c);
    jmp(c, j);
    c->cur = fast_end;
    jmp(c, j);
    c->cur = j;
    phi2(c, j, be_sel_def(c, n, BE_GPR), fast_end, fast, slow_end, slow_result);
}

/* A global load whose site saw one data property of the global object: the
 * check rt_global_hit makes, inline (the shape, the key still at its index,
 * not an accessor), then the slot; anything else takes the stub. The
 * global object never moves; a shape compare that passes by address reuse
 * is still caught by the key check against the current shape. */
static int32_t inline_global_load(Sel *c, const BytecodeFunction *bf, const uint8_t *insn, int32_t *slow,
                                  int32_t *fast_end, int32_t *value) {
    const FeedbackVector *fv = bf->feedback;
    uint32_t fsi = rt_bc_u16(insn + 3), ki = rt_bc_u16(insn + 1);
    JSObject *g = c->g->rt ? c->g->rt->global : NULL;
    if (!fv || fsi >= fv->slot_count || ki >= bf->constant_count || !g) return -1;
    const GlobalFeedback *gf = &fv->slots[fsi].u.global;
    if (gf->state != IC_monomorphic || !gf->shape) return -1;
    size_t po = (size_t)gf->index * sizeof(ShapeProp);
    int32_t b1 = be_sel_block(c), b2 = be_sel_block(c), b3 = be_sel_block(c), b4 = be_sel_block(c);
    int32_t bin = be_sel_block(c), bout = be_sel_block(c);
    *slow = be_sel_block(c);
    int32_t gp = nvg(c), s = nvg(c), es = nvg(c);
    EM(c, MOV, V(c, gp), be_imm((int64_t)(uintptr_t)g));
    EM(c, LOAD, V(c, s), V(c, gp), be_imm(offsetof(JSObject, shape)));
    EM(c, MOV, V(c, es), be_imm((int64_t)(uintptr_t)gf->shape));
    EM(c, CMP, V(c, s), V(c, es));
    jcc(c, BE_CC_NE, *slow, b1);
    c->cur = b1;
    int32_t cnt = nvg(c);
    EM(c, LOAD32, V(c, cnt), V(c, s), be_imm(offsetof(Shape, prop_count)));
    EM(c, CMP32, V(c, cnt), be_imm((int64_t)gf->index));
    jcc(c, BE_CC_BE, *slow, b2);
    c->cur = b2;
    int32_t props = nvg(c), key = nvg(c), name = nvg(c);
    EM(c, LOAD, V(c, props), V(c, s), be_imm(offsetof(Shape, props)));
    EM(c, LOAD, V(c, key), V(c, props), be_imm((int64_t)(po + offsetof(ShapeProp, key))));
    EM(c, MOV, V(c, name), be_imm((int64_t)bf->constants[ki]));
    EM(c, CMP, V(c, key), V(c, name));
    jcc(c, BE_CC_NE, *slow, b3);
    c->cur = b3;
    int32_t aw = nvg(c), am = nvg(c);
    EM(c, LOAD32, V(c, aw), V(c, props), be_imm((int64_t)(po + offsetof(ShapeProp, attrs))));
    EM(c, AND32, V(c, am), V(c, aw), be_imm(PROP_ACCESSOR));
    EM(c, TEST32, V(c, am), V(c, am));
    jcc(c, BE_CC_NE, *slow, b4);
    c->cur = b4;
    int32_t slot = nvg(c), cw = nvg(c), cap = nvg(c);
    EM(c, LOAD32, V(c, slot), V(c, props), be_imm((int64_t)(po + offsetof(ShapeProp, slot))));
    EM(c, LOAD32, V(c, cw), V(c, s), be_imm(offsetof(Shape, inobject_capacity)));
    EM(c, AND32, V(c, cap), V(c, cw), be_imm(0xFFFF));
    EM(c, CMP32, V(c, slot), V(c, cap));
    jcc(c, BE_CC_AE, bout, bin);
    c->cur = bin;
    int32_t vin = nvg(c);
    EM(c, LOAD, V(c, vin), V(c, word_address(c, gp, slot)), be_imm(offsetof(JSObject, inobject)));
    c->cur = bout;
    int32_t sl = nvg(c), d = nvg(c), vout = nvg(c);
    EM(c, LOAD, V(c, sl), V(c, gp), be_imm(offsetof(JSObject, slots)));
    EM(c, SUB32, V(c, d), V(c, slot), V(c, cap));
    EM(c, LOAD, V(c, vout), V(c, word_address(c, sl, d)), be_imm(offsetof(ValueArray, v)));
    /* the two slot kinds meet after the slow block: the allocator's linear order */
    *fast_end = be_sel_block(c);
    jmp(c, *fast_end);
    c->cur = bin;
    jmp(c, *fast_end);
    c->cur = *fast_end;
    *value = nvg(c);
    phi2(c, *fast_end, *value, bin, vin, bout, vout);
    return 0;
}

/* x is a tagged pointer: its address; jumps to `no` unless it points to a
 * heap object (not a string or another cell), else goes on in `yes`. The
 * address is computed here: the block may not dominate later tiles, so
 * untag()'s cache is not used. */
static int32_t heap_object_or(Sel *c, int32_t x, int32_t no, int32_t yes) {
    int32_t s1 = nvg(c), p = nvg(c), w = nvg(c), k = nvg(c);
    EM(c, SHL, V(c, s1), V(c, x), be_imm(16));
    EM(c, SHR, V(c, p), V(c, s1), be_imm(16));
    EM(c, LOAD32, V(c, w), V(c, p), be_imm(0));
    EM(c, AND32, V(c, k), V(c, w), be_imm(0xFF));
    EM(c, CMP32, V(c, k), be_imm(HK_OBJECT));
    jcc(c, BE_CC_NE, no, yes);
    c->cur = yes;
    return p;
}

/* Jumps to `no` unless tagged x points to a heap object of class cls;
 * returns the untagged pointer. */
static int32_t object_of_class(Sel *c, int32_t x, int cls, int32_t no) {
    int32_t t = nvg(c), cw = nvg(c), cm = nvg(c);
    int32_t b1 = be_sel_block(c), b2 = be_sel_block(c), b3 = be_sel_block(c);
    EM(c, SHR, V(c, t), V(c, x), be_imm(48));
    EM(c, CMP32, V(c, t), be_imm((int64_t)RT_TAG_PTR));
    jcc(c, BE_CC_NE, no, b1);
    c->cur = b1;
    int32_t p = heap_object_or(c, x, no, b2);
    EM(c, LOAD32, V(c, cw), V(c, p), be_imm(offsetof(JSObject, cls)));
    EM(c, AND32, V(c, cm), V(c, cw), be_imm(0xFF));
    EM(c, CMP32, V(c, cm), be_imm(cls));
    jcc(c, BE_CC_NE, no, b3);
    c->cur = b3;
    return p;
}

/* for-of over an array: the step rt_iterator_next takes first (an array
 * values iterator, an index below the length and the storage, no hole),
 * inline; the rest calls it. Leaves c->cur at the end of the fast path. */
static int32_t inline_array_next(Sel *c, int32_t it, int32_t slow) {
    int32_t p = object_of_class(c, it, CLS_ITERATOR, slow);
    int32_t kw = nvg(c), km = nvg(c), b1 = be_sel_block(c);
    EM(c, LOAD32, V(c, kw), V(c, p), be_imm(offsetof(JSIterator, kind)));
    EM(c, AND32, V(c, km), V(c, kw), be_imm(0xFF));
    EM(c, CMP32, V(c, km), be_imm(RT_ITER_ARRAY_VALUES));
    jcc(c, BE_CC_NE, slow, b1);
    c->cur = b1;
    int32_t t = nvg(c);
    EM(c, LOAD, V(c, t), V(c, p), be_imm(offsetof(JSIterator, target)));
    int32_t a = object_of_class(c, t, CLS_ARRAY, slow);
    int32_t i = nvg(c), len = nvg(c), e = nvg(c), b2 = be_sel_block(c), b3 = be_sel_block(c), b4 = be_sel_block(c);
    EM(c, LOAD32, V(c, i), V(c, p), be_imm(offsetof(JSIterator, index)));
    EM(c, LOAD32, V(c, len), V(c, a), be_imm(offsetof(JSObject, length)));
    EM(c, CMP32, V(c, i), V(c, len));
    jcc(c, BE_CC_AE, slow, b2);
    c->cur = b2;
    EM(c, LOAD, V(c, e), V(c, a), be_imm(offsetof(JSObject, elements)));
    EM(c, TEST, V(c, e), V(c, e));
    jcc(c, BE_CC_E, slow, b3);
    c->cur = b3;
    int32_t cap = nvg(c), v = nvg(c), i1 = nvg(c);
    EM(c, LOAD32, V(c, cap), V(c, e), be_imm(offsetof(ValueArray, capacity)));
    EM(c, CMP32, V(c, i), V(c, cap));
    jcc(c, BE_CC_AE, slow, b4);
    c->cur = b4;
    EM(c, LOAD, V(c, v), V(c, word_address(c, e, i)), be_imm(offsetof(ValueArray, v)));
    EM(c, CMP, V(c, v), be_imm((int64_t)RT_HOLE));
    int32_t b5 = be_sel_block(c);
    jcc(c, BE_CC_E, slow, b5);
    c->cur = b5;
    EM(c, ADD32, V(c, i1), V(c, i), be_imm(1));
    EM(c, STORE32, V(c, i1), V(c, p), be_imm(offsetof(JSIterator, index)));
    return v;
}

/* LoadGlobal: the cached property's check and load inline, a deopt when
 * the check fails (the interpreter's LdaGlobal then does the lookup). */
static void sel_load_global(Sel *c, NodeId n, NodeId fs) {
    const BytecodeFunction *bf = c->src_fn;
    uint32_t bc = c->src_bc;
    if (!bf || bc + 5 > bf->code_len || bf->code[bc] != BC_LdaGlobal) { be_sel_fail(c, "LoadGlobal not at an LdaGlobal%s", ""); return; }
    int32_t slow, fast_end, v;
    if (inline_global_load(c, bf, bf->code + bc, &slow, &fast_end, &v) != 0) {
        be_sel_fail(c, "LoadGlobal without its feedback%s", "");
        return;
    }
    c->cur = slow;
    be_sel_deopt(c, fs, IR_DEOPT_GlobalChanged, BE_CC_NONE, true, -1);
    c->cur = fast_end;
    c->vr[n] = v;
}

static void sel_call_runtime(Sel *c, NodeId n) {
    const Graph *g = c->g;
    const IrNode *x = ir_node(g, n);
    BytecodeFunction *bf = c->src_fn;
    uint32_t bc = x->aux.stub.bc_offset;
    switch (x->aux.stub.stub) {
    case IR_STUB_Bytecode: {
        if (!bf || bc >= bf->code_len || !c->o->code) { be_sel_fail(c, "generic stub without bytecode%s", ""); return; }
        uint32_t regs[512];
        uint32_t nr = generic_regs(bf, bc, regs, 512);
        uint32_t nv = ir_nval(g, n);
        if (nv != 3 + nr) { be_sel_fail(c, "generic stub inputs differ from its bytecode%s", ""); return; }
        if (c->inlined && nr) { be_sel_fail(c, "inlined generic stub that reads registers%s", ""); return; }
        for (uint32_t k = 0; k < nr; k++) store_reg(c, regs[k], in(c, n, 3 + k));
        RtTrampoline *t = rt_tramp_new(c->inlined ? bf : c->o->code->bf ? c->o->code->bf : bf, bc);
        if (!t) { be_sel_fail(c, "bad generic stub offset%s", ""); return; }
        t->frame_pc = c->bc;
        RtOptCode *code = c->o->code;
        code->tramps = be_sel_xrealloc(code->tramps, (code->ntramps + 1) * sizeof(RtTrampoline *));
        code->tramps[code->ntramps++] = t;
        int32_t acc = be_sel_val(c, in(c, n, 0)), ctx = be_sel_val(c, in(c, n, 1)), recv = be_sel_val(c, in(c, n, 2));
        SelArg a[6] = {GA(c, c->v_rt), GA(c, c->v_fr), GI((uintptr_t)t), GA(c, acc), GA(c, ctx), GA(c, recv)};
        Bytecode op = (Bytecode)t->code[0];
        bool global = op == BC_LdaGlobal || op == BC_LdaGlobalTypeof;
        int32_t slow = -1, fast_end = -1, fast = -1, entry = c->cur;
        if (global && inline_global_load(c, &t->bf, t->code, &slow, &fast_end, &fast) == 0) c->cur = slow;
        else c->cur = entry;
        int32_t r = global ? be_sel_call(c, (const void *)rt_stub_lda_global, "rt_stub_lda_global", a, 6, BE_GPR)
                           : be_sel_call(c, (const void *)rt_stub_bytecode, "rt_stub_bytecode", a, 6, BE_GPR);
        be_sel_check_exception(c, r);
        lazy_check(c, n, r);
        if (slow < 0) {
            c->vr[n] = r;
            return;
        }
        join_fast_slow(c, n, fast_end, fast, r);
        return;
    }
    case IR_STUB_PushContext: {
        if (!bf || bc + 3 > bf->code_len) { be_sel_fail(c, "PushContext without bytecode%s", ""); return; }
        uint32_t slots = rt_bc_u16(bf->code + bc + 1);
        SelArg a[4] = {GA(c, c->v_rt), GA(c, c->v_fr), GI(slots), GA(c, be_sel_val(c, in(c, n, 0)))};
        c->vr[n] = be_sel_call(c, (const void *)rt_stub_push_context, "rt_stub_push_context", a, 4, BE_GPR);
        return;
    }
    case IR_STUB_CreateClosure: {
        if (!bf || bc + 3 > bf->code_len || bf->code[bc] != BC_CreateClosure ||
            rt_bc_u16(bf->code + bc + 1) >= bf->function_count) {
            be_sel_fail(c, "CreateClosure without its bytecode%s", "");
            return;
        }
        BytecodeFunction *tmpl = bf->functions[rt_bc_u16(bf->code + bc + 1)];
        SelArg a[5] = {GA(c, c->v_rt), GA(c, c->v_fr), GI((uintptr_t)tmpl), GA(c, be_sel_val(c, in(c, n, 0))),
                       GA(c, be_sel_val(c, in(c, n, 1)))};
        c->vr[n] = be_sel_call(c, (const void *)rt_stub_create_closure, "rt_stub_create_closure", a, 5, BE_GPR);
        return;
    }
    case IR_STUB_IteratorNext: {
        int32_t it = be_sel_val(c, in(c, n, 0)), slow = be_sel_block(c);
        int32_t fast = inline_array_next(c, it, slow);
        int32_t fast_end = c->cur;
        be_sel_block_to_end(c, slow);
        c->cur = slow;
        SelArg a[4] = {GA(c, c->v_rt), GA(c, c->v_fr), GI(c->bc), GA(c, it)};
        int32_t r = be_sel_call(c, (const void *)rt_stub_iterator_next, "rt_stub_iterator_next", a, 4, BE_GPR);
        be_sel_check_exception(c, r);
        lazy_check(c, n, r);
        join_fast_slow(c, n, fast_end, fast, r);
        return;
    }
    case IR_STUB_StackCheck: {
        int32_t v = nvg(c);
        EM(c, MOV, V(c, v), be_imm((int64_t)RT_UNDEFINED));
        c->vr[n] = v;
        return;
    }
    default:
        be_sel_fail(c, "stub %s", ir_stub_name(x->aux.stub.stub));
    }
}

/* ---- elements ------------------------------------------------------------------------------------ */
/* Guards that index i lies inside the elements storage of object p:
 * leaves c->cur in the in-bounds block and returns the element's address
 * base (elements + 8*i); *outside gets the block for the other case. */
static int32_t element_address(Sel *c, int32_t p, int32_t i, int32_t *outside) {
    int32_t e = nvg(c);
    EM(c, LOAD, V(c, e), V(c, p), be_imm(offsetof(JSObject, elements)));
    EM(c, TEST, V(c, e), V(c, e));
    int32_t b1 = be_sel_block(c), b2 = be_sel_block(c);
    *outside = be_sel_block(c);
    jcc(c, BE_CC_E, *outside, b1);
    c->cur = b1;
    int32_t cap = nvg(c);
    EM(c, LOAD32, V(c, cap), V(c, e), be_imm(offsetof(ValueArray, capacity)));
    EM(c, CMP32, V(c, i), V(c, cap));
    jcc(c, BE_CC_AE, *outside, b2);
    c->cur = b2;
    int32_t w = nvg(c), off = nvg(c), a = nvg(c);
    EM(c, SEXT32, V(c, w), V(c, i));
    EM(c, SHL, V(c, off), V(c, w), be_imm(3));
    EM(c, ADD, V(c, a), V(c, e), V(c, off));
    return a;
}

/* A packed kind (every kind the access's CheckElementsKind admits is one)
 * has storage for and a value at every index below the length, which the
 * access's CheckBounds proved: the element's address, without checks. */
static bool packed_access(Sel *c, NodeId n) {
    uint32_t ek = ir_node(c->g, n)->aux.ek;
    return ek == EK_PACKED_SMI || ek == EK_PACKED_DOUBLE || ek == EK_PACKED;
}

static int32_t packed_address(Sel *c, int32_t p, int32_t i) {
    int32_t e = nvg(c);
    EM(c, LOAD, V(c, e), V(c, p), be_imm(offsetof(JSObject, elements)));
    return word_address(c, e, i);   /* i >= 0: CheckBounds compared it unsigned */
}

static void sel_load_element(Sel *c, NodeId n) {
    int32_t p = untag(c, be_sel_val(c, in(c, n, 0)));
    int32_t i = be_sel_val(c, in(c, n, 1));
    if (packed_access(c, n)) {
        int32_t a = packed_address(c, p, i), r = be_sel_def(c, n, BE_GPR);
        EM(c, LOAD, V(c, r), V(c, a), be_imm(offsetof(ValueArray, v)));
        return;
    }
    int32_t outside;
    int32_t a = element_address(c, p, i, &outside);
    int32_t v1 = nvg(c), j = be_sel_block(c);
    EM(c, LOAD, V(c, v1), V(c, a), be_imm(offsetof(ValueArray, v)));
    int32_t bin = c->cur;
    jmp(c, j);
    c->cur = outside;
    int32_t v2 = nvg(c);
    EM(c, MOV, V(c, v2), be_imm((int64_t)RT_HOLE));   /* beyond the storage: a hole */
    jmp(c, j);
    c->cur = j;
    int32_t v = be_sel_def(c, n, BE_GPR);
    phi2(c, j, v, bin, v1, outside, v2);
}

/* Kinds 0..5 are (small-int, double, tagged) x (packed, holey): the
 * tagged kind with the same holey bit is (kind & 1) | 4, one and-or on the
 * word that holds the kind byte. */
_Static_assert(EK_PACKED_SMI == 0 && EK_HOLEY_SMI == 1 && EK_PACKED_DOUBLE == 2 && EK_HOLEY_DOUBLE == 3 &&
               EK_PACKED == 4 && EK_HOLEY == 5, "elements kinds as (type, holey) pairs");
static void sel_elements_to_tagged(Sel *c, NodeId n) {
    int32_t p = untag(c, be_sel_val(c, in(c, n, 0)));
    int sh = 8 * (int)(offsetof(JSObject, elements_kind) - offsetof(JSObject, cls));
    int32_t w = nvg(c), a = nvg(c), o = nvg(c);
    EM(c, LOAD32, V(c, w), V(c, p), be_imm(offsetof(JSObject, cls)));
    EM(c, AND32, V(c, a), V(c, w), be_imm((int64_t)(int32_t)~(0xFEu << sh)));
    EM(c, OR32, V(c, o), V(c, a), be_imm((int64_t)(EK_PACKED << sh)));
    EM(c, STORE32, V(c, o), V(c, p), be_imm(offsetof(JSObject, cls)));
}

static void sel_store_element(Sel *c, NodeId n) {
    int32_t o = be_sel_val(c, in(c, n, 0));
    int32_t p = untag(c, o);
    int32_t i = be_sel_val(c, in(c, n, 1));
    int32_t v = be_sel_val(c, in(c, n, 2));
    if (packed_access(c, n)) {   /* no hole to store over: no setter to meet */
        int32_t a = packed_address(c, p, i);
        EM(c, STORE, V(c, v), V(c, a), be_imm(offsetof(ValueArray, v)));
        return;
    }
    int32_t outside;
    int32_t a = element_address(c, p, i, &outside);
    int32_t k = nvg(c), bfast = be_sel_block(c), j = be_sel_block(c);
    EM(c, MOV, V(c, k), be_imm((int64_t)RT_HOLE));
    /* storing over a hole may meet a setter on the prototype chain: generic */
    int32_t cur = nvg(c);
    EM(c, LOAD, V(c, cur), V(c, a), be_imm(offsetof(ValueArray, v)));
    EM(c, CMP, V(c, cur), V(c, k));
    jcc(c, BE_CC_E, outside, bfast);
    c->cur = bfast;
    EM(c, STORE, V(c, v), V(c, a), be_imm(offsetof(ValueArray, v)));
    jmp(c, j);
    /* A hole or beyond the storage: the generic store (prototype setters, growth). */
    c->cur = outside;
    uint32_t strict = c->src_fn && (c->src_fn->flags & BFF_STRICT) ? 0x80000000u : 0;
    SelArg args[6] = {GA(c, c->v_rt), GA(c, c->v_fr), GI(c->bc | strict), GA(c, o), GA(c, i), GA(c, v)};
    int32_t r = be_sel_call(c, (const void *)rt_stub_store_element, "rt_stub_store_element", args, 6, BE_GPR);
    be_sel_check_exception(c, r);
    jmp(c, j);
    c->cur = j;
}

/* ---- contexts ------------------------------------------------------------------------------------ */
static int32_t context_at(Sel *c, NodeId n) {
    int32_t p = untag(c, be_sel_val(c, in(c, n, 0)));
    for (uint32_t d = ir_node(c->g, n)->aux.ctx.depth; d; d--) {
        int32_t q = nvg(c);
        EM(c, LOAD, V(c, q), V(c, p), be_imm(offsetof(Context, parent)));
        p = q;
    }
    return p;
}

/* ---- parameters ------------------------------------------------------------------------------------ */
static void sel_parameter(Sel *c, NodeId n) {
    const Graph *g = c->g;
    int32_t which = ir_node(g, n)->aux.i32;
    int32_t v = be_sel_def(c, n, BE_GPR);
    int64_t off;
    switch (which) {
    case IR_PARAM_THIS: off = offsetof(RtActivation, receiver); break;
    case IR_PARAM_CLOSURE: off = offsetof(RtActivation, closure); break;
    case IR_PARAM_CONTEXT: off = offsetof(RtActivation, context); break;
    case IR_PARAM_NEW_TARGET: off = offsetof(RtActivation, new_target); break;
    case IR_PARAM_ARGC: EM(c, LOAD32, V(c, v), V(c, c->v_act), be_imm(offsetof(RtActivation, argc))); return;
    default:
        if (which < 0) { be_sel_fail(c, "unknown parameter%s", ""); return; }
        if (c->o->osr && (uint32_t)which == c->o->osr_nregs) { off = offsetof(RtActivation, acc); break; }
        EM(c, LOAD, V(c, v), V(c, c->v_regs), be_imm((int64_t)which * 8));
        return;
    }
    EM(c, LOAD, V(c, v), V(c, c->v_act), be_imm(off));
}

/* ---- the dispatcher -------------------------------------------------------------------------------- */
static uint32_t check_reason(IrOp op) {
    switch (op) {
    case IR_CheckInt32: case IR_CheckSmi: return IR_DEOPT_NotInt32;
    case IR_CheckNumber: return IR_DEOPT_NotNumber;
    case IR_CheckString: return IR_DEOPT_NotString;
    case IR_CheckHeapObject: return IR_DEOPT_NotHeapObject;
    case IR_CheckShape: return IR_DEOPT_WrongShape;
    case IR_CheckElementsKind: return IR_DEOPT_WrongElementsKind;
    case IR_CheckBounds: return IR_DEOPT_OutOfBounds;
    case IR_CheckNotHole: case IR_CheckHoleToUndefined: return IR_DEOPT_Hole;
    case IR_CheckFloat64ToInt32: return IR_DEOPT_LostPrecision;
    default: return IR_DEOPT_Overflow;
    }
}

static void alu32(Sel *c, NodeId n, BeOpcode op) {
    int32_t r = be_sel_def(c, n, BE_GPR);
    NodeId a = in(c, n, 0), b = in(c, n, 1);
    int32_t k;
    if ((be_op_info[op].flags & BE_OPF_COMM) && be_sel_is_i32const(c->g, a, &k) && !be_sel_is_i32const(c->g, b, &k)) {
        NodeId t = a; a = b; b = t;
    }
    be_sel_emit(c, op, BE_CC_NONE, BE_OPS(V(c, r), V(c, be_sel_val(c, a)), be_sel_src(c, b)));
}

static void shift32(Sel *c, NodeId n, int kind) {
    NodeId a = in(c, n, 0), b = in(c, n, 1);
    int32_t k;
    if (be_sel_is_i32const(c->g, b, &k)) {
        int32_t x = be_sel_val(c, a), r = be_sel_def(c, n, BE_GPR);
        int64_t s = k & 31;
        if (kind == 0) EM(c, SHL32, V(c, r), V(c, x), be_imm(s));
        else if (kind == 1) EM(c, SAR32, V(c, r), V(c, x), be_imm(s));
        else {
            int32_t z = nvg(c);
            EM(c, ZEXT32, V(c, z), V(c, x));
            EM(c, SHR, V(c, r), V(c, z), be_imm(s));
        }
        return;
    }
    SelArg args[3] = {GA(c, be_sel_val(c, a)), GA(c, be_sel_val(c, b)), GI(kind)};
    c->vr[n] = be_sel_call(c, (const void *)rt_stub_int32_shift, "rt_stub_int32_shift", args, 3, BE_GPR);
}

static void fbin(Sel *c, NodeId n, BeOpcode op) {
    int32_t a = be_sel_val(c, in(c, n, 0)), b = be_sel_val(c, in(c, n, 1));
    int32_t r = be_sel_def(c, n, BE_XMM);
    be_sel_emit(c, op, BE_CC_NONE, BE_OPS(V(c, r), V(c, a), V(c, b)));
}

static void div_mod(Sel *c, NodeId n, bool mod) {
    NodeId fs = ir_fs(c->g, n);
    be_sel_stress(c, fs);
    SelArg args[2] = {GA(c, be_sel_val(c, in(c, n, 0))), GA(c, be_sel_val(c, in(c, n, 1)))};
    int32_t r = mod ? be_sel_call(c, (const void *)rt_stub_int32_mod, "rt_stub_int32_mod", args, 2, BE_GPR)
                    : be_sel_call(c, (const void *)rt_stub_int32_div, "rt_stub_int32_div", args, 2, BE_GPR);
    int32_t t = nvg(c);
    EM(c, SHR, V(c, t), V(c, r), be_imm(32));
    EM(c, TEST32, V(c, t), V(c, t));
    be_sel_deopt(c, fs, mod ? IR_DEOPT_MinusZero : IR_DEOPT_LostPrecision, BE_CC_NE, false, -1);
    c->vr[n] = r;
}

static void sel_mul_overflow(Sel *c, NodeId n) {
    const Graph *g = c->g;
    NodeId fs = ir_fs(g, n);
    NodeId a = in(c, n, 0), b = in(c, n, 1);
    int32_t k;
    if (be_sel_is_i32const(g, a, &k)) { NodeId t = a; a = b; b = t; }
    be_sel_stress(c, fs);
    int32_t av = be_sel_val(c, a), r = be_sel_def(c, n, BE_GPR);
    EM(c, IMUL32, V(c, r), V(c, av), be_sel_src(c, b));
    be_sel_deopt(c, fs, IR_DEOPT_Overflow, BE_CC_O, false, -1);
    if (be_sel_is_i32const(g, b, &k)) {
        if (k < 0) { EM(c, TEST32, V(c, r), V(c, r)); be_sel_deopt(c, fs, IR_DEOPT_MinusZero, BE_CC_E, false, -1); }
        else if (k == 0) { EM(c, CMP32, V(c, av), be_imm(0)); be_sel_deopt(c, fs, IR_DEOPT_MinusZero, BE_CC_L, false, -1); }
        return;
    }
    int32_t bv = be_sel_val(c, b);
    EM(c, TEST32, V(c, r), V(c, r));
    int32_t bz = be_sel_block(c), ok = be_sel_block(c);
    jcc(c, BE_CC_NE, ok, bz);
    c->cur = bz;
    int32_t t = nvg(c);
    EM(c, OR32, V(c, t), V(c, av), V(c, bv));
    EM(c, CMP32, V(c, t), be_imm(0));
    be_sel_deopt(c, fs, IR_DEOPT_MinusZero, BE_CC_L, false, -1);
    jmp(c, ok);
    c->cur = ok;
}

static void sel_to_boolean(Sel *c, NodeId n) {
    int32_t x = be_sel_val(c, in(c, n, 0));
    int32_t t = nvg(c);
    EM(c, SHR, V(c, t), V(c, x), be_imm(48));
    EM(c, CMP32, V(c, t), be_imm((int64_t)RT_TAG_SPECIAL));
    /* blocks in the order their code runs: the allocator's linear order */
    int32_t bspec = be_sel_block(c), b1 = be_sel_block(c), bint = be_sel_block(c), bptr = be_sel_block(c);
    int32_t bheap = be_sel_block(c), bobj = be_sel_block(c), bgen = be_sel_block(c), j = be_sel_block(c);
    jcc(c, BE_CC_E, bspec, b1);
    c->cur = bspec;
    int32_t r1 = nvg(c);
    EM(c, CMP, V(c, x), be_imm((int64_t)RT_TRUE));
    EMC(c, SETCC, E, V(c, r1));
    jmp(c, j);
    c->cur = b1;
    EM(c, CMP32, V(c, t), be_imm((int64_t)RT_TAG_INT));
    jcc(c, BE_CC_E, bint, bptr);
    c->cur = bint;
    int32_t r2 = nvg(c);
    EM(c, TEST32, V(c, x), V(c, x));
    EMC(c, SETCC, NE, V(c, r2));
    jmp(c, j);
    /* an object (not a string) is true */
    c->cur = bptr;
    EM(c, CMP32, V(c, t), be_imm((int64_t)RT_TAG_PTR));
    jcc(c, BE_CC_NE, bgen, bheap);
    c->cur = bheap;
    heap_object_or(c, x, bgen, bobj);
    int32_t r4 = nvg(c);
    EM(c, MOV, V(c, r4), be_imm(1));
    jmp(c, j);
    c->cur = bgen;
    SelArg args[1] = {GA(c, x)};
    int32_t r3 = be_sel_call(c, (const void *)rt_stub_to_boolean, "rt_stub_to_boolean", args, 1, BE_GPR);
    int32_t bgen_end = c->cur;
    jmp(c, j);
    c->cur = j;
    int32_t r = be_sel_def(c, n, BE_GPR);
    be_lir_phi(c->fn, j, r, (BePhiIn[]){{bspec, r1}, {bint, r2}, {bobj, r4}, {bgen_end, r3}}, 4);
}

/* A hole read from a holey array: undefined when the prototypes have no
 * elements (asked of the runtime off the fast path), else deoptimize. */
static void sel_hole_to_undefined(Sel *c, NodeId n, NodeId fs) {
    int32_t o = be_sel_val(c, in(c, n, 0)), x = be_sel_val(c, in(c, n, 1));
    EM(c, CMP, V(c, x), be_imm((int64_t)RT_HOLE));
    int32_t bhole = be_sel_block(c), bok = be_sel_block(c), j = be_sel_block(c);
    jcc(c, BE_CC_E, bhole, bok);
    c->cur = bok;
    jmp(c, j);
    c->cur = bhole;
    SelArg a[1] = {GA(c, o)};
    int32_t ok = be_sel_call(c, (const void *)rt_stub_hole_is_undefined, "rt_stub_hole_is_undefined", a, 1, BE_GPR);
    EM(c, TEST32, V(c, ok), V(c, ok));
    be_sel_deopt(c, fs, IR_DEOPT_Hole, BE_CC_E, false, -1);
    int32_t u = nvg(c);
    EM(c, MOV, V(c, u), be_imm((int64_t)RT_UNDEFINED));
    int32_t bhole_end = c->cur;
    jmp(c, j);
    c->cur = j;
    int32_t r = be_sel_def(c, n, BE_GPR);
    be_lir_phi(c->fn, j, r, (BePhiIn[]){{bok, x}, {bhole_end, u}}, 2);
}

static void sel_check_shape(Sel *c, NodeId n, NodeId fs) {
    const Graph *g = c->g;
    int32_t x = be_sel_val(c, in(c, n, 0));
    c->vr[n] = x;
    check_tag16(c, x, RT_TAG_PTR, fs, IR_DEOPT_WrongShape);
    int32_t p = untag(c, x);
    check_heap_kind(c, p, HK_OBJECT, fs, IR_DEOPT_WrongShape);
    int32_t s = nvg(c);
    EM(c, LOAD, V(c, s), V(c, p), be_imm(offsetof(JSObject, shape)));
    const IrShapeSet *set = &g->shape_sets[ir_node(g, n)->aux.shapes];
    if (set->count == 0) { be_sel_deopt(c, fs, IR_DEOPT_WrongShape, BE_CC_NONE, true, -1); c->cur = be_sel_block(c); return; }
    int32_t ok = set->count > 1 ? be_sel_block(c) : -1;
    for (uint32_t i = 0; i < set->count; i++) {
        Value sv = rt_ptr(set->shapes[i]);
        be_sel_root(c, sv);
        EM(c, CMP, V(c, s), be_imm((int64_t)(uintptr_t)set->shapes[i]));
        if (i + 1 < set->count) {
            int32_t next = be_sel_block(c);
            jcc(c, BE_CC_E, ok, next);
            c->cur = next;
        } else {
            be_sel_deopt(c, fs, IR_DEOPT_WrongShape, BE_CC_NE, false, -1);
        }
    }
    if (ok >= 0) { jmp(c, ok); c->cur = ok; }
}

static void sel_check_elements_kind(Sel *c, NodeId n, NodeId fs) {
    int32_t x = be_sel_val(c, in(c, n, 0));
    c->vr[n] = x;
    check_tag16(c, x, RT_TAG_PTR, fs, IR_DEOPT_WrongElementsKind);
    int32_t p = untag(c, x);
    check_heap_kind(c, p, HK_OBJECT, fs, IR_DEOPT_WrongElementsKind);
    int32_t w = nvg(c), cls = nvg(c);
    EM(c, LOAD32, V(c, w), V(c, p), be_imm(offsetof(JSObject, cls)));
    uint32_t mask = ir_node(c->g, n)->aux.ek;
    int eksh = 8 * (int)(offsetof(JSObject, elements_kind) - offsetof(JSObject, cls));
    if (mask && !(mask & (mask - 1)) && eksh < 32) {
        /* one kind: class and kind in one compare of the word that holds both */
        int32_t m = nvg(c);
        EM(c, AND32, V(c, m), V(c, w), be_imm((int64_t)(0xFFu | (0xFFu << eksh))));
        EM(c, CMP32, V(c, m), be_imm((int64_t)(CLS_ARRAY | ((uint32_t)__builtin_ctz(mask) << eksh))));
        be_sel_deopt(c, fs, IR_DEOPT_WrongElementsKind, BE_CC_NE, false, -1);
        return;
    }
    EM(c, AND32, V(c, cls), V(c, w), be_imm(0xFF));
    EM(c, CMP32, V(c, cls), be_imm(CLS_ARRAY));
    be_sel_deopt(c, fs, IR_DEOPT_WrongElementsKind, BE_CC_NE, false, -1);
    int32_t z = nvg(c), sh = nvg(c), ek = nvg(c);
    EM(c, ZEXT32, V(c, z), V(c, w));
    EM(c, SHR, V(c, sh), V(c, z), be_imm(8 * (offsetof(JSObject, elements_kind) - offsetof(JSObject, cls))));
    EM(c, AND32, V(c, ek), V(c, sh), be_imm(0xFF));
    int32_t ok = be_sel_block(c);
    for (int k = 0; k < EK__COUNT; k++) {
        if (!(mask & (1u << k))) continue;
        EM(c, CMP32, V(c, ek), be_imm(k));
        int32_t next = be_sel_block(c);
        jcc(c, BE_CC_E, ok, next);
        c->cur = next;
    }
    be_sel_deopt(c, fs, IR_DEOPT_WrongElementsKind, BE_CC_NONE, true, -1);
    c->cur = ok;
}

static void sel_if(Sel *c, NodeId n) {
    const BeSchedBlock *b = &c->s->blocks[c->cur_ir];
    int32_t t = c->ib[b->succ[0]].lblocks[0], f = c->ib[b->succ[1]].lblocks[0];
    NodeId cond = in(c, n, 0);
    if (c->fused[cond]) {
        BeCond cc = emit_compare(c, cond);
        jcc(c, cc, t, f);
        return;
    }
    int32_t v = be_sel_val(c, cond);
    EM(c, TEST32, V(c, v), V(c, v));
    jcc(c, BE_CC_NE, t, f);
}

void be_sel_node(Sel *c, NodeId n) {
    const Graph *g = c->g;
    IrOp op = ir_op(g, n);
    NodeId fs = ir_fs(g, n);
    if (c->ut_ir != c->cur_ir) { c->ut_ir = c->cur_ir; c->ut_n = 0; }
    c->tile_block = c->cur;
    switch (op) {
    case IR_Phi: case IR_EffectPhi: case IR_FrameState:
    case IR_Int32Constant: case IR_Float64Constant: case IR_Constant:
        return;   /* phis: be_select.c; constants: at their uses; FrameStates: at the checks */
    case IR_Parameter: sel_parameter(c, n); return;

    /* control */
    case IR_If: sel_if(c, n); return;
    case IR_Return:
        EM(c, MOV, be_p(BE_RAX), V(c, be_sel_val(c, in(c, n, 0))));
        EM(c, RET, be_p(BE_RAX));
        return;
    case IR_Deoptimize:
        be_sel_deopt(c, fs, ir_node(g, n)->aux.reason, BE_CC_NONE, true, -1);
        return;
    case IR_Throw: {
        if (c->in_try) {   /* the interpreter throws it again, into its handler */
            be_sel_deopt(c, fs, IR_DEOPT_ThrowInTry, BE_CC_NONE, true, -1);
            return;
        }
        SelArg a[4] = {GA(c, c->v_rt), GA(c, c->v_fr), GI(c->bc), GA(c, be_sel_val(c, in(c, n, 0)))};
        int32_t r = be_sel_call(c, (const void *)rt_stub_throw, "rt_stub_throw", a, 4, BE_GPR);
        EM(c, MOV, be_p(BE_RAX), V(c, r));
        EM(c, RET, be_p(BE_RAX));
        return;
    }

    /* checks */
    case IR_CheckInt32: case IR_CheckSmi: {
        be_sel_stress(c, fs);
        int32_t x = be_sel_val(c, in(c, n, 0)), t = nvg(c);
        EM(c, SHR, V(c, t), V(c, x), be_imm(32));
        EM(c, CMP32, V(c, t), be_imm(INT_TAG_HI32));
        be_sel_deopt(c, fs, IR_DEOPT_NotInt32, BE_CC_NE, false, -1);
        c->vr[n] = x;
        return;
    }
    case IR_CheckNumber:
        be_sel_stress(c, fs);
        c->vr[n] = number_to_f64(c, be_sel_val(c, in(c, n, 0)), fs);
        return;
    case IR_CheckString: case IR_CheckHeapObject: {
        be_sel_stress(c, fs);
        int32_t x = be_sel_val(c, in(c, n, 0));
        uint32_t why = check_reason(op);
        check_tag16(c, x, RT_TAG_PTR, fs, why);
        if (op == IR_CheckString) check_heap_kind(c, untag(c, x), HK_STRING, fs, why);
        c->vr[n] = x;
        return;
    }
    case IR_CheckShape: be_sel_stress(c, fs); sel_check_shape(c, n, fs); return;
    case IR_CheckElementsKind: be_sel_stress(c, fs); sel_check_elements_kind(c, n, fs); return;
    case IR_CheckBounds: {
        be_sel_stress(c, fs);
        int32_t i = be_sel_val(c, in(c, n, 0));
        EM(c, CMP32, V(c, i), be_sel_src(c, in(c, n, 1)));
        be_sel_deopt(c, fs, IR_DEOPT_OutOfBounds, BE_CC_AE, false, -1);
        c->vr[n] = i;
        return;
    }
    case IR_CheckNotHole: {
        be_sel_stress(c, fs);
        int32_t x = be_sel_val(c, in(c, n, 0));
        EM(c, CMP, V(c, x), be_imm((int64_t)RT_HOLE));
        be_sel_deopt(c, fs, IR_DEOPT_Hole, BE_CC_E, false, -1);
        c->vr[n] = x;
        return;
    }
    case IR_CheckHoleToUndefined: be_sel_stress(c, fs); sel_hole_to_undefined(c, n, fs); return;
    case IR_ElementsToTagged: sel_elements_to_tagged(c, n); return;
    case IR_LoadGlobal: be_sel_stress(c, fs); sel_load_global(c, n, fs); return;
    case IR_CheckIf: {
        be_sel_stress(c, fs);
        NodeId cond = in(c, n, 0);
        uint32_t why = ir_node(g, n)->aux.reason;
        if (c->fused[cond]) {
            BeCond cc = emit_compare(c, cond);
            be_sel_deopt(c, fs, why, be_cc_negate(cc), false, -1);
            return;
        }
        int32_t v = be_sel_val(c, cond);
        EM(c, TEST32, V(c, v), V(c, v));
        be_sel_deopt(c, fs, why, BE_CC_E, false, -1);
        return;
    }
    case IR_CheckFloat64ToInt32: {
        be_sel_stress(c, fs);
        int32_t f = be_sel_val(c, in(c, n, 0)), i = be_sel_def(c, n, BE_GPR), gg = nvf(c);
        EM(c, F2I, V(c, i), V(c, f));
        EM(c, I2F, V(c, gg), V(c, i));
        EM(c, FCMP, V(c, f), V(c, gg));
        be_sel_deopt(c, fs, IR_DEOPT_LostPrecision, BE_CC_NE, false, -1);
        be_sel_deopt(c, fs, IR_DEOPT_LostPrecision, BE_CC_P, false, -1);
        EM(c, TEST32, V(c, i), V(c, i));
        int32_t bz = be_sel_block(c), ok = be_sel_block(c);
        jcc(c, BE_CC_NE, ok, bz);
        c->cur = bz;
        int32_t bits = nvg(c);
        EM(c, MOV, V(c, bits), V(c, f));
        EM(c, TEST, V(c, bits), V(c, bits));
        be_sel_deopt(c, fs, IR_DEOPT_MinusZero, BE_CC_NE, false, -1);
        jmp(c, ok);
        c->cur = ok;
        return;
    }
    case IR_CheckUint32ToInt32: {
        be_sel_stress(c, fs);
        int32_t w = be_sel_val(c, in(c, n, 0));
        EM(c, CMP32, V(c, w), be_imm(0));
        be_sel_deopt(c, fs, IR_DEOPT_Overflow, BE_CC_L, false, -1);
        c->vr[n] = w;
        return;
    }
    case IR_Int32AddOverflow: case IR_Int32SubOverflow: {
        be_sel_stress(c, fs);
        NodeId a = in(c, n, 0), b = in(c, n, 1);
        int32_t k;
        if (op == IR_Int32AddOverflow && be_sel_is_i32const(g, a, &k)) { NodeId t = a; a = b; b = t; }
        int32_t av = be_sel_val(c, a);
        BeOperand bo = be_sel_src(c, b);
        int32_t r = be_sel_def(c, n, BE_GPR);
        be_sel_emit(c, op == IR_Int32AddOverflow ? BE_ADD32 : BE_SUB32, BE_CC_NONE, BE_OPS(V(c, r), V(c, av), bo));
        be_sel_deopt(c, fs, IR_DEOPT_Overflow, BE_CC_O, false, -1);
        return;
    }
    case IR_Int32MulOverflow: sel_mul_overflow(c, n); return;
    case IR_Int32DivOverflow: div_mod(c, n, false); return;
    case IR_Int32ModOverflow: div_mod(c, n, true); return;

    /* int32 */
    case IR_Int32Add: alu32(c, n, BE_ADD32); return;
    case IR_Int32Sub: alu32(c, n, BE_SUB32); return;
    case IR_Int32Mul: alu32(c, n, BE_IMUL32); return;
    case IR_Int32And: alu32(c, n, BE_AND32); return;
    case IR_Int32Or: alu32(c, n, BE_OR32); return;
    case IR_Int32Xor: alu32(c, n, BE_XOR32); return;
    case IR_Int32Shl: shift32(c, n, 0); return;
    case IR_Int32Sar: shift32(c, n, 1); return;
    case IR_Int32Shr: shift32(c, n, 2); return;
    case IR_Int32Equal: case IR_Int32LessThan: case IR_Int32LessThanOrEqual:
    case IR_ReferenceEqual: case IR_Float64LessThan: case IR_Float64LessThanOrEqual: {
        if (fuse_candidate(c, n)) { c->fused[n] = 1; return; }
        BeCond cc = emit_compare(c, n);
        int32_t r = be_sel_def(c, n, BE_GPR);
        be_sel_emit(c, BE_SETCC, cc, BE_OPS(V(c, r)));
        return;
    }
    case IR_Float64Equal: {
        int32_t a = be_sel_val(c, in(c, n, 0)), b = be_sel_val(c, in(c, n, 1));
        int32_t r1 = nvg(c), r2 = nvg(c), r = be_sel_def(c, n, BE_GPR);
        EM(c, FCMP, V(c, a), V(c, b));
        EMC(c, SETCC, E, V(c, r1));
        EMC(c, SETCC, NP, V(c, r2));
        EM(c, AND32, V(c, r), V(c, r1), V(c, r2));
        return;
    }
    case IR_BooleanNot: {
        int32_t x = be_sel_val(c, in(c, n, 0)), r = be_sel_def(c, n, BE_GPR);
        EM(c, XOR32, V(c, r), V(c, x), be_imm(1));
        return;
    }

    /* float64 */
    case IR_Float64Add: fbin(c, n, BE_FADD); return;
    case IR_Float64Sub: fbin(c, n, BE_FSUB); return;
    case IR_Float64Mul: fbin(c, n, BE_FMUL); return;
    case IR_Float64Div: fbin(c, n, BE_FDIV); return;
    case IR_Float64Mod: case IR_Float64Pow: {
        SelArg a[2] = {FA(c, be_sel_val(c, in(c, n, 0))), FA(c, be_sel_val(c, in(c, n, 1)))};
        c->vr[n] = op == IR_Float64Mod ? be_sel_call(c, (const void *)rt_stub_fmod, "rt_stub_fmod", a, 2, BE_XMM)
                                       : be_sel_call(c, (const void *)rt_stub_pow, "rt_stub_pow", a, 2, BE_XMM);
        return;
    }
    case IR_Float64Neg: case IR_Float64Abs: {
        /* the sign bit, in a general register */
        int32_t f = be_sel_val(c, in(c, n, 0)), t = nvg(c), u = nvg(c), r = be_sel_def(c, n, BE_XMM);
        EM(c, MOV, V(c, t), V(c, f));
        if (op == IR_Float64Neg) {
            EM(c, XOR, V(c, u), V(c, t), be_imm(INT64_MIN));
        } else {
            int32_t m = nvg(c);
            EM(c, MOV, V(c, m), be_imm(INT64_MAX));
            EM(c, AND, V(c, u), V(c, t), V(c, m));
        }
        EM(c, MOV, V(c, r), V(c, u));
        return;
    }
    case IR_Float64Sqrt: {
        int32_t f = be_sel_val(c, in(c, n, 0)), r = be_sel_def(c, n, BE_XMM);
        EM(c, FSQRT, V(c, r), V(c, f));
        return;
    }

    /* representation changes */
    case IR_ChangeInt32ToTagged: {
        int32_t x = be_sel_val(c, in(c, n, 0)), z = nvg(c), r = be_sel_def(c, n, BE_GPR);
        EM(c, ZEXT32, V(c, z), V(c, x));
        EM(c, OR, V(c, r), V(c, z), be_imm(TAG64(RT_TAG_INT)));
        return;
    }
    case IR_ChangeFloat64ToTagged: c->vr[n] = box_f64(c, be_sel_val(c, in(c, n, 0))); return;
    case IR_ChangeBitToTagged: {
        int32_t x = be_sel_val(c, in(c, n, 0)), z = nvg(c), r = be_sel_def(c, n, BE_GPR);
        EM(c, ZEXT32, V(c, z), V(c, x));
        EM(c, OR, V(c, r), V(c, z), be_imm((int64_t)RT_FALSE));
        return;
    }
    case IR_ChangeTaggedToInt32: c->vr[n] = be_sel_val(c, in(c, n, 0)); return;
    case IR_ChangeTaggedToFloat64: c->vr[n] = number_to_f64(c, be_sel_val(c, in(c, n, 0)), IR_NONE); return;
    case IR_ChangeTaggedToBit: {
        int32_t x = be_sel_val(c, in(c, n, 0)), r = be_sel_def(c, n, BE_GPR);
        EM(c, CMP, V(c, x), be_imm((int64_t)RT_TRUE));
        EMC(c, SETCC, E, V(c, r));
        return;
    }
    case IR_ChangeInt32ToFloat64: {
        int32_t x = be_sel_val(c, in(c, n, 0)), r = be_sel_def(c, n, BE_XMM);
        EM(c, I2F, V(c, r), V(c, x));
        return;
    }
    case IR_ChangeUint32ToFloat64: {
        SelArg a[1] = {GA(c, be_sel_val(c, in(c, n, 0)))};
        c->vr[n] = be_sel_call(c, (const void *)rt_stub_uint32_to_float64, "rt_stub_uint32_to_float64", a, 1, BE_XMM);
        return;
    }
    case IR_TruncateFloat64ToInt32: {
        int32_t f = be_sel_val(c, in(c, n, 0)), i1 = nvg(c);
        EM(c, F2I, V(c, i1), V(c, f));
        EM(c, CMP32, V(c, i1), be_imm(INT32_MIN));
        int32_t slow = be_sel_block(c), j = be_sel_block(c), fast = c->cur;
        jcc(c, BE_CC_E, slow, j);
        c->cur = slow;
        SelArg a[1] = {FA(c, f)};
        int32_t i2 = be_sel_call(c, (const void *)rt_stub_to_int32, "rt_stub_to_int32", a, 1, BE_GPR);
        int32_t slow_end = c->cur;
        jmp(c, j);
        c->cur = j;
        int32_t r = be_sel_def(c, n, BE_GPR);
        phi2(c, j, r, fast, i1, slow_end, i2);
        return;
    }
    case IR_ToBoolean: sel_to_boolean(c, n); return;
    case IR_StringLength: {
        int32_t p = untag(c, be_sel_val(c, in(c, n, 0))), r = be_sel_def(c, n, BE_GPR);
        EM(c, LOAD32, V(c, r), V(c, p), be_imm(offsetof(JSString, len)));
        return;
    }

    /* memory */
    case IR_LoadField: case IR_StoreField: {
        int32_t p = untag(c, be_sel_val(c, in(c, n, 0)));
        uint32_t slot = ir_node(g, n)->aux.field.slot;
        int64_t off;
        if (ir_node(g, n)->aux.field.inobject) {
            off = (int64_t)offsetof(JSObject, inobject) + 8 * (int64_t)slot;
        } else {
            int32_t s = nvg(c);
            EM(c, LOAD, V(c, s), V(c, p), be_imm(offsetof(JSObject, slots)));
            p = s;
            off = (int64_t)offsetof(ValueArray, v) + 8 * (int64_t)slot;
        }
        if (op == IR_LoadField) {
            int32_t r = be_sel_def(c, n, BE_GPR);
            EM(c, LOAD, V(c, r), V(c, p), be_imm(off));
        } else {
            EM(c, STORE, V(c, be_sel_val(c, in(c, n, 1))), V(c, p), be_imm(off));
        }
        return;
    }
    case IR_LoadElement: sel_load_element(c, n); return;
    case IR_StoreElement: sel_store_element(c, n); return;
    case IR_ArrayLength: {
        int32_t p = untag(c, be_sel_val(c, in(c, n, 0))), r = be_sel_def(c, n, BE_GPR);
        EM(c, LOAD32, V(c, r), V(c, p), be_imm(offsetof(JSObject, length)));
        return;
    }
    case IR_LoadContextSlot: {
        int32_t p = context_at(c, n);
        int32_t r = be_sel_def(c, n, BE_GPR);
        uint32_t slot = ir_node(g, n)->aux.ctx.slot;
        if (slot == IR_CTX_SELF) EM(c, OR, V(c, r), V(c, p), be_imm(TAG64(RT_TAG_PTR)));
        else EM(c, LOAD, V(c, r), V(c, p), be_imm((int64_t)offsetof(Context, slots) + 8 * (int64_t)slot));
        return;
    }
    case IR_StoreContextSlot: {
        int32_t p = context_at(c, n);
        uint32_t slot = ir_node(g, n)->aux.ctx.slot;
        if (slot == IR_CTX_SELF) { be_sel_fail(c, "store to a context itself%s", ""); return; }
        EM(c, STORE, V(c, be_sel_val(c, in(c, n, 1))), V(c, p), be_imm((int64_t)offsetof(Context, slots) + 8 * (int64_t)slot));
        return;
    }
    case IR_StringConcat: {
        be_sel_stress(c, fs);
        SelArg a[5] = {GA(c, c->v_rt), GA(c, c->v_fr), GI(c->bc), GA(c, be_sel_val(c, in(c, n, 0))),
                       GA(c, be_sel_val(c, in(c, n, 1)))};
        int32_t r = be_sel_call(c, (const void *)rt_stub_string_concat, "rt_stub_string_concat", a, 5, BE_GPR);
        be_sel_check_exception(c, r);
        c->vr[n] = r;
        return;
    }

    /* calls */
    case IR_JSCall: case IR_CallKnown: sel_call(c, n); return;
    case IR_CallRuntime: sel_call_runtime(c, n); return;

    default:
        be_sel_fail(c, "no selection for %s", ir_op_name(op));
    }
}
