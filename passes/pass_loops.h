/* pass_loops.h — the loop tree of a sea-of-nodes graph (pass_loops.c),
 * shared by the loop transformations (pass_peel.c). */
#ifndef PASS_LOOPS_H
#define PASS_LOOPS_H

#include "ir/ir.h"

#define LOOP_NONE 0xFFFFFFFFu

typedef struct LoopInfo {
    NodeId header;          /* the Loop node */
    uint32_t parent;        /* enclosing loop (index), or LOOP_NONE */
    uint32_t depth;         /* 1 for an outermost loop */
    uint32_t children;      /* number of loops directly inside */
    NodeId *body;           /* control nodes of the loop, header first, in id order after it */
    uint32_t nbody;
    NodeId *exits;          /* control nodes outside the loop whose control input is inside */
    uint32_t nexits;
} LoopInfo;

typedef struct LoopTree {
    LoopInfo *loops;        /* outer loops before the loops they contain */
    uint32_t count;
    uint32_t *innermost;    /* per node id: innermost loop holding that control node, or LOOP_NONE */
    uint32_t ids;           /* size of innermost[] */
} LoopTree;

/* Finds every loop reachable from Start. Returns the number of loops. */
uint32_t loops_find(const Graph *g, LoopTree *t);
void loops_free(LoopTree *t);
/* Whether control node n belongs to loop l (its body or a loop inside it). */
bool loops_contains(const LoopTree *t, uint32_t l, NodeId n);

#endif
