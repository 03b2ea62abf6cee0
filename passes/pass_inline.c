/* pass_inline.c — inlining of small monomorphic call targets.
 *
 * A CallKnown (the builder makes one when the call site saw one target, and
 * guards it with CheckIf(ReferenceEqual(callee, target)) just before) whose
 * target is a small plain function is replaced by the target's own graph,
 * built from its bytecode and its feedback by ir_build_graph and spliced
 * in: its Start becomes the call's control and effect, its Parameters the
 * call's arguments, its Returns meet in a Region whose Phi and EffectPhi
 * stand for the call's value and effect. Every FrameState of the inlined
 * body gets the call's FrameState (resume after the call, with the result
 * in the accumulator) as its outer FrameState, so a deoptimization inside
 * rebuilds one interpreter frame per inlined function (Hölzle, Chambers &
 * Ungar 1992; the frame-state chain of Graal and of V8's TurboFan).
 *
 * Inlining is the enabler of the other passes (Chambers & Ungar 1989,
 * customization and inlining in SELF): the callee's loads and checks meet
 * the caller's, and an object that only lived to be passed to a small
 * method no longer escapes.
 *
 * What is inlined: plain functions (no arrow, class constructor, accessor,
 * own context, `arguments`, rest parameters, `this` of a sloppy function,
 * exception handler) of at most INLINE_MAX_BYTECODE bytes, at most
 * INLINE_MAX_DEPTH frames deep; a recursive call is inlined once (one
 * unrolling of the recursion, which halves the calls left).
 *
 * A generic stub runs its bytecode in the frame of the function being
 * compiled, so an inlined body may keep only stubs whose bytecode names no
 * register (a global load, a closure that is not an arrow, a literal): they
 * need the inlined function's constants and feedback, which the stub takes
 * from the inline site of its position, and the frame gives its own
 * receiver and context back afterwards (rt_stub_bytecode).
 *
 * Every copied node's position gets a new inline site (ir.h), so that the
 * backend knows which function's bytecode a node came from and which call
 * in the outermost function it stands under.
 */
#include "pass.h"
#include "ir/ir_build.h"

#include <stdlib.h>
#include <string.h>

#define INLINE_MAX_BYTECODE 600       /* reef's bytecode is wider than V8's (460 there) */
#define INLINE_MAX_DEPTH 3        /* frames, the outermost function included */
#define INLINE_MAX_RECURSION 1    /* a recursive call is unrolled once: half the calls remain */
#define INLINE_MAX_GROWTH 3000    /* nodes added per function */

static uint32_t frame_depth(const Graph *g, NodeId fs) {
    uint32_t d = 0;
    for (; fs && ir_is_live(g, fs) && ir_op(g, fs) == IR_FrameState && d < 64; fs = ir_fs(g, fs)) d++;
    return d;
}

/* How many of the frames at fs (the call's, then its callers') run bf. */
static uint32_t in_frames(const Graph *g, NodeId fs, const BytecodeFunction *bf) {
    uint32_t k = 0;
    for (uint32_t d = 0; fs && ir_op(g, fs) == IR_FrameState && d < 64; fs = ir_fs(g, fs), d++)
        k += ir_node(g, fs)->aux.fs.fn == bf;
    return k;
}

/* The bytecode itself must not need the caller's frame to be its own. */
static bool plain_bytecode(const BytecodeFunction *bf) {
    const uint32_t bad_flags = BFF_ARROW | BFF_CLASS_CTOR | BFF_DERIVED_CTOR | BFF_NEEDS_CONTEXT | BFF_GETTER |
                               BFF_SETTER | BFF_TOPLEVEL | BFF_CLASS_FIELDS_INIT;
    if (!bf || !bf->code || bf->code_len == 0 || bf->code_len > INLINE_MAX_BYTECODE) return false;
    if ((bf->flags & bad_flags) || bf->handler_count) return false;
    for (uint32_t pc = 0; pc < bf->code_len;) {
        uint8_t op = bf->code[pc];
        if (op >= BC__COUNT) return false;
        switch (op) {
        case BC_CreateArguments: case BC_CreateRestParameter:
        case BC_GetSuperProperty: case BC_SetSuperProperty:
            return false;
        case BC_LdaThis:
            if (!(bf->flags & BFF_STRICT)) return false;   /* the receiver would need coercing */
            break;
        default: break;
        }
        pc += (uint32_t)rt_bytecode_length((Bytecode)op);
    }
    return true;
}

/* A stub whose bytecode reads nothing of its frame but the accumulator and
 * the context the stub is given (not its registers, closure, receiver or
 * new.target). */
static bool frameless_stub(const Graph *c, NodeId n) {
    const IrNode *x = ir_node(c, n);
    uint32_t stub = x->aux.stub.stub;
    if ((stub != IR_STUB_Bytecode && stub != IR_STUB_CreateClosure) || !c->fn || x->aux.stub.bc_offset >= c->fn->code_len)
        return false;
    const uint8_t *insn = c->fn->code + x->aux.stub.bc_offset;
    switch (insn[0]) {
    case BC_CreateClosure: {
        /* an arrow takes its home object from the frame's function: the
         * caller's, in the caller's frame */
        uint32_t k = rt_bc_u16(insn + 1);
        return k < c->fn->function_count && !(c->fn->functions[k]->flags & BFF_ARROW);
    }
    case BC_LdaGlobal: case BC_LdaGlobalTypeof: case BC_StaGlobal: case BC_CreateObject:
    case BC_AddSmi: case BC_SubSmi: case BC_Inc: case BC_Dec: case BC_Negate: case BC_BitwiseNot:
    case BC_ToNumeric: case BC_ToString: case BC_ToPropertyKey: case BC_LogicalNot: case BC_TypeOf:
    case BC_TestNullish: case BC_TestUndefined: case BC_ThrowTypeError:
        return true;
    default:
        return false;
    }
}

static bool graph_inlinable(const Graph *c) {
    uint32_t returns = 0;
    for (NodeId n = 1; n < c->node_count; n++) {
        if (!ir_is_live(c, n)) continue;
        IrOp op = ir_op(c, n);
        if (op == IR_CallRuntime && !frameless_stub(c, n)) return false;
        /* optimized code throws by resuming the interpreter at the Throw:
         * the frame it resumes is the outermost one */
        if (op == IR_Throw) return false;
        if (op == IR_FrameState && ir_nfs(c, n)) return false;
        returns += op == IR_Return;
    }
    return returns > 0;
}

/* The caller-side value a callee Parameter stands for. */
static NodeId parameter_value(Graph *g, NodeId call, JSFunction *target, int32_t which) {
    uint32_t nargs = ir_nval(g, call) - 2;
    switch (which) {
    case IR_PARAM_THIS: return ir_val(g, call, 1);
    case IR_PARAM_CLOSURE: return ir_constant(g, rt_ptr(target));
    case IR_PARAM_CONTEXT: return ir_constant(g, rt_ptr(target->context));
    case IR_PARAM_NEW_TARGET: return ir_constant(g, RT_UNDEFINED);
    case IR_PARAM_ARGC: return ir_constant(g, rt_int((int32_t)nargs));
    default:
        if (which >= 0 && (uint32_t)which < nargs) return ir_val(g, call, 2 + (uint32_t)which);
        return ir_constant(g, RT_UNDEFINED);
    }
}

/* Copies callee graph c into g in place of call; returns nodes added. */
static uint32_t splice(Graph *g, NodeId call, JSFunction *target, Graph *c, uint32_t site) {
    uint32_t before = g->node_count;
    NodeId h = ir_ctl0(g, call), eff = ir_eff0(g, call), outer = ir_fs(g, call);
    NodeId *map = ir_xcalloc(c->node_count, sizeof(NodeId));
    /* 1. Nodes (inputs wired in 2). */
    for (NodeId n = 1; n < c->node_count; n++) {
        if (!ir_is_live(c, n) || n == c->start || n == c->end) continue;
        IrOp op = ir_op(c, n);
        const IrNode *x = ir_node(c, n);
        if (op == IR_Parameter) { map[n] = parameter_value(g, call, target, x->aux.i32); continue; }
        if (op == IR_Return) continue;
        if (op == IR_Dead) { map[n] = ir_dead(g); continue; }
        uint32_t nfs = x->nfs + (op == IR_FrameState ? 1 : 0);
        uint32_t nin = x->in_count + (nfs - x->nfs);
        uint32_t nval = x->in_count - x->nctl - x->neff - x->nfs;
        NodeId *in = ir_xmalloc((nin ? nin : 1) * sizeof(NodeId));
        for (uint32_t i = 0; i < nin; i++) in[i] = g->start;
        NodeId m = ir_node_new(g, op, x->nctl, x->neff, nval, nfs, in);
        free(in);
        IrNode *y = ir_node(g, m);
        y->repr = x->repr;
        y->aux = x->aux;
        y->bc_offset = IR_POS(site, x->bc_offset);
        if (ir_op_info[op].aux == A_SHAPES)
            y->aux.shapes = ir_shape_set_add(g, c->shape_sets[x->aux.shapes].shapes, c->shape_sets[x->aux.shapes].count);
        *ir_type(g, m) = *ir_type(c, n);
        map[n] = m;
    }
    /* 2. Inputs: Start is the call's control and effect; FrameStates get the call's as outer. */
    for (NodeId n = 1; n < c->node_count; n++) {
        NodeId m = map[n];
        if (!m || m < before || !ir_is_live(c, n) || ir_op(c, n) == IR_Parameter) continue;
        for (uint32_t i = 0; i < ir_in_count(c, n); i++) {
            NodeId v = ir_in(c, n, i);
            NodeId w;
            if (v == c->start) w = ir_slot_kind(c, n, i) == IR_SLOT_EFF ? eff : h;
            else w = map[v];
            ir_set_input(g, m, i, w);
        }
        if (ir_op(c, n) == IR_FrameState) ir_set_input(g, m, ir_in_count(g, m) - 1, outer);
    }
    /* 3. Returns meet; terminators join End. */
    uint32_t nret = 0;
    NodeId *rc = ir_xmalloc(ir_nctl(c, c->end) * sizeof(NodeId) + sizeof(NodeId));
    NodeId *re = ir_xmalloc(ir_nctl(c, c->end) * sizeof(NodeId) + sizeof(NodeId));
    NodeId *rv = ir_xmalloc(ir_nctl(c, c->end) * sizeof(NodeId) + sizeof(NodeId));
    for (uint32_t i = 0; i < ir_nctl(c, c->end); i++) {
        NodeId t = ir_ctl(c, c->end, i);
        if (ir_op(c, t) == IR_Return) {
            NodeId tc = ir_ctl(c, t, 0), te = ir_eff(c, t, 0);
            rc[nret] = tc == c->start ? h : map[tc];
            re[nret] = te == c->start ? eff : map[te];
            rv[nret] = map[ir_val(c, t, 0)];
            nret++;
        } else {
            ir_add_input(g, g->end, map[t]);
        }
    }
    NodeId nctl = rc[0], neff = re[0], nval = rv[0];
    if (nret > 1) {
        nctl = ir_newv(g, IR_Region, rc, nret);
        NodeId *in = ir_xmalloc((nret + 1) * sizeof(NodeId));
        in[0] = nctl;
        memcpy(in + 1, re, nret * sizeof(NodeId));
        neff = ir_node_new(g, IR_EffectPhi, 1, nret, 0, 0, in);
        memcpy(in + 1, rv, nret * sizeof(NodeId));
        nval = ir_node_new(g, IR_Phi, 1, 0, nret, 0, in);
        free(in);
        for (NodeId n2 = nctl; n2 <= nval; n2++) ir_node(g, n2)->bc_offset = ir_node(g, call)->bc_offset;
        ir_type_update(g, nval);
    }
    free(rc);
    free(re);
    free(rv);
    free(map);
    /* 4. Split the caller's block at the call: what came after it in
     * block h (effects pinned there, the block's end) now follows nctl. */
    if (nctl != h) {
        uint32_t cnt;
        NodeId *u = ir_uses_copy(g, h, &cnt);
        for (uint32_t i = 0; i < cnt; i++) {
            NodeId s = u[i];
            if (s >= before || !ir_is_live(g, s) || !ir_has(g, s, P_CTRL)) continue;
            for (uint32_t k = 0; k < ir_nctl(g, s); k++)
                if (ir_ctl(g, s, k) == h) ir_set_input(g, s, k, nctl);
        }
        free(u);
        NodeId e = call;
        for (;;) {
            NodeId next = IR_NONE;
            const NodeId *eu = ir_uses(g, e);
            for (uint32_t i = 0; i < ir_use_count(g, e) && !next; i++) {
                NodeId s = eu[i];
                if (s < before && ir_is_live(g, s) && ir_ctl0(g, s) == h && ir_has(g, s, P_EFF) &&
                    ir_op(g, s) != IR_EffectPhi && ir_eff0(g, s) == e)
                    next = s;
            }
            if (!next) break;
            ir_set_input(g, next, 0, nctl);
            e = next;
        }
    }
    ir_replace_by_kind(g, call, IR_NONE, neff, nval);
    ir_kill(g, call);
    return g->node_count - before;
}

bool pass_inline(Graph *g, PassContext *ctx) {
    if (!ctx->rt) return false;
    uint32_t added = 0, inlined = 0;
    for (NodeId n = 1; n < g->node_count && added < INLINE_MAX_GROWTH; n++) {
        if (!ir_is_live(g, n) || ir_op(g, n) != IR_CallKnown) continue;
        ctx->visits++;
        Value t = ir_node(g, n)->aux.value;
        if (!rt_is_ptr(t)) continue;
        JSObject *o = rt_as_ptr(t);
        if (!o || o->cls != CLS_FUNCTION) continue;
        JSFunction *f = (JSFunction *)o;
        BytecodeFunction *bf = f->bc;
        NodeId fs = ir_fs(g, n);
        if (!plain_bytecode(bf) || !f->context || frame_depth(g, fs) >= INLINE_MAX_DEPTH ||
            in_frames(g, fs, bf) > INLINE_MAX_RECURSION)
            continue;
        IrBailout why;
        uint32_t where;
        Graph *c = ir_build_graph(ctx->rt, bf, "inlinee", &why, &where);
        if (!c) continue;
        if (graph_inlinable(c)) {
            uint32_t site = ir_site_add(g, bf, ir_node(g, n)->bc_offset);
            if (!site) { ir_graph_free(c); break; }
            added += splice(g, n, f, c, site);
            inlined++;
        }
        ir_graph_free(c);
    }
    ctx->changes += inlined;
    return inlined > 0;
}
