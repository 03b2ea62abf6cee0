/* be_select.h — from a scheduled sea of nodes to LIR (instruction
 * selection), and the representation selection that runs before it.
 *
 * Selection walks the blocks of the schedule in order and the nodes of each
 * block in their local order, and tiles every node with a few LIR
 * instructions over virtual registers: int32 values live in the low half of
 * a general register, float64 values in an XMM register, tagged values are
 * NaN-boxed words (runtime/rt_value.h), bits are 0/1 in a general register.
 * Checks become a compare and a conditional jump to a deopt exit whose
 * table entry is the translation of the check's FrameState; everything the
 * machine cannot do in a few instructions is a call to a stub of
 * runtime/rt_tier.h with the interpreter's exact semantics.
 */
#ifndef BE_SELECT_H
#define BE_SELECT_H

#include "be_lir.h"
#include "be_schedule.h"
#include "runtime/rt_tier.h"

typedef struct BeSelectOptions {
    RtOptCode *code;            /* receives the generic-stub trampolines; its address is embedded */
    bool osr;                   /* Parameter(i) reads the interpreter registers at the loop (OSR entry) */
    uint32_t osr_nregs;         /* OSR: registers of the real function; Parameter(nregs) is the accumulator */
    int32_t deopt_every_n;      /* --deopt-every-n-times: a forced deopt every N checks reached */
    uint32_t *stress_counter;   /* where the count lives (the tier's state) */
} BeSelectOptions;

/* Per deopt point, what the table's own reason cannot say. */
typedef struct BeSelectPoint {
    uint16_t ir_reason;         /* IrDeoptReason (ir_deopt.def), or IR_DEOPT__COUNT for a forced one */
    uint8_t lazy;               /* after a call: resume after it with the call's result */
} BeSelectPoint;

typedef struct BeSelectResult {
    BeLirFn *fn;
    BeSelectPoint *points;      /* parallel to fn->deopt.points */
    Value *roots;               /* heap values the code embeds (the GC must keep them) */
    uint32_t nroots, caproots;
    uint32_t ninstrs;           /* LIR instructions selected */
} BeSelectResult;

/* NULL with a reason in err (an unsupported node: the function stays
 * interpreted). The result's arrays are malloc'd; free with be_select_free. */
bool be_select(const Graph *g, const BeSchedule *s, const BeSelectOptions *o, BeSelectResult *out,
               char *err, size_t errlen);
void be_select_free(BeSelectResult *r);

/* Representation selection (be_select_repr.c): phis whose inputs are all
 * int32 (or all numbers) become int32 (float64) phis, so that loop
 * variables stay unboxed in registers; conversions are inserted where a
 * tagged value is still needed and the checks they made useless go away.
 * Returns the number of phis changed. */
uint32_t be_select_representations(Graph *g);

#endif
