/* ir_verify.c — the graph verifier: every structural invariant the passes
 * and the backend rely on, checked after each pass under --verify-each (and
 * always in tests). It never stops at the first problem: it returns one
 * readable message per violation, naming the node, its opcode and what is
 * wrong, so that a broken pass is found from the message alone.
 *
 * Checked: input counts against ops.def; inputs alive; use/def symmetry;
 * input kinds (control slots hold control nodes, effect slots effect
 * producers, value slots values of the representation ops.def asks,
 * FrameState slots FrameStates); Phi/EffectPhi arity against their
 * Region/Loop; If has exactly one IfTrue and one IfFalse; End collects only
 * terminators; deoptimizing nodes carry a FrameState; control nodes lead
 * somewhere; types stay within what their opcode guarantees.
 */
#include "ir.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ERRORS 200

void ir_errors_add(IrErrors *e, const char *fmt, ...) {
    if (e->count >= MAX_ERRORS) return;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (e->count == e->cap) {
        e->cap = e->cap ? e->cap * 2 : 8;
        e->msg = ir_xrealloc(e->msg, e->cap * sizeof(char *));
    }
    size_t len = strlen(buf) + 1;
    e->msg[e->count] = ir_xmalloc(len);
    memcpy(e->msg[e->count], buf, len);
    e->count++;
}

void ir_errors_print(FILE *f, const IrErrors *e) {
    for (uint32_t i = 0; i < e->count; i++) fprintf(f, "verify: %s\n", e->msg[i]);
}

void ir_errors_free(IrErrors *e) {
    for (uint32_t i = 0; i < e->count; i++) free(e->msg[i]);
    free(e->msg);
    e->msg = NULL;
    e->count = e->cap = 0;
}

#define ERR(n, fmt, ...) \
    ir_errors_add(errs, "n%u %s: " fmt, (n), ir_op_name(ir_op(g, (n))), ##__VA_ARGS__)

static const char *slot_name(IrSlotKind k) {
    static const char *const names[] = {"control", "effect", "value", "frame-state"};
    return names[k];
}

static bool repr_ok(char want, IrRepr have) {
    switch (want) {
    case 't': return have == R_TAGGED;
    case 'i': return have == R_INT32 || have == R_BIT;
    case 'b': return have == R_BIT || have == R_INT32;
    case 'f': return have == R_FLOAT64;
    case 'a': return have != R_NONE && have != R_STATE;
    default: return false;
    }
}

static void check_counts(const Graph *g, NodeId n, IrErrors *errs) {
    const IrNode *x = ir_node(g, n);
    const IrOpInfo *info = &ir_op_info[x->op];
    if (info->ctl != IR_VARIADIC && x->nctl != info->ctl)
        ERR(n, "has %u control inputs, expected %u", x->nctl, info->ctl);
    if (info->ctl == IR_VARIADIC && x->nctl == 0 && x->op != IR_End)
        ERR(n, "has no control inputs");
    if (info->eff != IR_VARIADIC && x->neff != info->eff)
        ERR(n, "has %u effect inputs, expected %u", x->neff, info->eff);
    if (info->eff == IR_VARIADIC && x->neff == 0)
        ERR(n, "has no effect inputs");
    if ((uint32_t)x->nctl + x->neff + x->nfs > x->in_count) {
        ERR(n, "input counts exceed its %u inputs", x->in_count);
        return;
    }
    uint32_t nval = ir_nval(g, n), min = ir_op_min_values((IrOp)x->op);
    if (ir_op_values_variadic((IrOp)x->op) ? nval < min : nval != min)
        ERR(n, "has %u value inputs, expected %s%u", nval,
            ir_op_values_variadic((IrOp)x->op) ? "at least " : "", min);
    if (info->fs == 1 && x->nfs != 1) {
        if (info->props & P_DEOPT) ERR(n, "can deoptimize but has no FrameState");
        else ERR(n, "has no FrameState");
    }
    if (info->fs == 0 && x->nfs != 0) ERR(n, "has a FrameState input but takes none");
}

static void check_inputs(const Graph *g, NodeId n, IrErrors *errs) {
    const IrNode *x = ir_node(g, n);
    IrOp op = (IrOp)x->op;
    for (uint32_t i = 0; i < x->in_count; i++) {
        NodeId in = ir_in(g, n, i);
        IrSlotKind k = ir_slot_kind(g, n, i);
        if (!ir_is_live(g, in)) {
            ERR(n, "%s input %u is %s", slot_name(k), i, in == IR_NONE ? "missing" : "a dead node");
            continue;
        }
        IrOp iop = ir_op(g, in);
        if (iop == IR_Dead) {
            ERR(n, "%s input %u is Dead (n%u)", slot_name(k), i, in);
            continue;
        }
        switch (k) {
        case IR_SLOT_CTL:
            if (!ir_has(g, in, P_CTRL) || iop == IR_End) {
                ERR(n, "control input %u (n%u %s) is not a control node", i, in, ir_op_name(iop));
            } else if (op == IR_End) {
                if (!ir_has(g, in, P_TERM)) ERR(n, "input n%u %s is not a terminator", in, ir_op_name(iop));
            } else if (ir_has(g, in, P_TERM)) {
                ERR(n, "control input n%u %s ends its path and leads nowhere but End", in, ir_op_name(iop));
            } else if (iop == IR_If && op != IR_IfTrue && op != IR_IfFalse) {
                ERR(n, "control input n%u is an If; only IfTrue/IfFalse may follow an If", in);
            } else if ((op == IR_IfTrue || op == IR_IfFalse) && iop != IR_If) {
                ERR(n, "control input n%u %s is not an If", in, ir_op_name(iop));
            } else if ((op == IR_Phi || op == IR_EffectPhi) && iop != IR_Region && iop != IR_Loop) {
                ERR(n, "control input n%u %s is not a Region or Loop", in, ir_op_name(iop));
            } else if (op == IR_Parameter && iop != IR_Start) {
                ERR(n, "control input n%u is not Start", in);
            }
            break;
        case IR_SLOT_EFF:
            if (!ir_has(g, in, P_EFF))
                ERR(n, "effect input %u (n%u %s) produces no effect", i, in, ir_op_name(iop));
            break;
        case IR_SLOT_VAL: {
            uint32_t vi = i - x->nctl - x->neff;
            char want = ir_op_value_repr(op, vi);
            IrRepr have = (IrRepr)ir_node(g, in)->repr;
            if (!ir_produces_value(g, in))
                ERR(n, "value input %u (n%u %s) produces no value", vi, in, ir_op_name(iop));
            else if (want && !repr_ok(want, have))
                ERR(n, "value input %u (n%u %s) is %s, expected %s", vi, in, ir_op_name(iop),
                    ir_repr_name(have),
                    want == 't' ? "tagged" : want == 'i' ? "int32" : want == 'f' ? "float64" : "bit");
            break;
        }
        case IR_SLOT_FS:
            if (iop != IR_FrameState)
                ERR(n, "frame-state input (n%u %s) is not a FrameState", in, ir_op_name(iop));
            break;
        }
    }
}

/* Each edge n -> in must appear in in's use list exactly as often as in n's inputs. */
static void check_uses(const Graph *g, NodeId n, IrErrors *errs) {
    const NodeId *u = ir_uses(g, n);
    uint32_t cnt = ir_use_count(g, n);
    for (uint32_t i = 0; i < cnt; i++) {
        NodeId user = u[i];
        bool first = true;
        for (uint32_t j = 0; j < i; j++) first &= u[j] != user;
        if (!first) continue;
        if (!ir_is_live(g, user)) {
            ERR(n, "use list holds n%u, which is dead", user);
            continue;
        }
        uint32_t in_uses = 0, in_inputs = 0;
        for (uint32_t j = 0; j < cnt; j++) in_uses += u[j] == user;
        for (uint32_t j = 0; j < ir_in_count(g, user); j++) in_inputs += ir_in(g, user, j) == n;
        if (in_uses != in_inputs)
            ERR(n, "use list holds n%u %u times but n%u has it as input %u times", user, in_uses, user,
                in_inputs);
    }
    for (uint32_t j = 0; j < ir_in_count(g, n); j++) {
        NodeId in = ir_in(g, n, j);
        if (!ir_is_live(g, in)) continue;
        bool found = false;
        const NodeId *iu = ir_uses(g, in);
        for (uint32_t k = 0; k < ir_use_count(g, in) && !found; k++) found = iu[k] == n;
        if (!found) ERR(n, "input %u (n%u) does not list n%u among its uses", j, in, n);
    }
}

static void check_shape(const Graph *g, NodeId n, IrErrors *errs) {
    IrOp op = ir_op(g, n);
    if (op == IR_Phi || op == IR_EffectPhi) {
        NodeId r = ir_ctl0(g, n);
        if (ir_is_live(g, r) && (ir_op(g, r) == IR_Region || ir_op(g, r) == IR_Loop)) {
            uint32_t have = op == IR_Phi ? ir_nval(g, n) : ir_neff(g, n);
            if (have != ir_nctl(g, r))
                ERR(n, "has %u inputs but its %s n%u has %u", have, ir_op_name(ir_op(g, r)), r, ir_nctl(g, r));
        }
    }
    if (op == IR_If) {
        uint32_t t = 0, f = 0, other = 0;
        const NodeId *u = ir_uses(g, n);
        for (uint32_t i = 0; i < ir_use_count(g, n); i++) {
            IrOp uo = ir_op(g, u[i]);
            if (uo == IR_IfTrue) t++;
            else if (uo == IR_IfFalse) f++;
            else other++;
        }
        if (t != 1 || f != 1 || other)
            ERR(n, "has %u IfTrue, %u IfFalse and %u other uses (expected exactly one IfTrue and one IfFalse)",
                t, f, other);
    }
    if (op == IR_Start && n != g->start) ERR(n, "second Start (the graph's is n%u)", g->start);
    if (op == IR_End && n != g->end) ERR(n, "second End (the graph's is n%u)", g->end);
    /* A control node that is not a terminator must lead somewhere. */
    if (ir_has(g, n, P_CTRL) && !ir_has(g, n, P_TERM) && op != IR_End && op != IR_Dead) {
        bool leads = false;
        const NodeId *u = ir_uses(g, n);
        for (uint32_t i = 0; i < ir_use_count(g, n) && !leads; i++) {
            NodeId s = u[i];
            for (uint32_t j = 0; j < ir_nctl(g, s) && !leads; j++)
                leads = ir_ctl(g, s, j) == n && ir_has(g, s, P_CTRL);
        }
        if (!leads) ERR(n, "control node has no control successor");
    }
    if (ir_has(g, n, P_DEOPT) && ir_nfs(g, n) == 1) {
        NodeId fs = ir_fs(g, n);
        if (ir_is_live(g, fs) && ir_op(g, fs) == IR_FrameState && ir_node(g, fs)->aux.fs.fn == NULL && g->fn)
            ERR(n, "FrameState n%u names no function", fs);
    }
    /* Types stay within what the opcode guarantees. */
    if (ir_produces_value(g, n) && op != IR_Dead) {
        IrType bound = ir_type_bound(g, n);
        if (!ir_type_is(ir_type(g, n), &bound)) {
            char a[200], b[200];
            ERR(n, "type %s is not within its opcode's bound %s", ir_type_print(ir_type(g, n), a, sizeof a),
                ir_type_print(&bound, b, sizeof b));
        }
    }
}

uint32_t ir_verify(const Graph *g, IrErrors *errs) {
    uint32_t before = errs->count;
    if (!ir_is_live(g, g->start) || ir_op(g, g->start) != IR_Start)
        ir_errors_add(errs, "graph has no Start node");
    if (!ir_is_live(g, g->end) || ir_op(g, g->end) != IR_End)
        ir_errors_add(errs, "graph has no End node");
    else if (ir_nctl(g, g->end) == 0)
        ir_errors_add(errs, "n%u End: no Return, Throw or Deoptimize reaches it", g->end);
    for (NodeId n = 1; n < g->node_count; n++) {
        if (!ir_is_live(g, n)) continue;
        if (ir_node(g, n)->op >= IR__COUNT) {
            ir_errors_add(errs, "n%u has an invalid opcode %u", n, ir_node(g, n)->op);
            continue;
        }
        check_counts(g, n, errs);
        check_inputs(g, n, errs);
        check_uses(g, n, errs);
        check_shape(g, n, errs);
    }
    return errs->count - before;
}
