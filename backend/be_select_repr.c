/* be_select_repr.c — representation selection for phis, the step between
 * the pass pipeline and scheduling.
 *
 * The graph builder keeps every interpreter register tagged, so a loop
 * variable is a tagged phi fed by ChangeInt32ToTagged(Int32AddOverflow(...))
 * and consumed by CheckInt32: without this step each iteration would box
 * and unbox it. Following the idea of V8's representation selection (and
 * of "unboxing" in general), a phi whose every input is an int32 value in
 * disguise (a ChangeInt32ToTagged, a small-integer constant, another such
 * phi) becomes an int32 phi; a phi whose inputs are all numbers becomes a
 * float64 phi. Uses that wanted the unboxed value (CheckInt32, CheckNumber,
 * ChangeTaggedTo*) take it directly, and the checks disappear; uses that
 * need a tagged value get one conversion node, which the scheduler places
 * where it is needed (often out of the loop, or only on the exit path).
 * FrameStates take int32 and float64 values as they are: the deopt table
 * records their representation.
 */
#include <stdlib.h>
#include <string.h>
#include "be_select.h"

static bool is_cand_phi(const Graph *g, NodeId x, const uint8_t *cand) {
    return ir_op(g, x) == IR_Phi && cand[x];
}

static bool int_input(const Graph *g, NodeId x, const uint8_t *cand) {
    IrOp op = ir_op(g, x);
    if (op == IR_ChangeInt32ToTagged) return true;
    if (op == IR_Constant) return rt_is_int(ir_node(g, x)->aux.value);
    return is_cand_phi(g, x, cand);
}

static bool num_input(const Graph *g, NodeId x, const uint8_t *cand) {
    IrOp op = ir_op(g, x);
    if (op == IR_ChangeInt32ToTagged || op == IR_ChangeFloat64ToTagged) return true;
    if (op == IR_Constant) return rt_is_number(ir_node(g, x)->aux.value);
    if (op == IR_Phi && ir_node(g, x)->repr == R_INT32) return true;
    return is_cand_phi(g, x, cand);
}

/* Whether some use wants the number rather than the tagged value. */
static bool wanted_unboxed(const Graph *g, NodeId phi, bool f64) {
    const NodeId *u = ir_uses(g, phi);
    for (uint32_t k = 0; k < ir_use_count(g, phi); k++) {
        IrOp op = ir_op(g, u[k]);
        if (op == IR_CheckNumber || op == IR_ChangeTaggedToFloat64) return true;
        if (!f64 && (op == IR_CheckInt32 || op == IR_ChangeTaggedToInt32)) return true;
        if (op == IR_Phi && u[k] != phi) return true;
    }
    return false;
}

static NodeId new_pure(Graph *g, IrOp op, NodeId a, uint32_t bc) {
    NodeId n = IR_NEW(g, op, a);
    ir_node(g, n)->bc_offset = bc;
    ir_type_update(g, n);
    return n;
}

/* A check or change on the phi is replaced by `with` (leaving the effect chain). */
static void replace_use(Graph *g, NodeId user, NodeId with) {
    if (ir_has(g, user, P_EFF)) ir_replace_by_kind(g, user, IR_NONE, ir_eff0(g, user), with);
    else ir_replace_uses(g, user, with);
    if (ir_use_count(g, user) == 0) ir_kill_if_unused(g, user);
}

static void convert(Graph *g, NodeId phi, bool f64, const uint8_t *cand) {
    uint32_t bc = ir_node(g, phi)->bc_offset;
    /* inputs */
    for (uint32_t i = 0; i < ir_nval(g, phi); i++) {
        NodeId x = ir_val(g, phi, i), y = IR_NONE;
        IrOp op = ir_op(g, x);
        if (is_cand_phi(g, x, cand)) continue;
        if (!f64) {
            if (op == IR_ChangeInt32ToTagged) y = ir_val(g, x, 0);
            else y = ir_int32(g, rt_as_int(ir_node(g, x)->aux.value));
        } else {
            if (op == IR_ChangeFloat64ToTagged) y = ir_val(g, x, 0);
            else if (op == IR_ChangeInt32ToTagged) y = new_pure(g, IR_ChangeInt32ToFloat64, ir_val(g, x, 0), bc);
            else if (op == IR_Constant) y = ir_float64(g, rt_to_double_unchecked(ir_node(g, x)->aux.value));
            else y = new_pure(g, IR_ChangeInt32ToFloat64, x, bc);   /* an int32 phi */
        }
        ir_set_input(g, phi, 1 + i, y);
        ir_kill_if_unused(g, x);
    }
    /* uses */
    uint32_t nu;
    NodeId *users = ir_uses_copy(g, phi, &nu);
    NodeId boxed = IR_NONE;
    for (uint32_t k = 0; k < nu; k++) {
        NodeId u = users[k];
        if (!ir_is_live(g, u)) continue;
        IrOp op = ir_op(g, u);
        if (op == IR_FrameState || (op == IR_Phi && cand[u] && u != phi)) continue;
        if (u == phi) continue;
        if (!f64 && (op == IR_CheckInt32 || op == IR_ChangeTaggedToInt32)) { replace_use(g, u, phi); continue; }
        if (!f64 && (op == IR_CheckNumber || op == IR_ChangeTaggedToFloat64)) {
            replace_use(g, u, new_pure(g, IR_ChangeInt32ToFloat64, phi, bc));
            continue;
        }
        if (f64 && (op == IR_CheckNumber || op == IR_ChangeTaggedToFloat64)) { replace_use(g, u, phi); continue; }
        if (op == IR_Phi && ir_node(g, u)->repr != R_TAGGED) continue;   /* handled as its input */
        if (!boxed) boxed = new_pure(g, f64 ? IR_ChangeFloat64ToTagged : IR_ChangeInt32ToTagged, phi, bc);
        for (uint32_t i = 0; i < ir_in_count(g, u); i++)
            if (ir_in(g, u, i) == phi) ir_set_input(g, u, i, boxed);
    }
    free(users);
}

static uint32_t select_kind(Graph *g, bool f64) {
    uint32_t n = g->node_count;
    uint8_t *cand = calloc(n, 1);
    if (!cand) abort();
    uint32_t count = 0;
    for (NodeId x = 1; x < n; x++)
        if (ir_is_live(g, x) && ir_op(g, x) == IR_Phi && ir_node(g, x)->repr == R_TAGGED && ir_nval(g, x) > 0) {
            cand[x] = 1;
            count++;
        }
    bool changed = true;
    while (changed && count) {
        changed = false;
        for (NodeId x = 1; x < n; x++) {
            if (!cand[x]) continue;
            bool ok = true;
            for (uint32_t i = 0; i < ir_nval(g, x) && ok; i++)
                ok = f64 ? num_input(g, ir_val(g, x, i), cand) : int_input(g, ir_val(g, x, i), cand);
            if (!ok) { cand[x] = 0; count--; changed = true; }
        }
    }
    /* Keep only phis some use wants unboxed, or that feed one that does. */
    changed = true;
    uint8_t *want = calloc(n, 1);
    if (!want) abort();
    for (NodeId x = 1; x < n; x++)
        if (cand[x] && wanted_unboxed(g, x, f64)) want[x] = 1;
    while (changed) {
        changed = false;
        for (NodeId x = 1; x < n; x++) {
            if (!cand[x] || want[x]) continue;
            const NodeId *u = ir_uses(g, x);
            for (uint32_t k = 0; k < ir_use_count(g, x); k++)
                if (cand[u[k]] && want[u[k]]) { want[x] = 1; changed = true; break; }
        }
    }
    uint32_t done = 0;
    for (NodeId x = 1; x < n; x++) {
        if (!cand[x]) continue;
        if (!want[x]) cand[x] = 0;
    }
    for (NodeId x = 1; x < n; x++)
        if (cand[x]) ir_node(g, x)->repr = f64 ? R_FLOAT64 : R_INT32;
    for (NodeId x = 1; x < n; x++)
        if (cand[x] && ir_is_live(g, x)) { convert(g, x, f64, cand); done++; }
    free(want);
    free(cand);
    return done;
}

/* A FrameState takes an int32, float64 or bit value as it is (the deopt
 * table records the representation and the deoptimizer boxes it exactly as
 * the Change*ToTagged would), so a conversion whose only uses are
 * FrameStates disappears: no boxing on the fast path for a value that only
 * a deopt would ever need. */
static void unbox_frame_states(Graph *g) {
    uint32_t n = g->node_count;
    for (NodeId x = 1; x < n; x++) {
        if (!ir_is_live(g, x)) continue;
        IrOp op = ir_op(g, x);
        if (op != IR_ChangeInt32ToTagged && op != IR_ChangeFloat64ToTagged && op != IR_ChangeBitToTagged) continue;
        NodeId v = ir_val(g, x, 0);
        IrRepr want = op == IR_ChangeInt32ToTagged ? R_INT32 : op == IR_ChangeFloat64ToTagged ? R_FLOAT64 : R_BIT;
        if (ir_node(g, v)->repr != want) continue;
        uint32_t nu;
        NodeId *users = ir_uses_copy(g, x, &nu);
        for (uint32_t k = 0; k < nu; k++) {
            NodeId u = users[k];
            if (!ir_is_live(g, u) || ir_op(g, u) != IR_FrameState) continue;
            for (uint32_t i = 0; i < ir_in_count(g, u); i++)
                if (ir_in(g, u, i) == x) ir_set_input(g, u, i, v);
        }
        free(users);
        if (ir_use_count(g, x) == 0) ir_kill_if_unused(g, x);
    }
}

uint32_t be_select_representations(Graph *g) {
    uint32_t n = select_kind(g, false);
    n += select_kind(g, true);
    unbox_frame_states(g);
    return n;
}
