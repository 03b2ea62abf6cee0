/* be_regalloc.h — linear-scan register allocation over the LIR.
 *
 * Wimmer & Mössenböck (2005) "Optimized Interval Splitting in a Linear Scan
 * Register Allocator" with the SSA treatment of Wimmer & Franz (2010): live
 * intervals with lifetime holes, use positions that need a register or not,
 * fixed intervals for physical registers, allocation by free-until and
 * next-use positions, splitting and spilling, then data-flow resolution with
 * parallel moves on block edges. The original linear scan is Poletto &
 * Sarkar (1999). Files, in reading order:
 *   be_liveness.c   block liveness (backward data flow), intervals, hints
 *   be_regalloc.c   the linear scan itself: try free, else evict or spill
 *   be_resolve.c    spill slots, split/edge moves, parallel-move
 *                   sequentialization, operand rewriting, deopt translation,
 *                   and a checker that re-verifies the result
 *
 * Positions: instruction k of the linear order has id 2k+1; a use at n ends
 * its range at n, a definition at n starts its range at n, so an input and
 * the output of one instruction may share a register. Even positions are
 * gaps between instructions, where moves are inserted. Ranges are [from, to).
 */
#ifndef BE_REGALLOC_H
#define BE_REGALLOC_H

#include "be_lir.h"

typedef struct BeRange { int32_t from, to; } BeRange;
typedef struct BeUse { int32_t pos; uint8_t policy; } BeUse;

typedef struct BeInterval {
    int32_t vreg;          /* -1 for a fixed interval */
    int32_t fixed;         /* the physical register of a fixed interval, -1 */
    uint8_t cls;
    bool spilled;          /* lives in its parent's spill slot */
    BeRange *ranges;
    uint32_t nranges, capranges;
    BeUse *uses;
    uint32_t nuses, capuses;
    int32_t reg;           /* assigned register, -1 */
    int32_t parent;        /* split parent (itself when unsplit) */
    int32_t next;          /* next split child by start position, -1 */
    int32_t hint;          /* interval whose register is preferred, -1 */
    int32_t hint_reg;      /* physical register preferred, -1 */
    int32_t slot;          /* parent only: spill slot, -1 */
} BeInterval;

typedef struct BeRegAlloc {
    BeLirFn *fn;
    BeInterval *iv;        /* [0,nvregs) vreg parents, [nvregs,+BE_NREGS) fixed, then children */
    uint32_t niv, capiv;
    uint32_t words;        /* 64-bit words per liveness bitset */
    uint64_t *live_in;     /* per block id */
    uint64_t *live_out;
    int32_t *def_count;    /* per vreg: instruction definitions */
    int32_t *def_pos;      /* per vreg: position of the (last) definition */
    uint8_t *is_phi;       /* per vreg: defined by a phi */
    uint8_t *block_start;  /* per gap (pos/2): a block begins here */
    int32_t npos;          /* positions: [0, npos) */
    /* statistics, for --print-regalloc and tests */
    int32_t nsplits, nspilled, nmoves;
    char error[256];
} BeRegAlloc;

/* The whole allocation: finish, split critical edges, number, build, scan,
 * resolve. On success the LIR's vreg operands are registers or slots and
 * fn->allocated is set. When log is not NULL the intervals and the allocated
 * LIR are printed there (--print-regalloc). */
bool be_regalloc(BeLirFn *fn, FILE *log, char *err, size_t errlen);

/* The steps, for tests and for printing. */
BeRegAlloc *be_ra_new(BeLirFn *fn);
void be_ra_free(BeRegAlloc *ra);
bool be_ra_build(BeRegAlloc *ra);         /* be_liveness.c */
bool be_ra_scan(BeRegAlloc *ra);          /* be_regalloc.c */
bool be_ra_resolve(BeRegAlloc *ra);       /* be_resolve.c */
void be_ra_print_intervals(FILE *f, BeRegAlloc *ra);

/* Queries on the result. A location is a register (0..31) or
 * BE_LOC_SLOT + slot. */
enum { BE_LOC_NONE = -1, BE_LOC_SLOT = 64 };
int32_t be_ra_child_at(BeRegAlloc *ra, int32_t vreg, int32_t pos);
int32_t be_ra_location_at(BeRegAlloc *ra, int32_t vreg, int32_t pos);
bool be_ra_live_in(BeRegAlloc *ra, int32_t block, int32_t vreg);

/* Interval primitives (be_liveness.c), shared by the three files. */
int32_t be_iv_new(BeRegAlloc *ra, int32_t vreg, int32_t fixed, uint8_t cls);
void be_iv_add_range(BeInterval *it, int32_t from, int32_t to);
void be_iv_add_use(BeInterval *it, int32_t pos, uint8_t policy);
bool be_iv_covers(const BeInterval *it, int32_t pos);
static inline int32_t be_iv_start(const BeInterval *it) { return it->nranges ? it->ranges[0].from : -1; }
static inline int32_t be_iv_end(const BeInterval *it) { return it->nranges ? it->ranges[it->nranges - 1].to : -1; }

/* Re-checks an allocated function by abstract interpretation: every use
 * must find its vreg in the location the operand names, along every path.
 * Returns false with a message naming the first violation. */
bool be_regalloc_check(BeLirFn *fn, char *err, size_t errlen);

/* Sequentializes one parallel move (dst[i] <- src[i], all at once) into
 * moves appended to out, breaking cycles through the scratch registers.
 * Locations as above; cls[i] is the class of the value moved. Used by the
 * resolver and exposed for tests. Returns the number of moves written. */
typedef struct BeMoveOut { int32_t dst, src, vdst, vsrc; uint8_t cls; } BeMoveOut;
uint32_t be_parallel_move(const int32_t *dst, const int32_t *src, const int32_t *vdst,
                          const int32_t *vsrc, const uint8_t *cls, uint32_t n,
                          BeMoveOut *out, uint32_t outcap);

/* Translates the deopt table's operand references into registers and stack
 * slots after allocation (be_resolve.c). */
void be_deopt_finalize(BeLirFn *fn);

#endif
