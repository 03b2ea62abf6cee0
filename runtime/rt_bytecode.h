/* rt_bytecode.h — bytecode functions: what the front end produces and the
 * interpreter (and later the graph builder) consumes.
 *
 * A BytecodeFunction is the shared, immutable part of a JS function (V8's
 * SharedFunctionInfo + BytecodeArray): code, constant pool, nested function
 * templates, exception handler table, source positions and the layout of its
 * FeedbackVector. It lives outside the GC heap (malloc) for the runtime's
 * lifetime; the GC treats its constants as roots (Runtime.code_list).
 */
#ifndef RT_BYTECODE_H
#define RT_BYTECODE_H

#include <stddef.h>
#include <stdint.h>
#include "rt_value.h"

typedef enum {
#define BC(name, ops, flags) BC_##name,
#include "rt_bytecode.def"
#undef BC
    BC__COUNT
} Bytecode;

enum { BCF_JUMP = 1, BCF_TERM = 2, BCF_THROWS = 4, BCF_CALL = 8, BCF_LOOP = 16 };

typedef struct {
    const char *name;
    const char *operands;   /* see rt_bytecode.def */
    uint8_t flags;
} BytecodeInfo;

extern const BytecodeInfo rt_bytecode_info[BC__COUNT];
int rt_operand_width(char kind); /* r k f u s -> 2; i j -> 4 */
int rt_bytecode_length(Bytecode op); /* 1 + operand widths */

/* Operand decoding (unaligned, little-endian). */
static inline uint16_t rt_bc_u16(const uint8_t *p) { uint16_t v; memcpy(&v, p, 2); return v; }
static inline int32_t rt_bc_i32(const uint8_t *p) { int32_t v; memcpy(&v, p, 4); return v; }
static inline uint32_t rt_bc_u32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }

/* Feedback slot kinds: the FeedbackVector layout is fixed at compile time. */
#define RT_FEEDBACK_KINDS(X) \
    X(BinaryOp)   /* arithmetic/bitwise: BinaryOpHint lattice */ \
    X(Compare)    /* comparisons: CompareHint lattice */ \
    X(Load)       /* named property load IC */ \
    X(Store)      /* named property store IC */ \
    X(KeyedLoad)  /* keyed load: elements kinds seen + named IC for string keys */ \
    X(KeyedStore) \
    X(Global)     /* global load/store: cached property cell */ \
    X(Call)       /* call target + count */ \
    X(InstanceOf)

typedef enum {
#define X(n) FS_##n,
    RT_FEEDBACK_KINDS(X)
#undef X
    FS__COUNT
} FeedbackSlotKind;

/* try { } ranges: a throw with pc in [start, end) jumps to handler with
 * acc = exception and the current context restored from context_reg (a
 * register holding LdaCurrentContext's value; a context_reg beyond the
 * register count means "leave the context as it is"). When ranges nest, the
 * innermost (shortest) range containing pc wins. */
typedef struct {
    uint32_t start, end, handler;
    uint16_t context_reg;
} HandlerEntry;

/* Maps a bytecode offset to a source position (sorted by offset). */
typedef struct {
    uint32_t offset;
    uint32_t line, col;     /* 1-based */
    uint32_t is_statement;  /* 1: statement position (S> in listings), 0: expression (E>) */
} SourcePos;

typedef struct Script {
    char *filename;
    char *source;           /* UTF-8, NUL-terminated */
    size_t source_len;
} Script;

enum {
    BFF_STRICT = 1 << 0,
    BFF_ARROW = 1 << 1,              /* lexical this/new.target/arguments */
    BFF_METHOD = 1 << 2,             /* not a constructor */
    BFF_CLASS_CTOR = 1 << 3,         /* throws when called without new */
    BFF_DERIVED_CTOR = 1 << 4,       /* this starts as hole until super() */
    BFF_GETTER = 1 << 5,
    BFF_SETTER = 1 << 6,
    BFF_TOPLEVEL = 1 << 7,           /* script or module body */
    BFF_NEEDS_CONTEXT = 1 << 8,      /* function scope allocates a Context on entry */
    BFF_HAS_SIMPLE_PARAMS = 1 << 9,
    BFF_CLASS_FIELDS_INIT = 1 << 10, /* synthetic initializer of instance fields */
};

typedef struct FeedbackVector FeedbackVector; /* rt_feedback.h */

typedef struct BytecodeFunction {
    Value name;                     /* interned string ("" for anonymous) */
    Script *script;
    uint32_t src_start, src_end;    /* byte range in script->source (Function.prototype.toString) */
    uint32_t line, col;             /* position of the function keyword/name */
    uint32_t flags;                 /* BFF_* */
    uint16_t param_count;           /* formal parameters before rest/default: the `length` property */
    uint16_t formal_count;          /* registers 0..formal_count-1 receive the arguments */
    uint16_t register_count;        /* total registers incl. formals */
    uint16_t context_slots;         /* slots of the function context when BFF_NEEDS_CONTEXT */
    uint8_t *code;
    uint32_t code_len;
    Value *constants;               /* numbers and interned strings */
    uint32_t constant_count;
    struct BytecodeFunction **functions; /* nested templates for CreateClosure / CreateClass */
    uint32_t function_count;
    HandlerEntry *handlers;
    uint32_t handler_count;
    SourcePos *positions;
    uint32_t position_count;
    uint8_t *slot_kinds;            /* FeedbackSlotKind per slot */
    uint32_t slot_count;
    /* Runtime state, owned by the interpreter and the tiering policy. */
    FeedbackVector *feedback;       /* created on first call */
    uint32_t invocation_count;
    void *opt_code;                 /* optimized code, later tiers */
    uint32_t opt_flags;
    struct BytecodeFunction *next_in_runtime; /* Runtime.code_list */
    void *tier;                     /* tiering state (rt_tier.h: RtTierInfo), NULL until needed */
} BytecodeFunction;

/* Source position of a bytecode offset (the last entry at or before it). */
const SourcePos *rt_bc_position(const BytecodeFunction *bf, uint32_t offset);


/* BytecodeFunction.opt_flags: what %PrepareFunctionForOptimization & co asked
 * for (rt_natives.c); the tiering policy reads and clears them. */
enum {
    BCO_PREPARED = 1 << 0,            /* %PrepareFunctionForOptimization */
    BCO_OPTIMIZE_ON_NEXT_CALL = 1 << 1,
    BCO_NEVER_OPTIMIZE = 1 << 2,
    BCO_OSR_REQUESTED = 1 << 3,       /* %OptimizeOsr in a loop of this function */
    BCO_DEOPT_REQUESTED = 1 << 4,     /* %DeoptimizeNow / %DeoptimizeFunction */
    BCO_MAYBE_DEOPTED = 1 << 5,       /* has been deoptimized at least once */
    BCO_VERIFIED = 1 << 6,            /* the interpreter checked its operands (rt_interp_ops.c) */
    BCO_OPT_ATTEMPTED = 1 << 7,       /* the optimizing tier compiled or refused it (ir_tierup) */
};

#endif
