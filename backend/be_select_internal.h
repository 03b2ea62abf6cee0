/* be_select_internal.h — what be_select.c (the walk, blocks, phis, calls,
 * deopt exits) and be_select_ops.c (the tile of each node) share. Not a
 * public header. */
#ifndef BE_SELECT_INTERNAL_H
#define BE_SELECT_INTERNAL_H

#include <stddef.h>
#include "be_select.h"

typedef struct SelIrBlock {
    int32_t *lblocks;           /* LIR blocks of this scheduled block, in layout order */
    int32_t nl;
    int32_t tail;               /* the LIR block control leaves from */
} SelIrBlock;

typedef struct SelPhi {
    int32_t block, dst;
    BePhiIn *ins;
    uint32_t nin;
} SelPhi;

typedef struct Sel {
    const Graph *g;
    const BeSchedule *s;
    const BeSelectOptions *o;
    BeSelectResult *res;
    BeLirFn *fn;
    int32_t *vr;                /* per node: its value's vreg, -1 */
    SelIrBlock *ib;
    SelPhi *phis;
    uint32_t nphis;
    uint32_t *phi_index;        /* per node: index into phis */
    uint8_t *fused;             /* per node: a compare left for its branch */
    int32_t cur, cur_ir;
    int32_t v_rt, v_fr, v_act, v_regs;
    int32_t exc_block;
    NodeId node;                /* being selected: annotations */
    uint32_t bc;                /* offset in the compiled function: what fr->pc records at a call */
    BytecodeFunction *src_fn;   /* the function the node's bytecode is in (an inlined one, or g->fn) */
    uint32_t src_bc;            /* the node's offset in src_fn */
    bool inlined;               /* src_fn is inlined: its registers are not the frame's */
    bool in_try;                /* c->bc lies in a handler's range: exceptions deoptimize to it */
    uint32_t pad_pos, pad_id;   /* the last position whose inlined frames were registered */
    bool annotated;
    bool bad;
    char msg[300];
    /* be_select_ops.c: untagged pointers already computed in this scheduled
     * block, each at the start of a tile (a block that dominates the rest
     * of the scheduled block), so later tiles reuse them. */
    int32_t tile_block, ut_ir;
    uint32_t ut_n;
    int32_t ut_src[16], ut_dst[16];
} Sel;

typedef struct SelArg { BeOperand op; uint8_t cls; } SelArg;

#define V(c, v) be_v((c)->fn, (v))
#define EM(c, op, ...) be_sel_emit((c), BE_##op, BE_CC_NONE, BE_OPS(__VA_ARGS__))
#define EMC(c, op, cc, ...) be_sel_emit((c), BE_##op, BE_CC_##cc, BE_OPS(__VA_ARGS__))
#define GA(c, v) ((SelArg){V(c, v), BE_GPR})
#define GI(x) ((SelArg){be_imm((int64_t)(x)), BE_GPR})
#define FA(c, v) ((SelArg){V(c, v), BE_XMM})

void *be_sel_xrealloc(void *p, size_t n);
bool be_sel_fail(Sel *c, const char *fmt, const char *what);
BeInstr *be_sel_emit(Sel *c, BeOpcode op, BeCond cc, const BeOperand *ops, uint32_t n);
int32_t be_sel_vreg(Sel *c, BeRegClass cls);
int32_t be_sel_block(Sel *c);
void be_sel_root(Sel *c, Value v);
BeRegClass be_sel_cls_of(const Graph *g, NodeId n);
int32_t be_sel_val(Sel *c, NodeId n);
BeOperand be_sel_src(Sel *c, NodeId n);
bool be_sel_is_i32const(const Graph *g, NodeId n, int32_t *out);
int32_t be_sel_def(Sel *c, NodeId n, BeRegClass cls);
/* Moves LIR block b (of the scheduled block being selected) after the
 * others made so far: blocks keep the order control reaches them in, which
 * is the allocator's linear order. */
void be_sel_block_to_end(Sel *c, int32_t b);
int32_t be_sel_call(Sel *c, const void *target, const char *name, const SelArg *args, uint32_t nargs,
                    BeRegClass rescls);
void be_sel_check_exception(Sel *c, int32_t v);
void be_sel_deopt(Sel *c, NodeId fs, uint32_t ir_reason, BeCond cc, bool uncond, int32_t acc_vreg);
void be_sel_stress(Sel *c, NodeId fs);

/* be_select_ops.c: the tile of one node. */
void be_sel_node(Sel *c, NodeId n);

#endif
