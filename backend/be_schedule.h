/* be_schedule.h — the scheduled view of a sea-of-nodes graph: basic blocks
 * in order, each with its nodes in the order they execute.
 *
 * Global Code Motion (Click 1995, "Global Code Motion / Global Value
 * Numbering"): the CFG comes from the control nodes, then the dominator
 * tree and the loop tree; every floating node is scheduled early (the
 * deepest block among its inputs) and late (the lowest common dominator of
 * its uses, a phi's use counting at the end of the matching predecessor),
 * and placed in the shallowest loop on the dominator path between the two.
 * That placement is reef's loop-invariant code motion. Inside a block the
 * nodes are ordered by their data and effect dependences, phis first and
 * the block's terminator last.
 */
#ifndef BE_SCHEDULE_H
#define BE_SCHEDULE_H

#include <stdio.h>
#include "ir/ir.h"

typedef struct BeSchedBlock {
    NodeId node;            /* Start, Region, Loop, IfTrue or IfFalse */
    NodeId term;            /* If, Return, Deoptimize, Throw; IR_NONE: falls into succ[0] */
    int32_t succ[2];
    int32_t nsucc;
    int32_t *preds;         /* in the order of the merge's control inputs */
    int32_t npreds;
    int32_t idom;           /* -1 for the entry */
    int32_t dom_depth;
    int32_t loop_header;    /* innermost loop containing the block (a block index), -1 */
    int32_t loop_depth;     /* 0 outside loops */
    bool is_loop_header;
    NodeId *nodes;          /* scheduled nodes, in execution order (phis first, term last) */
    uint32_t nnodes, capnodes;
} BeSchedBlock;

typedef struct BeSchedule {
    const Graph *g;
    BeSchedBlock *blocks;
    int32_t nblocks;
    int32_t *order;         /* reverse postorder of the CFG: the layout order */
    int32_t *block_of;      /* per node id: its block, -1 if not scheduled */
    uint32_t nfloating;     /* floating nodes placed */
    uint32_t nhoisted;      /* of them, placed in a shallower loop than their latest block */
    char error[160];
} BeSchedule;

/* Schedules a verified graph. NULL with a message in err when the control
 * structure is not one the scheduler understands. */
BeSchedule *be_schedule(const Graph *g, char *err, size_t errlen);
void be_schedule_free(BeSchedule *s);
/* The "scheduled" section of --print-graph: blocks in order with their
 * dominator, loop depth, predecessors and nodes. */
void be_schedule_print(FILE *f, const BeSchedule *s);
/* Block index of node n (-1 when n is not scheduled). */
static inline int32_t be_sched_block(const BeSchedule *s, NodeId n) { return s->block_of[n]; }

#endif
