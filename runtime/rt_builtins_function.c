/* rt_builtins_function.c — the Function constructor and Function.prototype
 * (ECMA-262 §20.2): call, apply, bind (bound function exotic objects,
 * §10.4.1, with "bound f" names and SetFunctionLength), toString (the
 * source slice, or "function f() { [native code] }" for natives) and
 * @@hasInstance. `new Function(params…, body)` compiles through the
 * Runtime.compile hook (RT_COMPILE_FUNCTION_BODY).
 */
#include <math.h>
#include <stdlib.h>
#include "rt_builtins.h"

RT_NATIVE(function_ctor) {
    if (!rt->compile) return rt_throw_error(rt, ERR_EvalError, "Code generation from strings disallowed for this context");
    StrBuf params, body;
    sb_init(&params);
    sb_init(&body);
    for (int i = 0; i + 1 < argc; i++) {
        Value s = rt_to_string(rt, argv[i]);
        if (rt_is_exception(s)) { sb_free(&params); return s; }
        if (i) sb_putc(&params, ',');
        sb_putstr(&params, s);
    }
    if (argc > 0) {
        Value s = rt_to_string(rt, argv[argc - 1]);
        if (rt_is_exception(s)) { sb_free(&params); return s; }
        sb_putstr(&body, s);
    }
    Value ps = sb_finish(rt, &params);
    TRYV(ps);
    Value bs = sb_finish(rt, &body);
    TRYV(bs);
    Value proto = rt_proto_from_ctor(rt, new_target, INTR_FunctionPrototype);
    TRYV(proto);
    size_t plen, blen;
    char *p8 = rt_string_to_utf8(ps, &plen);
    char *b8 = rt_string_to_utf8(bs, &blen);
    if (!p8 || !b8) {
        free(p8);
        free(b8);
        return rt_throw_error(rt, ERR_RangeError, "Out of memory");
    }
    BytecodeFunction *bf = rt->compile(rt, "anonymous", b8, blen, RT_COMPILE_FUNCTION_BODY, p8);
    free(p8);
    free(b8);
    if (!bf) {
        if (rt_is_undefined(rt->exception)) return rt_throw_error(rt, ERR_SyntaxError, "Invalid function body");
        return RT_EXCEPTION;
    }
    JSFunction *fn = rt_closure_new(rt, bf, NULL);
    if (proto != rt->intrinsics[INTR_FunctionPrototype]) rt_set_prototype_of(rt, &fn->base, proto);
    return rt_ptr(fn);
}

RT_NATIVE(fn_call) {
    if (!rt_is_callable(this_val)) return rt_throw_error(rt, ERR_TypeError, "Function.prototype.call called on non-function");
    return rt_call(rt, this_val, ARG(0), argc > 1 ? argc - 1 : 0, argc > 1 ? argv + 1 : NULL);
}

RT_NATIVE(fn_apply) {
    if (!rt_is_callable(this_val)) return rt_throw_error(rt, ERR_TypeError, "Function.prototype.apply was called on %s, which is not a function",
                                                      rt_is_undefined(this_val) ? "undefined" : "an object");
    uint32_t n = 0;
    ValueArray *list = NULL;
    TRYV(rt_create_list_from_array_like(rt, ARG(1), &n, &list));
    return rt_call(rt, this_val, ARG(0), (int)n, list ? list->v : NULL);
}

RT_NATIVE(fn_bind) {
    if (!rt_is_callable(this_val)) return rt_throw_error(rt, ERR_TypeError, "Bind must be called on a function");
    JSObject *target = rt_as_object(this_val);
    Value proto = rt_get_prototype_of(rt, target);
    TRYV(proto);
    JSBound *b = (JSBound *)rt_object_new_class(rt, proto, CLS_BOUND, sizeof(JSBound));
    b->target = this_val;
    b->this_val = ARG(0);
    b->argc = argc > 1 ? (uint32_t)argc - 1 : 0;
    b->args = NULL;
    if (b->argc) {
        ValueArray *a = rt_values_new(rt, b->argc);
        for (uint32_t i = 0; i < b->argc; i++) a->v[i] = argv[i + 1];
        b->args = a;
    }
    /* SetFunctionLength: max(0, target.length - bound args) when the target has an own numeric length. */
    double len = 0;
    int has = rt_has_own_property(rt, target, rt_atom(rt, ATOM_length));
    TRY(has);
    if (has) {
        Value tl = rt_get(rt, this_val, rt_atom(rt, ATOM_length));
        TRYV(tl);
        if (rt_is_number(tl)) {
            double d = rt_to_double_unchecked(tl);
            if (d == INFINITY) len = INFINITY;
            else if (d == -INFINITY || isnan(d)) len = 0;
            else {
                d = trunc(d);
                len = d - b->argc;
                if (!(len > 0)) len = 0;   /* also turns -0 into +0 */
            }
        }
    }
    rt_define_data(rt, &b->base, rt_atom(rt, ATOM_length), rt_number(len), PROP_CONFIGURABLE);
    Value tn = rt_get(rt, this_val, rt_atom(rt, ATOM_name));
    TRYV(tn);
    if (!rt_is_string(tn)) tn = rt_atom(rt, ATOM_empty);
    Value name = rt_string_concat(rt, rt_string_from_cstr(rt, "bound "), tn);
    rt_define_data(rt, &b->base, rt_atom(rt, ATOM_name), name, PROP_CONFIGURABLE);
    return rt_ptr(b);
}

RT_NATIVE(fn_to_string) {
    if (rt_is_class(this_val, CLS_FUNCTION)) {
        BytecodeFunction *bf = ((JSFunction *)rt_as_object(this_val))->bc;
        if (bf && bf->script && bf->script->source && bf->src_end > bf->src_start &&
            bf->src_end <= bf->script->source_len)
            return rt_string_from_utf8(rt, bf->script->source + bf->src_start, bf->src_end - bf->src_start);
        StrBuf sb;
        sb_init(&sb);
        sb_puts(&sb, "function ");
        if (bf && rt_is_string(bf->name)) sb_putstr(&sb, bf->name);
        sb_puts(&sb, "() { [native code] }");
        return sb_finish(rt, &sb);
    }
    if (rt_is_class(this_val, CLS_NATIVE) || rt_is_class(this_val, CLS_BOUND)) {
        StrBuf sb;
        sb_init(&sb);
        sb_puts(&sb, "function ");
        if (rt_is_class(this_val, CLS_NATIVE)) {
            PropDesc d;
            if (rt_get_own_desc(rt, rt_as_object(this_val), rt_atom(rt, ATOM_name), &d) > 0 && rt_is_string(d.value))
                sb_putstr(&sb, d.value);
        }
        sb_puts(&sb, "() { [native code] }");
        return sb_finish(rt, &sb);
    }
    return rt_throw_error(rt, ERR_TypeError, "Function.prototype.toString requires that 'this' be a Function");
}

RT_NATIVE(fn_has_instance) {
    int r = rt_ordinary_has_instance(rt, this_val, ARG(0));
    TRY(r);
    return rt_bool(r);
}

RT_NATIVE(throw_type_error) {
    return rt_throw_error(rt, ERR_TypeError,
                          "'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the arguments objects for calls to them");
}

void rt_init_function(Runtime *rt) {
    JSObject *proto = rt_intr_obj(rt, INTR_FunctionPrototype);
    JSNative *ctor = rt_define_ctor(rt, "Function", function_ctor, 1, proto, 0);
    rt->intrinsics[INTR_Function] = rt_ptr(ctor);
    static const BuiltinMethod methods[] = {
        { "apply", fn_apply, 2, 0 },
        { "bind", fn_bind, 1, 0 },
        { "call", fn_call, 1, 0 },
        { "toString", fn_to_string, 0, 0 },
    };
    RT_DEFINE_METHODS(rt, proto, methods);
    JSNative *hi = rt_native_new(rt, fn_has_instance, "[Symbol.hasInstance]", 1, 0);
    rt_define_data(rt, proto, rt->intrinsics[INTR_Sym_hasInstance], rt_ptr(hi), 0);
    /* %ThrowTypeError% is frozen: its length and name are neither writable
     * nor configurable, and it is not extensible (§10.2.4.1). */
    JSNative *tte = rt_native_new(rt, throw_type_error, "", 0, 0);
    rt_define_data(rt, &tte->base, rt_atom(rt, ATOM_length), rt_int(0), 0);
    rt_define_data(rt, &tte->base, rt_atom(rt, ATOM_name), rt_atom(rt, ATOM_empty), 0);
    rt_prevent_extensions(rt, &tte->base);
    rt->intrinsics[INTR_ThrowTypeError] = rt_ptr(tte);
    rt_define_accessor(rt, proto, rt_atom(rt, ATOM_caller), rt_ptr(tte), rt_ptr(tte), PROP_CONFIGURABLE);
    rt_define_accessor(rt, proto, rt_atom(rt, ATOM_arguments), rt_ptr(tte), rt_ptr(tte), PROP_CONFIGURABLE);
}
