/* ir.h — reef's sea-of-nodes graph: nodes in an arena indexed by id, with
 * inputs and uses kept in side arrays.
 *
 * The representation follows Click & Paleczny 1995 ("A Simple Graph-Based
 * Intermediate Representation"): one graph holds control, effect and value
 * edges; a node's inputs are ordered control, effect, values, FrameState.
 * The memory layout is the cache-friendly one of DESIGN §5: an IrNode is a
 * small fixed record; its inputs are a contiguous range of Graph.in and its
 * uses a contiguous range of Graph.use, both relocated to the end of their
 * array when they outgrow their capacity. Types live in a parallel array
 * (Graph.types) so that walks that never look at types stay compact.
 *
 * Ids are handed out in creation order and never reused, so dumps of the
 * same function are identical from run to run and across passes a node
 * keeps its name (graphs/ highlights what a pass changed by id). Nothing
 * iterates in pointer order.
 *
 * Use lists are exact: a user appears in the use list of x once per input
 * slot that holds x. Every mutation goes through the functions below.
 */
#ifndef IR_H
#define IR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "runtime/rt_runtime.h"
#include "ir_type.h"

typedef uint32_t NodeId;
#define IR_NONE 0u            /* id 0 is never a node */

/* ---- the opcode table (ops.def) ------------------------------------------- */
typedef enum {
#define OP(name, ctl, eff, vals, fs, props, repr, aux) IR_##name,
#include "ops.def"
#undef OP
    IR__COUNT
} IrOp;

enum {
    P_PURE = 1 << 0,
    P_PINNED = 1 << 1,
    P_READ = 1 << 2,
    P_WRITE = 1 << 3,
    P_DEOPT = 1 << 4,
    P_COMM = 1 << 5,
    P_CTRL = 1 << 6,
    P_BLOCK = 1 << 7,
    P_EFF = 1 << 8,
    P_TERM = 1 << 9,
    P_THROW = 1 << 10,
};

/* Value representations: what machine word a value output is. */
typedef enum { R_NONE, R_TAGGED, R_INT32, R_FLOAT64, R_BIT, R_WORD, R_STATE } IrRepr;

/* What the aux field of a node holds (and how the printer shows it). */
typedef enum { A_NONE, A_I32, A_F64, A_VALUE, A_PARAM, A_FIELD, A_SHAPES, A_CTX,
               A_FS, A_STUB, A_DEOPT, A_EK, A_EKMASK } IrAuxKind;

#define IR_VARIADIC 0xFFFF
enum { IR_FS_OPT = 2 };

typedef struct IrOpInfo {
    const char *name;
    uint16_t ctl, eff;        /* counts, or IR_VARIADIC */
    const char *values;       /* signature (see ops.def) */
    uint8_t fs;               /* 0, 1, IR_FS_OPT */
    uint16_t props;
    uint8_t repr;             /* IrRepr */
    uint8_t aux;              /* IrAuxKind */
} IrOpInfo;

extern const IrOpInfo ir_op_info[IR__COUNT];
static inline const char *ir_op_name(IrOp op) { return ir_op_info[op].name; }
static inline bool ir_op_has(IrOp op, unsigned p) { return (ir_op_info[op].props & p) != 0; }
/* Fixed part of the value signature, and whether it repeats. */
uint32_t ir_op_min_values(IrOp op);
bool ir_op_values_variadic(IrOp op);
/* Representation char ('t','i','f','b','a') required of value input i. */
char ir_op_value_repr(IrOp op, uint32_t i);
const char *ir_repr_name(IrRepr r);

/* ---- stubs, deopt reasons, bailout reasons (X-macro tables) ---------------- */
typedef enum {
#define STUB(name, text) IR_STUB_##name,
#include "ir_stubs.def"
#undef STUB
    IR_STUB__COUNT
} IrStub;
typedef enum {
#define DEOPT(name, text) IR_DEOPT_##name,
#include "ir_deopt.def"
#undef DEOPT
    IR_DEOPT__COUNT
} IrDeoptReason;
typedef enum {
#define BAILOUT(name, text) IR_BAILOUT_##name,
#include "ir_bailout.def"
#undef BAILOUT
    IR_BAILOUT__COUNT
} IrBailout;
const char *ir_stub_name(uint32_t stub);
const char *ir_deopt_text(uint32_t reason);
const char *ir_deopt_name(uint32_t reason);
const char *ir_bailout_text(uint32_t reason);

/* Special Parameter indices (A_PARAM); 0..n-1 are the formal parameters. */
enum { IR_PARAM_THIS = -1, IR_PARAM_CLOSURE = -2, IR_PARAM_CONTEXT = -3,
       IR_PARAM_NEW_TARGET = -4, IR_PARAM_ARGC = -5 };

/* ---- nodes ------------------------------------------------------------------ */
typedef union IrAux {
    int32_t i32;                  /* A_I32, A_PARAM */
    double f64;                   /* A_F64 */
    Value value;                  /* A_VALUE */
    struct { uint32_t slot; uint8_t inobject; } field;   /* A_FIELD: property slot */
    uint32_t shapes;              /* A_SHAPES: index into Graph.shape_sets */
    struct { uint32_t depth, slot; } ctx;                /* A_CTX; slot IR_CTX_SELF: the context itself */
    struct {                      /* A_FS */
        uint32_t bc_offset;       /* where the interpreter resumes */
        uint16_t nregs;           /* values: r0..r(nregs-1), acc, context, receiver */
        uint16_t flags;
        BytecodeFunction *fn;
    } fs;
    struct { uint32_t stub; uint32_t bc_offset; } stub; /* A_STUB */
    uint32_t reason;              /* A_DEOPT */
    uint32_t ek;                  /* A_EK: ElementsKind; A_EKMASK: set of (1 << ElementsKind) */
    uint64_t raw[2];
} IrAux;

enum { IRN_DEAD = 1, IRN_MARK = 2, IRN_INCOMPLETE = 4 /* builder: phi awaiting its operands */ };
#define IR_CTX_SELF 0xFFFFFFFFu
/* FrameState flags: resume AT bc_offset and re-execute it (eager deopt of a
 * check), or AFTER it with the accumulator set to the result of the node
 * that deoptimized (lazy deopt of a call that returned into invalid code). */
enum { IR_FS_AFTER = 1 };

typedef struct IrNode {
    uint16_t op;                  /* IrOp */
    uint8_t repr;                 /* IrRepr of the value output (ops.def, Phi may differ) */
    uint8_t flags;                /* IRN_* */
    uint16_t nctl, neff;          /* input counts per kind; values = in_count - nctl - neff - nfs */
    uint8_t nfs;
    uint8_t pad;
    uint16_t visits;              /* scratch for passes (typing cut-off) */
    uint32_t in_start, in_count, in_cap;
    uint32_t use_start, use_count, use_cap;
    uint32_t bc_offset;           /* position that created it: IR_POS(inline site, bytecode offset) */
    IrAux aux;
} IrNode;

/* A node's position names the function its bytecode belongs to: site 0 is
 * the graph's own function, site k > 0 a function inlined at the position
 * sites[k].call_pos (which may itself lie in an inlined function). Copies of
 * a position (folding, peeling) carry the site along with the offset, as
 * V8's SourcePosition carries its inlining id. */
#define IR_POS_SITE_BITS 8
#define IR_POS_OFFSET_BITS 24
#define IR_MAX_SITES ((1u << IR_POS_SITE_BITS) - 1)
#define IR_POS(site, off) (((uint32_t)(site) << IR_POS_OFFSET_BITS) | ((uint32_t)(off) & 0xFFFFFFu))
#define IR_POS_SITE(p) ((uint32_t)(p) >> IR_POS_OFFSET_BITS)
#define IR_POS_OFFSET(p) ((uint32_t)(p) & 0xFFFFFFu)

typedef struct IrInlineSite {
    BytecodeFunction *fn;         /* the inlined function */
    uint32_t call_pos;            /* position of the call it replaced */
} IrInlineSite;

#define IR_MAX_SHAPES IR_TYPE_MAX_SHAPES
typedef struct IrShapeSet {
    uint32_t count;
    Shape *shapes[IR_MAX_SHAPES];
} IrShapeSet;

typedef struct Graph {
    IrNode *nodes;                /* nodes[0] unused */
    IrType *types;                /* parallel to nodes */
    uint32_t node_count, node_cap;/* ids 1..node_count-1 exist (some dead) */
    uint32_t live_count;
    NodeId *in;                   /* input ranges */
    uint32_t in_len, in_cap;
    NodeId *use;                  /* use ranges */
    uint32_t use_len, use_cap;
    IrShapeSet *shape_sets;
    uint32_t shape_set_count, shape_set_cap;
    NodeId start, end, dead;      /* dead: the Dead node, created on demand */
    Runtime *rt;                  /* may be NULL (unit tests) */
    BytecodeFunction *fn;         /* may be NULL */
    IrInlineSite *sites;          /* sites[1..site_count-1]; [0] unused (the graph's own function) */
    uint32_t site_count;
    char name[64];                /* for printing and dump file names */
} Graph;

Graph *ir_graph_new(Runtime *rt, BytecodeFunction *fn, const char *name);
void ir_graph_free(Graph *g);
/* A new inline site for fn called at call_pos; 0 when there is no room. */
uint32_t ir_site_add(Graph *g, BytecodeFunction *fn, uint32_t call_pos);
/* The function whose bytecode position pos is in. */
BytecodeFunction *ir_pos_fn(const Graph *g, uint32_t pos);
/* The offset in the graph's own function of the call that (transitively)
 * inlined pos; pos's own offset when it is not inlined. */
uint32_t ir_pos_outer(const Graph *g, uint32_t pos);

/* Creates a node with explicit input counts; inputs in order ctl, eff, values, fs. */
NodeId ir_node_new(Graph *g, IrOp op, uint32_t nctl, uint32_t neff, uint32_t nval,
                   uint32_t nfs, const NodeId *inputs);
/* Creates a node whose counts follow ops.def; the variadic group (if any)
 * takes the remaining inputs. A FrameState's optional outer frame is never
 * inferred: use ir_node_new. */
NodeId ir_newv(Graph *g, IrOp op, const NodeId *inputs, uint32_t n);
#define IR_NEW(g, op, ...) \
    ir_newv((g), (op), (const NodeId[]){__VA_ARGS__}, \
            (uint32_t)(sizeof((NodeId[]){__VA_ARGS__}) / sizeof(NodeId)))
#define IR_NEW0(g, op) ir_newv((g), (op), NULL, 0)

NodeId ir_int32(Graph *g, int32_t v);      /* Int32Constant */
NodeId ir_float64(Graph *g, double v);     /* Float64Constant */
NodeId ir_constant(Graph *g, Value v);     /* Constant */
NodeId ir_dead(Graph *g);                  /* the Dead node */
uint32_t ir_shape_set_add(Graph *g, Shape *const *shapes, uint32_t n);

static inline IrNode *ir_node(const Graph *g, NodeId n) { return &g->nodes[n]; }
static inline IrOp ir_op(const Graph *g, NodeId n) { return (IrOp)g->nodes[n].op; }
static inline bool ir_is_live(const Graph *g, NodeId n) {
    return n != IR_NONE && n < g->node_count && !(g->nodes[n].flags & IRN_DEAD);
}
static inline bool ir_has(const Graph *g, NodeId n, unsigned p) { return ir_op_has(ir_op(g, n), p); }
static inline IrType *ir_type(const Graph *g, NodeId n) { return &g->types[n]; }

/* Inputs. */
static inline uint32_t ir_in_count(const Graph *g, NodeId n) { return g->nodes[n].in_count; }
static inline NodeId ir_in(const Graph *g, NodeId n, uint32_t i) { return g->in[g->nodes[n].in_start + i]; }
static inline const NodeId *ir_inputs(const Graph *g, NodeId n) { return &g->in[g->nodes[n].in_start]; }
static inline uint32_t ir_nctl(const Graph *g, NodeId n) { return g->nodes[n].nctl; }
static inline uint32_t ir_neff(const Graph *g, NodeId n) { return g->nodes[n].neff; }
static inline uint32_t ir_nfs(const Graph *g, NodeId n) { return g->nodes[n].nfs; }
static inline uint32_t ir_nval(const Graph *g, NodeId n) {
    const IrNode *x = &g->nodes[n];
    return x->in_count - x->nctl - x->neff - x->nfs;
}
static inline NodeId ir_ctl(const Graph *g, NodeId n, uint32_t i) { return ir_in(g, n, i); }
static inline NodeId ir_eff(const Graph *g, NodeId n, uint32_t i) { return ir_in(g, n, g->nodes[n].nctl + i); }
static inline NodeId ir_val(const Graph *g, NodeId n, uint32_t i) {
    return ir_in(g, n, (uint32_t)g->nodes[n].nctl + g->nodes[n].neff + i);
}
static inline NodeId ir_fs(const Graph *g, NodeId n) {
    return g->nodes[n].nfs ? ir_in(g, n, g->nodes[n].in_count - 1) : IR_NONE;
}
/* Control input 0 / effect input 0, or IR_NONE. */
static inline NodeId ir_ctl0(const Graph *g, NodeId n) { return g->nodes[n].nctl ? ir_ctl(g, n, 0) : IR_NONE; }
static inline NodeId ir_eff0(const Graph *g, NodeId n) { return g->nodes[n].neff ? ir_eff(g, n, 0) : IR_NONE; }

typedef enum { IR_SLOT_CTL, IR_SLOT_EFF, IR_SLOT_VAL, IR_SLOT_FS } IrSlotKind;
IrSlotKind ir_slot_kind(const Graph *g, NodeId n, uint32_t i);

/* Uses (user ids; a user appears once per slot). The pointer is invalidated
 * by any mutation: copy with ir_uses_copy when the loop mutates. */
static inline uint32_t ir_use_count(const Graph *g, NodeId n) { return g->nodes[n].use_count; }
static inline const NodeId *ir_uses(const Graph *g, NodeId n) { return &g->use[g->nodes[n].use_start]; }
NodeId *ir_uses_copy(const Graph *g, NodeId n, uint32_t *count); /* malloc'd; caller frees */

/* Mutation. Each keeps the use lists exact. */
void ir_set_input(Graph *g, NodeId n, uint32_t i, NodeId v);
void ir_add_input(Graph *g, NodeId n, NodeId v);    /* appends to the variadic group */
void ir_remove_input(Graph *g, NodeId n, uint32_t i);
/* Every use of `old` now refers to `with`. */
void ir_replace_uses(Graph *g, NodeId old, NodeId with);
/* Splits the uses of n by slot kind: control uses -> ctl, effect uses -> eff,
 * value and FrameState uses -> val. IR_NONE leaves those uses alone. */
void ir_replace_by_kind(Graph *g, NodeId n, NodeId ctl, NodeId eff, NodeId val);
/* Drops n's inputs and marks it dead. n must have no uses left. */
void ir_kill(Graph *g, NodeId n);
/* Kills n if unused, then its inputs that became unused, and so on
 * (control-chain nodes and Start/End excepted). Returns nodes killed. */
uint32_t ir_kill_if_unused(Graph *g, NodeId n);
/* Control / effect successor helpers. */
NodeId ir_find_use(const Graph *g, NodeId n, IrOp op); /* first user with that op */

/* Value inputs must produce values; this says whether n does. */
static inline bool ir_produces_value(const Graph *g, NodeId n) {
    return g->nodes[n].repr != R_NONE && g->nodes[n].repr != R_STATE;
}

void *ir_xmalloc(size_t n);
void *ir_xrealloc(void *p, size_t n);
void *ir_xcalloc(size_t n, size_t size);

/* ---- typing (ir_typer.c) ------------------------------------------------------ */
IrType ir_type_bound(const Graph *g, NodeId n);     /* what the opcode guarantees */
IrType ir_type_transfer(const Graph *g, NodeId n);  /* from the input types */
/* Narrows n's type to meet(old, transfer); false when unchanged or cut off. */
bool ir_type_update(Graph *g, NodeId n);
/* After a change of representations (the backend's phi selection): narrows
 * every live node's type to its opcode's bound again, so that an int32 phi
 * has an int32 type. Returns how many types changed. */
uint32_t ir_type_clamp(Graph *g);

/* ---- printing (ir_print.c) --------------------------------------------------------
 * One node per line, e.g.
 *   n12: Int32AddOverflow(n3, n7) [ctl n5] [eff n11] [fs n9] : int32[0,100]
 * Value inputs in parentheses, control/effect/FrameState inputs marked.
 * Order: control nodes in reverse postorder from Start, each followed by the
 * nodes pinned to it (by id); then the floating nodes by id. */
void ir_print_graph(FILE *f, const Graph *g, const char *title);
void ir_print_node(FILE *f, const Graph *g, NodeId n);
/* "Int32Constant[12]", "LoadField[in-object 2]": the op and its aux. */
char *ir_node_label(const Graph *g, NodeId n, char *buf, size_t size);
char *ir_value_print(Value v, char *buf, size_t size);
/* The printing order: fills order[] (room for g->node_count ids), returns the count. */
uint32_t ir_print_order(const Graph *g, NodeId *order);
/* Control nodes in reverse postorder from Start; returns the count. */
uint32_t ir_control_rpo(const Graph *g, NodeId *order);

/* ---- verification (ir_verify.c) ------------------------------------------------ */
typedef struct IrErrors {
    char **msg;
    uint32_t count, cap;
} IrErrors;
/* Checks every structural invariant; appends one readable message per
 * problem ("n12 Int32AddOverflow: ..."), returns the number found. */
uint32_t ir_verify(const Graph *g, IrErrors *errs);
void ir_errors_add(IrErrors *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ir_errors_print(FILE *f, const IrErrors *e);
void ir_errors_free(IrErrors *e);

#endif
