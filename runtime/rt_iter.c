/* rt_iter.c — for-in enumeration and the iteration protocol of for-of and
 * spread (ECMA-262 §14.7.5.9 EnumerateObjectProperties, §7.4 iterators).
 *
 * for-in collects every enumerable string key of the object and its
 * prototypes when the loop starts (own keys first: integer keys ascending,
 * then strings in insertion order; a key seen once shadows the same key
 * further up the chain, enumerable or not) and skips keys deleted before
 * they are reached. Iterators over arrays and strings, and the builtins'
 * array and string iterator objects, run natively (JSIterator) without
 * calling next(); any other iterable goes through get_iterator_object, which
 * calls [Symbol.iterator]() (§7.4.3 GetIterator).
 */
#include <stdlib.h>
#include "rt_frame.h"

/* ---- for-in --------------------------------------------------------------------------------- */
static JSIterator *iter_alloc(Runtime *rt, int cls) {
    JSIterator *it = (JSIterator *)rt_object_new_class(rt, RT_NULL, (ObjectClass)cls, sizeof(JSIterator));
    it->target = RT_UNDEFINED;
    it->extra = RT_UNDEFINED;
    it->index = 0;
    it->kind = 0;
    return it;
}

Value rt_forin_prepare(Runtime *rt, Value obj) {
    JSIterator *it = iter_alloc(rt, CLS_FORIN);
    JSObject *keys = rt_array_from(rt, NULL, 0);
    it->extra = rt_ptr(keys);
    if (rt_is_nullish(obj)) return rt_ptr(it);
    Value o = rt_to_object(rt, obj);
    if (rt_is_exception(o)) return o;
    it->target = o;
    JSObject *seen = rt_object_new(rt, RT_NULL);
    Value cur = o;
    for (int depth = 0; rt_is_object(cur) && depth < 10000; depth++) {
        JSObject *co = rt_as_object(cur);
        JSObject *own = rt_own_keys(rt, co, RT_KEYS_STRINGS);
        if (!own) return RT_EXCEPTION;
        Value ownv = rt_ptr(own);
        bool last = !rt_is_object(rt_get_prototype_of(rt, co));
        for (uint32_t i = 0; i < own->length; i++) {
            Value ks = rt_get_index(rt, ownv, i);
            if (rt_is_exception(ks)) return ks;
            Value key = rt_to_property_key(rt, ks);
            if (rt_is_exception(key)) return key;
            if (depth > 0) {
                int s = rt_has_own_property(rt, seen, key);
                if (s < 0) return RT_EXCEPTION;
                if (s) continue;
            }
            if (!last) rt_define_data(rt, seen, key, RT_TRUE, PROP_DEFAULT);
            PropRef r;
            if (!rt_get_own_property(rt, co, key, &r) || !(r.attrs & PROP_ENUMERABLE)) continue;
            if (rt_array_push(rt, keys, rt_is_string(ks) ? ks : rt_key_to_string(rt, key)) < 0) return RT_EXCEPTION;
        }
        cur = rt_get_prototype_of(rt, co);
    }
    return rt_ptr(it);
}

Value rt_forin_next(Runtime *rt, Value itv) {
    if (!rt_is_class(itv, CLS_FORIN)) return RT_HOLE;
    JSIterator *it = (JSIterator *)rt_as_object(itv);
    if (!rt_is_array(it->extra)) return RT_HOLE;
    JSObject *keys = rt_as_object(it->extra);
    while (it->index < keys->length) {
        Value ks = rt_get_index(rt, it->extra, it->index++);
        if (rt_is_exception(ks)) return ks;
        Value key = rt_to_property_key(rt, ks);
        if (rt_is_exception(key)) return key;
        int has = rt_has_property(rt, it->target, key);
        if (has < 0) return RT_EXCEPTION;
        if (has) return ks;
    }
    return RT_HOLE;
}

/* ---- iterators ------------------------------------------------------------------------------------ */
Value rt_iterator_new(Runtime *rt, Value target, int kind) {
    JSIterator *it = iter_alloc(rt, CLS_ITERATOR);
    Value proto = kind == RT_ITER_STRING ? rt_intrinsic(rt, INTR_StringIteratorPrototype)
                                         : rt_intrinsic(rt, INTR_ArrayIteratorPrototype);
    if (kind != RT_ITER_GENERIC && rt_is_object(proto)) rt_set_prototype_of(rt, &it->base, proto);
    it->target = target;
    it->kind = (uint8_t)kind;
    return rt_ptr(it);
}

/* GetIterator for everything without a native iterator: calls
 * obj[Symbol.iterator]() and keeps the iterator with its `next` method. */
static Value get_iterator_object(Runtime *rt, Value obj) {
    Value sym = rt_intrinsic(rt, INTR_Sym_iterator);
    Value method = rt_is_symbol(sym) && !rt_is_nullish(obj) ? rt_get(rt, obj, sym) : RT_UNDEFINED;
    if (rt_is_exception(method)) return method;
    if (!rt_is_callable(method)) {
        char d[96];
        rt_value_desc(rt, obj, d, sizeof d);
        if (rt_is_object(obj) && !rt_is_callable(obj))
            return rt_throw_error(rt, ERR_TypeError, "object is not iterable (cannot read property Symbol(Symbol.iterator))");
        return rt_throw_error(rt, ERR_TypeError, "%s is not iterable", d);
    }
    Value io = rt_call(rt, method, obj, 0, NULL);
    if (rt_is_exception(io)) return io;
    if (!rt_is_object(io)) return rt_throw_error(rt, ERR_TypeError, "Result of the Symbol.iterator method is not an object");
    if (rt_is_class(io, CLS_ITERATOR) && ((JSIterator *)rt_as_object(io))->kind < RT_ITER_GENERIC) return io;
    Value next = rt_get(rt, io, rt_atom(rt, ATOM_next));
    if (rt_is_exception(next)) return next;
    Value it = rt_iterator_new(rt, io, RT_ITER_GENERIC);
    ((JSIterator *)rt_as_object(it))->extra = next;
    return it;
}

Value rt_get_iterator(Runtime *rt, Value obj) {
    /* arrays and strings use their builtin iterators without a lookup */
    if (rt_is_string(obj)) return rt_iterator_new(rt, obj, RT_ITER_STRING);
    if (rt_is_array(obj)) return rt_iterator_new(rt, obj, RT_ITER_ARRAY_VALUES);
    return get_iterator_object(rt, obj);
}

static Value generic_next(Runtime *rt, JSIterator *it) {
    Value res = rt_call(rt, it->extra, it->target, 0, NULL);
    if (rt_is_exception(res)) return res;
    if (!rt_is_object(res)) {
        char d[96];
        rt_value_desc(rt, res, d, sizeof d);
        return rt_throw_error(rt, ERR_TypeError, "Iterator result %s is not an object", d);
    }
    Value done = rt_get(rt, res, rt_atom(rt, ATOM_done));
    if (rt_is_exception(done)) return done;
    if (rt_to_boolean(done)) {
        it->target = RT_UNDEFINED;
        return RT_HOLE;
    }
    return rt_get(rt, res, rt_atom(rt, ATOM_value));
}

static Value array_like_length(Runtime *rt, Value target, uint32_t *out) {
    if (rt_is_array(target)) {
        *out = rt_as_object(target)->length;
        return RT_UNDEFINED;
    }
    Value lv = rt_get(rt, target, rt_atom(rt, ATOM_length));
    if (rt_is_exception(lv)) return lv;
    double d;
    if (rt_to_number(rt, lv, &d) < 0) return RT_EXCEPTION;
    *out = d > 0 ? (d > 4294967295.0 ? UINT32_MAX : (uint32_t)d) : 0;
    return RT_UNDEFINED;
}

Value rt_iterator_next(Runtime *rt, Value itv) {
    if (!rt_is_class(itv, CLS_ITERATOR)) return rt_throw_error(rt, ERR_TypeError, "not an iterator");
    JSIterator *it = (JSIterator *)rt_as_object(itv);
    Value t = it->target;
    if (rt_is_undefined(t)) return RT_HOLE;          /* done stays done */
    switch (it->kind) {
    case RT_ITER_ARRAY_VALUES:
    case RT_ITER_ARRAY_KEYS:
    case RT_ITER_ARRAY_ENTRIES: {
        uint32_t i = it->index;
        if (it->kind == RT_ITER_ARRAY_VALUES && rt_is_array(t)) {   /* the common case, inline */
            JSObject *a = rt_as_object(t);
            if (i < a->length && a->elements_kind != EK_DICTIONARY && a->elements && i < a->elements->capacity &&
                a->elements->v[i] != RT_HOLE) {
                it->index = i + 1;
                return a->elements->v[i];
            }
        }
        uint32_t len;
        Value e = array_like_length(rt, t, &len);
        if (rt_is_exception(e)) return e;
        if (i >= len) {
            it->target = RT_UNDEFINED;
            return RT_HOLE;
        }
        it->index = i + 1;
        if (it->kind == RT_ITER_ARRAY_KEYS) return rt_number((double)i);
        Value v = rt_get_index(rt, t, i);
        if (rt_is_exception(v) || it->kind == RT_ITER_ARRAY_VALUES) return v;
        Value pair[2] = {rt_number((double)i), v};
        return rt_ptr(rt_array_from(rt, pair, 2));
    }
    case RT_ITER_STRING: {
        if (!rt_is_string(t)) return RT_HOLE;
        JSString *s = rt_as_string(t);
        uint32_t i = it->index;
        if (i >= s->len) {
            it->target = RT_UNDEFINED;
            return RT_HOLE;
        }
        uint32_t n = 1;
        uint16_t c = s->chars[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s->len && s->chars[i + 1] >= 0xDC00 && s->chars[i + 1] <= 0xDFFF)
            n = 2;
        it->index = i + n;
        return rt_string_from_utf16(rt, &s->chars[i], n);
    }
    case RT_ITER_GENERIC:
        return generic_next(rt, it);
    default:
        return RT_HOLE;
    }
}

int rt_iterator_close(Runtime *rt, Value itv) {
    if (!rt_is_class(itv, CLS_ITERATOR)) return 0;
    JSIterator *it = (JSIterator *)rt_as_object(itv);
    Value io = it->target;
    if (it->kind != RT_ITER_GENERIC || rt_is_undefined(io)) return 0;
    it->target = RT_UNDEFINED;
    Value ret = rt_get(rt, io, rt_atom(rt, ATOM_return_));
    if (rt_is_exception(ret)) return -1;
    if (rt_is_nullish(ret)) return 0;
    Value r = rt_call(rt, ret, io, 0, NULL);
    if (rt_is_exception(r)) return -1;
    if (!rt_is_object(r)) {
        rt_throw_error(rt, ERR_TypeError, "Iterator result is not an object");
        return -1;
    }
    return 0;
}
