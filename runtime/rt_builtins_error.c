/* rt_builtins_error.c — Error and the NativeError constructors
 * (ECMA-262 §20.5): callable with or without `new`, message and
 * options.cause (ES2022 InstallErrorCause), prototype name/message, and
 * Error.prototype.toString. Objects and their stack come from
 * rt_error_construct_proto (rt_error.c); Error.captureStackTrace is V8's.
 */
#include "rt_builtins.h"

static const char *const error_names[ERR__COUNT] = {
#define X(n) #n,
    RT_ERROR_KINDS(X)
#undef X
};

Value rt_error_to_string(Runtime *rt, Value err) {
    if (!rt_is_object(err)) return rt_throw_error(rt, ERR_TypeError, "Error.prototype.toString requires that 'this' be an Object");
    Value name = rt_get(rt, err, rt_atom(rt, ATOM_name));
    TRYV(name);
    name = rt_is_undefined(name) ? rt_string_from_cstr(rt, "Error") : rt_to_string(rt, name);
    TRYV(name);
    Value msg = rt_get(rt, err, rt_atom(rt, ATOM_message));
    TRYV(msg);
    msg = rt_is_undefined(msg) ? rt_atom(rt, ATOM_empty) : rt_to_string(rt, msg);
    TRYV(msg);
    if (rt_as_string(name)->len == 0) return msg;
    if (rt_as_string(msg)->len == 0) return name;
    StrBuf sb;
    sb_init(&sb);
    sb_putstr(&sb, name);
    sb_puts(&sb, ": ");
    sb_putstr(&sb, msg);
    return sb_finish(rt, &sb);
}

RT_NATIVE(error_ctor) {
    ErrorKind kind = (ErrorKind)self->magic;
    Value proto = rt_proto_from_ctor(rt, new_target, (IntrinsicId)(INTR_ErrorPrototype + kind));
    TRYV(proto);
    /* message, then cause, then the stack (named after the prototype's name). */
    return rt_error_construct_proto(rt, proto, ARG(0), ARG(1));
}

/* Error.isError (ES2026): has the value an [[ErrorData]] slot? */
RT_NATIVE(error_is_error) { return rt_bool(rt_is_class(ARG(0), CLS_ERROR)); }

RT_NATIVE(error_proto_to_string) { return rt_error_to_string(rt, this_val); }

RT_NATIVE(error_capture_stack_trace) {
    Value o = ARG(0);
    if (!rt_is_object(o)) return rt_throw_error(rt, ERR_TypeError, "Invalid argument");
    Value header = rt_error_to_string(rt, o);
    TRYV(header);
    Value frames = rt_capture_stack(rt, 0);
    TRYV(frames);
    Value st = header;
    if (rt_is_string(frames) && rt_as_string(frames)->len) {
        st = rt_string_concat(rt, header, rt_string_from_cstr(rt, "\n"));
        st = rt_string_concat(rt, st, frames);
    }
    rt_define_data(rt, rt_as_object(o), rt_atom(rt, ATOM_stack), st, PROP_HIDDEN);
    return RT_UNDEFINED;
}

void rt_init_error(Runtime *rt) {
    JSNative *base_ctor = NULL;
    for (int k = 0; k < ERR__COUNT; k++) {
        Value parent = k == 0 ? rt->intrinsics[INTR_ObjectPrototype] : rt->intrinsics[INTR_ErrorPrototype];
        JSObject *proto = rt_object_new(rt, parent);
        rt->intrinsics[INTR_ErrorPrototype + k] = rt_ptr(proto);
        JSNative *ctor = rt_define_ctor(rt, error_names[k], error_ctor, 1, proto, k);
        rt->intrinsics[INTR_Error + k] = rt_ptr(ctor);
        rt_define_data(rt, proto, rt_atom(rt, ATOM_name), rt_string_from_cstr(rt, error_names[k]), PROP_HIDDEN);
        rt_define_data(rt, proto, rt_atom(rt, ATOM_message), rt_atom(rt, ATOM_empty), PROP_HIDDEN);
        if (k == 0) {
            base_ctor = ctor;
            rt_define_native(rt, proto, "toString", error_proto_to_string, 0, 0);
            rt_define_native(rt, &ctor->base, "captureStackTrace", error_capture_stack_trace, 2, 0);
            rt_define_native(rt, &ctor->base, "isError", error_is_error, 1, 0);
            rt_define_cstr(rt, &ctor->base, "stackTraceLimit", rt_int(10), PROP_DEFAULT);
        } else {
            rt_set_prototype_of(rt, &ctor->base, rt_ptr(base_ctor));
        }
    }
}
