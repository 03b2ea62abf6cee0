/* rt_builtins_array.c — the Array constructor and most of Array.prototype
 * (ECMA-262 §23.1). Every method is generic over array-likes (ToLength of
 * "length", HasProperty to skip holes where the spec says so); dense
 * arrays take a fast path that reads the elements store directly when the
 * element is present (a hole still goes through [[Get]] and the prototype
 * chain). Results are made by ArraySpeciesCreate so subclasses keep their
 * class. Sorting, iterators and Array.from live in rt_builtins_array_iter.c.
 */
#include <math.h>
#include <stdlib.h>
#include "rt_builtins.h"
#include "rt_builtins_array.h"

/* ---- element access ------------------------------------------------------------------ */

Value rt_arr_get(Runtime *rt, Value o, double i) {
    if (rt_is_object(o) && i < 2147483648.0) {
        JSObject *a = rt_as_object(o);
        if (a->cls == CLS_ARRAY && a->elements_kind != EK_DICTIONARY && a->elements &&
            i < a->length && i < a->elements->capacity) {
            Value v = a->elements->v[(uint32_t)i];
            if (v != RT_HOLE) return v;
        }
        return rt_get(rt, o, rt_int((int32_t)i));
    }
    return rt_get(rt, o, rt_key_from_double(rt, i));
}

int rt_arr_has(Runtime *rt, Value o, double i) {
    if (rt_is_object(o) && i < 2147483648.0) {
        JSObject *a = rt_as_object(o);
        if (a->cls == CLS_ARRAY && a->elements_kind != EK_DICTIONARY && a->elements &&
            i < a->length && i < a->elements->capacity && a->elements->v[(uint32_t)i] != RT_HOLE)
            return 1;
    }
    return rt_has_property(rt, o, rt_key_from_double(rt, i));
}

int rt_arr_set(Runtime *rt, Value o, double i, Value v) {
    return rt_set(rt, o, rt_key_from_double(rt, i), v, true);
}

int rt_arr_delete(Runtime *rt, Value o, double i) {
    int r = rt_delete(rt, o, rt_key_from_double(rt, i), true);
    if (r < 0) return -1;
    if (r == 0) {
        rt_throw_error(rt, ERR_TypeError, "Cannot delete property '%.0f' of [object Array]", i);
        return -1;
    }
    return 0;
}

int rt_arr_set_length(Runtime *rt, Value o, double len) {
    return rt_set(rt, o, rt_atom(rt, ATOM_length), rt_number(len), true);
}

int rt_arr_create_at(Runtime *rt, Value o, double i, Value v) {
    return rt_create_data_property(rt, o, rt_key_from_double(rt, i), v);
}

/* ArraySpeciesCreate (§10.4.2.3). */
Value rt_array_species_create(Runtime *rt, Value orig, double len) {
    if (!rt_is_array(orig)) {
        if (len > 4294967295.0) return rt_throw_error(rt, ERR_RangeError, "Invalid array length");
        return rt_ptr(rt_array_new(rt, (uint32_t)len));
    }
    Value c = rt_get(rt, orig, rt_atom(rt, ATOM_constructor));
    TRYV(c);
    if (rt_is_object(c)) {
        c = rt_get(rt, c, rt->intrinsics[INTR_Sym_species]);
        TRYV(c);
        if (rt_is_null(c)) c = RT_UNDEFINED;
    }
    if (rt_is_undefined(c) || c == rt->intrinsics[INTR_Array]) {
        if (len > 4294967295.0) return rt_throw_error(rt, ERR_RangeError, "Invalid array length");
        JSObject *a = rt_array_new(rt, 0);
        if (len > 0 && rt_array_set_length(rt, a, len, true) < 0) return RT_EXCEPTION;
        return rt_ptr(a);
    }
    if (!rt_is_constructor(c)) return rt_throw_error(rt, ERR_TypeError, "object.constructor[Symbol.species] is not a constructor");
    Value n = rt_number(len);
    return rt_construct(rt, c, 1, &n, c);
}

static Value this_obj_len(Runtime *rt, Value this_val, double *len) {
    Value o = rt_to_object(rt, this_val);
    TRYV(o);
    if (rt_length_of_array_like(rt, o, len) < 0) return RT_EXCEPTION;
    return o;
}

static Value not_callable(Runtime *rt, Value f) {
    Value s = rt_inspect(rt, f);
    char *c = rt_is_string(s) ? rt_string_to_utf8(s, NULL) : NULL;
    rt_throw_error(rt, ERR_TypeError, "%s is not a function", c ? c : "value");
    free(c);
    return RT_EXCEPTION;
}

/* ---- constructor and statics ------------------------------------------------------- */

RT_NATIVE(array_ctor) {
    Value proto = rt_proto_from_ctor(rt, new_target, INTR_ArrayPrototype);
    TRYV(proto);
    JSObject *a;
    if (argc == 1 && rt_is_number(argv[0])) {
        double d = rt_to_double_unchecked(argv[0]);
        if (!(d >= 0 && d <= 4294967295.0 && d == trunc(d)))
            return rt_throw_error(rt, ERR_RangeError, "Invalid array length");
        a = rt_array_new(rt, 0);
        if (d > 0 && rt_array_set_length(rt, a, d, true) < 0) return RT_EXCEPTION;
    } else {
        a = rt_array_from(rt, argv, (uint32_t)argc);
    }
    if (proto != rt->intrinsics[INTR_ArrayPrototype]) rt_set_prototype_of(rt, a, proto);
    return rt_ptr(a);
}

RT_NATIVE(array_is_array) { return rt_bool(rt_is_array(ARG(0))); }

RT_NATIVE(array_species) { return this_val; }

/* ---- mutators ------------------------------------------------------------------------ */

/* Has any object on o's prototype chain indexed properties? Then a store
 * past the end of o must go through [[Set]] (a setter may run). Indexed
 * accessors and attributes live in dictionary elements, data in the store. */
static bool protos_have_elements(Runtime *rt, JSObject *o) {
    for (Value p = o->shape->proto; rt_is_object(p); p = rt_as_object(p)->shape->proto) {
        JSObject *q = rt_as_object(p);
        if (q->elements_kind == EK_DICTIONARY || q->elements) return true;
    }
    (void)rt;
    return false;
}

RT_NATIVE(array_push) {
    if (rt_is_array(this_val) && (rt_as_object(this_val)->flags & OBJ_EXTENSIBLE) &&
        !(rt_as_object(this_val)->flags & OBJ_LENGTH_READONLY) && !protos_have_elements(rt, rt_as_object(this_val))) {
        JSObject *a = rt_as_object(this_val);
        if ((double)a->length + argc <= 4294967295.0) {
            for (int i = 0; i < argc; i++) TRY(rt_array_push(rt, a, argv[i]));
            return rt_number(a->length);
        }
    }
    double len;
    Value o = this_obj_len(rt, this_val, &len);
    TRYV(o);
    if (len + argc > 9007199254740991.0) return rt_throw_error(rt, ERR_TypeError, "Pushing %d elements on an array-like of length %.0f is disallowed", argc, len);
    for (int i = 0; i < argc; i++) TRY(rt_arr_set(rt, o, len + i, argv[i]));
    TRY(rt_arr_set_length(rt, o, len + argc));
    return rt_number(len + argc);
}

RT_NATIVE(array_pop) {
    double len;
    Value o = this_obj_len(rt, this_val, &len);
    TRYV(o);
    if (len == 0) {
        TRY(rt_arr_set_length(rt, o, 0));
        return RT_UNDEFINED;
    }
    Value v = rt_arr_get(rt, o, len - 1);
    TRYV(v);
    TRY(rt_arr_delete(rt, o, len - 1));
    TRY(rt_arr_set_length(rt, o, len - 1));
    return v;
}

RT_NATIVE(array_shift) {
    double len;
    Value o = this_obj_len(rt, this_val, &len);
    TRYV(o);
    if (len == 0) {
        TRY(rt_arr_set_length(rt, o, 0));
        return RT_UNDEFINED;
    }
    Value first = rt_arr_get(rt, o, 0);
    TRYV(first);
    for (double k = 1; k < len; k++) {
        int h = rt_arr_has(rt, o, k);
        TRY(h);
        if (h) {
            Value v = rt_arr_get(rt, o, k);
            TRYV(v);
            TRY(rt_arr_set(rt, o, k - 1, v));
        } else {
            TRY(rt_arr_delete(rt, o, k - 1));
        }
    }
    TRY(rt_arr_delete(rt, o, len - 1));
    TRY(rt_arr_set_length(rt, o, len - 1));
    return first;
}

RT_NATIVE(array_unshift) {
    double len;
    Value o = this_obj_len(rt, this_val, &len);
    TRYV(o);
    if (argc > 0) {
        if (len + argc > 9007199254740991.0) return rt_throw_error(rt, ERR_TypeError, "Invalid array length");
        for (double k = len; k > 0; k--) {
            int h = rt_arr_has(rt, o, k - 1);
            TRY(h);
            if (h) {
                Value v = rt_arr_get(rt, o, k - 1);
                TRYV(v);
                TRY(rt_arr_set(rt, o, k - 1 + argc, v));
            } else {
                TRY(rt_arr_delete(rt, o, k - 1 + argc));
            }
        }
        for (int j = 0; j < argc; j++) TRY(rt_arr_set(rt, o, j, argv[j]));
    }
    TRY(rt_arr_set_length(rt, o, len + argc));
    return rt_number(len + argc);
}

RT_NATIVE(array_splice) {
    double len;
    Value o = this_obj_len(rt, this_val, &len);
    TRYV(o);
    double start, del;
    TRY(rt_to_index_rel(rt, ARG(0), len, 0, &start));
    int items = argc > 2 ? argc - 2 : 0;
    if (argc == 0) del = 0;
    else if (argc == 1) del = len - start;
    else {
        TRY(rt_to_integer_or_infinity(rt, argv[1], &del));
        if (del < 0) del = 0;
        if (del > len - start) del = len - start;
    }
    if (len + items - del > 9007199254740991.0) return rt_throw_error(rt, ERR_TypeError, "Invalid array length");
    Value a = rt_array_species_create(rt, o, del);
    TRYV(a);
    for (double k = 0; k < del; k++) {
        int h = rt_arr_has(rt, o, start + k);
        TRY(h);
        if (h) {
            Value v = rt_arr_get(rt, o, start + k);
            TRYV(v);
            TRY(rt_arr_create_at(rt, a, k, v));
        }
    }
    TRY(rt_arr_set_length(rt, a, del));
    if (items < del) {
        for (double k = start; k < len - del; k++) {
            int h = rt_arr_has(rt, o, k + del);
            TRY(h);
            if (h) {
                Value v = rt_arr_get(rt, o, k + del);
                TRYV(v);
                TRY(rt_arr_set(rt, o, k + items, v));
            } else {
                TRY(rt_arr_delete(rt, o, k + items));
            }
        }
        for (double k = len; k > len - del + items; k--) TRY(rt_arr_delete(rt, o, k - 1));
    } else if (items > del) {
        for (double k = len - del; k > start; k--) {
            int h = rt_arr_has(rt, o, k + del - 1);
            TRY(h);
            if (h) {
                Value v = rt_arr_get(rt, o, k + del - 1);
                TRYV(v);
                TRY(rt_arr_set(rt, o, k + items - 1, v));
            } else {
                TRY(rt_arr_delete(rt, o, k + items - 1));
            }
        }
    }
    for (int j = 0; j < items; j++) TRY(rt_arr_set(rt, o, start + j, argv[j + 2]));
    TRY(rt_arr_set_length(rt, o, len - del + items));
    return a;
}

RT_NATIVE(array_reverse) {
    double len;
    Value o = this_obj_len(rt, this_val, &len);
    TRYV(o);
    double mid = floor(len / 2);
    for (double lo = 0; lo < mid; lo++) {
        double hi = len - lo - 1;
        int hl = rt_arr_has(rt, o, lo);
        TRY(hl);
        Value lv = hl ? rt_arr_get(rt, o, lo) : RT_UNDEFINED;
        TRYV(lv);
        int hh = rt_arr_has(rt, o, hi);
        TRY(hh);
        Value hv = hh ? rt_arr_get(rt, o, hi) : RT_UNDEFINED;
        TRYV(hv);
        if (hh) TRY(rt_arr_set(rt, o, lo, hv)); else if (hl) TRY(rt_arr_delete(rt, o, lo));
        if (hl) TRY(rt_arr_set(rt, o, hi, lv)); else if (hh) TRY(rt_arr_delete(rt, o, hi));
    }
    return o;
}

/* ---- change array by copy (§23.1.3.33 toReversed, .35 toSpliced, .39 with) ---------------- */

/* ArrayCreate(len) for the copying methods: a fresh Array, filled in order
 * by the caller with CreateDataPropertyOrThrow. */
static Value array_create_checked(Runtime *rt, double len) {
    if (len > 4294967295.0) return rt_throw_error(rt, ERR_RangeError, "Invalid array length");
    return rt_ptr(rt_array_new(rt, 0));
}

RT_NATIVE(array_to_reversed) {
    double len;
    Value o = this_obj_len(rt, this_val, &len);
    TRYV(o);
    Value a = array_create_checked(rt, len);
    TRYV(a);
    for (double k = 0; k < len; k++) {
        Value v = rt_arr_get(rt, o, len - k - 1);
        TRYV(v);
        TRY(rt_arr_create_at(rt, a, k, v));
    }
    return a;
}

RT_NATIVE(array_to_spliced) {
    double len;
    Value o = this_obj_len(rt, this_val, &len);
    TRYV(o);
    double start, skip;
    TRY(rt_to_index_rel(rt, ARG(0), len, 0, &start));
    double items = argc > 2 ? argc - 2 : 0;
    if (argc == 0) skip = 0;
    else if (argc == 1) skip = len - start;
    else {
        TRY(rt_to_integer_or_infinity(rt, argv[1], &skip));
        skip = fmin(fmax(skip, 0), len - start);
    }
    double new_len = len + items - skip;
    if (new_len > 9007199254740991.0) return rt_throw_error(rt, ERR_TypeError, "Invalid array length");
    Value a = array_create_checked(rt, new_len);
    TRYV(a);
    double i = 0;
    for (; i < start; i++) {
        Value v = rt_arr_get(rt, o, i);
        TRYV(v);
        TRY(rt_arr_create_at(rt, a, i, v));
    }
    for (int k = 2; k < argc; k++, i++) TRY(rt_arr_create_at(rt, a, i, argv[k]));
    for (double r = start + skip; i < new_len; i++, r++) {
        Value v = rt_arr_get(rt, o, r);
        TRYV(v);
        TRY(rt_arr_create_at(rt, a, i, v));
    }
    return a;
}

RT_NATIVE(array_with) {
    double len, rel;
    Value o = this_obj_len(rt, this_val, &len);
    TRYV(o);
    TRY(rt_to_integer_or_infinity(rt, ARG(0), &rel));
    double at = rel >= 0 ? rel : len + rel;
    if (at >= len || at < 0) return rt_throw_error(rt, ERR_RangeError, "Invalid index : %.0f", rel);
    Value a = array_create_checked(rt, len);
    TRYV(a);
    for (double k = 0; k < len; k++) {
        Value v = k == at ? ARG(1) : rt_arr_get(rt, o, k);
        TRYV(v);
        TRY(rt_arr_create_at(rt, a, k, v));
    }
    return a;
}

RT_NATIVE(array_fill) {
    double len;
    Value o = this_obj_len(rt, this_val, &len);
    TRYV(o);
    double k, end;
    TRY(rt_to_index_rel(rt, ARG(1), len, 0, &k));
    TRY(rt_to_index_rel(rt, ARG(2), len, len, &end));
    /* after the conversions: they may have changed the array */
    if (k >= end) return o;
    if (rt_is_array(o) && (rt_as_object(o)->flags & OBJ_EXTENSIBLE) && !protos_have_elements(rt, rt_as_object(o)) &&
        end <= 4294967295.0 && rt_elements_fill(rt, rt_as_object(o), (uint32_t)k, (uint32_t)end, ARG(0)))
        return o;
    for (; k < end; k++) TRY(rt_arr_set(rt, o, k, ARG(0)));
    return o;
}

RT_NATIVE(array_copy_within) {
    double len;
    Value o = this_obj_len(rt, this_val, &len);
    TRYV(o);
    double to, from, fin;
    TRY(rt_to_index_rel(rt, ARG(0), len, 0, &to));
    TRY(rt_to_index_rel(rt, ARG(1), len, 0, &from));
    TRY(rt_to_index_rel(rt, ARG(2), len, len, &fin));
    double count = fmin(fin - from, len - to);
    int dir = 1;
    if (from < to && to < from + count) {
        dir = -1;
        from += count - 1;
        to += count - 1;
    }
    for (; count > 0; count--, from += dir, to += dir) {
        int h = rt_arr_has(rt, o, from);
        TRY(h);
        if (h) {
            Value v = rt_arr_get(rt, o, from);
            TRYV(v);
            TRY(rt_arr_set(rt, o, to, v));
        } else {
            TRY(rt_arr_delete(rt, o, to));
        }
    }
    return o;
}

/* ---- accessors ----------------------------------------------------------------------------- */

RT_NATIVE(array_slice) {
    double len;
    Value o = this_obj_len(rt, this_val, &len);
    TRYV(o);
    double k, end;
    TRY(rt_to_index_rel(rt, ARG(0), len, 0, &k));
    TRY(rt_to_index_rel(rt, ARG(1), len, len, &end));
    double count = end > k ? end - k : 0;
    Value a = rt_array_species_create(rt, o, count);
    TRYV(a);
    double n = 0;
    for (; k < end; k++, n++) {
        int h = rt_arr_has(rt, o, k);
        TRY(h);
        if (!h) continue;
        Value v = rt_arr_get(rt, o, k);
        TRYV(v);
        TRY(rt_arr_create_at(rt, a, n, v));
    }
    TRY(rt_arr_set_length(rt, a, n));
    return a;
}

static int is_concat_spreadable(Runtime *rt, Value v) {
    if (!rt_is_object(v)) return 0;
    Value s = rt_get(rt, v, rt->intrinsics[INTR_Sym_isConcatSpreadable]);
    if (rt_is_exception(s)) return -1;
    if (!rt_is_undefined(s)) return rt_to_boolean(s);
    return rt_is_array(v);
}

RT_NATIVE(array_concat) {
    Value o = rt_to_object(rt, this_val);
    TRYV(o);
    Value a = rt_array_species_create(rt, o, 0);
    TRYV(a);
    double n = 0;
    for (int i = -1; i < argc; i++) {
        Value e = i < 0 ? o : argv[i];
        int sp = is_concat_spreadable(rt, e);
        TRY(sp);
        if (sp) {
            double len;
            TRY(rt_length_of_array_like(rt, e, &len));
            if (n + len > 9007199254740991.0) return rt_throw_error(rt, ERR_TypeError, "Invalid array length");
            for (double k = 0; k < len; k++, n++) {
                int h = rt_arr_has(rt, e, k);
                TRY(h);
                if (!h) continue;
                Value v = rt_arr_get(rt, e, k);
                TRYV(v);
                TRY(rt_arr_create_at(rt, a, n, v));
            }
        } else {
            TRY(rt_arr_create_at(rt, a, n, e));
            n++;
        }
    }
    TRY(rt_arr_set_length(rt, a, n));
    return a;
}

/* join: cyclic arrays join as "" (the JoinStack intrinsic holds the arrays being joined). */
RT_NATIVE(array_join) {
    double len;
    Value o = this_obj_len(rt, this_val, &len);
    TRYV(o);
    Value sep = ARG(0);
    sep = rt_is_undefined(sep) ? rt_string_from_cstr(rt, ",") : rt_to_string(rt, sep);
    TRYV(sep);
    /* The separators alone would pass the string length limit: fail now
     * rather than after billions of steps. */
    if (len > 1 && (len - 1) * rt_as_string(sep)->len > RT_STRING_MAX_LEN)
        return rt_throw_error(rt, ERR_RangeError, "Invalid string length");
    JSObject *stack = rt_intr_obj(rt, INTR_JoinStack);
    for (uint32_t i = 0; i < stack->length; i++)
        if (rt_get_index(rt, rt_ptr(stack), i) == o) return rt_atom(rt, ATOM_empty);
    if (stack->length > 10000) return rt_throw_error(rt, ERR_RangeError, "Maximum call stack size exceeded");
    rt_array_push(rt, stack, o);
    uint32_t depth = stack->length;
    StrBuf sb;
    sb_init(&sb);
    Value result = RT_UNDEFINED;
    for (double k = 0; k < len; k++) {
        if (k > 0) sb_putstr(&sb, sep);
        Value v = rt_arr_get(rt, o, k);
        if (rt_is_exception(v)) { result = v; break; }
        if (rt_is_nullish(v)) continue;
        Value s = rt_to_string(rt, v);
        if (rt_is_exception(s)) { result = s; break; }
        sb_putstr(&sb, s);
        if (sb.overflow) break;
    }
    rt_array_set_length(rt, stack, depth - 1, false);
    if (rt_is_exception(result)) { sb_free(&sb); return result; }
    return sb_finish(rt, &sb);
}

RT_NATIVE(array_to_string) {
    Value o = rt_to_object(rt, this_val);
    TRYV(o);
    Value j = rt_get(rt, o, rt_atom(rt, ATOM_join));
    TRYV(j);
    if (!rt_is_callable(j)) return rt_call(rt, rt->intrinsics[INTR_ObjectProtoToString], o, 0, NULL);
    return rt_call(rt, j, o, 0, NULL);
}

RT_NATIVE(array_to_locale_string) {
    double len;
    Value o = this_obj_len(rt, this_val, &len);
    TRYV(o);
    StrBuf sb;
    sb_init(&sb);
    for (double k = 0; k < len; k++) {
        if (k > 0) sb_putc(&sb, ',');
        Value v = rt_arr_get(rt, o, k);
        if (rt_is_exception(v)) { sb_free(&sb); return v; }
        if (rt_is_nullish(v)) continue;
        Value f = rt_get(rt, v, rt_intern_cstr(rt, "toLocaleString"));
        Value s = rt_is_exception(f) ? f : rt_is_callable(f) ? rt_call(rt, f, v, 0, NULL) : not_callable(rt, f);
        if (!rt_is_exception(s)) s = rt_to_string(rt, s);
        if (rt_is_exception(s)) { sb_free(&sb); return s; }
        sb_putstr(&sb, s);
    }
    return sb_finish(rt, &sb);
}

/* indexOf / lastIndexOf / includes. */
enum { SEARCH_INDEX, SEARCH_LAST, SEARCH_INCLUDES };

RT_NATIVE(array_search) {
    double len;
    Value o = this_obj_len(rt, this_val, &len);
    TRYV(o);
    Value target = ARG(0);
    if (self->magic == SEARCH_LAST) {
        if (len == 0) return rt_int(-1);
        double k;
        if (argc > 1) {
            TRY(rt_to_integer_or_infinity(rt, argv[1], &k));
            k = k >= 0 ? fmin(k, len - 1) : len + k;
        } else {
            k = len - 1;
        }
        for (; k >= 0; k--) {
            int h = rt_arr_has(rt, o, k);
            TRY(h);
            if (!h) continue;
            Value v = rt_arr_get(rt, o, k);
            TRYV(v);
            if (rt_strict_equals(v, target)) return rt_number(k);
        }
        return rt_int(-1);
    }
    if (len == 0) return self->magic == SEARCH_INCLUDES ? RT_FALSE : rt_int(-1);
    double k;
    TRY(rt_to_integer_or_infinity(rt, ARG(1), &k));
    if (k < 0) { k += len; if (k < 0) k = 0; }
    for (; k < len; k++) {
        if (self->magic == SEARCH_INCLUDES) {
            Value v = rt_arr_get(rt, o, k);
            TRYV(v);
            if (rt_same_value_zero(v, target)) return RT_TRUE;
        } else {
            int h = rt_arr_has(rt, o, k);
            TRY(h);
            if (!h) continue;
            Value v = rt_arr_get(rt, o, k);
            TRYV(v);
            if (rt_strict_equals(v, target)) return rt_number(k);
        }
    }
    return self->magic == SEARCH_INCLUDES ? RT_FALSE : rt_int(-1);
}

RT_NATIVE(array_at) {
    double len;
    Value o = this_obj_len(rt, this_val, &len);
    TRYV(o);
    double k;
    TRY(rt_to_integer_or_infinity(rt, ARG(0), &k));
    if (k < 0) k += len;
    if (k < 0 || k >= len) return RT_UNDEFINED;
    return rt_arr_get(rt, o, k);
}

/* ---- callbacks: every some forEach map filter find* ------------------------------------------ */
enum { IT_EVERY, IT_SOME, IT_FOREACH, IT_MAP, IT_FILTER, IT_FIND, IT_FINDINDEX, IT_FINDLAST, IT_FINDLASTINDEX };

RT_NATIVE(array_iterate) {
    double len;
    Value o = this_obj_len(rt, this_val, &len);
    TRYV(o);
    Value fn = ARG(0), this_arg = ARG(1);
    if (!rt_is_callable(fn)) return not_callable(rt, fn);
    int m = self->magic;
    Value out = RT_UNDEFINED;
    double n = 0;
    if (m == IT_MAP) { out = rt_array_species_create(rt, o, len); TRYV(out); }
    if (m == IT_FILTER) { out = rt_array_species_create(rt, o, 0); TRYV(out); }
    bool find = m >= IT_FIND;
    bool backwards = m == IT_FINDLAST || m == IT_FINDLASTINDEX;
    for (double i = 0; i < len; i++) {
        double k = backwards ? len - 1 - i : i;
        Value v;
        /* an element present in fast storage is an own data property: it
         * answers HasProperty and Get at once (the callback may have
         * changed the array, so this is asked again at every index) */
        if (!rt_is_object(o) || k > 4294967294.0 || !rt_elements_get(rt_as_object(o), (uint32_t)k, &v)) {
            if (!find) {
                int h = rt_arr_has(rt, o, k);
                TRY(h);
                if (!h) continue;
            }
            v = rt_arr_get(rt, o, k);
            TRYV(v);
        }
        Value args[3] = { v, rt_number(k), o };
        Value r = rt_call(rt, fn, this_arg, 3, args);
        TRYV(r);
        switch (m) {
        case IT_EVERY: if (!rt_to_boolean(r)) return RT_FALSE; break;
        case IT_SOME: if (rt_to_boolean(r)) return RT_TRUE; break;
        case IT_MAP: TRY(rt_arr_create_at(rt, out, k, r)); break;
        case IT_FILTER: if (rt_to_boolean(r)) { TRY(rt_arr_create_at(rt, out, n, v)); n++; } break;
        case IT_FIND: case IT_FINDLAST: if (rt_to_boolean(r)) return v; break;
        case IT_FINDINDEX: case IT_FINDLASTINDEX: if (rt_to_boolean(r)) return rt_number(k); break;
        default: break;
        }
    }
    switch (m) {
    case IT_EVERY: return RT_TRUE;
    case IT_SOME: return RT_FALSE;
    case IT_MAP: case IT_FILTER: return out;
    case IT_FINDINDEX: case IT_FINDLASTINDEX: return rt_int(-1);
    default: return RT_UNDEFINED;
    }
}

RT_NATIVE(array_reduce) {
    double len;
    Value o = this_obj_len(rt, this_val, &len);
    TRYV(o);
    Value fn = ARG(0);
    if (!rt_is_callable(fn)) return not_callable(rt, fn);
    bool right = self->magic;
    double i = 0;
    Value acc = RT_UNDEFINED;
    if (argc >= 2) {
        acc = argv[1];
    } else {
        bool found = false;
        for (; i < len && !found; i++) {
            double k = right ? len - 1 - i : i;
            int h = rt_arr_has(rt, o, k);
            TRY(h);
            if (h) {
                acc = rt_arr_get(rt, o, k);
                TRYV(acc);
                found = true;
            }
        }
        if (!found) return rt_throw_error(rt, ERR_TypeError, "Reduce of empty array with no initial value");
    }
    for (; i < len; i++) {
        double k = right ? len - 1 - i : i;
        int h = rt_arr_has(rt, o, k);
        TRY(h);
        if (!h) continue;
        Value v = rt_arr_get(rt, o, k);
        TRYV(v);
        Value args[4] = { acc, v, rt_number(k), o };
        acc = rt_call(rt, fn, RT_UNDEFINED, 4, args);
        TRYV(acc);
    }
    return acc;
}

/* FlattenIntoArray (§23.1.3.13.1). */
static int flatten(Runtime *rt, Value target, Value src, double src_len, double *n, double depth,
                   Value mapper, Value this_arg) {
    for (double k = 0; k < src_len; k++) {
        int h = rt_arr_has(rt, src, k);
        if (h < 0) return -1;
        if (!h) continue;
        Value e = rt_arr_get(rt, src, k);
        if (rt_is_exception(e)) return -1;
        if (!rt_is_undefined(mapper)) {
            Value args[3] = { e, rt_number(k), src };
            e = rt_call(rt, mapper, this_arg, 3, args);
            if (rt_is_exception(e)) return -1;
        }
        if (depth > 0 && rt_is_array(e)) {
            if (rt->native_depth > 5000) {
                rt_throw_error(rt, ERR_RangeError, "Maximum call stack size exceeded");
                return -1;
            }
            double el;
            if (rt_length_of_array_like(rt, e, &el) < 0) return -1;
            rt->native_depth++;
            int r = flatten(rt, target, e, el, n, depth - 1, RT_UNDEFINED, RT_UNDEFINED);
            rt->native_depth--;
            if (r < 0) return -1;
        } else {
            if (rt_arr_create_at(rt, target, *n, e) < 0) return -1;
            (*n)++;
        }
    }
    return 0;
}

RT_NATIVE(array_flat) {
    double len;
    Value o = this_obj_len(rt, this_val, &len);
    TRYV(o);
    double depth = 1;
    if (!rt_is_undefined(ARG(0))) {
        TRY(rt_to_integer_or_infinity(rt, ARG(0), &depth));
        if (depth < 0) depth = 0;
    }
    Value a = rt_array_species_create(rt, o, 0);
    TRYV(a);
    double n = 0;
    TRY(flatten(rt, a, o, len, &n, depth, RT_UNDEFINED, RT_UNDEFINED));
    return a;
}

RT_NATIVE(array_flat_map) {
    double len;
    Value o = this_obj_len(rt, this_val, &len);
    TRYV(o);
    if (!rt_is_callable(ARG(0))) return rt_throw_error(rt, ERR_TypeError, "flatMap mapper function is not callable");
    Value a = rt_array_species_create(rt, o, 0);
    TRYV(a);
    double n = 0;
    TRY(flatten(rt, a, o, len, &n, 1, ARG(0), ARG(1)));
    return a;
}

void rt_init_array(Runtime *rt) {
    JSObject *proto = rt_array_new(rt, 0);
    rt_set_prototype_of(rt, proto, rt->intrinsics[INTR_ObjectPrototype]);
    rt->intrinsics[INTR_ArrayPrototype] = rt_ptr(proto);
    rt->intrinsics[INTR_JoinStack] = rt_ptr(rt_array_new(rt, 0));
    JSNative *ctor = rt_define_ctor(rt, "Array", array_ctor, 1, proto, 0);
    rt->intrinsics[INTR_Array] = rt_ptr(ctor);
    rt_define_native(rt, &ctor->base, "isArray", array_is_array, 1, 0);
    rt_define_native_accessor(rt, &ctor->base, rt->intrinsics[INTR_Sym_species], "[Symbol.species]",
                              array_species, NULL, 0);
    static const BuiltinMethod methods[] = {
        { "at", array_at, 1, 0 },
        { "concat", array_concat, 1, 0 },
        { "copyWithin", array_copy_within, 2, 0 },
        { "fill", array_fill, 1, 0 },
        { "find", array_iterate, 1, IT_FIND },
        { "findIndex", array_iterate, 1, IT_FINDINDEX },
        { "findLast", array_iterate, 1, IT_FINDLAST },
        { "findLastIndex", array_iterate, 1, IT_FINDLASTINDEX },
        { "lastIndexOf", array_search, 1, SEARCH_LAST },
        { "pop", array_pop, 0, 0 },
        { "push", array_push, 1, 0 },
        { "reverse", array_reverse, 0, 0 },
        { "shift", array_shift, 0, 0 },
        { "unshift", array_unshift, 1, 0 },
        { "slice", array_slice, 2, 0 },
        { "splice", array_splice, 2, 0 },
        { "includes", array_search, 1, SEARCH_INCLUDES },
        { "indexOf", array_search, 1, SEARCH_INDEX },
        { "join", array_join, 1, 0 },
        { "forEach", array_iterate, 1, IT_FOREACH },
        { "filter", array_iterate, 1, IT_FILTER },
        { "flat", array_flat, 0, 0 },
        { "flatMap", array_flat_map, 1, 0 },
        { "map", array_iterate, 1, IT_MAP },
        { "every", array_iterate, 1, IT_EVERY },
        { "some", array_iterate, 1, IT_SOME },
        { "reduce", array_reduce, 1, 0 },
        { "reduceRight", array_reduce, 1, 1 },
        { "toLocaleString", array_to_locale_string, 0, 0 },
        { "toString", array_to_string, 0, 0 },
        { "toReversed", array_to_reversed, 0, 0 },
        { "toSpliced", array_to_spliced, 2, 0 },
        { "with", array_with, 2, 0 },
    };
    RT_DEFINE_METHODS(rt, proto, methods);
}
