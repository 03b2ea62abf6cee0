/* rt_runtime.h — the runtime instance. There are no mutable globals in reef:
 * everything a running program needs hangs off one Runtime, passed
 * explicitly (as lua_State is in Lua).
 */
#ifndef RT_RUNTIME_H
#define RT_RUNTIME_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include "rt_value.h"
#include "rt_heap.h"
#include "rt_string.h"
#include "rt_object.h"
#include "rt_bytecode.h"

/* ---- flags ----------------------------------------------------------------- */
#define FLAG_CTYPE_BOOL bool
#define FLAG_CTYPE_INT int
#define FLAG_CTYPE_STR const char *
typedef struct Flags {
#define FLAG(type, field, spelling, def, help) FLAG_CTYPE_##type field;
#include "rt_flags.def"
#undef FLAG
} Flags;
void rt_flags_default(Flags *f);

typedef enum {
#define ATOM(id, text) ATOM_##id,
#include "rt_atoms.def"
#undef ATOM
    ATOM__COUNT
} AtomId;

typedef enum {
#define INTR(id) INTR_##id,
#include "rt_intrinsics.def"
#undef INTR
    INTR__COUNT
} IntrinsicId;

/* Error kinds, in the order of their intrinsics. */
#define RT_ERROR_KINDS(X) X(Error) X(TypeError) X(RangeError) X(ReferenceError) \
    X(SyntaxError) X(EvalError) X(URIError)
typedef enum {
#define X(n) ERR_##n,
    RT_ERROR_KINDS(X)
#undef X
    ERR__COUNT
} ErrorKind;

typedef struct Interp Interp;         /* rt_interp.c */
typedef struct InternTable InternTable;

/* How a source text is compiled (the front end installs this hook: the
 * runtime sits above the front end and may only reach it through here). */
typedef enum { RT_COMPILE_SCRIPT, RT_COMPILE_FUNCTION_BODY, RT_COMPILE_MODULE } CompileMode;
typedef BytecodeFunction *(*CompileHook)(Runtime *rt, const char *filename,
                                         const char *source, size_t len,
                                         CompileMode mode, const char *params);

struct Runtime {
    struct Heap *heap;
    InternTable *interns;
    Flags flags;
    Value atoms[ATOM__COUNT];
    Value intrinsics[INTR__COUNT];
    JSObject *global;
    BytecodeFunction *code_list;     /* every BytecodeFunction, GC roots */
    Script **scripts;                /* owned scripts */
    size_t script_count, script_cap;

    Value exception;                 /* pending exception (valid while a call returns RT_EXCEPTION) */
    Interp *interp;                  /* VM stack and frames */
    void *native_stack_base;         /* for the conservative scan */
    int native_depth;                /* C recursion depth (natives calling JS) */

    CompileHook compile;             /* installed by the driver */
    void *opt_hook;                  /* the optimizing tier, installed by the driver */
    void *host;                      /* the embedder's state (driver: require cache, argv) */
    FILE *out;                       /* stdout */
    FILE *err;                       /* stderr */
    Value extra_roots[8];            /* host-owned roots (module cache, …) */
    struct ShapeCache *shapes;       /* root shapes per (proto, in-object capacity); weak (rt_shape.c) */
    uint64_t random_state;           /* Math.random: xorshift64* state, seeded by rt_realm_init */
    void *tier;                      /* the optimizing tier's state (backend/be_tier.c), with opt_hook */
};

Runtime *rt_new(const Flags *flags, void *stack_base);
void rt_free(Runtime *rt);

static inline Value rt_atom(Runtime *rt, AtomId id) { return rt->atoms[id]; }
static inline Value rt_intrinsic(Runtime *rt, IntrinsicId id) { return rt->intrinsics[id]; }

/* ---- exceptions (rt_error.c) ----------------------------------------------
 * A C function that throws sets rt->exception and returns RT_EXCEPTION (or -1
 * for int-returning functions). */
Value rt_throw(Runtime *rt, Value exc);
Value rt_throw_error(Runtime *rt, ErrorKind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
Value rt_new_error(Runtime *rt, ErrorKind kind, Value message); /* with .stack */
Value rt_take_exception(Runtime *rt);
/* Prints an uncaught exception like Node.js: "Uncaught ..." / the stack. */
void rt_report_exception(Runtime *rt, Value exc, FILE *f);

/* The interpreter's state: created by rt_new after the heap, freed by rt_free. */
Interp *rt_interp_new(Runtime *rt);
void rt_interp_free(Runtime *rt);

/* ---- calls (rt_interp.c) -------------------------------------------------- */
Value rt_call(Runtime *rt, Value fn, Value this_val, int argc, const Value *argv);
Value rt_construct(Runtime *rt, Value fn, int argc, const Value *argv, Value new_target);
/* Runs a top-level script function; returns its completion or RT_EXCEPTION. */
Value rt_run_toplevel(Runtime *rt, BytecodeFunction *bf, Value this_val);
JSFunction *rt_closure_new(Runtime *rt, BytecodeFunction *bf, Context *ctx);
/* Current stack as a string, like V8's Error.stack frames ("    at f (file:1:2)"). */
Value rt_capture_stack(Runtime *rt, int skip);

/* ---- builtins (rt_realm.c & rt_builtins_*.c) --------------------------------- */
void rt_realm_init(Runtime *rt);  /* creates intrinsics and the global object */
JSNative *rt_native_new(Runtime *rt, NativeFn fn, const char *name, int length, int magic);
/* Defines a builtin method (non-enumerable) on an object. */
JSNative *rt_define_native(Runtime *rt, JSObject *o, const char *name, NativeFn fn, int length, int magic);
/* console.log formatting, as Node's util.inspect does it. */
Value rt_inspect(Runtime *rt, Value v);
void rt_console_print(Runtime *rt, FILE *f, int argc, Value *argv);

/* ---- code registry --------------------------------------------------------- */
BytecodeFunction *rt_bytecode_new(Runtime *rt); /* zeroed, linked into code_list */
Script *rt_script_new(Runtime *rt, const char *filename, const char *source, size_t len);


/* ---- interpreter additions (rt_error.c, rt_interp.c) --------------------------
 * Error constructor helper for the builtins: an error object of `kind` with
 * own non-enumerable `message` (unless undefined; ToString'd), `cause` when
 * options has one, and `stack`. RT_EXCEPTION if ToString throws. The _proto
 * variant takes the prototype (from new.target, for subclasses). */
Value rt_error_construct(Runtime *rt, ErrorKind kind, Value message, Value options);
Value rt_error_construct_proto(Runtime *rt, Value proto, Value message, Value options);

/* The tiering hook: called (when Runtime.opt_hook is non-NULL) at function
 * entry (reason 0, pc 0) and at loop back edges (reason 1, pc = the JumpLoop
 * offset), and by %OptimizeFunctionOnNextCall & co (reason 2). */
typedef void (*OptHook)(Runtime *rt, JSFunction *fn, int reason /*0 call, 1 backedge, 2 natives*/, uint32_t pc);


/* Native iterators (rt_iter.c): JSIterator.kind, the same numbering as the
 * builtins' array and string iterators (target undefined once done), so that
 * for-of runs them without calling next(). rt_iterator_next returns the next
 * value, or RT_HOLE when done. rt_get_iterator is GetIterator (@@iterator). */
enum { RT_ITER_ARRAY_KEYS, RT_ITER_ARRAY_VALUES, RT_ITER_ARRAY_ENTRIES, RT_ITER_STRING, RT_ITER_GENERIC };
Value rt_iterator_new(Runtime *rt, Value target, int kind);
Value rt_iterator_next(Runtime *rt, Value it);
Value rt_get_iterator(Runtime *rt, Value iterable);

#endif
