/* rt_frame.h — interpreter frames on the VM stack, and what the interpreter
 * files tell each other.
 *
 * Frames live on one contiguous Value stack owned by the Interp (Ignition's
 * register file on the machine stack, here a separate array), so the
 * collector scans them precisely, stack overflow is a clean RangeError, and
 * the deoptimizer can build frames and resume the interpreter.
 *
 * One frame, from low to high addresses (every field is one 8-byte word):
 *
 *   Frame header   caller frame, function object (JSFunction *), BytecodeFunction *,
 *                  context (Context *), receiver, new.target, accumulator,
 *                  registers pointer, pc | argc, flags
 *   args[argc]     the actual arguments as passed (for `arguments` and rest)
 *   regs[n]        n = bf->register_count; regs[0 .. formal_count-1] are the
 *                  formal parameters (missing ones undefined), the rest start
 *                  undefined
 *
 * `pc` is the bytecode offset of the instruction the frame is executing; for
 * every frame but the innermost it is a call instruction, and the frame
 * resumes after it (pc + length of that instruction) with the callee's
 * result in the accumulator: that is the return address. A frame that a C
 * caller entered (rt_call, rt_construct) has FRAME_ENTRY: returning from it
 * leaves the dispatch loop. To build frames (the deoptimizer), call
 * rt_frame_push, fill regs/acc/pc/context, and run rt_interp_resume.
 */
#ifndef RT_FRAME_H
#define RT_FRAME_H

#include "rt_runtime.h"
#include "rt_feedback.h"

enum {
    FRAME_ENTRY = 1,        /* return leaves the dispatch loop (a C caller waits) */
    FRAME_CONSTRUCT = 2,    /* [[Construct]]: the result is an object or `this` */
    FRAME_THROWING = 4,     /* rebuilt by the deoptimizer with rt->exception pending: unwind from pc */
};

typedef struct Frame {
    struct Frame *caller;   /* next outer frame (NULL at the bottom) */
    JSFunction *function;   /* the running closure */
    BytecodeFunction *bf;
    Context *context;       /* current context (PushContext changes it) */
    Value receiver;         /* this; hole in a derived constructor before super() */
    Value new_target;       /* undefined for a call */
    Value acc;              /* accumulator, saved while the frame calls out */
    Value *regs;            /* register file (after args) */
    uint32_t pc;            /* offset of the current instruction */
    uint32_t argc;          /* actual argument count */
    uint32_t flags;         /* FRAME_* */
    uint32_t pad;           /* optimized code calling out from inlined code: its RtInlineFrame (rt_tier.h) */
    Value args[];           /* args[argc], then regs[register_count] */
} Frame;

/* Frames deeper than this throw RangeError even when the stack has room. */
#define RT_MAX_FRAMES 100000
/* Nested C -> JS entries (natives calling back into JS) before RangeError. */
#define RT_MAX_NATIVE_DEPTH 800

struct Interp {
    Value *stack;           /* the VM stack (malloc) */
    Value *limit;           /* one past the last usable word */
    Frame *top;             /* innermost live frame, NULL when idle */
    uint32_t frame_count;
    /* Where the pending exception was raised, for the uncaught report. */
    BytecodeFunction *throw_bf;
    uint32_t throw_pc;
    bool throw_pos_valid;
    /* Prebuilt shapes for closures: see rt_closure_new (rt_call.c). */
    Shape *fn_shape[4];
    Shape *proto_shape;     /* {constructor} on Object.prototype */
    Shape *arguments_shape; /* not cached yet: reserved */
};

/* ---- rt_call.c: frames, calls, construction ---------------------------------- */
/* Pushes a frame for calling `fn` (a JSFunction) with the given arguments;
 * applies the function-entry rules (missing formals, this coercion, context).
 * NULL with an exception pending (stack overflow, class ctor without new).
 * For construct, receiver is the already created `this` (hole when derived). */
Frame *rt_frame_push(Runtime *rt, JSFunction *fn, Value receiver, int argc,
                     const Value *argv, Value new_target, uint32_t flags);
void rt_frame_pop(Runtime *rt, Frame *f);
/* The [[Construct]] prologue of a bytecode constructor: the new `this`
 * (proto from new_target.prototype, fields initialized), hole for a derived
 * ctor; RT_EXCEPTION on a throw. */
Value rt_construct_this(Runtime *rt, JSFunction *ctor, Value new_target);
/* Runs a class constructor's instance-field initializer on `obj`. */
Value rt_run_fields(Runtime *rt, JSFunction *ctor, Value obj);
Value rt_create_class(Runtime *rt, Frame *fr, BytecodeFunction *bf, Value parent);
Value rt_super_call(Runtime *rt, Frame *fr, int argc, const Value *argv);
Value rt_create_arguments(Runtime *rt, Frame *fr);
/* Collects the values of an array-like (spread argument lists) into a
 * malloc'd vector; -1 with an exception pending. */
int rt_spread_args(Runtime *rt, Value arr, Value **out, uint32_t *n);
/* Errors "x is not a function" / "x is not a constructor" for the callee of
 * the instruction at fr->pc (the callee expression rebuilt from bytecode). */
Value rt_throw_not_callable(Runtime *rt, Frame *fr, Value callee, int callee_reg, bool construct);
/* A short description of a value for error messages (V8's %ToString-ish). */
void rt_value_desc(Runtime *rt, Value v, char *buf, size_t n);

/* ---- rt_interp.c: the dispatch loop ------------------------------------------ */
/* Runs from frame `entry` (already pushed, FRAME_ENTRY set) until it returns. */
Value rt_interp_run(Runtime *rt, Frame *entry);
/* The handler-table search after an exception at fr->pc; -1 if none. */
int rt_find_handler(const BytecodeFunction *bf, uint32_t pc);

/* ---- rt_interp_ops.c: out-of-line bytecode bodies ------------------------------ */
Value rt_op_lda_global(Runtime *rt, Frame *fr, Value name, FeedbackSlot *fs, bool typeof_mode);
int rt_op_sta_global(Runtime *rt, Frame *fr, Value name, Value v, FeedbackSlot *fs);
Value rt_op_test_in(Runtime *rt, Value key, Value obj);
int rt_op_define_keyed_own(Runtime *rt, Value obj, Value key, Value v);
int rt_op_define_method(Runtime *rt, Value obj, Value key, Value fn, int kind, bool enumerable);
Value rt_op_get_super(Runtime *rt, Frame *fr, Value key);
int rt_op_set_super(Runtime *rt, Frame *fr, Value key, Value v);
int rt_op_copy_data_properties(Runtime *rt, Value target, Value src, Value excluded);
Value rt_op_array_spread(Runtime *rt, Value arr, Value iterable);
Value rt_op_named_key(Runtime *rt, Value name);   /* "0" -> int key */
/* with and script-level declarations (see rt_bytecode.def) */
Value rt_op_resolve_with(Runtime *rt, Frame *fr, Value acc, Value name, uint32_t depth);
int rt_op_declare_globals(Runtime *rt, Value decls);
void rt_op_sta_global_lexical(Runtime *rt, Value name, Value v);

/* ---- rt_iter.c ------------------------------------------------------------------ */
Value rt_forin_prepare(Runtime *rt, Value obj);
Value rt_forin_next(Runtime *rt, Value it);           /* key, hole when done */
Value rt_get_iterator(Runtime *rt, Value obj);
Value rt_iterator_next(Runtime *rt, Value it);        /* value, hole when done */
int rt_iterator_close(Runtime *rt, Value it);

/* ---- rt_natives.c --------------------------------------------------------------- */
Value rt_natives_call(Runtime *rt, Frame *fr, unsigned id, int argc, Value *argv);

/* ---- rt_error.c ----------------------------------------------------------------- */
/* Records where the pending exception was raised (innermost frame's pc). */
void rt_error_note_throw_site(Runtime *rt);

#endif
