/* be_select.c — instruction selection: the scheduled graph (be_schedule.c)
 * becomes LIR over virtual registers (be_lir.h), one small tiling per node.
 *
 * The approach is the straightforward "macro expansion" of a scheduled
 * graph that HotSpot's C1 and V8's Maglev use: walk the blocks in order,
 * the nodes of a block in their local order, and emit for each node the
 * instructions of its tile, with a few peepholes (constants as immediates
 * and rematerialized at their uses, a compare feeding only its block's
 * branch becomes compare-and-jump). This file holds the walk, the blocks,
 * phis, constants, calls and deopt exits; the per-node tiles are in
 * be_select_ops.c. The layout of runtime objects comes from their C
 * structs (offsetof) and the NaN-box constants from runtime/rt_value.h.
 */
#include <stdlib.h>
#include <string.h>
#include "be_select_internal.h"

void *be_sel_xrealloc(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q) abort();
    return q;
}

bool be_sel_fail(Sel *c, const char *fmt, const char *what) {
    if (!c->bad) {
        c->bad = true;
        snprintf(c->msg, sizeof c->msg, fmt, what ? what : "");
    }
    return false;
}

/* ---- emission ------------------------------------------------------------------------- */
BeInstr *be_sel_emit(Sel *c, BeOpcode op, BeCond cc, const BeOperand *ops, uint32_t n) {
    BeInstr *ins = be_lir_add(c->fn, c->cur, op, cc, ops, n);
    c->res->ninstrs++;
    if (!c->annotated && c->node) {
        const char *op_name = ir_op_name(ir_op(c->g, c->node));
        char note[160];
        if (c->inlined && c->src_fn) {
            /* an inlined node also names its function and offset there */
            char *fname = rt_is_string(c->src_fn->name) ? rt_string_to_utf8(c->src_fn->name, NULL) : NULL;
            snprintf(note, sizeof note, "%s [inlined %s @%u]", op_name, fname && *fname ? fname : "<anonymous>",
                     c->src_bc);
            free(fname);
            op_name = note;
        }
        be_lir_annotate(c->fn, ins, (int32_t)c->node, (int32_t)c->bc, op_name);
        c->annotated = true;
    }
    return ins;
}

int32_t be_sel_vreg(Sel *c, BeRegClass cls) { return be_lir_vreg(c->fn, cls); }

int32_t be_sel_block(Sel *c) {
    int32_t b = be_lir_block(c->fn);
    SelIrBlock *ib = &c->ib[c->cur_ir];
    ib->lblocks = be_sel_xrealloc(ib->lblocks, (size_t)(ib->nl + 1) * sizeof(int32_t));
    ib->lblocks[ib->nl++] = b;
    return b;
}

void be_sel_block_to_end(Sel *c, int32_t b) {
    SelIrBlock *ib = &c->ib[c->cur_ir];
    int32_t i = 0;
    while (i < ib->nl && ib->lblocks[i] != b) i++;
    if (i == ib->nl) return;
    memmove(ib->lblocks + i, ib->lblocks + i + 1, (size_t)(ib->nl - i - 1) * sizeof(int32_t));
    ib->lblocks[ib->nl - 1] = b;
}

void be_sel_root(Sel *c, Value v) {
    if (!rt_is_ptr(v)) return;
    BeSelectResult *r = c->res;
    for (uint32_t i = 0; i < r->nroots; i++)
        if (r->roots[i] == v) return;
    if (r->nroots == r->caproots) {
        r->caproots = r->caproots ? r->caproots * 2 : 8;
        r->roots = be_sel_xrealloc(r->roots, r->caproots * sizeof(Value));
    }
    r->roots[r->nroots++] = v;
}

BeRegClass be_sel_cls_of(const Graph *g, NodeId n) {
    return ir_node(g, n)->repr == R_FLOAT64 ? BE_XMM : BE_GPR;
}

/* The vreg holding n's value here. Constants are materialized at each use
 * (rematerialization: they never occupy a register across code). */
int32_t be_sel_val(Sel *c, NodeId n) {
    const Graph *g = c->g;
    IrOp op = ir_op(g, n);
    if (op == IR_Int32Constant) {
        int32_t v = be_sel_vreg(c, BE_GPR);
        EM(c, MOV, V(c, v), be_imm((int64_t)(uint32_t)ir_node(g, n)->aux.i32));
        return v;
    }
    if (op == IR_Float64Constant) {
        int32_t v = be_sel_vreg(c, BE_XMM);
        EM(c, LOADF64C, V(c, v), be_f64(ir_node(g, n)->aux.f64));
        return v;
    }
    if (op == IR_Constant) {
        Value k = ir_node(g, n)->aux.value;
        be_sel_root(c, k);
        int32_t v = be_sel_vreg(c, BE_GPR);
        EM(c, MOV, V(c, v), be_imm((int64_t)k));
        return v;
    }
    if (c->vr[n] < 0) {
        char buf[64];
        snprintf(buf, sizeof buf, "n%u %s", n, ir_op_name(op));
        be_sel_fail(c, "value of %s used before it is defined", buf);
        return be_sel_vreg(c, be_sel_cls_of(g, n));
    }
    return c->vr[n];
}

/* An operand for a "u" position: small constants as immediates. */
BeOperand be_sel_src(Sel *c, NodeId n) {
    const Graph *g = c->g;
    if (ir_op(g, n) == IR_Int32Constant) return be_imm((int64_t)ir_node(g, n)->aux.i32);
    return V(c, be_sel_val(c, n));
}

bool be_sel_is_i32const(const Graph *g, NodeId n, int32_t *out) {
    if (ir_op(g, n) != IR_Int32Constant) return false;
    *out = ir_node(g, n)->aux.i32;
    return true;
}

int32_t be_sel_def(Sel *c, NodeId n, BeRegClass cls) {
    int32_t v = be_sel_vreg(c, cls);
    c->vr[n] = v;
    return v;
}

/* ---- calls to C -------------------------------------------------------------------------- */
/* The RtInlineFrame (rt_tier.h) a call from the node being selected names:
 * its inlined functions, innermost first, registered outermost first. */
static uint32_t inline_frame_of(Sel *c) {
    const Graph *g = c->g;
    uint32_t pos = c->node ? ir_node(g, c->node)->bc_offset : 0;
    if (!IR_POS_SITE(pos)) return 0;
    if (c->pad_pos == pos) return c->pad_id;
    BytecodeFunction *fns[IR_MAX_SITES + 1];
    uint32_t pcs[IR_MAX_SITES + 1], n = 0;
    for (uint32_t p = pos; IR_POS_SITE(p) && IR_POS_SITE(p) < g->site_count && n <= IR_MAX_SITES;
         p = g->sites[IR_POS_SITE(p)].call_pos) {
        fns[n] = g->sites[IR_POS_SITE(p)].fn;
        pcs[n++] = IR_POS_OFFSET(p);
    }
    BytecodeFunction *owner = c->o->code && c->o->code->bf ? c->o->code->bf : g->fn;
    uint32_t id = 0;
    for (uint32_t k = n; k-- > 0 && owner;) {
        id = rt_tier_inline_frame(owner, fns[k], pcs[k], id);
        if (!id) break;
    }
    c->pad_pos = pos;
    c->pad_id = id;
    return id;
}

int32_t be_sel_call(Sel *c, const void *target, const char *name, const SelArg *args, uint32_t nargs,
                    BeRegClass rescls) {
    /* A stack trace taken during the call shows the inlined frames it is
     * in: the frame's pad names them (optimized code with inlining only). */
    if (c->g->site_count > 1) {
        int32_t pv = be_sel_vreg(c, BE_GPR);
        EM(c, MOV, V(c, pv), be_imm((int64_t)inline_frame_of(c)));
        EM(c, STORE32, V(c, pv), V(c, c->v_fr), be_imm((int64_t)offsetof(Frame, pad)));
    }
    BeOperand uses[8];
    uint32_t nu = 0, gi = 0, fi = 0;
    for (uint32_t i = 0; i < nargs && nu < 8; i++) {
        int reg = args[i].cls == BE_XMM ? BE_XMM0 + (int)fi++ : be_sysv_int_args[gi++];
        EM(c, MOV, be_p(reg), args[i].op);
        uses[nu++] = be_use(be_p(reg));
    }
    BeOperand ops[10];
    uint32_t k = 0;
    ops[k++] = be_sym((uint64_t)(uintptr_t)target, name);
    for (uint32_t i = 0; i < nu; i++) ops[k++] = uses[i];
    int resreg = rescls == BE_XMM ? BE_XMM0 : BE_RAX;
    ops[k++] = be_def(be_p(resreg));
    be_sel_emit(c, BE_CALL, BE_CC_NONE, ops, k);
    int32_t r = be_sel_vreg(c, rescls);
    EM(c, MOV, V(c, r), be_p(resreg));
    return r;
}

/* A stub returned v: RT_EXCEPTION leaves the function with it (the
 * interpreter unwinds from the frame's pc, which the stub set). */
void be_sel_check_exception(Sel *c, int32_t v) {
    if (c->in_try) {
        /* the handler is the interpreter's: rebuild the frames there */
        NodeId fs = c->node ? ir_fs(c->g, c->node) : IR_NONE;
        if (!fs) { be_sel_fail(c, "%s may throw inside a try block but has no FrameState", ir_op_name(ir_op(c->g, c->node))); return; }
        int32_t k = be_sel_vreg(c, BE_GPR);
        EM(c, MOV, V(c, k), be_imm((int64_t)RT_EXCEPTION));
        EM(c, CMP, V(c, v), V(c, k));
        be_sel_deopt(c, fs, IR_DEOPT_Exception, BE_CC_E, false, v);
        return;
    }
    if (c->exc_block < 0) {
        int32_t save = c->cur;
        c->exc_block = be_sel_block(c);
        c->cur = c->exc_block;
        NodeId keep = c->node;
        c->node = 0;
        EM(c, MOV, be_p(BE_RAX), be_imm((int64_t)RT_EXCEPTION));
        EM(c, RET, be_p(BE_RAX));
        c->node = keep;
        c->cur = save;
    }
    int32_t k = be_sel_vreg(c, BE_GPR);
    EM(c, MOV, V(c, k), be_imm((int64_t)RT_EXCEPTION));
    EM(c, CMP, V(c, v), V(c, k));
    int32_t next = be_sel_block(c);
    EMC(c, JCC, E, be_label(c->exc_block), be_label(next));
    c->cur = next;
}

/* ---- deopt exits ------------------------------------------------------------------------- */
static BeDeoptReason be_reason(uint32_t ir) {
    switch (ir) {
    case IR_DEOPT_NotInt32: return BE_DR_NotSmi;
    case IR_DEOPT_NotNumber: return BE_DR_NotNumber;
    case IR_DEOPT_WrongShape: case IR_DEOPT_WrongElementsKind: return BE_DR_WrongShape;
    case IR_DEOPT_OutOfBounds: return BE_DR_OutOfBounds;
    case IR_DEOPT_Hole: return BE_DR_Hole;
    case IR_DEOPT_Overflow: return BE_DR_Overflow;
    case IR_DEOPT_MinusZero: return BE_DR_MinusZero;
    case IR_DEOPT_LostPrecision: return BE_DR_LostPrecision;
    case IR_DEOPT_DivisionByZero: return BE_DR_DivisionByZero;
    case IR_DEOPT_WrongValue: return BE_DR_WrongCallTarget;
    case IR_DEOPT__COUNT: return BE_DR_Forced;
    case IR_DEOPT__COUNT + 1: return BE_DR_Manual;   /* the code was invalidated during a call */
    default: return BE_DR_Unknown;
    }
}

static BeRepr repr_of(const Graph *g, NodeId n) {
    switch (ir_node(g, n)->repr) {
    case R_INT32: return BE_REPR_INT32;
    case R_FLOAT64: return BE_REPR_FLOAT64;
    case R_BIT: return BE_REPR_BOOL;
    default: return BE_REPR_TAGGED;
    }
}

/* The deopt value of graph value v, as a constant or as an operand of the
 * deopt instruction (one operand per distinct vreg: several values may
 * name it). */
static void deopt_value(Sel *c, BeDeoptTable *t, NodeId v, BeOperand *ops, uint32_t *k) {
    const Graph *g = c->g;
    IrOp op = ir_op(g, v);
    if (op == IR_Constant) {
        be_sel_root(c, ir_node(g, v)->aux.value);
        be_deopt_add_value(t, be_dv_const(ir_node(g, v)->aux.value, BE_REPR_TAGGED));
    } else if (op == IR_Int32Constant) {
        be_deopt_add_value(t, be_dv_const((uint32_t)ir_node(g, v)->aux.i32, BE_REPR_INT32));
    } else if (op == IR_Float64Constant) {
        uint64_t bits;
        double d = ir_node(g, v)->aux.f64;
        memcpy(&bits, &d, 8);
        be_deopt_add_value(t, be_dv_const(bits, BE_REPR_FLOAT64));
    } else if (op == IR_Dead || !ir_produces_value(g, v)) {
        be_deopt_add_value(t, (BeDeoptValue){.kind = BE_DV_OPTIMIZED_OUT});
    } else {
        int32_t vr = be_sel_val(c, v);
        uint32_t at = 0;
        for (uint32_t q = 1; q < *k && !at; q++)
            if (ops[q].vreg == vr) at = q;
        if (!at) {
            ops[*k] = be_any(V(c, vr));
            at = (*k)++;
        }
        be_deopt_add_value(t, be_dv_operand(at, repr_of(g, v)));
    }
}

#define BE_DEOPT_MAX_FRAMES 8

/* Emits DEOPT_IF cc (or DEOPT when cc is NONE and uncond) with the
 * translation of FrameState fs and of its outer FrameStates (inlined
 * calls): one frame each, outermost first. An outer frame stands at its
 * call (the FrameState after it, whose bytecode offset is the call's): the
 * deoptimizer resumes it after the call with the inner frame's result. The
 * closure of an inlined frame is the callee register of the outer frame's
 * Call. lazy (innermost frame): resume after the instruction with acc_vreg
 * as the accumulator. */
void be_sel_deopt(Sel *c, NodeId fs, uint32_t ir_reason, BeCond cc, bool uncond, int32_t acc_vreg) {
    const Graph *g = c->g;
    if (!fs || ir_op(g, fs) != IR_FrameState) { be_sel_fail(c, "check without a FrameState%s", ""); return; }
    NodeId chain[BE_DEOPT_MAX_FRAMES];
    uint32_t nf = 0;
    for (NodeId f = fs; f; f = ir_nfs(g, f) ? ir_fs(g, f) : 0) {
        if (nf == BE_DEOPT_MAX_FRAMES || ir_op(g, f) != IR_FrameState) {
            be_sel_fail(c, "FrameState chain too deep or malformed%s", "");
            return;
        }
        chain[nf++] = f;
    }
    for (uint32_t i = 0; i < nf / 2; i++) { NodeId x = chain[i]; chain[i] = chain[nf - 1 - i]; chain[nf - 1 - i] = x; }
    const IrNode *x = ir_node(g, fs);
    BytecodeFunction *bf = x->aux.fs.fn;
    /* A deopt because the code was invalidated during a call is lazy
     * whatever FrameState the call carries: the call has happened, so the
     * frame resumes after it with its result (re-running it would repeat
     * its effects). A call bytecode writes only the accumulator, so the
     * registers of a FrameState taken at the call are those after it. */
    bool lazy = (x->aux.fs.flags & IR_FS_AFTER) != 0 || ir_reason == IR_DEOPT__COUNT + 1;
    if (lazy && acc_vreg < 0) { be_sel_fail(c, "lazy FrameState on a check%s", ""); return; }
    uint32_t bc = x->aux.fs.bc_offset;
    if (lazy && ir_reason != IR_DEOPT_Exception) {   /* an exception is thrown at the call, not after it */
        if (!bf || bc >= bf->code_len) { be_sel_fail(c, "bad FrameState offset%s", ""); return; }
        bc += (uint32_t)rt_bytecode_length((Bytecode)bf->code[bc]);
    }
    /* every outer frame must stand at a Call whose callee register it keeps */
    for (uint32_t i = 0; i + 1 < nf; i++) {
        const IrNode *o = ir_node(g, chain[i]);
        BytecodeFunction *ob = o->aux.fs.fn;
        uint32_t ob_bc = o->aux.fs.bc_offset;
        if (!ob || ob_bc + 3 > ob->code_len || ob->code[ob_bc] != BC_Call ||
            rt_bc_u16(ob->code + ob_bc + 1) >= ir_nval(g, chain[i]) ||
            rt_bc_u16(ob->code + ob_bc + 1) >= o->aux.fs.nregs) {
            be_sel_fail(c, "inlined frame whose outer frame is not at a call%s", "");
            return;
        }
    }
    BeDeoptTable *t = &c->fn->deopt;
    uint32_t p = be_deopt_add_point(t, be_reason(ir_reason), (int32_t)c->node, (int32_t)c->bc);
    c->res->points = be_sel_xrealloc(c->res->points, (size_t)(p + 1) * sizeof(BeSelectPoint));
    c->res->points[p] = (BeSelectPoint){.ir_reason = (uint16_t)ir_reason, .lazy = lazy};
    uint32_t nops = 4;
    for (uint32_t i = 0; i < nf; i++) nops += ir_nval(g, chain[i]) + 2;
    BeOperand *ops = malloc(nops * sizeof(BeOperand));
    if (!ops) abort();
    uint32_t k = 0;
    ops[k++] = be_deoptx((int32_t)p);
    for (uint32_t fi = 0; fi < nf; fi++) {
        NodeId f = chain[fi];
        const IrNode *fx = ir_node(g, f);
        bool inner = fi == nf - 1;
        BytecodeFunction *fbf = fx->aux.fs.fn;
        uint32_t nregs = fx->aux.fs.nregs;
        if (nregs > 4096) { be_sel_fail(c, "FrameState too large%s", ""); free(ops); return; }
        /* the outermost frame is the compiled function's (its OSR clone's) */
        const void *fn_id = fi == 0 && c->o->code ? (const void *)c->o->code->bf : (const void *)fbf;
        be_deopt_add_frame(t, p, fn_id, inner ? bc : fx->aux.fs.bc_offset, 1, (uint16_t)nregs, true);
        /* closure: the activation knows the outermost; an inlined one is the
         * callee of the outer frame's Call */
        if (fi == 0) {
            be_deopt_add_value(t, (BeDeoptValue){.kind = BE_DV_OPTIMIZED_OUT});
        } else {
            const IrNode *o = ir_node(g, chain[fi - 1]);
            deopt_value(c, t, ir_val(g, chain[fi - 1], rt_bc_u16(o->aux.fs.fn->code + o->aux.fs.bc_offset + 1)),
                        ops, &k);
        }
        uint32_t nin = ir_nval(g, f);
        uint32_t order[3 + 4096];
        uint32_t no = 0;
        order[no++] = nregs + 1;        /* context */
        order[no++] = nregs + 2;        /* receiver */
        for (uint32_t r = 0; r < nregs; r++) order[no++] = r;
        order[no++] = nregs;            /* accumulator */
        for (uint32_t i = 0; i < no; i++) {
            uint32_t j = order[i];
            if (j == nregs && !inner) {  /* set by the inner frame's return */
                be_deopt_add_value(t, (BeDeoptValue){.kind = BE_DV_OPTIMIZED_OUT});
                continue;
            }
            if (lazy && inner && j == nregs) {
                uint32_t at = 0;
                for (uint32_t q = 1; q < k && !at; q++)
                    if (ops[q].vreg == acc_vreg) at = q;
                if (!at) {
                    ops[k] = be_any(V(c, acc_vreg));
                    at = k++;
                }
                be_deopt_add_value(t, be_dv_operand(at, BE_REPR_TAGGED));
                continue;
            }
            if (j >= nin) { be_deopt_add_value(t, (BeDeoptValue){.kind = BE_DV_OPTIMIZED_OUT}); continue; }
            deopt_value(c, t, ir_val(g, f, j), ops, &k);
        }
    }
    be_sel_emit(c, uncond ? BE_DEOPT : BE_DEOPT_IF, uncond ? BE_CC_NONE : cc, ops, k);
    free(ops);
}

/* --deopt-every-n-times: count the checks reached, deopt every N-th. */
void be_sel_stress(Sel *c, NodeId fs) {
    if (c->o->deopt_every_n <= 0 || !c->o->stress_counter || !fs) return;
    int32_t a = be_sel_vreg(c, BE_GPR), n = be_sel_vreg(c, BE_GPR), m = be_sel_vreg(c, BE_GPR);
    EM(c, MOV, V(c, a), be_imm((int64_t)(uintptr_t)c->o->stress_counter));
    EM(c, LOAD32, V(c, n), V(c, a), be_imm(0));
    EM(c, ADD32, V(c, m), V(c, n), be_imm(1));
    EM(c, STORE32, V(c, m), V(c, a), be_imm(0));
    EM(c, CMP32, V(c, m), be_imm(c->o->deopt_every_n));
    be_sel_deopt(c, fs, IR_DEOPT__COUNT, BE_CC_GE, false, -1);
}

/* ---- the walk ------------------------------------------------------------------------------ */
static void select_block(Sel *c, int32_t bi) {
    const Graph *g = c->g;
    const BeSchedBlock *b = &c->s->blocks[bi];
    c->cur_ir = bi;
    c->cur = c->ib[bi].lblocks[0];
    c->node = 0;
    if (bi == c->s->order[0]) {
        /* The entry: Runtime *rt, Frame *fr, RtActivation *act. */
        EM(c, ENTRY, be_p(BE_RDI), be_p(BE_RSI), be_p(BE_RDX));
        c->v_rt = be_sel_vreg(c, BE_GPR);
        c->v_fr = be_sel_vreg(c, BE_GPR);
        c->v_act = be_sel_vreg(c, BE_GPR);
        EM(c, MOV, V(c, c->v_rt), be_p(BE_RDI));
        EM(c, MOV, V(c, c->v_fr), be_p(BE_RSI));
        EM(c, MOV, V(c, c->v_act), be_p(BE_RDX));
        c->v_regs = be_sel_vreg(c, BE_GPR);
        EM(c, LOAD, V(c, c->v_regs), V(c, c->v_act), be_imm(offsetof(RtActivation, regs)));
    }
    for (uint32_t i = 0; i < b->nnodes && !c->bad; i++) {
        NodeId n = b->nodes[i];
        c->node = n;
        uint32_t pos = ir_node(g, n)->bc_offset;
        c->bc = ir_pos_outer(g, pos);
        c->src_fn = ir_pos_fn(g, pos);
        c->src_bc = IR_POS_OFFSET(pos);
        c->inlined = IR_POS_SITE(pos) != 0;
        c->in_try = g->fn && g->fn->handler_count && rt_find_handler(g->fn, c->bc) >= 0;
        c->annotated = false;
        be_sel_node(c, n);
    }
    c->node = 0;
    c->ib[bi].tail = c->cur;
}

/* Phis and the jumps of blocks that fall into a merge, once every block
 * has been selected (a loop's back edge comes after its header). */
static void finish_merges(Sel *c) {
    const Graph *g = c->g;
    const BeSchedule *s = c->s;
    for (int32_t i = 0; i < s->nblocks && !c->bad; i++) {
        int32_t bi = s->order[i];
        const BeSchedBlock *b = &s->blocks[bi];
        if (b->term || b->nsucc != 1) continue;
        int32_t succ = b->succ[0];
        const BeSchedBlock *sb = &s->blocks[succ];
        int32_t k = -1;
        for (int32_t j = 0; j < sb->npreds; j++)
            if (sb->preds[j] == bi) { k = j; break; }
        c->cur_ir = bi;
        c->cur = c->ib[bi].tail;
        c->node = 0;
        /* constants flowing into phis are materialized at the end of the predecessor */
        for (uint32_t j = 0; j < sb->nnodes; j++) {
            NodeId phi = sb->nodes[j];
            if (ir_op(g, phi) != IR_Phi || k < 0) continue;
            int32_t v = be_sel_val(c, ir_val(g, phi, (uint32_t)k));
            SelPhi *sp = &c->phis[c->phi_index[phi]];
            sp->ins[k] = (BePhiIn){.pred = c->cur, .vreg = v};
        }
        EM(c, JMP, be_label(c->ib[succ].lblocks[0]));
    }
    for (uint32_t i = 0; i < c->nphis; i++) {
        SelPhi *sp = &c->phis[i];
        be_lir_phi(c->fn, sp->block, sp->dst, sp->ins, sp->nin);
    }
}

/* Critical edges get their landing block right after the branch, so that
 * a loop stays contiguous in the linear order (the allocator would put
 * them last, and live ranges would then leave and re-enter the loop). */
static void split_edges_in_place(BeLirFn *fn) {
    int32_t *order = malloc(sizeof(int32_t) * (size_t)(fn->norder * 3 + 1));
    if (!order) abort();
    int32_t n = 0, norder = fn->norder;
    int32_t *old = malloc(sizeof(int32_t) * (size_t)(norder + 1));
    if (!old) abort();
    memcpy(old, fn->order, sizeof(int32_t) * (size_t)norder);
    for (int32_t oi = 0; oi < norder; oi++) {
        int32_t bi = old[oi];
        order[n++] = bi;
        if (fn->blocks[bi].nsucc < 2) continue;
        for (int32_t k = 0; k < 2; k++) {
            int32_t si = fn->blocks[bi].succ[k];
            if (fn->blocks[si].npreds < 2) continue;
            int32_t ni = be_lir_split_edge(fn, bi, si);
            order[n++] = ni;
        }
    }
    be_lir_set_order(fn, order, n);
    free(order);
    free(old);
    be_lir_finish(fn);
}

bool be_select(const Graph *g, const BeSchedule *s, const BeSelectOptions *o, BeSelectResult *out,
               char *err, size_t errlen) {
    memset(out, 0, sizeof *out);
    Sel sel = {0}, *c = &sel;
    c->g = g;
    c->s = s;
    c->o = o;
    c->res = out;
    c->fn = be_lir_new(g->name);
    c->exc_block = -1;
    uint32_t n = g->node_count;
    c->vr = malloc(n * sizeof(int32_t));
    c->phi_index = calloc(n, sizeof(uint32_t));
    c->fused = calloc(n, 1);
    c->ib = calloc((size_t)s->nblocks, sizeof(SelIrBlock));
    if (!c->vr || !c->phi_index || !c->fused || !c->ib) abort();
    for (uint32_t i = 0; i < n; i++) c->vr[i] = -1;
    /* One LIR block heads each scheduled block, created in layout order. */
    for (int32_t i = 0; i < s->nblocks; i++) {
        c->cur_ir = s->order[i];
        be_sel_block(c);
    }
    /* Phis get their vregs first: uses may precede the definition in the walk (back edges). */
    for (int32_t i = 0; i < s->nblocks; i++) {
        const BeSchedBlock *b = &s->blocks[i];
        for (uint32_t j = 0; j < b->nnodes; j++) {
            NodeId x = b->nodes[j];
            if (ir_op(g, x) != IR_Phi) continue;
            /* a bit phi (a comparison live out of a peeled loop) is a 0/1 word like its inputs */
            if (ir_node(g, x)->repr == R_NONE) {
                be_sel_fail(c, "phi of representation %s", ir_repr_name((IrRepr)ir_node(g, x)->repr));
                break;
            }
            c->phis = be_sel_xrealloc(c->phis, (c->nphis + 1) * sizeof(SelPhi));
            SelPhi *sp = &c->phis[c->nphis];
            sp->block = c->ib[i].lblocks[0];
            sp->dst = be_sel_def(c, x, be_sel_cls_of(g, x));
            sp->nin = (uint32_t)b->npreds;
            sp->ins = calloc(sp->nin ? sp->nin : 1, sizeof(BePhiIn));
            if (!sp->ins) abort();
            c->phi_index[x] = c->nphis++;
        }
    }
    for (int32_t i = 0; i < s->nblocks && !c->bad; i++) select_block(c, s->order[i]);
    if (!c->bad) finish_merges(c);
    /* Layout: each scheduled block's LIR blocks in creation order. */
    if (!c->bad) {
        int32_t *order = malloc((size_t)c->fn->nblocks * sizeof(int32_t));
        if (!order) abort();
        int32_t no = 0;
        for (int32_t i = 0; i < s->nblocks; i++) {
            SelIrBlock *ib = &c->ib[s->order[i]];
            for (int32_t k = 0; k < ib->nl; k++) order[no++] = ib->lblocks[k];
        }
        be_lir_set_order(c->fn, order, no);
        free(order);
    }
    if (!c->bad && !be_lir_finish(c->fn)) be_sel_fail(c, "LIR: %s", c->fn->error);
    if (!c->bad) split_edges_in_place(c->fn);
    if (!c->bad && !be_lir_verify(c->fn)) be_sel_fail(c, "LIR: %s", c->fn->error);
    for (uint32_t i = 0; i < c->nphis; i++) free(c->phis[i].ins);
    free(c->phis);
    for (int32_t i = 0; i < s->nblocks; i++) free(c->ib[i].lblocks);
    free(c->ib);
    free(c->vr);
    free(c->phi_index);
    free(c->fused);
    if (c->bad) {
        snprintf(err, errlen, "%s", c->msg);
        be_lir_free(c->fn);
        be_select_free(out);
        return false;
    }
    out->fn = c->fn;
    return true;
}

void be_select_free(BeSelectResult *r) {
    free(r->points);
    free(r->roots);
    r->points = NULL;
    r->roots = NULL;
    r->nroots = r->caproots = 0;
}
