/* ir_build.h — from bytecode and recorded feedback to a sea-of-nodes graph.
 *
 * The builder walks the bytecode once, in offset order, building SSA on the
 * fly with the algorithm of Braun, Buchwald, Hack, Leißa, Mallon & Zwinkau
 * 2013 ("Simple and Efficient Construction of Static Single Assignment
 * Form"): every register, the accumulator, the context, the receiver and
 * the effect chain are variables; a block is sealed once all its
 * predecessors are known; loop headers get incomplete phis, completed when
 * the back edge arrives; trivial phis are removed as they appear.
 *
 * Feedback becomes speculation (see ir/README.md for the table): small-int
 * feedback gives CheckInt32 + Int32AddOverflow, number feedback float64
 * arithmetic, monomorphic and polymorphic property feedback CheckShape +
 * LoadField, no feedback at all an unconditional Deoptimize (the code was
 * never run), anything else a CallRuntime to the stub that runs the
 * bytecode with the interpreter's semantics. Every node that may deoptimize
 * carries the FrameState of the interpreter at that bytecode.
 */
#ifndef IR_BUILD_H
#define IR_BUILD_H

#include "ir.h"

#define IR_BUILD_MAX_CODE (1u << 20)    /* bytes of bytecode */
#define IR_BUILD_MAX_BLOCKS 4096
#define IR_BUILD_MAX_NODES 200000
#define IR_BUILD_MAX_VARS 4096         /* registers + 4 */

/* Builds the graph of bf (its feedback vector may be NULL: no feedback).
 * Returns NULL and sets *why (and *where, a bytecode offset) when the
 * function cannot be compiled; the function then stays interpreted. */
Graph *ir_build_graph(Runtime *rt, BytecodeFunction *bf, const char *name, IrBailout *why, uint32_t *where);

#endif
