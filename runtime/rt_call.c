/* rt_call.c — calls and construction: pushing interpreter frames (the
 * function-entry rules of ECMA-262 §10.2.1 [[Call]] and §10.2.2
 * [[Construct]]: OrdinaryCallBindThis, missing formals, the function
 * context), entering the dispatch loop from C (rt_call, rt_construct), and
 * the objects calls need: closures, classes, `arguments`, rest arrays.
 *
 * A JS->JS call in the dispatch loop pushes a frame and never recurses in C;
 * only natives calling back into JS nest C frames, counted by
 * Runtime.native_depth so that the C stack cannot overflow.
 */
#include <stdlib.h>
#include <string.h>
#include "rt_frame.h"
#include "rt_tier_stubs2.h"

static Value stack_overflow(Runtime *rt) {
    return rt_throw_error(rt, ERR_RangeError, "Maximum call stack size exceeded");
}

/* Checks the operands of a function's bytecode once (rt_interp_ops.c). */
bool rt_bytecode_verify(Runtime *rt, BytecodeFunction *bf);

static bool prepare_function(Runtime *rt, BytecodeFunction *bf) {
    if (!(bf->opt_flags & BCO_VERIFIED)) {
        if (!rt_bytecode_verify(rt, bf)) return false;
        bf->opt_flags |= BCO_VERIFIED;
    }
    if (!bf->feedback) {
        bf->feedback = rt_feedback_new(rt, bf);
        if (!bf->feedback) {
            rt_throw_error(rt, ERR_RangeError, "Out of memory for feedback vector");
            return false;
        }
    }
    return true;
}

Frame *rt_frame_push(Runtime *rt, JSFunction *fn, Value receiver, int argc, const Value *argv,
                     Value new_target, uint32_t flags) {
    Interp *ip = rt->interp;
    BytecodeFunction *bf = fn->bc;
    if ((bf->flags & BFF_CLASS_CTOR) && !(flags & FRAME_CONSTRUCT)) {
        char *u = rt_is_string(bf->name) ? rt_string_to_utf8(bf->name, NULL) : NULL;
        rt_throw_error(rt, ERR_TypeError, "Class constructor %s cannot be invoked without 'new'", u ? u : "");
        free(u);
        return NULL;
    }
    if (!bf->feedback || !(bf->opt_flags & BCO_VERIFIED)) {
        if (!prepare_function(rt, bf)) return NULL;
    }
    if (argc < 0) argc = 0;
    Value *base = ip->top ? ip->top->regs + ip->top->bf->register_count : ip->stack;
    size_t words = sizeof(Frame) / sizeof(Value) + (size_t)argc + bf->register_count;
    if (ip->frame_count >= RT_MAX_FRAMES || words > (size_t)(ip->limit - base)) {
        stack_overflow(rt);
        return NULL;
    }
    bf->invocation_count++;
    Frame *f = (Frame *)base;
    f->caller = ip->top;
    f->function = fn;
    f->bf = bf;
    f->context = fn->context;
    f->receiver = receiver;
    f->new_target = new_target;
    f->acc = RT_UNDEFINED;
    f->pc = 0;
    f->argc = (uint32_t)argc;
    f->flags = flags;
    f->pad = 0;
    Value *args = f->args;
    if (argc) memcpy(args, argv, (size_t)argc * sizeof(Value));
    Value *regs = args + argc;
    f->regs = regs;
    uint32_t formals = bf->formal_count, nreg = bf->register_count;
    uint32_t i = 0;
    for (; i < formals && i < (uint32_t)argc && i < nreg; i++) regs[i] = argv[i];
    for (; i < nreg; i++) regs[i] = RT_UNDEFINED;
    if (bf->flags & BFF_ARROW) f->receiver = fn->this_val;   /* lexical this (see closure_for) */
    ip->top = f;
    ip->frame_count++;
    /* Allocations below may collect: the frame is already complete. */
    if (!(flags & FRAME_CONSTRUCT) && !(bf->flags & (BFF_STRICT | BFF_ARROW))) {
        if (rt_is_nullish(receiver)) f->receiver = rt_ptr(rt->global);
        else if (!rt_is_object(receiver)) {
            Value o = rt_to_object(rt, receiver);
            if (rt_is_exception(o)) {
                rt_frame_pop(rt, f);
                return NULL;
            }
            f->receiver = o;
        }
    }
    if (bf->flags & BFF_NEEDS_CONTEXT) f->context = rt_context_new(rt, fn->context, bf->context_slots);
    if (rt->opt_hook) ((OptHook)rt->opt_hook)(rt, fn, 0, 0);
    return f;
}

void rt_frame_pop(Runtime *rt, Frame *f) {
    Interp *ip = rt->interp;
    ip->top = f->caller;
    ip->frame_count--;
}

static bool fn_is_constructor(JSFunction *fn) {
    uint32_t fl = fn->bc->flags;
    return !(fl & (BFF_ARROW | BFF_METHOD | BFF_GETTER | BFF_SETTER | BFF_CLASS_FIELDS_INIT | BFF_TOPLEVEL)) ||
           (fl & BFF_CLASS_CTOR);
}

Value rt_run_fields(Runtime *rt, JSFunction *ctor, Value obj) {
    if (!rt_is_callable(ctor->fields)) return obj;
    Value r = rt_call(rt, ctor->fields, obj, 0, NULL);
    return rt_is_exception(r) ? r : obj;
}

Value rt_construct_this(Runtime *rt, JSFunction *ctor, Value new_target) {
    if (ctor->bc->flags & BFF_DERIVED_CTOR) return RT_HOLE;
    Value proto = RT_UNDEFINED;
    if (rt_is_object(new_target)) {
        proto = rt_get(rt, new_target, rt_atom(rt, ATOM_prototype));
        if (rt_is_exception(proto)) return proto;
    }
    if (!rt_is_object(proto)) proto = rt_intrinsic(rt, INTR_ObjectPrototype);
    Value obj = rt_ptr(rt_object_new(rt, proto));
    return rt_run_fields(rt, ctor, obj);
}

/* ---- entering JS from C ------------------------------------------------------------------ */
static Value enter(Runtime *rt, JSFunction *fn, Value this_val, int argc, const Value *argv, Value nt,
                   uint32_t flags) {
    if (rt->native_depth >= RT_MAX_NATIVE_DEPTH) return stack_overflow(rt);
    /* a call (not a construct: its result needs the interpreter's Return)
     * of a function with optimized code enters it without the dispatch loop */
    bool call = !(flags & FRAME_CONSTRUCT);
    Frame *f = call ? rt_frame_push_optimized(rt, fn, this_val, argc, argv) : NULL;
    if (!f) f = rt_frame_push(rt, fn, this_val, argc, argv, nt, flags | FRAME_ENTRY);
    if (!f) return RT_EXCEPTION;
    rt->native_depth++;
    RtOptCode *code = f->bf->opt_code;
    Value r = call && code ? rt_tier_finish(rt, f, rt_tier_enter(rt, f, code)) : rt_interp_run(rt, f);
    rt->native_depth--;
    return r;
}

static Value call_bound(Runtime *rt, JSBound *b, int argc, const Value *argv, bool construct, Value nt) {
    uint32_t n = b->argc + (uint32_t)(argc > 0 ? argc : 0);
    Value small[16];
    Value *all = n <= 16 ? small : malloc(n * sizeof(Value));
    if (!all) return rt_throw_error(rt, ERR_RangeError, "Too many arguments");
    for (uint32_t i = 0; i < b->argc; i++) all[i] = b->args->v[i];
    for (int i = 0; i < argc; i++) all[b->argc + i] = argv[i];
    Value r;
    if (construct) {
        if (rt_is_object(nt) && rt_as_object(nt) == &b->base) nt = b->target;
        r = rt_construct(rt, b->target, (int)n, all, nt);
    } else {
        r = rt_call(rt, b->target, b->this_val, (int)n, all);
    }
    if (all != small) free(all);
    return r;
}

Value rt_call(Runtime *rt, Value fn, Value this_val, int argc, const Value *argv) {
    if (rt_is_object(fn)) {
        JSObject *o = rt_as_object(fn);
        switch (o->cls) {
        case CLS_FUNCTION:
            return enter(rt, (JSFunction *)o, this_val, argc, argv, RT_UNDEFINED, 0);
        case CLS_NATIVE: {
            if (rt->native_depth >= RT_MAX_NATIVE_DEPTH) return stack_overflow(rt);
            JSNative *n = (JSNative *)o;
            rt->native_depth++;
            Value r = n->fn(rt, this_val, argc, (Value *)argv, RT_UNDEFINED, n);
            rt->native_depth--;
            return r;
        }
        case CLS_BOUND: {
            if (rt->native_depth >= RT_MAX_NATIVE_DEPTH) return stack_overflow(rt);
            rt->native_depth++;
            Value r = call_bound(rt, (JSBound *)o, argc, argv, false, RT_UNDEFINED);
            rt->native_depth--;
            return r;
        }
        default:
            break;
        }
    }
    char d[96];
    rt_value_desc(rt, fn, d, sizeof d);
    return rt_throw_error(rt, ERR_TypeError, rt_is_string(fn) ? "\"%s\" is not a function" : "%s is not a function", d);
}

Value rt_construct(Runtime *rt, Value fn, int argc, const Value *argv, Value new_target) {
    if (rt_is_undefined(new_target)) new_target = fn;
    if (rt_is_object(fn)) {
        JSObject *o = rt_as_object(fn);
        if (o->cls == CLS_FUNCTION && fn_is_constructor((JSFunction *)o)) {
            JSFunction *f = (JSFunction *)o;
            if (rt->native_depth >= RT_MAX_NATIVE_DEPTH) return stack_overflow(rt);
            Value self = rt_construct_this(rt, f, new_target);
            if (rt_is_exception(self)) return self;
            return enter(rt, f, self, argc, argv, new_target, FRAME_CONSTRUCT);
        }
        if (o->cls == CLS_NATIVE && ((JSNative *)o)->is_constructor) {
            if (rt->native_depth >= RT_MAX_NATIVE_DEPTH) return stack_overflow(rt);
            JSNative *n = (JSNative *)o;
            rt->native_depth++;
            Value r = n->fn(rt, RT_UNDEFINED, argc, (Value *)argv, new_target, n);
            rt->native_depth--;
            return r;
        }
        if (o->cls == CLS_BOUND && rt_is_constructor(((JSBound *)o)->target)) {
            if (rt->native_depth >= RT_MAX_NATIVE_DEPTH) return stack_overflow(rt);
            rt->native_depth++;
            Value r = call_bound(rt, (JSBound *)o, argc, argv, true, new_target);
            rt->native_depth--;
            return r;
        }
    }
    char d[96];
    rt_value_desc(rt, fn, d, sizeof d);
    return rt_throw_error(rt, ERR_TypeError, "%s is not a constructor", d);
}

Value rt_run_toplevel(Runtime *rt, BytecodeFunction *bf, Value this_val) {
    JSFunction *fn = rt_closure_new(rt, bf, NULL);
    return rt_call(rt, rt_ptr(fn), this_val, 0, NULL);
}

/* ---- closures ------------------------------------------------------------------------------ */
/* Closure flavours, each with a prebuilt shape: the first closure of a
 * flavour defines its properties the ordinary way, later ones copy the
 * resulting shape and fill the slots directly. */
enum { FN_ORDINARY, FN_PLAIN, FN_CLASS, FN__COUNT };

static int flavour_of(BytecodeFunction *bf) {
    if (bf->flags & BFF_CLASS_CTOR) return FN_CLASS;
    if (bf->flags & (BFF_ARROW | BFF_METHOD | BFF_GETTER | BFF_SETTER | BFF_CLASS_FIELDS_INIT | BFF_TOPLEVEL))
        return FN_PLAIN;
    return FN_ORDINARY;
}

static void store_slot(JSObject *o, uint32_t slot, Value v) {
    uint32_t cap = o->shape->inobject_capacity;
    if (slot < cap) o->inobject[slot] = v;
    else o->slots->v[slot - cap] = v;
}

/* Gives o the prebuilt shape s (same proto, one slot per value in order). */
static bool adopt_shape(Runtime *rt, JSObject *o, Shape *s, const Value *vals, uint32_t n) {
    if (!s || s->prop_count != n || o->shape->proto != s->proto ||
        o->shape->inobject_capacity != s->inobject_capacity || o->shape->prop_count != 0)
        return false;
    uint32_t cap = s->inobject_capacity, need = 0;
    for (uint32_t i = 0; i < n; i++)
        if (s->props[i].slot >= cap && s->props[i].slot - cap + 1 > need) need = s->props[i].slot - cap + 1;
    if (need && (!o->slots || o->slots->capacity < need)) {
        ValueArray *va = rt_values_new(rt, need < 4 ? 4 : need);
        o->slots = va;
    }
    o->shape = s;
    for (uint32_t i = 0; i < n; i++) store_slot(o, s->props[i].slot, vals[i]);
    return true;
}

static Value new_prototype_object(Runtime *rt, Value ctor) {
    Interp *ip = rt->interp;
    JSObject *p = rt_object_new(rt, rt_intrinsic(rt, INTR_ObjectPrototype));
    if (!adopt_shape(rt, p, ip->proto_shape, &ctor, 1)) {
        rt_define_data(rt, p, rt_atom(rt, ATOM_constructor), ctor, PROP_HIDDEN);
        if (!p->shape->dictionary) ip->proto_shape = p->shape;
    }
    return rt_ptr(p);
}

JSFunction *rt_closure_new(Runtime *rt, BytecodeFunction *bf, Context *ctx) {
    Interp *ip = rt->interp;
    JSFunction *fn = (JSFunction *)rt_object_new_class(rt, rt_intrinsic(rt, INTR_FunctionPrototype),
                                                       CLS_FUNCTION, sizeof(JSFunction));
    fn->bc = bf;
    fn->context = ctx;
    fn->home_object = RT_UNDEFINED;
    fn->fields = RT_UNDEFINED;
    fn->this_val = RT_UNDEFINED;
    int fl = flavour_of(bf);
    Value name = rt_is_string(bf->name) ? bf->name : rt_atom(rt, ATOM_empty);
    Value vals[3] = {rt_int(bf->param_count), name, RT_UNDEFINED};
    uint32_t n = fl == FN_PLAIN ? 2 : 3;
    if (fl == FN_ORDINARY) vals[2] = new_prototype_object(rt, rt_ptr(fn));
    if (!adopt_shape(rt, &fn->base, ip->fn_shape[fl], vals, n)) {
        rt_define_data(rt, &fn->base, rt_atom(rt, ATOM_length), vals[0], PROP_CONFIGURABLE);
        rt_define_data(rt, &fn->base, rt_atom(rt, ATOM_name), vals[1], PROP_CONFIGURABLE);
        if (fl == FN_ORDINARY) rt_define_data(rt, &fn->base, rt_atom(rt, ATOM_prototype), vals[2], PROP_WRITABLE);
        if (fl == FN_CLASS) rt_define_data(rt, &fn->base, rt_atom(rt, ATOM_prototype), vals[2], 0);
        if (!fn->base.shape->dictionary) ip->fn_shape[fl] = fn->base.shape;
    }
    return fn;
}

/* ---- classes ----------------------------------------------------------------------------------- */
Value rt_create_class(Runtime *rt, Frame *fr, BytecodeFunction *bf, Value parent) {
    Value proto_parent, ctor_parent;
    if (parent == RT_HOLE) {
        proto_parent = rt_intrinsic(rt, INTR_ObjectPrototype);
        ctor_parent = rt_intrinsic(rt, INTR_FunctionPrototype);
    } else if (rt_is_null(parent)) {
        proto_parent = RT_NULL;
        ctor_parent = rt_intrinsic(rt, INTR_FunctionPrototype);
    } else {
        if (!rt_is_constructor(parent)) {
            char d[96];
            rt_value_desc(rt, parent, d, sizeof d);
            return rt_throw_error(rt, ERR_TypeError, "Class extends value %s is not a constructor or null", d);
        }
        proto_parent = rt_get(rt, parent, rt_atom(rt, ATOM_prototype));
        if (rt_is_exception(proto_parent)) return proto_parent;
        if (!rt_is_object(proto_parent) && !rt_is_null(proto_parent)) {
            char d[96];
            rt_value_desc(rt, proto_parent, d, sizeof d);
            return rt_throw_error(rt, ERR_TypeError, "Class extends value does not have valid prototype property %s", d);
        }
        ctor_parent = parent;
    }
    JSObject *proto = rt_object_new(rt, proto_parent);
    JSFunction *ctor = rt_closure_new(rt, bf, fr ? fr->context : NULL);
    Value cv = rt_ptr(ctor);
    if (ctor_parent != rt_intrinsic(rt, INTR_FunctionPrototype))
        rt_set_prototype_of(rt, &ctor->base, ctor_parent);
    PropRef r;
    if (rt_get_own_property(rt, &ctor->base, rt_atom(rt, ATOM_prototype), &r) && !r.is_element)
        rt_slot_set(rt, &ctor->base, r.slot, rt_ptr(proto));
    else
        rt_define_data(rt, &ctor->base, rt_atom(rt, ATOM_prototype), rt_ptr(proto), 0);
    rt_define_data(rt, proto, rt_atom(rt, ATOM_constructor), cv, PROP_HIDDEN);
    ctor->home_object = rt_ptr(proto);
    return cv;
}

Value rt_super_call(Runtime *rt, Frame *fr, int argc, const Value *argv) {
    JSFunction *active = fr->function;
    /* In an arrow function, the class constructor is the nearest outer
     * frame that is one (arrows inside constructors run while it is live). */
    for (Frame *f = fr; f && (active->bc->flags & BFF_ARROW); f = f->caller) active = f->function;
    Value parent = rt_get_prototype_of(rt, &active->base);
    if (!rt_is_constructor(parent)) {
        char *u = rt_is_string(active->bc->name) ? rt_string_to_utf8(active->bc->name, NULL) : NULL;
        char d[96];
        rt_value_desc(rt, parent, d, sizeof d);
        rt_throw_error(rt, ERR_TypeError, "Super constructor %s of anonymous class is not a constructor", d);
        free(u);
        return RT_EXCEPTION;
    }
    Value nt = fr->new_target;
    if (rt_is_undefined(nt)) nt = rt_ptr(active);
    Value r = rt_construct(rt, parent, argc, argv, nt);
    if (rt_is_exception(r)) return r;
    return rt_run_fields(rt, active, r);
}

/* ---- arguments, rest, spread --------------------------------------------------------------------- */
Value rt_create_arguments(Runtime *rt, Frame *fr) {
    JSObject *o = rt_object_new_class(rt, rt_intrinsic(rt, INTR_ObjectPrototype), CLS_ARGUMENTS, sizeof(JSObject));
    for (uint32_t i = 0; i < fr->argc; i++) rt_define_data(rt, o, rt_int((int32_t)i), fr->args[i], PROP_DEFAULT);
    rt_define_data(rt, o, rt_atom(rt, ATOM_length), rt_int((int32_t)fr->argc), PROP_HIDDEN);
    /* §10.4.4.6/7: @@iterator is %Array.prototype.values%; unmapped objects
     * (strict code, or non-simple parameters) get the %ThrowTypeError% callee. */
    rt_define_data(rt, o, rt->intrinsics[INTR_Sym_iterator], rt_intrinsic(rt, INTR_ArrayProtoValues), PROP_HIDDEN);
    if ((fr->bf->flags & BFF_STRICT) || !(fr->bf->flags & BFF_HAS_SIMPLE_PARAMS)) {
        Value t = rt_intrinsic(rt, INTR_ThrowTypeError);
        if (rt_is_object(t)) rt_define_accessor(rt, o, rt_atom(rt, ATOM_callee), t, t, 0);
    } else {
        rt_define_data(rt, o, rt_atom(rt, ATOM_callee), rt_ptr(fr->function), PROP_HIDDEN);
    }
    return rt_ptr(o);
}

int rt_spread_args(Runtime *rt, Value arr, Value **out, uint32_t *n) {
    *out = NULL;
    *n = 0;
    if (!rt_is_object(arr)) return 0;
    double len = 0;
    Value lv = rt_is_array(arr) ? rt_number(rt_as_object(arr)->length) : rt_get(rt, arr, rt_atom(rt, ATOM_length));
    if (rt_is_exception(lv) || rt_to_number(rt, lv, &len) < 0) return -1;
    if (!(len > 0)) return 0;
    if (len > 65535) {
        rt_throw_error(rt, ERR_RangeError, "Maximum call stack size exceeded");
        return -1;
    }
    uint32_t cnt = (uint32_t)len;
    Value *v = malloc(cnt * sizeof(Value));
    if (!v) {
        rt_throw_error(rt, ERR_RangeError, "Maximum call stack size exceeded");
        return -1;
    }
    for (uint32_t i = 0; i < cnt; i++) {
        Value e = rt_get_index(rt, arr, i);
        if (rt_is_exception(e)) {
            free(v);
            return -1;
        }
        v[i] = e;
    }
    *out = v;
    *n = cnt;
    return 0;
}
