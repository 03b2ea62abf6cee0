/* rt_natives.c — the %Name(...) intrinsics of --allow-natives-syntax
 * (rt_natives.def; V8's spelling and, for %GetOptimizationStatus, V8's bit
 * flags, so that tests written for d8/node run unchanged).
 *
 * Tiering requests are recorded in BytecodeFunction.opt_flags (BCO_*) and
 * passed to Runtime.opt_hook when an optimizing tier is installed; with no
 * tier every function stays interpreted.
 */
#include <stdlib.h>
#include "rt_frame.h"

typedef Value (*IntrinsicFn)(Runtime *rt, Frame *fr, int argc, Value *argv);

/* V8's OptimizationStatus bits (src/runtime/runtime.h). */
enum {
    V8_IS_FUNCTION = 1 << 0,
    V8_NEVER_OPTIMIZE = 1 << 1,
    V8_ALWAYS_OPTIMIZE = 1 << 2,
    V8_MAYBE_DEOPTED = 1 << 3,
    V8_OPTIMIZED = 1 << 4,
    V8_MAGLEVVED = 1 << 5,
    V8_TURBOFANNED = 1 << 6,
    V8_INTERPRETED = 1 << 7,
    V8_MARKED_FOR_OPTIMIZATION = 1 << 8,
    V8_IS_LAZY = 1 << 18,
};

static JSFunction *arg_fn(int argc, Value *argv) {
    if (argc < 1 || !rt_is_class(argv[0], CLS_FUNCTION)) return NULL;
    return (JSFunction *)rt_as_object(argv[0]);
}

static void request(Runtime *rt, JSFunction *fn, uint32_t bits, uint32_t pc) {
    if (!fn) return;
    fn->bc->opt_flags |= bits;
    if (rt->opt_hook) ((OptHook)rt->opt_hook)(rt, fn, 2, pc);
}

static Value n_PrepareFunctionForOptimization(Runtime *rt, Frame *fr, int argc, Value *argv) {
    (void)fr;
    JSFunction *fn = arg_fn(argc, argv);
    if (fn) fn->bc->opt_flags |= BCO_PREPARED;
    (void)rt;
    return RT_UNDEFINED;
}

static Value n_OptimizeFunctionOnNextCall(Runtime *rt, Frame *fr, int argc, Value *argv) {
    (void)fr;
    JSFunction *fn = arg_fn(argc, argv);
    if (fn && !(fn->bc->opt_flags & BCO_NEVER_OPTIMIZE)) request(rt, fn, BCO_OPTIMIZE_ON_NEXT_CALL, 0);
    return RT_UNDEFINED;
}

static Value n_OptimizeOsr(Runtime *rt, Frame *fr, int argc, Value *argv) {
    (void)argc;
    (void)argv;
    if (!(fr->bf->opt_flags & BCO_NEVER_OPTIMIZE)) request(rt, fr->function, BCO_OSR_REQUESTED, fr->pc);
    return RT_UNDEFINED;
}

static Value n_DeoptimizeNow(Runtime *rt, Frame *fr, int argc, Value *argv) {
    (void)argc;
    (void)argv;
    /* the function that called the function calling %DeoptimizeNow, as in V8 */
    Frame *target = fr;
    request(rt, target->function, BCO_DEOPT_REQUESTED, fr->pc);
    return RT_UNDEFINED;
}

static Value n_DeoptimizeFunction(Runtime *rt, Frame *fr, int argc, Value *argv) {
    (void)fr;
    request(rt, arg_fn(argc, argv), BCO_DEOPT_REQUESTED, 0);
    return RT_UNDEFINED;
}

static Value n_GetOptimizationStatus(Runtime *rt, Frame *fr, int argc, Value *argv) {
    (void)fr;
    JSFunction *fn = arg_fn(argc, argv);
    if (!fn) return rt_int(0);
    BytecodeFunction *bf = fn->bc;
    int s = V8_IS_FUNCTION;
    if (bf->opt_flags & BCO_NEVER_OPTIMIZE) s |= V8_NEVER_OPTIMIZE;
    if (rt->flags.always_opt) s |= V8_ALWAYS_OPTIMIZE;
    if (bf->opt_flags & BCO_MAYBE_DEOPTED) s |= V8_MAYBE_DEOPTED;
    if (bf->opt_code) s |= V8_OPTIMIZED | V8_TURBOFANNED;
    else if (bf->invocation_count) s |= V8_INTERPRETED;
    else s |= V8_IS_LAZY;
    if ((bf->opt_flags & BCO_OPTIMIZE_ON_NEXT_CALL) && !bf->opt_code) s |= V8_MARKED_FOR_OPTIMIZATION;
    return rt_int(s);
}

static Value n_IsOptimized(Runtime *rt, Frame *fr, int argc, Value *argv) {
    (void)rt;
    (void)fr;
    JSFunction *fn = arg_fn(argc, argv);
    return rt_bool(fn && fn->bc->opt_code != NULL);
}

static Value n_NeverOptimizeFunction(Runtime *rt, Frame *fr, int argc, Value *argv) {
    (void)fr;
    JSFunction *fn = arg_fn(argc, argv);
    if (fn) {
        fn->bc->opt_flags |= BCO_NEVER_OPTIMIZE;
        fn->bc->opt_flags &= ~(uint32_t)BCO_OPTIMIZE_ON_NEXT_CALL;
        if (rt->opt_hook) ((OptHook)rt->opt_hook)(rt, fn, 2, 0);
    }
    return RT_UNDEFINED;
}

static Value n_CollectGarbage(Runtime *rt, Frame *fr, int argc, Value *argv) {
    (void)fr;
    (void)argc;
    (void)argv;
    rt_gc_collect(rt);
    return RT_UNDEFINED;
}

static Value n_DebugPrint(Runtime *rt, Frame *fr, int argc, Value *argv) {
    (void)fr;
    Value v = argc > 0 ? argv[0] : RT_UNDEFINED;
    Value s = rt_inspect(rt, v);
    if (rt_is_exception(s)) return s;
    char *u = rt_is_string(s) ? rt_string_to_utf8(s, NULL) : NULL;
    fprintf(rt->out, "DebugPrint: %s", u ? u : "?");
    free(u);
    if (rt_is_object(v)) {
        JSObject *o = rt_as_object(v);
        fputs(" shape ", rt->out);
        rt_shape_print(o->shape, rt->out);
        fprintf(rt->out, " %s elements %s", o->shape && o->shape->dictionary ? "dictionary" : "fast",
                rt_elements_kind_name((ElementsKind)o->elements_kind));
    }
    fputc('\n', rt->out);
    return v;
}

static Value n_HaveSameMap(Runtime *rt, Frame *fr, int argc, Value *argv) {
    (void)rt;
    (void)fr;
    if (argc < 2 || !rt_is_object(argv[0]) || !rt_is_object(argv[1])) return RT_FALSE;
    return rt_bool(rt_as_object(argv[0])->shape == rt_as_object(argv[1])->shape);
}

static Value n_HasFastProperties(Runtime *rt, Frame *fr, int argc, Value *argv) {
    (void)rt;
    (void)fr;
    if (argc < 1 || !rt_is_object(argv[0])) return RT_TRUE;
    Shape *s = rt_as_object(argv[0])->shape;
    return rt_bool(s && !s->dictionary);
}

static Value n_GetElementsKind(Runtime *rt, Frame *fr, int argc, Value *argv) {
    (void)fr;
    if (argc < 1 || !rt_is_object(argv[0])) return rt_atom(rt, ATOM_undefined);
    return rt_string_from_cstr(rt, rt_elements_kind_name((ElementsKind)rt_as_object(argv[0])->elements_kind));
}

static const struct {
    const char *name;
    int argc;
    IntrinsicFn fn;
} intrinsics[] = {
#define NATIVE(name, argc) {#name, argc, n_##name},
#include "rt_natives.def"
#undef NATIVE
};

Value rt_natives_call(Runtime *rt, Frame *fr, unsigned id, int argc, Value *argv) {
    if (id >= sizeof intrinsics / sizeof intrinsics[0])
        return rt_throw_error(rt, ERR_SyntaxError, "unknown intrinsic #%u", id);
    return intrinsics[id].fn(rt, fr, argc, argv);
}
