/* rt_object.c — the object protocol: [[GetOwnProperty]], [[Get]], [[Set]],
 * [[DefineOwnProperty]], [[Delete]], [[HasProperty]], [[OwnPropertyKeys]],
 * [[GetPrototypeOf]]/[[SetPrototypeOf]] of ECMA-262 §10.1 (ordinary
 * objects), with the exotic parts of arrays (§10.4.2: `length`, indices)
 * and String objects (§10.4.3: indices and `length`), and primitives boxed
 * on the fly for property reads.
 *
 * Named properties live in slots described by the object's shape
 * (rt_shape.c): slot i < inobject_capacity is o->inobject[i], the rest is
 * o->slots->v[i - inobject_capacity]. Indexed properties live in elements
 * (rt_array.c). Error texts follow V8's, so output matches Node.js.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rt_heap_internal.h"

#define ORDINARY_INOBJECT 4
#define VIRTUAL_SLOT UINT32_MAX

/* ---- creation -------------------------------------------------------------------- */

static bool class_has_struct(ObjectClass cls) {
    return !(cls == CLS_ORDINARY || cls == CLS_ARRAY || cls == CLS_ARGUMENTS);
}

JSObject *rt_object_new_class(Runtime *rt, Value proto, ObjectClass cls, size_t bytes) {
    if (bytes < sizeof(JSObject)) bytes = sizeof(JSObject);
    uint16_t cap = 0;
    if (!class_has_struct(cls)) {
        size_t n = (bytes - sizeof(JSObject)) / sizeof(Value);
        cap = (uint16_t)(n > 255 ? 255 : n);
    }
    Shape *root = rt_shape_root(rt, proto, cap);
    JSObject *o = rt_gc_alloc(rt, bytes, HK_OBJECT);
    o->h.aux = (uint32_t)bytes;
    o->cls = (uint8_t)cls;
    o->flags = OBJ_EXTENSIBLE;
    o->elements_kind = EK_PACKED_SMI;
    o->shape = root;
    for (uint16_t i = 0; i < cap; i++) o->inobject[i] = RT_UNDEFINED;
    /* Value fields of the subclasses start as undefined rather than +0. */
    switch (cls) {
    case CLS_FUNCTION:
        if (bytes >= sizeof(JSFunction)) {
            JSFunction *f = (JSFunction *)o;
            f->home_object = f->fields = f->this_val = RT_UNDEFINED;
        }
        break;
    case CLS_NATIVE:
        if (bytes >= sizeof(JSNative)) ((JSNative *)o)->data[0] = ((JSNative *)o)->data[1] = RT_UNDEFINED;
        break;
    case CLS_BOUND:
        if (bytes >= sizeof(JSBound)) ((JSBound *)o)->target = ((JSBound *)o)->this_val = RT_UNDEFINED;
        break;
    case CLS_ITERATOR: case CLS_FORIN:
        if (bytes >= sizeof(JSIterator)) ((JSIterator *)o)->target = ((JSIterator *)o)->extra = RT_UNDEFINED;
        break;
    default:
        if (class_has_struct(cls) && bytes >= sizeof(JSWrapper)) ((JSWrapper *)o)->value = RT_UNDEFINED;
        break;
    }
    return o;
}

JSObject *rt_object_new(Runtime *rt, Value proto) {
    return rt_object_new_class(rt, proto, CLS_ORDINARY, sizeof(JSObject) + ORDINARY_INOBJECT * sizeof(Value));
}

Context *rt_context_new(Runtime *rt, Context *parent, uint32_t slots) {
    if (slots > (1u << 24)) slots = 1u << 24;
    Context *c = rt_gc_alloc(rt, sizeof(Context) + (size_t)slots * sizeof(Value), HK_CONTEXT);
    c->slot_count = slots;
    c->parent = parent;
    for (uint32_t i = 0; i < slots; i++) c->slots[i] = RT_HOLE;
    return c;
}

/* ---- slots --------------------------------------------------------------------------- */

Value rt_slot_get(JSObject *o, uint32_t slot) {
    uint16_t cap = o->shape->inobject_capacity;
    if (slot < cap) return o->inobject[slot];
    if (!o->slots || slot - cap >= o->slots->capacity) return RT_UNDEFINED;
    return o->slots->v[slot - cap];
}

static void ensure_slot(Runtime *rt, JSObject *o, uint32_t slot) {
    uint16_t cap = o->shape->inobject_capacity;
    if (slot < cap) return;
    uint32_t need = slot - cap + 1;
    uint32_t have = o->slots ? o->slots->capacity : 0;
    if (need <= have) return;
    uint32_t n = have ? have * 2 : 4;
    while (n < need) n *= 2;
    ValueArray *a = rt_values_new(rt, n);
    if (o->slots) memcpy(a->v, o->slots->v, (size_t)have * sizeof(Value));
    o->slots = a;
}

void rt_slot_set(Runtime *rt, JSObject *o, uint32_t slot, Value v) {
    ensure_slot(rt, o, slot);
    uint16_t cap = o->shape->inobject_capacity;
    if (slot < cap) o->inobject[slot] = v;
    else o->slots->v[slot - cap] = v;
}

void rt_object_to_dictionary(Runtime *rt, JSObject *o) {
    if (o->shape->dictionary) return;
    o->shape = rt_shape_to_dictionary(rt, o->shape);
}

void rt_named_put(Runtime *rt, JSObject *o, Value key, Value v, uint8_t attrs) {
    int i = rt_shape_find(o->shape, key);
    if (i >= 0) {
        Shape *s = o->shape;
        if (s->props[i].attrs != attrs) {
            rt_object_to_dictionary(rt, o);
            o->shape->props[i].attrs = attrs;
        }
        rt_slot_set(rt, o, o->shape->props[i].slot, v);
        return;
    }
    if (!o->shape->dictionary && o->shape->prop_count >= RT_DICT_THRESHOLD) rt_object_to_dictionary(rt, o);
    if (o->shape->dictionary) {
        ensure_slot(rt, o, o->shape->prop_count);
        uint32_t slot = rt_shape_dict_add(o->shape, key, attrs);
        rt_slot_set(rt, o, slot, v);
        return;
    }
    ensure_slot(rt, o, o->shape->prop_count);
    Shape *ns = rt_shape_add(rt, o->shape, key, attrs);
    o->shape = ns;
    rt_slot_set(rt, o, ns->prop_count - 1, v);
}

/* ---- keys ------------------------------------------------------------------------------ */

Value rt_canon_key(Runtime *rt, Value key) {
    if (rt_is_int(key)) {
        if (rt_as_int(key) >= 0) return key;
        return rt_intern(rt, rt_number_to_string(rt, rt_as_int(key)));
    }
    if (rt_is_string(key)) {
        JSString *s = rt_as_string(key);
        if (!(s->h.aux & 1)) {
            key = rt_intern(rt, key);
            s = rt_as_string(key);
        }
        if (s->h.aux & 2) return rt_int((int32_t)rt_string_array_index(s));
        return key;
    }
    if (rt_is_symbol(key)) return key;
    if (rt_is_double(key)) {
        double d = rt_as_double(key);
        if (d >= 0 && d <= INT32_MAX && d == floor(d)) return rt_int((int32_t)d);
        return rt_intern(rt, rt_number_to_string(rt, d));
    }
    switch (key) {
    case RT_UNDEFINED: return rt->atoms[ATOM_undefined];
    case RT_NULL: return rt->atoms[ATOM_null];
    case RT_TRUE: return rt->atoms[ATOM_true_];
    case RT_FALSE: return rt->atoms[ATOM_false_];
    default: return rt->atoms[ATOM_empty];
    }
}

Value rt_to_property_key(Runtime *rt, Value v) {
    if (rt_is_object(v)) {
        v = rt_to_primitive(rt, v, 2);
        if (rt_is_exception(v)) return v;
        if (rt_is_object(v)) return rt_throw_error(rt, ERR_TypeError, "Cannot convert object to primitive value");
    }
    return rt_canon_key(rt, v);
}

Value rt_key_to_string(Runtime *rt, Value key) {
    if (rt_is_int(key)) return rt_intern(rt, rt_number_to_string(rt, rt_as_int(key)));
    return key;
}

/* The key as UTF-8 for error messages (malloc'd). */
static char *key_text(Runtime *rt, Value key) {
    if (rt_is_symbol(key)) {
        Value d = ((JSSymbol *)rt_as_ptr(key))->description;
        char *inner = rt_is_string(d) ? rt_string_to_utf8(d, NULL) : NULL;
        size_t n = (inner ? strlen(inner) : 0) + 16;
        char *out = malloc(n);
        if (!out) abort();
        snprintf(out, n, "Symbol(%s)", inner ? inner : "");
        free(inner);
        return out;
    }
    if (!rt_is_string(key)) {
        char buf[40];
        if (rt_is_number(key)) rt_double_to_cstr(rt_to_double_unchecked(key), buf);
        else snprintf(buf, sizeof buf, "%s", key == RT_NULL ? "null" : key == RT_TRUE ? "true" :
                      key == RT_FALSE ? "false" : "undefined");
        return strdup(buf);
    }
    return rt_string_to_utf8(key, NULL);
}

/* "#<Ctor>" / "[object Array]" as V8 prints a receiver in messages. */
static void object_brief(Runtime *rt, Value v, char *buf, size_t n) {
    if (!rt_is_object(v)) {
        char *t = key_text(rt, v);
        snprintf(buf, n, "%s", t);
        free(t);
        return;
    }
    JSObject *o = rt_as_object(v);
    if (o->cls == CLS_ARRAY) { snprintf(buf, n, "[object Array]"); return; }
    const char *fallback = rt_is_callable(v) ? "Function" : "Object";
    for (JSObject *p = o; p;) {
        uint32_t slot;
        uint8_t attrs;
        if (rt_shape_lookup(p->shape, rt->atoms[ATOM_constructor], &slot, &attrs)) {
            Value c = (attrs & PROP_ACCESSOR) ? RT_UNDEFINED : rt_slot_get(p, slot);
            if (rt_is_object(c) && rt_shape_lookup(rt_as_object(c)->shape, rt->atoms[ATOM_name], &slot, &attrs) &&
                !(attrs & PROP_ACCESSOR)) {
                Value name = rt_slot_get(rt_as_object(c), slot);
                if (rt_is_string(name) && rt_as_string(name)->len > 0) {
                    char *t = rt_string_to_utf8(name, NULL);
                    snprintf(buf, n, "#<%s>", t);
                    free(t);
                    return;
                }
            }
            break;
        }
        Value pr = p->shape->proto;
        p = rt_is_object(pr) ? rt_as_object(pr) : NULL;
    }
    snprintf(buf, n, "#<%s>", fallback);
}

static const char *primitive_kind(Value v) {
    return rt_is_string(v) ? "string" : rt_is_number(v) ? "number" : rt_is_bool(v) ? "boolean" :
           rt_is_symbol(v) ? "symbol" : "object";
}

/* ---- own properties --------------------------------------------------------------------- */

static Value char_at(Runtime *rt, JSString *s, uint32_t i) {
    return rt_intern_utf16(rt, &s->chars[i], 1);
}

bool rt_get_own_property(Runtime *rt, JSObject *o, Value key, PropRef *out) {
    if (!rt_is_int(key) && !rt_is_symbol(key) && !(rt_is_string(key) && (rt_as_string(key)->h.aux & 3) == 1))
        key = rt_canon_key(rt, key);
    out->holder = o;
    out->is_element = false;
    out->slot = VIRTUAL_SLOT;
    if (rt_is_int(key)) {
        uint32_t idx = (uint32_t)rt_as_int(key);
        if (o->cls == CLS_STRING && o->h.aux >= sizeof(JSWrapper)) {
            Value sv = ((JSWrapper *)o)->value;
            if (rt_is_string(sv) && idx < rt_as_string(sv)->len) {
                out->is_element = true;
                out->attrs = PROP_ENUMERABLE;
                out->value = char_at(rt, rt_as_string(sv), idx);
                return true;
            }
        }
        if (o->elements_kind != EK_DICTIONARY) {
            Value v;
            if (!rt_elements_get(o, idx, &v)) return false;
            out->is_element = true;
            out->attrs = PROP_DEFAULT;
            out->value = v;
            return true;
        }
    } else if (key == rt->atoms[ATOM_length]) {
        if (o->cls == CLS_ARRAY) {
            out->attrs = (o->flags & OBJ_LENGTH_READONLY) ? 0 : PROP_WRITABLE;
            out->value = rt_number((double)o->length);
            return true;
        }
        if (o->cls == CLS_STRING && o->h.aux >= sizeof(JSWrapper) && rt_is_string(((JSWrapper *)o)->value)) {
            out->attrs = 0;
            out->value = rt_int((int32_t)rt_as_string(((JSWrapper *)o)->value)->len);
            return true;
        }
    }
    int i = rt_shape_find(o->shape, key);
    if (i < 0) return false;
    out->slot = o->shape->props[i].slot;
    out->attrs = o->shape->props[i].attrs;
    out->value = rt_slot_get(o, out->slot);
    return true;
}

int rt_has_own_property(Runtime *rt, JSObject *o, Value key) {
    PropRef r;
    return rt_get_own_property(rt, o, rt_canon_key(rt, key), &r) ? 1 : 0;
}

/* ---- [[Get]] ------------------------------------------------------------------------------ */

static Value primitive_proto(Runtime *rt, Value v) {
    IntrinsicId id = rt_is_string(v) ? INTR_StringPrototype : rt_is_number(v) ? INTR_NumberPrototype :
                     rt_is_bool(v) ? INTR_BooleanPrototype : INTR_SymbolPrototype;
    return rt->intrinsics[id];
}

static Value read_nullish_error(Runtime *rt, Value obj, Value key, const char *verb) {
    if (verb[0] == 'r' && key == rt->intrinsics[INTR_Sym_iterator] && rt_is_symbol(key))
        return rt_throw_error(rt, ERR_TypeError, "%s is not iterable (cannot read property Symbol(Symbol.iterator))",
                              obj == RT_NULL ? "null" : "undefined");
    char *t = key_text(rt, key);
    rt_throw_error(rt, ERR_TypeError, "Cannot %s properties of %s (%sing '%s')",
                   verb[0] == 'r' ? "read" : "set", obj == RT_NULL ? "null" : "undefined", verb, t);
    free(t);
    return RT_EXCEPTION;
}

static Value normalize_key(Runtime *rt, Value key) {
    if (rt_is_int(key) && rt_as_int(key) >= 0) return key;
    if (rt_is_string(key) && (rt_as_string(key)->h.aux & 3) == 1) return key;
    if (rt_is_symbol(key)) return key;
    return rt_to_property_key(rt, key);
}

Value rt_get_recv(Runtime *rt, Value obj, Value key, Value receiver) {
    key = normalize_key(rt, key);
    if (rt_is_exception(key)) return key;
    Value cur = obj;
    if (!rt_is_object(obj)) {
        if (rt_is_nullish(obj)) return read_nullish_error(rt, obj, key, "read");
        if (rt_is_string(obj)) {
            JSString *s = rt_as_string(obj);
            if (rt_is_int(key) && (uint32_t)rt_as_int(key) < s->len) return char_at(rt, s, (uint32_t)rt_as_int(key));
            if (key == rt->atoms[ATOM_length]) return rt_int((int32_t)s->len);
        }
        cur = primitive_proto(rt, obj);
    }
    while (rt_is_object(cur)) {
        JSObject *o = rt_as_object(cur);
        PropRef r;
        if (rt_get_own_property(rt, o, key, &r)) {
            if (!(r.attrs & PROP_ACCESSOR)) return r.value;
            AccessorPair *ap = rt_as_ptr(r.value);
            if (!rt_is_callable(ap->getter)) return RT_UNDEFINED;
            return rt_call(rt, ap->getter, receiver, 0, NULL);
        }
        cur = o->shape->proto;
    }
    return RT_UNDEFINED;
}

Value rt_get(Runtime *rt, Value obj, Value key) { return rt_get_recv(rt, obj, key, obj); }

Value rt_get_index(Runtime *rt, Value obj, uint32_t index) {
    return rt_get_recv(rt, obj, rt_index_key(rt, index), obj);
}

Value rt_get_cstr(Runtime *rt, Value obj, const char *name) {
    Value key = rt_intern_cstr(rt, name);
    return rt_get_recv(rt, obj, key, obj);
}

/* ---- [[Set]] ------------------------------------------------------------------------------ */

static int fail_readonly(Runtime *rt, Value obj, Value key, bool strict) {
    if (!strict) return 0;
    char *t = key_text(rt, key);
    char brief[256];
    object_brief(rt, obj, brief, sizeof brief);
    if (rt_is_object(obj))
        rt_throw_error(rt, ERR_TypeError, "Cannot assign to read only property '%s' of object '%s'", t, brief);
    else
        rt_throw_error(rt, ERR_TypeError, "Cannot assign to read only property '%s' of %s '%s'", t,
                       primitive_kind(obj), brief);
    free(t);
    return -1;
}

static int fail_not_extensible(Runtime *rt, Value key, bool strict) {
    if (!strict) return 0;
    char *t = key_text(rt, key);
    rt_throw_error(rt, ERR_TypeError, "Cannot add property %s, object is not extensible", t);
    free(t);
    return -1;
}

/* Writes v into an own data property found by rt_get_own_property. */
static int write_own(Runtime *rt, JSObject *o, Value key, const PropRef *r, Value v, bool strict) {
    if (r->is_element) {
        rt_elements_put(rt, o, (uint32_t)rt_as_int(key), v);
        return 0;
    }
    if (r->slot == VIRTUAL_SLOT) { /* array length */
        double d;
        uint32_t u;
        if (rt_to_uint32(rt, v, &u) < 0 || rt_to_number(rt, v, &d) < 0) return -1;
        if ((double)u != d) {
            rt_throw_error(rt, ERR_RangeError, "Invalid array length");
            return -1;
        }
        return rt_array_set_length(rt, o, d, strict);
    }
    rt_slot_set(rt, o, r->slot, v);
    return 0;
}

/* Adds a new property to an extensible object: 1 added, 0 refused (an
 * index at or past a read-only array length). Never throws. */
static int add_property(Runtime *rt, JSObject *o, Value key, Value v, uint8_t attrs) {
    int64_t idx = rt_key_index(key);
    if (o->cls == CLS_ARRAY && idx >= 0 && (uint32_t)idx >= o->length && (o->flags & OBJ_LENGTH_READONLY))
        return 0;
    if (rt_is_int(key) && attrs == PROP_DEFAULT) {
        rt_elements_put(rt, o, (uint32_t)rt_as_int(key), v);
        return 1;
    }
    if (rt_is_int(key)) rt_elements_to_dictionary(rt, o);
    rt_named_put(rt, o, key, v, attrs);
    if (o->cls == CLS_ARRAY && idx >= 0 && (uint32_t)idx >= o->length) o->length = (uint32_t)idx + 1;
    return 1;
}

int rt_set_recv(Runtime *rt, Value obj, Value key, Value v, Value receiver, bool strict) {
    key = normalize_key(rt, key);
    if (rt_is_exception(key)) return -1;
    if (rt_is_nullish(obj)) {
        read_nullish_error(rt, obj, key, "sett");
        return -1;
    }
    Value cur = obj;
    PropRef r;
    if (!rt_is_object(obj)) {
        if (rt_is_string(obj)) {
            JSString *s = rt_as_string(obj);
            if ((rt_is_int(key) && (uint32_t)rt_as_int(key) < s->len) || key == rt->atoms[ATOM_length])
                return fail_readonly(rt, obj, key, strict);
        }
        cur = primitive_proto(rt, obj);
    } else if (obj == receiver) {
        /* Fast path: own writable data property. */
        JSObject *o = rt_as_object(obj);
        if (rt_get_own_property(rt, o, key, &r)) {
            if (!(r.attrs & PROP_ACCESSOR) && (r.attrs & PROP_WRITABLE)) return write_own(rt, o, key, &r, v, strict);
        }
    }
    bool found = false;
    while (rt_is_object(cur)) {
        JSObject *o = rt_as_object(cur);
        if (rt_get_own_property(rt, o, key, &r)) {
            found = true;
            break;
        }
        cur = o->shape->proto;
    }
    if (found) {
        if (r.attrs & PROP_ACCESSOR) {
            AccessorPair *ap = rt_as_ptr(r.value);
            if (!rt_is_callable(ap->setter)) {
                if (!strict) return 0;
                char *t = key_text(rt, key);
                char brief[256];
                object_brief(rt, receiver, brief, sizeof brief);
                rt_throw_error(rt, ERR_TypeError, "Cannot set property %s of %s which has only a getter", t, brief);
                free(t);
                return -1;
            }
            Value res = rt_call(rt, ap->setter, receiver, 1, &v);
            return rt_is_exception(res) ? -1 : 0;
        }
        if (!(r.attrs & PROP_WRITABLE)) return fail_readonly(rt, receiver, key, strict);
    }
    if (!rt_is_object(receiver)) {
        if (!strict) return 0;
        char *t = key_text(rt, key);
        char *rv = key_text(rt, receiver);
        rt_throw_error(rt, ERR_TypeError, "Cannot create property '%s' on %s '%s'", t, primitive_kind(receiver), rv);
        free(t);
        free(rv);
        return -1;
    }
    JSObject *R = rt_as_object(receiver);
    if (found && r.holder == R) return write_own(rt, R, key, &r, v, strict);
    PropRef own;
    if (rt_get_own_property(rt, R, key, &own)) {
        if (own.attrs & PROP_ACCESSOR) return fail_readonly(rt, receiver, key, strict);
        if (!(own.attrs & PROP_WRITABLE)) return fail_readonly(rt, receiver, key, strict);
        return write_own(rt, R, key, &own, v, strict);
    }
    if (!(R->flags & OBJ_EXTENSIBLE) || !add_property(rt, R, key, v, PROP_DEFAULT))
        return fail_not_extensible(rt, key, strict);
    return 0;
}

int rt_set(Runtime *rt, Value obj, Value key, Value v, bool strict) {
    return rt_set_recv(rt, obj, key, v, obj, strict);
}

int rt_set_index(Runtime *rt, Value obj, uint32_t index, Value v, bool strict) {
    return rt_set_recv(rt, obj, rt_index_key(rt, index), v, obj, strict);
}

/* ---- [[DefineOwnProperty]] --------------------------------------------------------------- */

/* ArraySetLength (§10.4.2.4) as [[DefineOwnProperty]] of `length` with a
 * full data descriptor: the value is validated first (RangeError), then the
 * attributes; when shrinking stops at a non-configurable element the length
 * still becomes read-only if asked, and the define reports failure. */
static int define_array_length(Runtime *rt, JSObject *o, Value v, uint8_t attrs) {
    double d;
    uint32_t u;
    if (rt_to_uint32(rt, v, &u) < 0 || rt_to_number(rt, v, &d) < 0) return -1;
    if ((double)u != d) {
        rt_throw_error(rt, ERR_RangeError, "Invalid array length");
        return -1;
    }
    if (attrs & (PROP_ENUMERABLE | PROP_CONFIGURABLE | PROP_ACCESSOR)) return 0;
    if (o->flags & OBJ_LENGTH_READONLY) return ((attrs & PROP_WRITABLE) || u != o->length) ? 0 : 1;
    if (rt_array_set_length(rt, o, d, false) < 0) return -1;
    if (!(attrs & PROP_WRITABLE)) o->flags |= OBJ_LENGTH_READONLY;
    return o->length == u ? 1 : 0;
}

/* Non-configurable existing property: may it become (attrs, value)? */
static bool compatible(const PropRef *r, uint8_t attrs, Value v, Value getter, Value setter) {
    if (r->attrs & PROP_CONFIGURABLE) return true;
    if (attrs & PROP_CONFIGURABLE) return false;
    if ((attrs & PROP_ENUMERABLE) != (r->attrs & PROP_ENUMERABLE)) return false;
    if ((attrs & PROP_ACCESSOR) != (r->attrs & PROP_ACCESSOR)) return false;
    if (attrs & PROP_ACCESSOR) {
        AccessorPair *ap = rt_as_ptr(r->value);
        if (getter != RT_HOLE && !rt_same_value(getter, ap->getter)) return false;
        if (setter != RT_HOLE && !rt_same_value(setter, ap->setter)) return false;
        return true;
    }
    if (!(r->attrs & PROP_WRITABLE)) {
        if (attrs & PROP_WRITABLE) return false;
        if (!rt_same_value(v, r->value)) return false;
    }
    return true;
}

static int define_common(Runtime *rt, JSObject *o, Value key, Value v, uint8_t attrs, Value getter, Value setter) {
    PropRef r;
    bool exists = rt_get_own_property(rt, o, key, &r);
    if (exists) {
        if (!compatible(&r, attrs, v, getter, setter)) return 0;
        /* virtual properties (string wrapper indices and length) never change */
        if (r.slot == VIRTUAL_SLOT && (!r.is_element || r.attrs == PROP_ENUMERABLE))
            return (r.attrs == attrs && rt_same_value(v, r.value)) ? 1 : 0;
        if ((attrs & PROP_ACCESSOR) && (r.attrs & PROP_ACCESSOR)) {
            AccessorPair *old = rt_as_ptr(r.value);
            if (getter == RT_HOLE) getter = old->getter;
            if (setter == RT_HOLE) setter = old->setter;
        }
    } else if (!(o->flags & OBJ_EXTENSIBLE)) {
        return 0;
    }
    if (attrs & PROP_ACCESSOR) {
        AccessorPair *ap = rt_gc_alloc(rt, sizeof(AccessorPair), HK_ACCESSOR);
        ap->getter = getter == RT_HOLE ? RT_UNDEFINED : getter;
        ap->setter = setter == RT_HOLE ? RT_UNDEFINED : setter;
        v = rt_ptr(ap);
    }
    if (exists && r.is_element) {
        if (attrs == PROP_DEFAULT) {
            rt_elements_put(rt, o, (uint32_t)rt_as_int(key), v);
            return 1;
        }
        rt_elements_to_dictionary(rt, o);
    }
    if (!exists) return add_property(rt, o, key, v, attrs);
    rt_named_put(rt, o, key, v, attrs);
    return 1;
}

int rt_define_data(Runtime *rt, JSObject *o, Value key, Value v, uint8_t attrs) {
    key = normalize_key(rt, key);
    if (rt_is_exception(key)) return -1;
    attrs &= PROP_WRITABLE | PROP_ENUMERABLE | PROP_CONFIGURABLE;
    if (o->cls == CLS_ARRAY && key == rt->atoms[ATOM_length]) return define_array_length(rt, o, v, attrs);
    return define_common(rt, o, key, v, attrs, RT_UNDEFINED, RT_UNDEFINED);
}

/* getter/setter RT_HOLE: keep the existing one (or undefined when new). */
int rt_define_accessor(Runtime *rt, JSObject *o, Value key, Value getter, Value setter, uint8_t attrs) {
    key = normalize_key(rt, key);
    if (rt_is_exception(key)) return -1;
    attrs = (uint8_t)((attrs & (PROP_ENUMERABLE | PROP_CONFIGURABLE)) | PROP_ACCESSOR);
    if (o->cls == CLS_ARRAY && key == rt->atoms[ATOM_length]) return 0;
    return define_common(rt, o, key, RT_UNDEFINED, attrs, getter, setter);
}

int rt_define_cstr(Runtime *rt, JSObject *o, const char *name, Value v, uint8_t attrs) {
    return rt_define_data(rt, o, rt_intern_cstr(rt, name), v, attrs);
}

/* ---- [[Delete]] ---------------------------------------------------------------------------- */

int rt_delete(Runtime *rt, Value obj, Value key, bool strict) {
    if (rt_is_nullish(obj)) {
        rt_throw_error(rt, ERR_TypeError, "Cannot convert undefined or null to object");
        return -1;
    }
    key = normalize_key(rt, key);
    if (rt_is_exception(key)) return -1;
    PropRef r;
    if (!rt_is_object(obj)) {
        if (rt_is_string(obj)) {
            JSString *s = rt_as_string(obj);
            if ((rt_is_int(key) && (uint32_t)rt_as_int(key) < s->len) || key == rt->atoms[ATOM_length]) goto refuse;
        }
        return 1;
    }
    JSObject *o = rt_as_object(obj);
    if (!rt_get_own_property(rt, o, key, &r)) return 1;
    if (!(r.attrs & PROP_CONFIGURABLE)) goto refuse;
    if (r.is_element) {
        rt_elements_delete(rt, o, (uint32_t)rt_as_int(key));
        return 1;
    }
    Shape *s = o->shape;
    int i = rt_shape_find(s, key);
    if (i < 0) return 1;
    if (!s->dictionary && (uint32_t)i == s->prop_count - 1 && s->parent && s->parent->prop_count == (uint32_t)i) {
        rt_slot_set(rt, o, (uint32_t)i, RT_UNDEFINED);
        o->shape = s->parent;
        return 1;
    }
    rt_object_to_dictionary(rt, o);
    uint32_t from, to;
    uint32_t last = o->shape->prop_count - 1;
    rt_shape_dict_remove(o->shape, (uint32_t)i, &from, &to);
    if (from != to) rt_slot_set(rt, o, to, rt_slot_get(o, from));
    rt_slot_set(rt, o, last, RT_UNDEFINED);
    return 1;
refuse:
    if (!strict) return 0;
    {
        char *t = key_text(rt, key);
        char brief[256];
        object_brief(rt, obj, brief, sizeof brief);
        rt_throw_error(rt, ERR_TypeError, "Cannot delete property '%s' of %s", t, brief);
        free(t);
    }
    return -1;
}

/* ---- [[HasProperty]] --------------------------------------------------------------------------- */

int rt_has_property(Runtime *rt, Value obj, Value key) {
    if (!rt_is_object(obj)) {
        Value ks = rt_is_symbol(key) ? key : rt_to_string(rt, key);
        if (rt_is_exception(ks)) return -1;
        char *t = key_text(rt, ks);
        char *o = rt_is_string(obj) ? rt_string_to_utf8(obj, NULL) : key_text(rt, obj);
        rt_throw_error(rt, ERR_TypeError, "Cannot use 'in' operator to search for '%s' in %s", t, o);
        free(t);
        free(o);
        return -1;
    }
    key = normalize_key(rt, key);
    if (rt_is_exception(key)) return -1;
    Value cur = obj;
    while (rt_is_object(cur)) {
        JSObject *o = rt_as_object(cur);
        PropRef r;
        if (rt_get_own_property(rt, o, key, &r)) return 1;
        cur = o->shape->proto;
    }
    return 0;
}

/* ---- [[OwnPropertyKeys]] ------------------------------------------------------------------------ */

typedef struct { uint32_t index; Value key; } IndexKey;

static int cmp_index_key(const void *a, const void *b) {
    uint32_t x = ((const IndexKey *)a)->index, y = ((const IndexKey *)b)->index;
    return x < y ? -1 : x > y;
}

JSObject *rt_own_keys(Runtime *rt, JSObject *o, int flags) {
    bool want_str = flags & RT_KEYS_STRINGS, want_sym = flags & RT_KEYS_SYMBOLS;
    bool enum_only = flags & RT_KEYS_ENUMERABLE_ONLY;
    if (!(flags & (RT_KEYS_STRINGS | RT_KEYS_SYMBOLS))) want_str = true;
    JSObject *out = rt_array_new(rt, 0);
    if (want_str) {
        /* 1. indices: string wrapper chars, fast elements, then named index keys */
        if (o->cls == CLS_STRING && o->h.aux >= sizeof(JSWrapper) && rt_is_string(((JSWrapper *)o)->value)) {
            uint32_t n = rt_as_string(((JSWrapper *)o)->value)->len;
            for (uint32_t i = 0; i < n; i++) rt_array_push(rt, out, rt_key_to_string(rt, rt_int((int32_t)i)));
        }
        if (o->elements_kind != EK_DICTIONARY && o->elements) {
            uint32_t n = o->elements->capacity;
            for (uint32_t i = 0; i < n && o->elements && i < o->elements->capacity; i++)
                if (o->elements->v[i] != RT_HOLE) rt_array_push(rt, out, rt_key_to_string(rt, rt_int((int32_t)i)));
        }
        Shape *s = o->shape;
        uint32_t nidx = 0;
        for (uint32_t i = 0; i < s->prop_count; i++)
            if (rt_key_index(s->props[i].key) >= 0 && (!enum_only || (s->props[i].attrs & PROP_ENUMERABLE))) nidx++;
        if (nidx) {
            IndexKey *ik = malloc(nidx * sizeof *ik);
            if (!ik) abort();
            uint32_t m = 0;
            for (uint32_t i = 0; i < s->prop_count && m < nidx; i++) {
                int64_t idx = rt_key_index(s->props[i].key);
                if (idx >= 0 && (!enum_only || (s->props[i].attrs & PROP_ENUMERABLE)))
                    ik[m++] = (IndexKey){(uint32_t)idx, s->props[i].key};
            }
            qsort(ik, m, sizeof *ik, cmp_index_key);
            /* The keys stay alive through the shape while we convert. */
            for (uint32_t k = 0; k < m; k++) rt_array_push(rt, out, rt_key_to_string(rt, ik[k].key));
            free(ik);
        }
        /* 2. virtual length */
        if (!enum_only && (o->cls == CLS_ARRAY || (o->cls == CLS_STRING && o->h.aux >= sizeof(JSWrapper))))
            rt_array_push(rt, out, rt->atoms[ATOM_length]);
        /* 3. strings in insertion order */
        for (uint32_t i = 0; i < o->shape->prop_count; i++) {
            ShapeProp p = o->shape->props[i];
            if (!rt_is_string(p.key) || rt_key_index(p.key) >= 0) continue;
            if (enum_only && !(p.attrs & PROP_ENUMERABLE)) continue;
            rt_array_push(rt, out, p.key);
        }
    }
    if (want_sym) {
        for (uint32_t i = 0; i < o->shape->prop_count; i++) {
            ShapeProp p = o->shape->props[i];
            if (!rt_is_symbol(p.key)) continue;
            if (enum_only && !(p.attrs & PROP_ENUMERABLE)) continue;
            rt_array_push(rt, out, p.key);
        }
    }
    return out;
}

/* ---- prototypes and extensibility ------------------------------------------------------------------ */

Value rt_get_prototype_of(Runtime *rt, JSObject *o) {
    (void)rt;
    return o->shape->proto;
}

int rt_set_prototype_of(Runtime *rt, JSObject *o, Value proto) {
    if (proto == o->shape->proto) return 1;
    if (!(o->flags & OBJ_EXTENSIBLE)) return 0;
    for (Value p = proto; rt_is_object(p); p = rt_as_object(p)->shape->proto)
        if (rt_as_object(p) == o) return 0;
    Shape *old = o->shape;
    if (old->dictionary) {
        old->proto = proto;
        return 1;
    }
    Shape *s = rt_shape_root(rt, proto, old->inobject_capacity);
    for (uint32_t i = 0; i < old->prop_count; i++) {
        ShapeProp p = old->props[i];
        s = rt_shape_add(rt, s, p.key, p.attrs);
    }
    o->shape = s;
    return 1;
}

void rt_prevent_extensions(Runtime *rt, JSObject *o) {
    (void)rt;
    o->flags &= (uint8_t)~OBJ_EXTENSIBLE;
}
