/* be_regalloc.c — the linear scan: walk the intervals by start position and
 * give each a register, splitting and spilling where there are not enough.
 *
 * This is the algorithm of Wimmer & Mössenböck (2005), as used
 * by HotSpot's client compiler and restated for SSA by Wimmer & Franz (2010):
 *  - TRYALLOCATEFREEREG: for every register, how long it stays free
 *    (free-until position, from active, inactive and fixed intervals); take
 *    the hinted one if it is free long enough, else the one free longest; if
 *    it is free only for part of the interval, split the interval there.
 *  - ALLOCATEBLOCKEDREG: for every register, when its holders next need it
 *    (next-use position); if the current interval's first use that needs a
 *    register comes after all of those, spill the current interval up to
 *    that use; otherwise take the register whose next use is farthest and
 *    split-and-spill the intervals holding it.
 * Split positions move to the block boundary with the lowest loop depth in
 * the allowed window, so that spill and reload code lands outside loops.
 * Ties break by register order and interval number: the result is
 * deterministic.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "be_regalloc.h"

#define INF INT32_MAX

typedef struct Scan {
    BeRegAlloc *ra;
    int32_t *unhandled;     /* sorted by (start, index) descending: pop from the end */
    uint32_t nun, capun;
    int32_t *active, *inactive;
    uint32_t nact, ninact, caplists;
    int32_t fixed0;
} Scan;

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

static int32_t iv_start(Scan *s, int32_t i) { return be_iv_start(&s->ra->iv[i]); }

static bool before(Scan *s, int32_t a, int32_t b) {
    int32_t sa = iv_start(s, a), sb = iv_start(s, b);
    return sa != sb ? sa < sb : a < b;
}

static void unhandled_add(Scan *s, int32_t i) {
    if (s->nun == s->capun) {
        s->capun = s->capun ? s->capun * 2 : 64;
        s->unhandled = xrealloc(s->unhandled, sizeof(int32_t) * s->capun);
    }
    /* descending order: find the first element that comes before i */
    uint32_t lo = 0, hi = s->nun;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (before(s, s->unhandled[mid], i)) hi = mid;
        else lo = mid + 1;
    }
    memmove(&s->unhandled[lo + 1], &s->unhandled[lo], sizeof(int32_t) * (s->nun - lo));
    s->unhandled[lo] = i;
    s->nun++;
}

static void list_add(Scan *s, int32_t **list, uint32_t *n, int32_t i) {
    (void)s;
    (*list)[(*n)++] = i;
}

static void list_remove_at(int32_t *list, uint32_t *n, uint32_t k) {
    memmove(&list[k], &list[k + 1], sizeof(int32_t) * (*n - k - 1));
    (*n)--;
}

/* First position >= from where both intervals are live; INF if none. */
static int32_t next_intersection(const BeInterval *a, const BeInterval *b, int32_t from) {
    uint32_t i = 0, j = 0;
    while (i < a->nranges && j < b->nranges) {
        const BeRange *ra = &a->ranges[i], *rb = &b->ranges[j];
        if (ra->to <= from || ra->to <= rb->from) { i++; continue; }
        if (rb->to <= from || rb->to <= ra->from) { j++; continue; }
        int32_t p = ra->from > rb->from ? ra->from : rb->from;
        return p > from ? p : from;
    }
    return INF;
}

static int32_t next_use(const BeInterval *it, int32_t pos, bool need_reg) {
    for (uint32_t u = 0; u < it->nuses; u++)
        if (it->uses[u].pos >= pos && (!need_reg || it->uses[u].policy == BE_POL_REG)) return it->uses[u].pos;
    return INF;
}

/* ---- splitting ----------------------------------------------------------------- */
/* Splits interval i at gap pos: ranges and uses at or after pos move to a new
 * child, linked after i. Returns the child, or -1 if nothing would move. */
static int32_t split_at(BeRegAlloc *ra, int32_t i, int32_t pos) {
    BeInterval *it = &ra->iv[i];
    if (pos <= be_iv_start(it) || pos >= be_iv_end(it)) return -1;
    int32_t c = be_iv_new(ra, it->vreg, -1, it->cls);
    it = &ra->iv[i]; /* the array may have moved */
    BeInterval *ch = &ra->iv[c];
    ch->parent = it->parent;
    ch->hint = i;
    ch->next = it->next;
    it->next = c;
    uint32_t r = 0;
    while (r < it->nranges && it->ranges[r].to <= pos) r++;
    if (r < it->nranges && it->ranges[r].from < pos) {
        be_iv_add_range(ch, pos, it->ranges[r].to);
        it->ranges[r].to = pos;
        r++;
    }
    for (uint32_t k = r; k < it->nranges; k++) be_iv_add_range(ch, it->ranges[k].from, it->ranges[k].to);
    it->nranges = r;
    uint32_t u = 0;
    while (u < it->nuses && it->uses[u].pos < pos) u++;
    for (uint32_t k = u; k < it->nuses; k++) be_iv_add_use(ch, it->uses[k].pos, it->uses[k].policy);
    it->nuses = u;
    ra->nsplits++;
    return c;
}

/* The best gap in (lo, hi]: the latest block start with the lowest loop
 * depth, or hi itself (rounded down to a gap) if no block starts there. */
static int32_t split_pos(Scan *s, int32_t lo, int32_t hi) {
    hi &= ~1;
    if (hi <= lo) return -1;
    BeLirFn *fn = s->ra->fn;
    int32_t best = hi, best_depth = INF, here = 0;
    for (int32_t oi = 0; oi < fn->norder; oi++) {
        BeBlock *b = &fn->blocks[fn->order[oi]];
        if (b->from <= hi && hi < b->to) here = b->loop_depth;
        if (b->from > lo && b->from <= hi && b->loop_depth <= best_depth) {
            best_depth = b->loop_depth;
            best = b->from;
        }
    }
    /* Moving the split earlier only pays when it leaves a loop. */
    if (best != hi && here <= best_depth) best = hi;
    return best;
}

/* Spills interval i from pos on (pos <= start: the whole interval); the
 * stack part ends before the next use that needs a register, and what follows
 * goes back to unhandled. */
static bool spill_from(Scan *s, int32_t i, int32_t pos, bool *removed_i) {
    BeRegAlloc *ra = s->ra;
    *removed_i = false;
    int32_t t = i;
    if (pos > be_iv_start(&ra->iv[i])) {
        t = split_at(ra, i, pos);
        if (t < 0) return true; /* nothing of i lives at or after pos */
    } else {
        *removed_i = true;
    }
    ra->iv[t].reg = -1;
    ra->iv[t].spilled = true;
    ra->nspilled++;
    int32_t nu = next_use(&ra->iv[t], be_iv_start(&ra->iv[t]), true);
    if (nu != INF) {
        int32_t p = split_pos(s, be_iv_start(&ra->iv[t]), nu - 1);
        if (p < 0)
            return ra_err(ra, "out of registers at %d: v%d and the other operands of one "
                              "instruction need more registers than there are", pos, ra->iv[t].vreg);
        int32_t c = split_at(ra, t, p);
        if (c >= 0) { ra->iv[c].spilled = false; ra->iv[c].reg = -1; unhandled_add(s, c); }
    }
    return true;
}

/* ---- allocation ---------------------------------------------------------------------- */
static bool reg_ok(const BeInterval *cur, int r) {
    return be_reg_info[r].allocatable && be_reg_info[r].cls == cur->cls;
}

static int32_t hint_reg(BeRegAlloc *ra, const BeInterval *cur) {
    if (cur->hint >= 0) {
        const BeInterval *h = &ra->iv[cur->hint];
        if (h->reg >= 0 && !h->spilled) return h->reg;
    }
    return cur->hint_reg;
}

static bool try_alloc_free(Scan *s, int32_t ci) {
    BeRegAlloc *ra = s->ra;
    BeInterval *cur = &ra->iv[ci];
    int32_t pos = be_iv_start(cur);
    int32_t free_until[BE_NREGS];
    for (int r = 0; r < BE_NREGS; r++) free_until[r] = reg_ok(cur, r) ? INF : 0;
    for (uint32_t k = 0; k < s->nact; k++) free_until[ra->iv[s->active[k]].reg] = 0;
    for (uint32_t k = 0; k < s->ninact; k++) {
        BeInterval *it = &ra->iv[s->inactive[k]];
        int32_t p = next_intersection(it, cur, pos);
        if (p < free_until[it->reg]) free_until[it->reg] = p;
    }
    for (int r = 0; r < BE_NREGS; r++) {
        if (!free_until[r]) continue;
        int32_t p = next_intersection(&ra->iv[s->fixed0 + r], cur, pos);
        if (p < free_until[r]) free_until[r] = p;
    }
    int32_t end = be_iv_end(cur);
    int reg = -1;
    int32_t h = hint_reg(ra, cur);
    if (h >= 0 && h < BE_NREGS && free_until[h] >= end) reg = h;
    if (reg < 0)
        for (int k = 0; k < be_alloc_order_len; k++) {
            int r = be_alloc_order[k];
            if (reg < 0 || free_until[r] > free_until[reg]) reg = r;
        }
    if (reg < 0 || free_until[reg] <= pos) return false;
    if (free_until[reg] >= end) {
        cur->reg = reg;
        return true;
    }
    int32_t p = split_pos(s, pos, free_until[reg]);
    if (p < 0) return false;
    int32_t c = split_at(ra, ci, p);
    if (c < 0) return false;
    ra->iv[ci].reg = reg;
    unhandled_add(s, c);
    return true;
}

static bool alloc_blocked(Scan *s, int32_t ci) {
    BeRegAlloc *ra = s->ra;
    int32_t pos = be_iv_start(&ra->iv[ci]);
    int32_t use_pos[BE_NREGS], block_pos[BE_NREGS];
    for (int r = 0; r < BE_NREGS; r++) use_pos[r] = block_pos[r] = reg_ok(&ra->iv[ci], r) ? INF : 0;
    for (uint32_t k = 0; k < s->nact; k++) {
        BeInterval *it = &ra->iv[s->active[k]];
        int32_t nu = next_use(it, pos, true);
        /* an interval used by the instruction at pos cannot give way */
        if (nu <= (pos | 1)) { use_pos[it->reg] = block_pos[it->reg] = 0; continue; }
        if (nu < use_pos[it->reg]) use_pos[it->reg] = nu;
    }
    for (uint32_t k = 0; k < s->ninact; k++) {
        BeInterval *it = &ra->iv[s->inactive[k]];
        if (next_intersection(it, &ra->iv[ci], pos) == INF) continue;
        int32_t nu = next_use(it, pos, true);
        if (nu < use_pos[it->reg]) use_pos[it->reg] = nu;
    }
    for (int r = 0; r < BE_NREGS; r++) {
        if (!use_pos[r] && !block_pos[r]) continue;
        int32_t p = next_intersection(&ra->iv[s->fixed0 + r], &ra->iv[ci], pos);
        if (p < block_pos[r]) block_pos[r] = p;
        if (p < use_pos[r]) use_pos[r] = p;
    }
    int reg = -1;
    for (int k = 0; k < be_alloc_order_len; k++) {
        int r = be_alloc_order[k];
        if (reg < 0 || use_pos[r] > use_pos[reg]) reg = r;
    }
    int32_t first = next_use(&ra->iv[ci], pos, true);
    if (reg < 0 || use_pos[reg] < first) {
        /* every register is wanted sooner than cur needs one: spill cur */
        bool removed;
        return spill_from(s, ci, pos, &removed);
    }
    if (block_pos[reg] <= pos)
        return ra_err(ra, "no register for v%d at %d", ra->iv[ci].vreg, pos);
    ra->iv[ci].reg = reg;
    if (block_pos[reg] < be_iv_end(&ra->iv[ci])) {
        int32_t p = split_pos(s, pos, block_pos[reg]);
        int32_t c = p < 0 ? -1 : split_at(ra, ci, p);
        if (c < 0)
            return ra_err(ra, "cannot split v%d before %d", ra->iv[ci].vreg, block_pos[reg]);
        unhandled_add(s, c);
    }
    /* evict the holders of reg where they meet cur */
    int32_t gap = pos & ~1;
    for (uint32_t k = 0; k < s->nact;) {
        int32_t i = s->active[k];
        if (ra->iv[i].reg != reg) { k++; continue; }
        bool removed;
        if (!spill_from(s, i, gap, &removed)) return false;
        if (removed) list_remove_at(s->active, &s->nact, k);
        else k++;
    }
    for (uint32_t k = 0; k < s->ninact;) {
        int32_t i = s->inactive[k];
        int32_t p = next_intersection(&ra->iv[i], &ra->iv[ci], pos);
        if (ra->iv[i].reg != reg || p == INF) { k++; continue; }
        /* split at the end of the lifetime hole it is in now */
        int32_t at = INF;
        for (uint32_t r = 0; r < ra->iv[i].nranges; r++)
            if (ra->iv[i].ranges[r].from >= pos) { at = ra->iv[i].ranges[r].from; break; }
        bool removed;
        if (at == INF || !spill_from(s, i, at & ~1, &removed)) {
            if (ra->error[0]) return false;
            k++;
            continue;
        }
        if (removed) list_remove_at(s->inactive, &s->ninact, k);
        else k++;
    }
    return true;
}

bool be_ra_scan(BeRegAlloc *ra) {
    BeLirFn *fn = ra->fn;
    Scan s = {.ra = ra, .fixed0 = fn->nvregs};
    for (int32_t v = 0; v < fn->nvregs; v++)
        if (ra->iv[v].nranges) unhandled_add(&s, v);
    bool ok = true;
    while (s.nun > 0 && ok) {
        int32_t ci = s.unhandled[--s.nun];
        int32_t pos = be_iv_start(&ra->iv[ci]);
        uint32_t need = ra->niv + 1;
        if (s.caplists < need) {
            s.caplists = need * 2;
            s.active = xrealloc(s.active, sizeof(int32_t) * s.caplists);
            s.inactive = xrealloc(s.inactive, sizeof(int32_t) * s.caplists);
        }
        for (uint32_t k = 0; k < s.nact;) {
            BeInterval *it = &ra->iv[s.active[k]];
            if (be_iv_end(it) <= pos) list_remove_at(s.active, &s.nact, k);
            else if (!be_iv_covers(it, pos)) {
                s.inactive[s.ninact++] = s.active[k];
                list_remove_at(s.active, &s.nact, k);
            } else k++;
        }
        for (uint32_t k = 0; k < s.ninact;) {
            BeInterval *it = &ra->iv[s.inactive[k]];
            if (be_iv_end(it) <= pos) list_remove_at(s.inactive, &s.ninact, k);
            else if (be_iv_covers(it, pos)) {
                s.active[s.nact++] = s.inactive[k];
                list_remove_at(s.inactive, &s.ninact, k);
            } else k++;
        }
        if (!try_alloc_free(&s, ci)) ok = alloc_blocked(&s, ci);
        if (ok && ra->error[0]) ok = false;
        if (ok && ra->iv[ci].reg >= 0 && !ra->iv[ci].spilled) {
            if (s.caplists < ra->niv + 1) {
                s.caplists = (ra->niv + 1) * 2;
                s.active = xrealloc(s.active, sizeof(int32_t) * s.caplists);
                s.inactive = xrealloc(s.inactive, sizeof(int32_t) * s.caplists);
            }
            list_add(&s, &s.active, &s.nact, ci);
        }
    }
    if (!ok && !ra->error[0]) snprintf(ra->error, sizeof ra->error, "register allocation failed");
    free(s.unhandled);
    free(s.active);
    free(s.inactive);
    return ok;
}
