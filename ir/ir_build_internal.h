/* ir_build_internal.h — what ir_build.c (control flow and SSA) and
 * ir_build_ops.c (one translation per bytecode) share. Not a public header. */
#ifndef IR_BUILD_INTERNAL_H
#define IR_BUILD_INTERNAL_H

#include "ir_build.h"
#include "runtime/rt_feedback.h"

typedef struct BBlock {
    uint32_t start, end;          /* bytecode range [start, end) */
    uint32_t succ[2];             /* CFG successors (block indices) */
    uint8_t nsucc;
    bool reachable, loop_header, started, sealed, done;
    uint32_t expected;            /* incoming edges from reachable blocks */
    uint32_t pending;             /* incoming edges neither filled nor dead yet */
    uint32_t *preds;              /* filled predecessors, in the order their edges arrived */
    NodeId *pred_ctl;             /* the control each of them ended with */
    uint32_t npreds, pred_cap;
    NodeId ctl;                   /* Start, Region, Loop, IfTrue, ... */
    uint32_t *inc_var;            /* incomplete phis (unsealed loop headers) */
    NodeId *inc_phi;
    uint32_t ninc, inc_cap;
} BBlock;

typedef struct Builder {
    Runtime *rt;
    BytecodeFunction *bf;
    FeedbackVector *fv;
    Graph *g;
    BBlock *blocks;               /* nblocks real blocks, then the entry pseudo-block */
    uint32_t nblocks, entry;
    int32_t *block_at;            /* bytecode offset -> block index (leaders only), else -1 */
    uint8_t *insn_start;          /* 1 at each instruction start */
    uint32_t nregs, nvars;        /* variables: registers, then acc, context, receiver, effect */
    NodeId *defs;                 /* (nblocks + 1) * nvars current definitions */
    NodeId *fwd;                  /* removed trivial phi -> its replacement */
    uint32_t fwd_cap;
    uint32_t cur;                 /* block being filled */
    bool ended;                   /* the current block ended early (deopt, return) */
    uint32_t pc;                  /* offset of the instruction being translated */
    NodeId fs_at, fs_after;       /* FrameState cache for the current instruction */
    IrBailout bailout;
    uint32_t bail_at;
} Builder;

enum { V_ACC = 0, V_CTX = 1, V_RECV = 2, V_EFF = 3 };   /* offsets after the registers */

static inline uint32_t var_acc(const Builder *b) { return b->nregs + V_ACC; }
static inline uint32_t var_ctx(const Builder *b) { return b->nregs + V_CTX; }
static inline uint32_t var_recv(const Builder *b) { return b->nregs + V_RECV; }
static inline uint32_t var_eff(const Builder *b) { return b->nregs + V_EFF; }

/* SSA (ir_build.c). */
NodeId bld_read(Builder *b, uint32_t var);
void bld_write(Builder *b, uint32_t var, NodeId v);
NodeId bld_ctl(Builder *b);
void bld_bail(Builder *b, IrBailout why);
/* The state to resume in: at the current instruction, or after it. */
NodeId bld_frame_state(Builder *b, bool after);

/* Translation of one instruction (ir_build_ops.c). op, operands decoded by
 * the caller; returns false when the block ended (jump, return, deopt). */
bool bld_translate(Builder *b, Bytecode op, const uint8_t *operands);
/* The block ends with an edge to successor k, leaving with control ctl. */
void bld_edge(Builder *b, uint32_t k, NodeId ctl);
/* The block ends without any edge (return, throw, deopt). */
void bld_end_path(Builder *b, NodeId terminator);

#endif
