/* be_resolve.c — after the linear scan: give spilled values their stack
 * slots, insert the moves that splitting and block edges require, rewrite
 * every operand to its register or slot, and check the result.
 *
 * Follows Wimmer & Mössenböck (2005): resolution of data flow (on each edge, a value whose location differs at the end of the predecessor and
 * the start of the successor gets a move; a phi's input moves into the
 * phi's location), and their spill-store placement: a value with
 * one definition is stored to its slot right after the definition, so every
 * later move into the slot can be dropped. The moves of one edge or one gap
 * happen "at once"; they are ordered so that no location is overwritten
 * before it is read, and a cycle (a->b->c->a, or a swap) goes through the
 * scratch register r11 or xmm15 (the sequentialization proved correct by
 * Rideau, Serpette & Leroy, "Tilting at windmills with Coq", 2008).
 * Memory-to-memory moves need no register (the emitter uses push/pop).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "be_regalloc.h"

static void *xrealloc(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q) abort();
    return q;
}

static bool ra_err(BeRegAlloc *ra, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool ra_err(BeRegAlloc *ra, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ra->error, sizeof ra->error, fmt, ap);
    va_end(ap);
    return false;
}

/* ---- queries ---------------------------------------------------------------------- */
int32_t be_ra_child_at(BeRegAlloc *ra, int32_t vreg, int32_t pos) {
    if (vreg < 0 || vreg >= ra->fn->nvregs) return -1;
    for (int32_t c = vreg; c >= 0; c = ra->iv[c].next)
        if (be_iv_covers(&ra->iv[c], pos)) return c;
    return -1;
}

static int32_t loc_of(BeRegAlloc *ra, int32_t c) {
    if (c < 0) return BE_LOC_NONE;
    BeInterval *it = &ra->iv[c];
    if (it->spilled) return ra->iv[it->parent].slot < 0 ? BE_LOC_NONE : BE_LOC_SLOT + ra->iv[it->parent].slot;
    return it->reg;
}

int32_t be_ra_location_at(BeRegAlloc *ra, int32_t vreg, int32_t pos) {
    return loc_of(ra, be_ra_child_at(ra, vreg, pos));
}

/* ---- spill slots ------------------------------------------------------------------- */
/* A slot is reused once every value that used it is dead: interval
 * colouring on [first start, last end) of each spilled value. */
static void assign_slots(BeRegAlloc *ra) {
    BeLirFn *fn = ra->fn;
    int32_t *vs = malloc(sizeof(int32_t) * ((size_t)fn->nvregs + 1));
    int32_t *busy = malloc(sizeof(int32_t) * ((size_t)fn->nvregs + 1));
    if (!vs || !busy) abort();
    int32_t n = 0, nslots = 0;
    for (int32_t v = 0; v < fn->nvregs; v++) {
        bool sp = false;
        for (int32_t c = v; c >= 0 && !sp; c = ra->iv[c].next) sp = ra->iv[c].spilled;
        if (sp) vs[n++] = v;
    }
    /* insertion sort by start (n is small in practice; stable, deterministic) */
    for (int32_t i = 1; i < n; i++) {
        int32_t x = vs[i], j = i - 1;
        while (j >= 0 && be_iv_start(&ra->iv[vs[j]]) > be_iv_start(&ra->iv[x])) { vs[j + 1] = vs[j]; j--; }
        vs[j + 1] = x;
    }
    for (int32_t i = 0; i < n; i++) {
        int32_t v = vs[i], end = 0;
        for (int32_t c = v; c >= 0; c = ra->iv[c].next)
            if (be_iv_end(&ra->iv[c]) > end) end = be_iv_end(&ra->iv[c]);
        int32_t s = -1;
        for (int32_t k = 0; k < nslots && s < 0; k++)
            if (busy[k] <= be_iv_start(&ra->iv[v])) s = k;
        if (s < 0) s = nslots++;
        busy[s] = end;
        ra->iv[v].slot = s;
    }
    fn->nslots = nslots;
    free(vs);
    free(busy);
}

/* ---- parallel moves ------------------------------------------------------------------ */
uint32_t be_parallel_move(const int32_t *dst, const int32_t *src, const int32_t *vdst,
                          const int32_t *vsrc, const uint8_t *cls, uint32_t n,
                          BeMoveOut *out, uint32_t outcap) {
    BeMoveOut *p = malloc(sizeof *p * (n + 1));
    if (!p) abort();
    uint32_t np = 0, no = 0;
    for (uint32_t i = 0; i < n; i++)
        if (dst[i] != src[i] || vdst[i] != vsrc[i]) p[np++] = (BeMoveOut){dst[i], src[i], vdst[i], vsrc[i], cls[i]};
    while (np > 0 && no < outcap) {
        bool progress = false;
        for (uint32_t i = 0; i < np; i++) {
            bool blocked = false;
            for (uint32_t j = 0; j < np && !blocked; j++) blocked = j != i && p[j].src == p[i].dst;
            if (blocked) continue;
            out[no++] = p[i];
            memmove(&p[i], &p[i + 1], sizeof *p * (np - i - 1));
            np--;
            progress = true;
            break;
        }
        if (progress) continue;
        /* Only cycles are left: save the first destination in the scratch
         * register and let its readers read the scratch instead. */
        int32_t d = p[0].dst;
        uint32_t j = 0;
        while (j < np && p[j].src != d) j++;
        if (j == np) break; /* cannot happen */
        int32_t scratch = p[j].cls == BE_XMM ? BE_SCRATCH_XMM : BE_SCRATCH_GPR;
        out[no++] = (BeMoveOut){scratch, d, p[j].vsrc, p[j].vsrc, p[j].cls};
        for (uint32_t k = 0; k < np; k++)
            if (p[k].src == d) p[k].src = scratch;
    }
    free(p);
    return no;
}

/* ---- collecting moves ------------------------------------------------------------------ */
typedef struct Move {
    int32_t pos;      /* the gap: inserted before the instruction pos+1 */
    int32_t phase;    /* 0: split/spill moves, 1: moves of a block's in-edge,
                       * 2: moves of its out-edge (an empty block has both in
                       * one gap, and they must not run as one parallel move) */
    int32_t seq;
    int32_t dst, src, vdst, vsrc;
    uint8_t cls;
} Move;

typedef struct Moves { Move *m; uint32_t n, cap; int32_t seq; } Moves;

static void add_move(Moves *ms, int32_t pos, int32_t phase, int32_t dst, int32_t src,
                     int32_t vdst, int32_t vsrc, uint8_t cls) {
    /* A phi whose input already sits in its location costs nothing, but
     * the move stays, empty, so the checker sees the renaming. */
    if ((dst == src && vdst == vsrc) || dst < 0 || src < 0) return;
    if (ms->n == ms->cap) {
        ms->cap = ms->cap ? ms->cap * 2 : 32;
        ms->m = xrealloc(ms->m, sizeof *ms->m * ms->cap);
    }
    ms->m[ms->n++] = (Move){pos, phase, ms->seq++, dst, src, vdst, vsrc, cls};
}

static int move_cmp(const void *a, const void *b) {
    const Move *x = a, *y = b;
    if (x->pos != y->pos) return x->pos < y->pos ? -1 : 1;
    if (x->phase != y->phase) return x->phase < y->phase ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static bool spill_at_def(BeRegAlloc *ra, int32_t v) {
    return ra->def_count[v] == 1 && !ra->is_phi[v];
}

static bool is_block_start(BeRegAlloc *ra, int32_t pos) {
    return pos >= 0 && pos < ra->npos && !(pos & 1) && ra->block_start[pos / 2];
}

static void collect_moves(BeRegAlloc *ra, Moves *ms) {
    BeLirFn *fn = ra->fn;
    for (int32_t v = 0; v < fn->nvregs; v++) {
        bool sad = spill_at_def(ra, v), any_spilled = false;
        for (int32_t a = v; a >= 0; a = ra->iv[a].next) {
            any_spilled |= ra->iv[a].spilled;
            int32_t b = ra->iv[a].next;
            if (b < 0) break;
            int32_t at = be_iv_start(&ra->iv[b]);
            if (be_iv_end(&ra->iv[a]) != at || (at & 1) || is_block_start(ra, at)) continue;
            if (sad && ra->iv[b].spilled) continue; /* the slot already holds it */
            add_move(ms, at, 0, loc_of(ra, b), loc_of(ra, a), v, v, ra->iv[v].cls);
        }
        if (sad && any_spilled) {
            int32_t n = ra->def_pos[v];
            int32_t c = be_ra_child_at(ra, v, n);
            if (c >= 0 && !ra->iv[c].spilled)
                add_move(ms, n + 1, 0, BE_LOC_SLOT + ra->iv[v].slot, loc_of(ra, c), v, v, ra->iv[v].cls);
        }
    }
    /* data flow across edges, and phis */
    for (int32_t oi = 0; oi < fn->norder; oi++) {
        BeBlock *p = &fn->blocks[fn->order[oi]];
        for (int32_t k = 0; k < p->nsucc; k++) {
            BeBlock *s = &fn->blocks[p->succ[k]];
            int32_t pos = p->nsucc == 1 ? p->to - 2 : s->from;
            int32_t phase = p->nsucc == 1 ? 2 : 1;
            int32_t at_end = p->to - 1;
            uint64_t *in = ra->live_in + (size_t)s->id * ra->words;
            for (int32_t v = 0; v < fn->nvregs; v++) {
                if (!((in[v >> 6] >> (v & 63)) & 1)) continue;
                int32_t from = be_ra_location_at(ra, v, at_end), to = be_ra_location_at(ra, v, s->from);
                if (to >= BE_LOC_SLOT && spill_at_def(ra, v)) continue;
                add_move(ms, pos, phase, to, from, v, v, ra->iv[v].cls);
            }
            for (uint32_t q = 0; q < s->nphis; q++) {
                int32_t d = s->phis[q].dst, u = be_lir_phi_input(fn, &s->phis[q], p->id);
                if (u < 0) continue;
                int32_t from = be_ra_location_at(ra, u, at_end), to = be_ra_location_at(ra, d, s->from);
                add_move(ms, pos, phase, to, from, d, u, ra->iv[d].cls);
            }
        }
    }
    if (ms->n) qsort(ms->m, ms->n, sizeof *ms->m, move_cmp);
}

/* ---- rewriting -------------------------------------------------------------------------- */
static void set_loc(BeOperand *o, int32_t loc) {
    if (loc >= BE_LOC_SLOT) { o->kind = BE_OK_SLOT; o->reg = loc - BE_LOC_SLOT; }
    else { o->kind = BE_OK_PREG; o->reg = loc; }
}

static bool rewrite_operands(BeRegAlloc *ra) {
    BeLirFn *fn = ra->fn;
    for (int32_t oi = 0; oi < fn->norder; oi++) {
        BeBlock *b = &fn->blocks[fn->order[oi]];
        for (uint32_t i = 0; i < b->nins; i++) {
            BeInstr *ins = &b->ins[i];
            for (uint32_t j = 0; j < ins->nops; j++) {
                BeOperand *o = be_lir_op(fn, ins, j);
                if (o->kind != BE_OK_VREG) continue;
                int32_t pos = o->role == BE_ROLE_USE ? ins->id - 1 : ins->id;
                int32_t loc = be_ra_location_at(ra, o->vreg, pos);
                if (loc < 0) return ra_err(ra, "v%d has no location at %d", o->vreg, ins->id);
                if (o->policy == BE_POL_REG && loc >= BE_LOC_SLOT)
                    return ra_err(ra, "v%d must be in a register at %d", o->vreg, ins->id);
                set_loc(o, loc);
            }
        }
    }
    return true;
}

static void mov_operand(BeOperand *o, int32_t loc, int32_t vreg, uint8_t cls, uint8_t role) {
    *o = (BeOperand){.role = role, .policy = BE_POL_ANY, .cls = cls, .vreg = vreg};
    set_loc(o, loc);
}

static void insert_moves(BeRegAlloc *ra, Moves *ms) {
    BeLirFn *fn = ra->fn;
    uint32_t mi = 0;
    int32_t *dst = NULL, *src = NULL, *vd = NULL, *vs = NULL;
    uint8_t *cls = NULL;
    BeMoveOut *out = NULL;
    uint32_t cap = 0;
    for (int32_t oi = 0; oi < fn->norder; oi++) {
        BeBlock *b = &fn->blocks[fn->order[oi]];
        BeInstr *old = b->ins;
        uint32_t nold = b->nins;
        b->ins = NULL;
        b->nins = b->capins = 0;
        for (uint32_t i = 0; i < nold; i++) {
            int32_t gap = old[i].id - 1;
            while (mi < ms->n && ms->m[mi].pos < gap) mi++;
            while (mi < ms->n && ms->m[mi].pos == gap) {
                uint32_t g = mi, phase = (uint32_t)ms->m[mi].phase;
                while (mi < ms->n && ms->m[mi].pos == gap && (uint32_t)ms->m[mi].phase == phase) mi++;
                uint32_t n = mi - g;
                if (2 * n + 2 > cap) {
                    cap = 2 * n + 2;
                    dst = xrealloc(dst, sizeof *dst * cap); src = xrealloc(src, sizeof *src * cap);
                    vd = xrealloc(vd, sizeof *vd * cap); vs = xrealloc(vs, sizeof *vs * cap);
                    cls = xrealloc(cls, cap); out = xrealloc(out, sizeof *out * cap);
                }
                for (uint32_t k = 0; k < n; k++) {
                    Move *m = &ms->m[g + k];
                    dst[k] = m->dst; src[k] = m->src; vd[k] = m->vdst; vs[k] = m->vsrc; cls[k] = m->cls;
                }
                uint32_t no = be_parallel_move(dst, src, vd, vs, cls, n, out, cap);
                for (uint32_t k = 0; k < no; k++) {
                    BeInstr *mv = be_lir_add(fn, b->id, BE_MOV, BE_CC_NONE,
                                             (BeOperand[]){be_imm(0), be_imm(0)}, 2);
                    mv->id = gap;
                    mv->iflags = BE_IF_ALLOC;
                    mov_operand(be_lir_op(fn, mv, 0), out[k].dst, out[k].vdst, out[k].cls, BE_ROLE_DEF);
                    mov_operand(be_lir_op(fn, mv, 1), out[k].src, out[k].vsrc, out[k].cls, BE_ROLE_USE);
                    if (out[k].dst != out[k].src) ra->nmoves++;
                }
            }
            if (b->nins == b->capins) {
                b->capins = b->capins ? b->capins * 2 : 8;
                b->ins = xrealloc(b->ins, sizeof *b->ins * b->capins);
            }
            b->ins[b->nins++] = old[i];
        }
        free(old);
    }
    free(dst); free(src); free(vd); free(vs); free(cls); free(out);
}

/* ---- deopt translation ------------------------------------------------------------------ */
static void finalize_value(BeLirFn *fn, const BeInstr *ins, BeDeoptValue *v) {
    if (v->kind != BE_DV_OPERAND) return;
    if (v->index < 0 || (uint32_t)v->index >= ins->nops) { v->kind = BE_DV_OPTIMIZED_OUT; return; }
    const BeOperand *o = be_lir_op(fn, ins, (uint32_t)v->index);
    switch (o->kind) {
    case BE_OK_PREG: v->kind = BE_DV_REG; v->reg = (uint16_t)o->reg; break;
    case BE_OK_SLOT: v->kind = BE_DV_STACK; v->index = be_slot_offset(fn, o->reg); break;
    case BE_OK_IMM: v->kind = BE_DV_CONST; v->bits = (uint64_t)o->imm; break;
    default: v->kind = BE_DV_OPTIMIZED_OUT; break;
    }
}

void be_deopt_finalize(BeLirFn *fn) {
    BeDeoptTable *t = &fn->deopt;
    uint8_t *done = calloc(t->nobjects + 1, 1);
    if (!done) abort();
    for (int32_t oi = 0; oi < fn->norder; oi++) {
        BeBlock *b = &fn->blocks[fn->order[oi]];
        for (uint32_t i = 0; i < b->nins; i++) {
            BeInstr *ins = &b->ins[i];
            if (!(be_op_info[ins->op].flags & BE_OPF_DEOPT) || ins->nops == 0) continue;
            int32_t p = be_lir_op(fn, ins, 0)->reg;
            if (p < 0 || (uint32_t)p >= t->npoints) continue;
            BeDeoptPoint *pt = &t->points[p];
            for (uint32_t f = pt->first_frame; f < pt->first_frame + pt->nframes && f < t->nframes; f++) {
                BeDeoptFrame *fr = &t->frames[f];
                uint32_t nv = 2u + fr->nparams + fr->nregs + fr->has_acc;
                for (uint32_t k = fr->first_value; k < fr->first_value + nv && k < t->nvalues; k++)
                    finalize_value(fn, ins, &t->values[k]);
            }
            /* the objects this point materializes, and the objects inside them */
            uint32_t *work = malloc(sizeof(uint32_t) * (t->nobjects + 1)), nw = 0;
            if (!work) abort();
            for (uint32_t f = pt->first_frame; f < pt->first_frame + pt->nframes && f < t->nframes; f++) {
                BeDeoptFrame *fr = &t->frames[f];
                uint32_t nv = 2u + fr->nparams + fr->nregs + fr->has_acc;
                for (uint32_t k = fr->first_value; k < fr->first_value + nv && k < t->nvalues; k++) {
                    BeDeoptValue *v = &t->values[k];
                    if (v->kind == BE_DV_OBJECT && v->index >= 0 && (uint32_t)v->index < t->nobjects &&
                        !done[v->index]) { done[v->index] = 1; work[nw++] = (uint32_t)v->index; }
                }
            }
            while (nw > 0) {
                BeDeoptObject *ob = &t->objects[work[--nw]];
                for (uint32_t q = ob->first_value; q < ob->first_value + ob->nfields && q < t->nvalues; q++) {
                    BeDeoptValue *v = &t->values[q];
                    finalize_value(fn, ins, v);
                    if (v->kind == BE_DV_OBJECT && v->index >= 0 && (uint32_t)v->index < t->nobjects &&
                        !done[v->index]) { done[v->index] = 1; work[nw++] = (uint32_t)v->index; }
                }
            }
            free(work);
        }
    }
    free(done);
}

/* ---- the whole resolution ------------------------------------------------------------------ */
bool be_ra_resolve(BeRegAlloc *ra) {
    BeLirFn *fn = ra->fn;
    assign_slots(ra);
    Moves ms = {0};
    collect_moves(ra, &ms);
    bool ok = rewrite_operands(ra);
    if (ok) insert_moves(ra, &ms);
    free(ms.m);
    if (!ok) return false;
    uint32_t cs = 0;
    for (uint32_t i = 0; i < ra->niv; i++) {
        BeInterval *it = &ra->iv[i];
        if (it->vreg >= 0 && !it->spilled && it->reg >= 0 && be_reg_info[it->reg].callee_saved) cs |= 1u << it->reg;
    }
    for (uint32_t k = 0; k < fn->nops; k++) {
        BeOperand *o = &fn->ops[k];
        if (o->kind == BE_OK_PREG && o->reg < 16 && be_reg_info[o->reg].callee_saved &&
            be_reg_info[o->reg].allocatable)
            cs |= 1u << o->reg;
    }
    fn->used_callee_saved = cs;
    fn->allocated = true;
    be_deopt_finalize(fn);
    return true;
}

bool be_regalloc(BeLirFn *fn, FILE *log, char *err, size_t errlen) {
    BeRegAlloc *ra = be_ra_new(fn);
    bool ok = be_ra_build(ra) && be_ra_scan(ra) && be_ra_resolve(ra);
    bool resolved = ok;
    if (ok && !be_regalloc_check(fn, ra->error, sizeof ra->error)) ok = false;
    if (log) {
        fprintf(log, "--- register allocation: %s ---\n", fn->name);
        if (ra->niv) be_ra_print_intervals(log, ra);
        if (resolved) be_lir_print(log, fn); /* a checker failure is read against it */
        if (ok) {}
        else fprintf(log, "failed: %s\n", ra->error);
    }
    if (!ok && err) snprintf(err, errlen, "%s: %s", fn->name, ra->error);
    be_ra_free(ra);
    return ok;
}
