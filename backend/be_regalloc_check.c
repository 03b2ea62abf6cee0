/* be_regalloc_check.c — an independent check of a register assignment.
 *
 * Abstract interpretation of the allocated LIR: for every location (16 GPRs,
 * 16 XMMs, the spill slots) track which virtual register it holds, forward
 * over the blocks to a fixed point, meeting at joins (a location holds v
 * after a join only if it holds v on every incoming edge). Every use must
 * then find its vreg in the location its operand names. Inserted moves
 * carry the vreg they read and the vreg they write (different for a phi),
 * so the check does not trust the allocator's own bookkeeping. The idea is
 * that of the checker in Cranelift's register allocators and of CompCert's
 * translation validation of allocation (Rideau & Leroy, CC 2010).
 */
#include <stdlib.h>
#include <string.h>
#include "be_regalloc.h"

enum { UNKNOWN = -1, CONFLICT = -2 };

static int32_t loc_index(const BeOperand *o) {
    if (o->kind == BE_OK_PREG) return o->reg;
    if (o->kind == BE_OK_SLOT) return 32 + o->reg;
    return -1;
}

static void loc_name(char *buf, size_t n, int32_t li) {
    if (li < 32) snprintf(buf, n, "%s", be_reg_info[li].name64);
    else snprintf(buf, n, "s%d", li - 32);
}

static bool transfer(BeLirFn *fn, const BeInstr *ins, int32_t *st, int32_t nloc, bool check,
                     char *err, size_t errlen) {
    char a[16], b[48];
    for (uint32_t j = 0; j < ins->nops; j++) {
        const BeOperand *o = be_lir_op(fn, ins, j);
        if (o->kind == BE_OK_VREG) {
            if (check) snprintf(err, errlen, "at %d: v%d was never given a location", ins->id, o->vreg);
            if (check) return false;
            continue;
        }
        if (o->role != BE_ROLE_USE || o->vreg < 0) continue;
        int32_t li = loc_index(o);
        if (li < 0 || li >= nloc) continue;
        if (check && st[li] != o->vreg) {
            loc_name(a, sizeof a, li);
            if (st[li] >= 0) snprintf(b, sizeof b, "v%d", st[li]);
            else snprintf(b, sizeof b, "%s", st[li] == CONFLICT ? "different values on different paths" : "nothing known");
            snprintf(err, errlen, "at %d (%s): v%d expected in %s, which holds %s", ins->id,
                     be_op_info[ins->op].name, o->vreg, a, b);
            return false;
        }
    }
    if (be_op_info[ins->op].flags & BE_OPF_CALL)
        for (int r = 0; r < BE_NREGS; r++)
            if (!be_reg_info[r].callee_saved) st[r] = UNKNOWN;
    for (uint32_t j = 0; j < ins->nops; j++) {
        const BeOperand *o = be_lir_op(fn, ins, j);
        if (o->role != BE_ROLE_DEF && o->role != BE_ROLE_TEMP) continue;
        int32_t li = loc_index(o);
        if (li < 0 || li >= nloc) continue;
        st[li] = o->role == BE_ROLE_DEF && o->vreg >= 0 ? o->vreg : UNKNOWN;
    }
    /* scratch registers never carry a value across instructions */
    if (!(ins->iflags & BE_IF_ALLOC)) { st[BE_SCRATCH_GPR] = UNKNOWN; st[BE_SCRATCH_XMM] = UNKNOWN; }
    return true;
}

bool be_regalloc_check(BeLirFn *fn, char *err, size_t errlen) {
    int32_t nloc = 32 + fn->nslots;
    size_t nb = (size_t)fn->nblocks;
    int32_t *out = malloc(sizeof(int32_t) * nb * (size_t)nloc + 1);
    uint8_t *seen = calloc(nb + 1, 1);
    int32_t *st = malloc(sizeof(int32_t) * (size_t)nloc + 1);
    if (!out || !seen || !st) abort();
    bool ok = true;
    for (int pass = 0; ok; pass++) {
        bool changed = false;
        for (int32_t oi = 0; oi < fn->norder; oi++) {
            BeBlock *b = &fn->blocks[fn->order[oi]];
            bool first = true;
            for (int32_t k = 0; k < nloc; k++) st[k] = UNKNOWN;
            for (int32_t p = 0; p < b->npreds; p++) {
                int32_t pi = b->preds[p];
                if (!seen[pi]) continue;
                int32_t *po = out + (size_t)pi * (size_t)nloc;
                for (int32_t k = 0; k < nloc; k++)
                    st[k] = first ? po[k] : (st[k] == po[k] ? st[k] : CONFLICT);
                first = false;
            }
            for (uint32_t i = 0; i < b->nins; i++)
                transfer(fn, &b->ins[i], st, nloc, false, err, errlen);
            int32_t *bo = out + (size_t)b->id * (size_t)nloc;
            if (!seen[b->id] || memcmp(bo, st, sizeof(int32_t) * (size_t)nloc)) changed = true;
            memcpy(bo, st, sizeof(int32_t) * (size_t)nloc);
            seen[b->id] = 1;
        }
        if (!changed || pass > 4 * fn->norder + 8) break;
    }
    /* the fixed point is reached: now check every use */
    for (int32_t oi = 0; oi < fn->norder && ok; oi++) {
        BeBlock *b = &fn->blocks[fn->order[oi]];
        bool first = true;
        for (int32_t k = 0; k < nloc; k++) st[k] = UNKNOWN;
        for (int32_t p = 0; p < b->npreds; p++) {
            int32_t *po = out + (size_t)b->preds[p] * (size_t)nloc;
            if (!seen[b->preds[p]]) continue;
            for (int32_t k = 0; k < nloc; k++)
                st[k] = first ? po[k] : (st[k] == po[k] ? st[k] : CONFLICT);
            first = false;
        }
        for (uint32_t i = 0; i < b->nins && ok; i++)
            ok = transfer(fn, &b->ins[i], st, nloc, true, err, errlen);
    }
    free(out);
    free(seen);
    free(st);
    return ok;
}
