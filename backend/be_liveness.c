/* be_liveness.c — liveness and live intervals for the linear-scan allocator.
 *
 * Liveness is the textbook backward data-flow problem over blocks, iterated
 * to a fixed point, so it needs no particular block order and is right for
 * loops of any shape (as in Wimmer & Mössenböck 2005; the SSA shortcut
 * of Wimmer & Franz 2010 needs a loop-contiguous order, which a scheduled
 * sea of nodes does not promise). A phi's inputs are live out of the
 * matching predecessor; its result is defined at the top of its block.
 * Intervals are then built in one backward walk over the blocks: a value
 * live out of a block covers the whole block, a definition shortens the
 * range to start at the defining instruction, a use extends it back to the
 * start of the block. The gaps in between are the lifetime holes.
 */
#include <stdlib.h>
#include <string.h>
#include "be_regalloc.h"

static void *xrealloc(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q) abort();
    return q;
}

/* ---- interval primitives ------------------------------------------------------ */
int32_t be_iv_new(BeRegAlloc *ra, int32_t vreg, int32_t fixed, uint8_t cls) {
    if (ra->niv == ra->capiv) {
        ra->capiv = ra->capiv ? ra->capiv * 2 : 64;
        ra->iv = xrealloc(ra->iv, sizeof *ra->iv * ra->capiv);
    }
    int32_t i = (int32_t)ra->niv++;
    ra->iv[i] = (BeInterval){.vreg = vreg, .fixed = fixed, .cls = cls, .reg = fixed,
                             .parent = i, .next = -1, .hint = -1, .hint_reg = -1, .slot = -1};
    return i;
}

void be_iv_add_range(BeInterval *it, int32_t from, int32_t to) {
    if (from >= to) return;
    uint32_t n = it->nranges, i = 0;
    while (i < n && it->ranges[i].to < from) i++;
    if (i == n || it->ranges[i].from > to) {
        if (n == it->capranges) {
            it->capranges = it->capranges ? it->capranges * 2 : 4;
            it->ranges = xrealloc(it->ranges, sizeof *it->ranges * it->capranges);
        }
        memmove(&it->ranges[i + 1], &it->ranges[i], sizeof *it->ranges * (n - i));
        it->ranges[i] = (BeRange){from, to};
        it->nranges++;
        return;
    }
    BeRange *r = &it->ranges[i];
    if (from < r->from) r->from = from;
    if (to > r->to) r->to = to;
    uint32_t j = i + 1;
    while (j < n && it->ranges[j].from <= r->to) {
        if (it->ranges[j].to > r->to) r->to = it->ranges[j].to;
        j++;
    }
    memmove(&it->ranges[i + 1], &it->ranges[j], sizeof *it->ranges * (n - j));
    it->nranges -= j - i - 1;
}

void be_iv_add_use(BeInterval *it, int32_t pos, uint8_t policy) {
    uint32_t n = it->nuses, i = 0;
    while (i < n && it->uses[i].pos < pos) i++;
    if (i < n && it->uses[i].pos == pos) {
        if (policy == BE_POL_REG) it->uses[i].policy = BE_POL_REG;
        return;
    }
    if (n == it->capuses) {
        it->capuses = it->capuses ? it->capuses * 2 : 4;
        it->uses = xrealloc(it->uses, sizeof *it->uses * it->capuses);
    }
    memmove(&it->uses[i + 1], &it->uses[i], sizeof *it->uses * (n - i));
    it->uses[i] = (BeUse){pos, policy};
    it->nuses++;
}

bool be_iv_covers(const BeInterval *it, int32_t pos) {
    uint32_t lo = 0, hi = it->nranges;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (it->ranges[mid].to <= pos) lo = mid + 1;
        else hi = mid;
    }
    return lo < it->nranges && it->ranges[lo].from <= pos;
}

/* A definition at pos: the value is live from pos (not from the block start). */
static void set_from(BeInterval *it, int32_t pos, bool live) {
    if (!live || it->nranges == 0) { be_iv_add_range(it, pos, pos + 1); return; }
    for (uint32_t i = 0; i < it->nranges; i++)
        if (it->ranges[i].from <= pos && pos < it->ranges[i].to) { it->ranges[i].from = pos; return; }
    be_iv_add_range(it, pos, pos + 1);
}

/* ---- context -------------------------------------------------------------------- */
BeRegAlloc *be_ra_new(BeLirFn *fn) {
    BeRegAlloc *ra = calloc(1, sizeof *ra);
    if (!ra) abort();
    ra->fn = fn;
    return ra;
}

void be_ra_free(BeRegAlloc *ra) {
    if (!ra) return;
    for (uint32_t i = 0; i < ra->niv; i++) { free(ra->iv[i].ranges); free(ra->iv[i].uses); }
    free(ra->iv);
    free(ra->live_in);
    free(ra->live_out);
    free(ra->def_count);
    free(ra->def_pos);
    free(ra->is_phi);
    free(ra->block_start);
    free(ra);
}

#define BIT_TEST(s, v) (((s)[(v) >> 6] >> ((v) & 63)) & 1)
#define BIT_SET(s, v) ((s)[(v) >> 6] |= 1ULL << ((v) & 63))
#define BIT_CLR(s, v) ((s)[(v) >> 6] &= ~(1ULL << ((v) & 63)))

bool be_ra_live_in(BeRegAlloc *ra, int32_t block, int32_t vreg) {
    if (!ra->live_in || block < 0 || block >= ra->fn->nblocks || vreg < 0 || vreg >= ra->fn->nvregs)
        return false;
    return BIT_TEST(ra->live_in + (size_t)block * ra->words, vreg);
}

static bool ra_fail(BeRegAlloc *ra, const char *msg, int a, int b) {
    snprintf(ra->error, sizeof ra->error, msg, a, b);
    return false;
}

/* ---- liveness -------------------------------------------------------------------- */
static bool compute_liveness(BeRegAlloc *ra) {
    BeLirFn *fn = ra->fn;
    uint32_t W = ra->words = ((uint32_t)fn->nvregs + 63) / 64;
    size_t nb = (size_t)fn->nblocks;
    uint64_t *gen = calloc(nb * W + 1, 8), *kill = calloc(nb * W + 1, 8);
    ra->live_in = calloc(nb * W + 1, 8);
    ra->live_out = calloc(nb * W + 1, 8);
    if (!gen || !kill || !ra->live_in || !ra->live_out) abort();
    for (int32_t oi = 0; oi < fn->norder; oi++) {
        int32_t bi = fn->order[oi];
        BeBlock *b = &fn->blocks[bi];
        uint64_t *g = gen + (size_t)bi * W, *k = kill + (size_t)bi * W;
        for (uint32_t p = 0; p < b->nphis; p++) BIT_SET(k, b->phis[p].dst);
        for (uint32_t i = 0; i < b->nins; i++) {
            BeInstr *ins = &b->ins[i];
            for (uint32_t j = 0; j < ins->nops; j++) {
                BeOperand *o = be_lir_op(fn, ins, j);
                if (o->kind == BE_OK_VREG && o->role == BE_ROLE_USE && !BIT_TEST(k, o->vreg)) BIT_SET(g, o->vreg);
            }
            for (uint32_t j = 0; j < ins->nops; j++) {
                BeOperand *o = be_lir_op(fn, ins, j);
                if (o->kind == BE_OK_VREG && (o->role == BE_ROLE_DEF || o->role == BE_ROLE_TEMP)) BIT_SET(k, o->vreg);
            }
        }
    }
    uint64_t *tmp = malloc(W * 8 + 8);
    if (!tmp) abort();
    bool changed = true;
    while (changed) {
        changed = false;
        for (int32_t oi = fn->norder - 1; oi >= 0; oi--) {
            int32_t bi = fn->order[oi];
            BeBlock *b = &fn->blocks[bi];
            memset(tmp, 0, W * 8);
            for (int32_t s = 0; s < b->nsucc; s++) {
                int32_t si = b->succ[s];
                BeBlock *sb = &fn->blocks[si];
                uint64_t *in = ra->live_in + (size_t)si * W;
                for (uint32_t w = 0; w < W; w++) tmp[w] |= in[w];
                for (uint32_t p = 0; p < sb->nphis; p++) {
                    int v = be_lir_phi_input(fn, &sb->phis[p], bi);
                    if (v >= 0) BIT_SET(tmp, v);
                }
            }
            uint64_t *out = ra->live_out + (size_t)bi * W, *in = ra->live_in + (size_t)bi * W;
            uint64_t *g = gen + (size_t)bi * W, *k = kill + (size_t)bi * W;
            for (uint32_t w = 0; w < W; w++) {
                uint64_t nin = g[w] | (tmp[w] & ~k[w]);
                if (nin != in[w] || tmp[w] != out[w]) changed = true;
                in[w] = nin;
                out[w] = tmp[w];
            }
        }
    }
    free(tmp);
    free(gen);
    free(kill);
    uint64_t *entry_in = ra->live_in + (size_t)fn->order[0] * W;
    for (int32_t v = 0; v < fn->nvregs; v++)
        if (BIT_TEST(entry_in, v))
            return ra_fail(ra, "v%d is used where it may not be defined (live into B%d)", v, fn->order[0]);
    return true;
}

/* ---- intervals --------------------------------------------------------------------- */
static void hint(BeRegAlloc *ra, int32_t v, int32_t other_iv, int32_t reg) {
    BeInterval *it = &ra->iv[v];
    if (other_iv >= 0 && it->hint < 0) it->hint = other_iv;
    if (reg >= 0 && it->hint_reg < 0) it->hint_reg = reg;
}

static bool build_intervals(BeRegAlloc *ra) {
    BeLirFn *fn = ra->fn;
    uint32_t W = ra->words;
    int32_t fixed0 = fn->nvregs;
    uint64_t *live = malloc(W * 8 + 8);
    if (!live) abort();
    for (int32_t oi = fn->norder - 1; oi >= 0; oi--) {
        int32_t bi = fn->order[oi];
        BeBlock *b = &fn->blocks[bi];
        memcpy(live, ra->live_out + (size_t)bi * W, W * 8);
        for (int32_t v = 0; v < fn->nvregs; v++)
            if (BIT_TEST(live, v)) be_iv_add_range(&ra->iv[v], b->from, b->to);
        uint32_t phys = 0;
        for (int32_t i = (int32_t)b->nins - 1; i >= 0; i--) {
            BeInstr *ins = &b->ins[i];
            const BeOpInfo *info = &be_op_info[ins->op];
            int32_t n = ins->id;
            if (info->flags & BE_OPF_CALL)
                for (int r = 0; r < BE_NREGS; r++)
                    if (be_reg_info[r].allocatable && !be_reg_info[r].callee_saved)
                        be_iv_add_range(&ra->iv[fixed0 + r], n, n + 1);
            for (uint32_t j = 0; j < ins->nops; j++) {
                BeOperand *o = be_lir_op(fn, ins, j);
                if (o->role != BE_ROLE_DEF && o->role != BE_ROLE_TEMP) continue;
                if (o->kind == BE_OK_VREG) {
                    BeInterval *it = &ra->iv[o->vreg];
                    if (o->role == BE_ROLE_TEMP) be_iv_add_range(it, n, n + 1);
                    else set_from(it, n, BIT_TEST(live, o->vreg));
                    be_iv_add_use(it, n, o->policy);
                    BIT_CLR(live, o->vreg);
                    if (o->role == BE_ROLE_DEF) { ra->def_count[o->vreg]++; ra->def_pos[o->vreg] = n; }
                } else if (o->kind == BE_OK_PREG && be_reg_info[o->reg].allocatable) {
                    BeInterval *it = &ra->iv[fixed0 + o->reg];
                    if (o->role == BE_ROLE_TEMP) be_iv_add_range(it, n, n + 1);
                    else set_from(it, n, (phys >> o->reg) & 1);
                    phys &= ~(1u << o->reg);
                }
            }
            for (uint32_t j = 0; j < ins->nops; j++) {
                BeOperand *o = be_lir_op(fn, ins, j);
                if (o->role != BE_ROLE_USE) continue;
                /* Two-address: inputs after the first stay alive through the
                 * definition, so they never share the result's register. */
                int32_t end = ((info->flags & BE_OPF_TWO) && j >= 2) ? n + 1 : n;
                if (o->kind == BE_OK_VREG) {
                    be_iv_add_range(&ra->iv[o->vreg], b->from, end);
                    be_iv_add_use(&ra->iv[o->vreg], n, o->policy);
                    BIT_SET(live, o->vreg);
                } else if (o->kind == BE_OK_PREG && be_reg_info[o->reg].allocatable) {
                    be_iv_add_range(&ra->iv[fixed0 + o->reg], b->from, end);
                    phys |= 1u << o->reg;
                }
            }
            /* register hints: copies and two-address results */
            if (info->flags & BE_OPF_MOVE) {
                BeOperand *d = be_lir_op(fn, ins, 0), *s = be_lir_op(fn, ins, 1);
                if (d->kind == BE_OK_VREG && s->kind == BE_OK_VREG) hint(ra, d->vreg, s->vreg, -1);
                if (d->kind == BE_OK_VREG && s->kind == BE_OK_PREG) hint(ra, d->vreg, -1, s->reg);
                if (d->kind == BE_OK_PREG && s->kind == BE_OK_VREG) hint(ra, s->vreg, -1, d->reg);
            } else if ((info->flags & BE_OPF_TWO) && ins->nops >= 2) {
                BeOperand *d = be_lir_op(fn, ins, 0), *s = be_lir_op(fn, ins, 1);
                if (d->kind == BE_OK_VREG && s->kind == BE_OK_VREG) hint(ra, d->vreg, s->vreg, -1);
            }
        }
        for (uint32_t p = 0; p < b->nphis; p++) {
            int32_t v = b->phis[p].dst;
            if (!BIT_TEST(live, v)) be_iv_add_range(&ra->iv[v], b->from, b->from + 1);
            BIT_CLR(live, v);
            ra->is_phi[v] = 1;
            if (b->npreds > 0) {
                int u = be_lir_phi_input(fn, &b->phis[p], b->preds[0]);
                if (u >= 0) hint(ra, v, u, -1);
            }
        }
        if (phys) {
            int r = __builtin_ctz(phys);
            free(live);
            return ra_fail(ra, "register %d is live into B%d (physical registers must be "
                               "defined in the block that uses them)", r, bi);
        }
    }
    free(live);
    return true;
}

bool be_ra_build(BeRegAlloc *ra) {
    BeLirFn *fn = ra->fn;
    if (!be_lir_finish(fn) || !be_lir_verify(fn)) {
        snprintf(ra->error, sizeof ra->error, "%s", fn->error);
        return false;
    }
    be_lir_split_critical_edges(fn);
    be_lir_number(fn);
    int32_t last = 0;
    for (int32_t oi = 0; oi < fn->norder; oi++) last = fn->blocks[fn->order[oi]].to;
    ra->npos = last + 2;
    ra->block_start = calloc((size_t)ra->npos / 2 + 1, 1);
    ra->def_count = calloc((size_t)fn->nvregs + 1, sizeof(int32_t));
    ra->def_pos = calloc((size_t)fn->nvregs + 1, sizeof(int32_t));
    ra->is_phi = calloc((size_t)fn->nvregs + 1, 1);
    if (!ra->block_start || !ra->def_count || !ra->def_pos || !ra->is_phi) abort();
    for (int32_t oi = 0; oi < fn->norder; oi++) ra->block_start[fn->blocks[fn->order[oi]].from / 2] = 1;
    for (int32_t v = 0; v < fn->nvregs; v++) be_iv_new(ra, v, -1, fn->vreg_cls[v]);
    for (int r = 0; r < BE_NREGS; r++) be_iv_new(ra, -1, r, be_reg_info[r].cls);
    if (!compute_liveness(ra)) return false;
    return build_intervals(ra);
}

/* ---- printing --------------------------------------------------------------------- */
static void print_loc(FILE *f, const BeRegAlloc *ra, const BeInterval *it) {
    if (it->spilled) {
        int32_t s = ra->iv[it->parent].slot;
        if (s >= 0) fprintf(f, "s%d", s);
        else fprintf(f, "stack");
    } else if (it->reg >= 0) fprintf(f, "%s", be_reg_info[it->reg].name64);
    else fprintf(f, "-");
}

static void print_ranges(FILE *f, const BeInterval *it) {
    for (uint32_t r = 0; r < it->nranges; r++) fprintf(f, " [%d,%d)", it->ranges[r].from, it->ranges[r].to);
}

void be_ra_print_intervals(FILE *f, BeRegAlloc *ra) {
    BeLirFn *fn = ra->fn;
    fprintf(f, "intervals of %s (%d splits, %d spilled, %d moves, %d slots):\n", fn->name,
            ra->nsplits, ra->nspilled, ra->nmoves, fn->nslots);
    for (int32_t v = 0; v < fn->nvregs && (uint32_t)v < ra->niv; v++) {
        BeInterval *it = &ra->iv[v];
        if (!it->nranges) continue;
        fprintf(f, "  %sv%d %s", it->cls == BE_XMM ? "f" : "", v, it->cls == BE_XMM ? "xmm" : "gpr");
        for (int32_t c = v; c >= 0; c = ra->iv[c].next) {
            BeInterval *ch = &ra->iv[c];
            if (c != v) fprintf(f, "\n      split at %d:", be_iv_start(ch));
            print_ranges(f, ch);
            if (ch->nuses) {
                fprintf(f, "  uses");
                for (uint32_t u = 0; u < ch->nuses; u++)
                    fprintf(f, " %d%s", ch->uses[u].pos, ch->uses[u].policy == BE_POL_REG ? "r" : "");
            }
            fprintf(f, "  -> ");
            print_loc(f, ra, ch);
        }
        fputc('\n', f);
    }
    for (int r = 0; r < BE_NREGS; r++) {
        uint32_t i = (uint32_t)fn->nvregs + (uint32_t)r;
        if (i >= ra->niv || !ra->iv[i].nranges) continue;
        fprintf(f, "  fixed %s", be_reg_info[r].name64);
        print_ranges(f, &ra->iv[i]);
        fputc('\n', f);
    }
}
