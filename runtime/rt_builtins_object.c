/* rt_builtins_object.c — the Object constructor and Object.prototype
 * (ECMA-262 §20.1): reflection over own properties through the object
 * protocol of rt_object.h, integrity levels (freeze/seal,
 * §7.3.15 SetIntegrityLevel / TestIntegrityLevel), and the legacy
 * __proto__ accessor (Annex B §B.2.2.1).
 */
#include <stdlib.h>
#include "rt_builtins.h"

static Value require_object(Runtime *rt, Value v, const char *fn) {
    if (!rt_is_object(v)) return rt_throw_error(rt, ERR_TypeError, "%s called on non-object", fn);
    return v;
}

static Value canon_key(Runtime *rt, Value k) {
    return rt_is_symbol(k) ? k : rt_to_property_key(rt, k);
}

/* ---- constructor ------------------------------------------------------------------------ */

RT_NATIVE(object_ctor) {
    if (!rt_is_undefined(new_target) && new_target != rt_ptr(self)) {
        Value proto = rt_proto_from_ctor(rt, new_target, INTR_ObjectPrototype);
        TRYV(proto);
        return rt_ptr(rt_object_new(rt, proto));
    }
    Value v = ARG(0);
    if (rt_is_nullish(v)) return rt_ptr(rt_object_new(rt, rt->intrinsics[INTR_ObjectPrototype]));
    return rt_to_object(rt, v);
}

enum { EN_KEYS, EN_VALUES, EN_ENTRIES };

RT_NATIVE(object_enum) {
    Value o = rt_to_object(rt, ARG(0));
    TRYV(o);
    JSObject *keys = rt_own_keys(rt, rt_as_object(o), RT_KEYS_STRINGS | RT_KEYS_ENUMERABLE_ONLY);
    if (!keys) return RT_EXCEPTION;
    if (self->magic == EN_KEYS) return rt_ptr(keys);
    JSObject *res = rt_array_new(rt, 0);
    for (uint32_t i = 0; i < keys->length; i++) {
        Value ks = rt_get_index(rt, rt_ptr(keys), i);
        TRYV(ks);
        Value k = canon_key(rt, ks);
        TRYV(k);
        PropDesc d;
        int f = rt_get_own_desc(rt, rt_as_object(o), k, &d);
        TRY(f);
        if (!f || !(d.attrs & PROP_ENUMERABLE)) continue;
        Value v = rt_get(rt, o, k);
        TRYV(v);
        if (self->magic == EN_VALUES) {
            rt_array_push(rt, res, v);
        } else {
            Value pair[2] = { ks, v };
            rt_array_push(rt, res, rt_ptr(rt_array_from(rt, pair, 2)));
        }
    }
    return rt_ptr(res);
}

static int define_properties(Runtime *rt, JSObject *o, Value props) {
    Value p = rt_to_object(rt, props);
    if (rt_is_exception(p)) return -1;
    JSObject *keys = rt_own_keys(rt, rt_as_object(p), RT_KEYS_STRINGS | RT_KEYS_SYMBOLS);
    if (!keys) return -1;
    JSObject *descs = rt_array_new(rt, 0);
    JSObject *dkeys = rt_array_new(rt, 0);
    for (uint32_t i = 0; i < keys->length; i++) {
        Value k = canon_key(rt, rt_get_index(rt, rt_ptr(keys), i));
        if (rt_is_exception(k)) return -1;
        PropDesc d;
        int f = rt_get_own_desc(rt, rt_as_object(p), k, &d);
        if (f < 0) return -1;
        if (!f || !(d.attrs & PROP_ENUMERABLE)) continue;
        Value dv = rt_get(rt, p, k);
        if (rt_is_exception(dv)) return -1;
        if (!rt_is_object(dv)) {
            rt_throw_error(rt, ERR_TypeError, "Property description must be an object");
            return -1;
        }
        rt_array_push(rt, descs, dv);
        rt_array_push(rt, dkeys, k);
    }
    for (uint32_t i = 0; i < descs->length; i++) {
        if (rt_define_from_descriptor(rt, o, rt_get_index(rt, rt_ptr(dkeys), i),
                                      rt_get_index(rt, rt_ptr(descs), i)) < 0)
            return -1;
    }
    return 0;
}

RT_NATIVE(object_create) {
    Value proto = ARG(0);
    if (!rt_is_object(proto) && !rt_is_null(proto)) {
        Value s = rt_inspect(rt, proto);
        char *c = rt_is_string(s) ? rt_string_to_utf8(s, NULL) : NULL;
        rt_throw_error(rt, ERR_TypeError, "Object prototype may only be an Object or null: %s", c ? c : "");
        free(c);
        return RT_EXCEPTION;
    }
    JSObject *o = rt_object_new(rt, proto);
    if (!rt_is_undefined(ARG(1))) TRY(define_properties(rt, o, ARG(1)));
    return rt_ptr(o);
}

RT_NATIVE(object_define_property) {
    TRYV(require_object(rt, ARG(0), "Object.defineProperty"));
    Value k = canon_key(rt, ARG(1));
    TRYV(k);
    TRY(rt_define_from_descriptor(rt, rt_as_object(ARG(0)), k, ARG(2)));
    return ARG(0);
}

RT_NATIVE(object_define_properties) {
    TRYV(require_object(rt, ARG(0), "Object.defineProperties"));
    TRY(define_properties(rt, rt_as_object(ARG(0)), ARG(1)));
    return ARG(0);
}

RT_NATIVE(object_gopd) {
    Value o = rt_to_object(rt, ARG(0));
    TRYV(o);
    Value k = canon_key(rt, ARG(1));
    TRYV(k);
    PropDesc d;
    int f = rt_get_own_desc(rt, rt_as_object(o), k, &d);
    TRY(f);
    return f ? rt_from_prop_desc(rt, &d) : RT_UNDEFINED;
}

RT_NATIVE(object_gopds) {
    Value o = rt_to_object(rt, ARG(0));
    TRYV(o);
    JSObject *keys = rt_own_keys(rt, rt_as_object(o), RT_KEYS_STRINGS | RT_KEYS_SYMBOLS);
    if (!keys) return RT_EXCEPTION;
    JSObject *res = rt_object_new(rt, rt->intrinsics[INTR_ObjectPrototype]);
    for (uint32_t i = 0; i < keys->length; i++) {
        Value k = canon_key(rt, rt_get_index(rt, rt_ptr(keys), i));
        TRYV(k);
        PropDesc d;
        int f = rt_get_own_desc(rt, rt_as_object(o), k, &d);
        TRY(f);
        if (f) rt_define_data(rt, res, k, rt_from_prop_desc(rt, &d), PROP_DEFAULT);
    }
    return rt_ptr(res);
}

RT_NATIVE(object_own_keys) {
    Value o = rt_to_object(rt, ARG(0));
    TRYV(o);
    JSObject *keys = rt_own_keys(rt, rt_as_object(o), self->magic);
    return keys ? rt_ptr(keys) : RT_EXCEPTION;
}

RT_NATIVE(object_get_proto) {
    Value o = rt_to_object(rt, ARG(0));
    TRYV(o);
    return rt_get_prototype_of(rt, rt_as_object(o));
}

static Value set_proto_checked(Runtime *rt, Value o, Value proto) {
    int r = rt_set_prototype_of(rt, rt_as_object(o), proto);
    if (r < 0) return RT_EXCEPTION;
    if (r == 0) {
        if (!(rt_as_object(o)->flags & OBJ_EXTENSIBLE))
            return rt_throw_error(rt, ERR_TypeError, "#<Object> is not extensible");
        return rt_throw_error(rt, ERR_TypeError, "Cyclic __proto__ value");
    }
    return o;
}

RT_NATIVE(object_set_proto) {
    Value o = ARG(0), proto = ARG(1);
    if (rt_is_nullish(o)) return rt_throw_error(rt, ERR_TypeError, "Object.setPrototypeOf called on null or undefined");
    if (!rt_is_object(proto) && !rt_is_null(proto))
        return rt_throw_error(rt, ERR_TypeError, "Object prototype may only be an Object or null");
    if (!rt_is_object(o)) return o;
    return set_proto_checked(rt, o, proto);
}

/* SetIntegrityLevel: magic 0 seal, 1 freeze. */
static int set_integrity(Runtime *rt, JSObject *o, bool freeze) {
    rt_prevent_extensions(rt, o);
    JSObject *keys = rt_own_keys(rt, o, RT_KEYS_STRINGS | RT_KEYS_SYMBOLS);
    if (!keys) return -1;
    for (uint32_t i = 0; i < keys->length; i++) {
        Value k = canon_key(rt, rt_get_index(rt, rt_ptr(keys), i));
        if (rt_is_exception(k)) return -1;
        PropDesc d;
        int f = rt_get_own_desc(rt, o, k, &d);
        if (f < 0) return -1;
        if (!f) continue;
        uint8_t attrs = d.attrs & ~PROP_CONFIGURABLE;
        int r;
        if (d.attrs & PROP_ACCESSOR) {
            r = rt_define_accessor(rt, o, k, d.getter, d.setter, attrs & ~PROP_ACCESSOR);
        } else {
            if (freeze) attrs &= ~PROP_WRITABLE;
            r = rt_define_data(rt, o, k, d.value, attrs);
        }
        if (r < 0) return -1;
    }
    return 0;
}

static int test_integrity(Runtime *rt, JSObject *o, bool frozen) {
    if (o->flags & OBJ_EXTENSIBLE) return 0;
    JSObject *keys = rt_own_keys(rt, o, RT_KEYS_STRINGS | RT_KEYS_SYMBOLS);
    if (!keys) return -1;
    for (uint32_t i = 0; i < keys->length; i++) {
        Value k = canon_key(rt, rt_get_index(rt, rt_ptr(keys), i));
        if (rt_is_exception(k)) return -1;
        PropDesc d;
        int f = rt_get_own_desc(rt, o, k, &d);
        if (f < 0) return -1;
        if (!f) continue;
        if (d.attrs & PROP_CONFIGURABLE) return 0;
        if (frozen && !(d.attrs & PROP_ACCESSOR) && (d.attrs & PROP_WRITABLE)) return 0;
    }
    return 1;
}

enum { IL_SEAL, IL_FREEZE, IL_PREVENT, IL_IS_SEALED, IL_IS_FROZEN, IL_IS_EXTENSIBLE };

RT_NATIVE(object_integrity) {
    Value o = ARG(0);
    switch (self->magic) {
    case IL_SEAL: case IL_FREEZE:
        if (!rt_is_object(o)) return o;
        TRY(set_integrity(rt, rt_as_object(o), self->magic == IL_FREEZE));
        return o;
    case IL_PREVENT:
        if (rt_is_object(o)) rt_prevent_extensions(rt, rt_as_object(o));
        return o;
    case IL_IS_SEALED: case IL_IS_FROZEN: {
        if (!rt_is_object(o)) return RT_TRUE;
        int r = test_integrity(rt, rt_as_object(o), self->magic == IL_IS_FROZEN);
        TRY(r);
        return rt_bool(r);
    }
    default:
        return rt_bool(rt_is_object(o) && (rt_as_object(o)->flags & OBJ_EXTENSIBLE));
    }
}

RT_NATIVE(object_assign) {
    Value target = rt_to_object(rt, ARG(0));
    TRYV(target);
    for (int i = 1; i < argc; i++) {
        if (rt_is_nullish(argv[i])) continue;
        Value from = rt_to_object(rt, argv[i]);
        TRYV(from);
        JSObject *keys = rt_own_keys(rt, rt_as_object(from), RT_KEYS_STRINGS | RT_KEYS_SYMBOLS);
        if (!keys) return RT_EXCEPTION;
        for (uint32_t j = 0; j < keys->length; j++) {
            Value k = canon_key(rt, rt_get_index(rt, rt_ptr(keys), j));
            TRYV(k);
            PropDesc d;
            int f = rt_get_own_desc(rt, rt_as_object(from), k, &d);
            TRY(f);
            if (!f || !(d.attrs & PROP_ENUMERABLE)) continue;
            Value v = rt_get(rt, from, k);
            TRYV(v);
            TRY(rt_set(rt, target, k, v, true));
        }
    }
    return target;
}

RT_NATIVE(object_is) { return rt_bool(rt_same_value(ARG(0), ARG(1))); }

RT_NATIVE(object_has_own) {
    Value o = rt_to_object(rt, ARG(0));
    TRYV(o);
    Value k = canon_key(rt, ARG(1));
    TRYV(k);
    int r = rt_has_own_property(rt, rt_as_object(o), k);
    TRY(r);
    return rt_bool(r);
}

static int from_entries_step(Runtime *rt, Value entry, void *ud) {
    if (!rt_is_object(entry)) {
        rt_throw_error(rt, ERR_TypeError, "Iterator value is not an entry object");
        return -1;
    }
    Value k = rt_get_index(rt, entry, 0);
    if (rt_is_exception(k)) return -1;
    Value v = rt_get_index(rt, entry, 1);
    if (rt_is_exception(v)) return -1;
    k = canon_key(rt, k);
    if (rt_is_exception(k)) return -1;
    return rt_create_data_property(rt, *(Value *)ud, k, v);
}

RT_NATIVE(object_from_entries) {
    if (rt_is_nullish(ARG(0))) return rt_throw_error(rt, ERR_TypeError, "undefined is not iterable");
    Value o = rt_ptr(rt_object_new(rt, rt->intrinsics[INTR_ObjectPrototype]));
    TRY(rt_iterate(rt, ARG(0), from_entries_step, &o));
    return o;
}

/* ---- Object.prototype --------------------------------------------------------------------- */

RT_NATIVE(proto_has_own) {
    Value k = canon_key(rt, ARG(0));
    TRYV(k);
    Value o = rt_to_object(rt, this_val);
    TRYV(o);
    int r = rt_has_own_property(rt, rt_as_object(o), k);
    TRY(r);
    return rt_bool(r);
}

RT_NATIVE(proto_is_prototype_of) {
    Value v = ARG(0);
    if (!rt_is_object(v)) return RT_FALSE;
    Value o = rt_to_object(rt, this_val);
    TRYV(o);
    for (;;) {
        v = rt_get_prototype_of(rt, rt_as_object(v));
        TRYV(v);
        if (!rt_is_object(v)) return RT_FALSE;
        if (v == o) return RT_TRUE;
    }
}

RT_NATIVE(proto_prop_enumerable) {
    Value k = canon_key(rt, ARG(0));
    TRYV(k);
    Value o = rt_to_object(rt, this_val);
    TRYV(o);
    PropDesc d;
    int f = rt_get_own_desc(rt, rt_as_object(o), k, &d);
    TRY(f);
    return rt_bool(f && (d.attrs & PROP_ENUMERABLE));
}

RT_NATIVE(proto_to_string) {
    if (rt_is_undefined(this_val)) return rt_string_from_cstr(rt, "[object Undefined]");
    if (rt_is_null(this_val)) return rt_string_from_cstr(rt, "[object Null]");
    Value o = rt_to_object(rt, this_val);
    TRYV(o);
    const char *tag = "Object";
    switch ((ObjectClass)rt_as_object(o)->cls) {
    case CLS_ARRAY: tag = "Array"; break;
    case CLS_ARGUMENTS: tag = "Arguments"; break;
    case CLS_ERROR: tag = "Error"; break;
    case CLS_BOOLEAN: tag = "Boolean"; break;
    case CLS_NUMBER: tag = "Number"; break;
    case CLS_STRING: tag = "String"; break;
    case CLS_DATE: tag = "Date"; break;
    default: if (rt_is_callable(o)) tag = "Function"; break;
    }
    Value t = rt_get(rt, o, rt->intrinsics[INTR_Sym_toStringTag]);
    TRYV(t);
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, "[object ");
    if (rt_is_string(t)) sb_putstr(&sb, t); else sb_puts(&sb, tag);
    sb_putc(&sb, ']');
    return sb_finish(rt, &sb);
}

RT_NATIVE(proto_to_locale_string) {
    Value f = rt_get(rt, this_val, rt_atom(rt, ATOM_toString));
    TRYV(f);
    if (!rt_is_callable(f)) return rt_throw_error(rt, ERR_TypeError, "toString is not a function");
    return rt_call(rt, f, this_val, 0, NULL);
}

RT_NATIVE(proto_value_of) { return rt_to_object(rt, this_val); }

RT_NATIVE(proto_get_proto) {
    Value o = rt_to_object(rt, this_val);
    TRYV(o);
    return rt_get_prototype_of(rt, rt_as_object(o));
}

RT_NATIVE(proto_set_proto) {
    if (rt_is_nullish(this_val))
        return rt_throw_error(rt, ERR_TypeError, "Object.prototype.__proto__ called on null or undefined");
    Value proto = ARG(0);
    if ((!rt_is_object(proto) && !rt_is_null(proto)) || !rt_is_object(this_val)) return RT_UNDEFINED;
    TRYV(set_proto_checked(rt, this_val, proto));
    return RT_UNDEFINED;
}

/* __defineGetter__ & co. (Annex B.2.2.2-5). magic: 0 getter, 1 setter. */
RT_NATIVE(proto_define_accessor) {
    Value o = rt_to_object(rt, this_val);
    TRYV(o);
    if (!rt_is_callable(ARG(1)))
        return rt_throw_error(rt, ERR_TypeError, "Object.prototype.__define%s__: Expecting function",
                              self->magic ? "Setter" : "Getter");
    Value k = canon_key(rt, ARG(0));
    TRYV(k);
    PropDesc d;
    int f = rt_get_own_desc(rt, rt_as_object(o), k, &d);
    TRY(f);
    Value g = RT_UNDEFINED, s = RT_UNDEFINED;
    if (f && (d.attrs & PROP_ACCESSOR)) { g = d.getter; s = d.setter; }
    if (self->magic) s = ARG(1); else g = ARG(1);
    int r = rt_define_accessor(rt, rt_as_object(o), k, g, s, PROP_ENUMERABLE | PROP_CONFIGURABLE);
    TRY(r);
    if (!r) return rt_throw_error(rt, ERR_TypeError, "Cannot redefine property");
    return RT_UNDEFINED;
}

RT_NATIVE(proto_lookup_accessor) {
    Value o = rt_to_object(rt, this_val);
    TRYV(o);
    Value k = canon_key(rt, ARG(0));
    TRYV(k);
    while (rt_is_object(o)) {
        PropDesc d;
        int f = rt_get_own_desc(rt, rt_as_object(o), k, &d);
        TRY(f);
        if (f) {
            if (!(d.attrs & PROP_ACCESSOR)) return RT_UNDEFINED;
            return self->magic ? d.setter : d.getter;
        }
        o = rt_get_prototype_of(rt, rt_as_object(o));
        TRYV(o);
    }
    return RT_UNDEFINED;
}

void rt_init_object(Runtime *rt) {
    JSObject *proto = rt_intr_obj(rt, INTR_ObjectPrototype);
    JSNative *ctor = rt_define_ctor(rt, "Object", object_ctor, 1, proto, 0);
    rt->intrinsics[INTR_Object] = rt_ptr(ctor);
    static const BuiltinMethod statics[] = {
        { "assign", object_assign, 2, 0 },
        { "getOwnPropertyDescriptor", object_gopd, 2, 0 },
        { "getOwnPropertyDescriptors", object_gopds, 1, 0 },
        { "getOwnPropertyNames", object_own_keys, 1, RT_KEYS_STRINGS },
        { "getOwnPropertySymbols", object_own_keys, 1, RT_KEYS_SYMBOLS },
        { "hasOwn", object_has_own, 2, 0 },
        { "is", object_is, 2, 0 },
        { "preventExtensions", object_integrity, 1, IL_PREVENT },
        { "seal", object_integrity, 1, IL_SEAL },
        { "create", object_create, 2, 0 },
        { "defineProperties", object_define_properties, 2, 0 },
        { "defineProperty", object_define_property, 3, 0 },
        { "freeze", object_integrity, 1, IL_FREEZE },
        { "getPrototypeOf", object_get_proto, 1, 0 },
        { "setPrototypeOf", object_set_proto, 2, 0 },
        { "isExtensible", object_integrity, 1, IL_IS_EXTENSIBLE },
        { "isFrozen", object_integrity, 1, IL_IS_FROZEN },
        { "isSealed", object_integrity, 1, IL_IS_SEALED },
        { "keys", object_enum, 1, EN_KEYS },
        { "entries", object_enum, 1, EN_ENTRIES },
        { "fromEntries", object_from_entries, 1, 0 },
        { "values", object_enum, 1, EN_VALUES },
    };
    RT_DEFINE_METHODS(rt, &ctor->base, statics);
    static const BuiltinMethod methods[] = {
        { "__defineGetter__", proto_define_accessor, 2, 0 },
        { "__defineSetter__", proto_define_accessor, 2, 1 },
        { "hasOwnProperty", proto_has_own, 1, 0 },
        { "__lookupGetter__", proto_lookup_accessor, 1, 0 },
        { "__lookupSetter__", proto_lookup_accessor, 1, 1 },
        { "isPrototypeOf", proto_is_prototype_of, 1, 0 },
        { "propertyIsEnumerable", proto_prop_enumerable, 1, 0 },
        { "toString", proto_to_string, 0, 0 },
        { "valueOf", proto_value_of, 0, 0 },
        { "toLocaleString", proto_to_locale_string, 0, 0 },
    };
    RT_DEFINE_METHODS(rt, proto, methods);
    Value ts = rt_get(rt, rt_ptr(proto), rt_atom(rt, ATOM_toString));
    rt->intrinsics[INTR_ObjectProtoToString] = ts;
    rt_define_native_accessor(rt, proto, rt_atom(rt, ATOM___proto__), "__proto__", proto_get_proto, proto_set_proto, 0);
}
