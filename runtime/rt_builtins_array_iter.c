/* rt_builtins_array_iter.c — the rest of Array: sort (a stable merge sort,
 * as ECMA-262 §23.1.3.30 requires since ES2019: holes and undefined go
 * last, the comparator never sees them), Array.from / Array.of, and the
 * array iterators (keys, values, entries: %ArrayIteratorPrototype% over
 * %IteratorPrototype%, §23.1.5).
 */
#include <math.h>
#include <stdlib.h>
#include "rt_builtins.h"
#include "rt_builtins_array.h"

enum { AIT_KEYS, AIT_VALUES, AIT_ENTRIES };

/* ---- sort ------------------------------------------------------------------------------------ */

typedef struct SortCtx {
    Runtime *rt;
    Value cmp;            /* comparator or undefined */
    ValueArray *vals;     /* the values being sorted */
    ValueArray *keys;     /* their strings, for the default order */
} SortCtx;

/* <0, 0, >0, or INT32_MIN on a throw. */
static int sort_compare(SortCtx *s, uint32_t a, uint32_t b) {
    Runtime *rt = s->rt;
    if (rt_is_undefined(s->cmp)) {
        int c = rt_string_compare(rt_as_string(s->keys->v[a]), rt_as_string(s->keys->v[b]));
        return c < 0 ? -1 : c > 0;
    }
    Value args[2] = { s->vals->v[a], s->vals->v[b] };
    Value r = rt_call(rt, s->cmp, RT_UNDEFINED, 2, args);
    if (rt_is_exception(r)) return INT32_MIN;
    double d;
    if (rt_is_number(r)) d = rt_to_double_unchecked(r);
    else if (rt_to_number(rt, r, &d) < 0) return INT32_MIN;
    return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/* Bottom-up merge sort of index array idx[0..n) (stable: ties keep order). */
static int merge_sort(SortCtx *s, uint32_t *idx, uint32_t *tmp, uint32_t n) {
    for (uint32_t width = 1; width < n; width *= 2) {
        for (uint32_t lo = 0; lo < n; lo += 2 * width) {
            uint32_t mid = lo + width < n ? lo + width : n;
            uint32_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            uint32_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                int c = sort_compare(s, idx[j], idx[i]);
                if (c == INT32_MIN) return -1;
                tmp[k++] = c < 0 ? idx[j++] : idx[i++];
            }
            while (i < mid) tmp[k++] = idx[i++];
            while (j < hi) tmp[k++] = idx[j++];
        }
        memcpy(idx, tmp, n * sizeof *idx);
        if (width > n / 2) break;
    }
    return 0;
}

/* SortIndexedProperties: reads indices 0..len-1 of o (holes skipped when
 * skip_holes, else read as undefined), sets undefined values aside and
 * sorts the others stably. On success *idx (malloc'd, the caller frees it)
 * lists s->vals in sorted order. Returns RT_UNDEFINED or RT_EXCEPTION. */
static Value sort_values(Runtime *rt, Value o, double len, bool skip_holes, SortCtx *s,
                         uint32_t *n_out, uint32_t *undefs_out, uint32_t **idx) {
    uint32_t n = 0, undefs = 0;
    s->vals = rt_values_new(rt, len > 0 ? (uint32_t)len : 1);
    for (double k = 0; k < len; k++) {
        if (skip_holes) {
            int h = rt_arr_has(rt, o, k);
            TRY(h);
            if (!h) continue;
        }
        Value v = rt_arr_get(rt, o, k);
        TRYV(v);
        if (rt_is_undefined(v)) { undefs++; continue; }
        s->vals->v[n++] = v;
    }
    if (rt_is_undefined(s->cmp)) {
        s->keys = rt_values_new(rt, n ? n : 1);
        for (uint32_t i = 0; i < n; i++) {
            Value str = rt_is_string(s->vals->v[i]) ? s->vals->v[i] : rt_to_string(rt, s->vals->v[i]);
            TRYV(str);
            s->keys->v[i] = str;
        }
    }
    *idx = malloc((n ? n : 1) * sizeof **idx * 2);
    if (!*idx) return rt_throw_error(rt, ERR_RangeError, "Invalid array length");
    for (uint32_t i = 0; i < n; i++) (*idx)[i] = i;
    if (merge_sort(s, *idx, *idx + n, n) < 0) {
        free(*idx);
        return RT_EXCEPTION;
    }
    *n_out = n;
    *undefs_out = undefs;
    return RT_UNDEFINED;
}

/* The comparator check and length read shared by sort and toSorted. */
static Value sort_prologue(Runtime *rt, Value this_val, Value cmp, double *len) {
    if (!rt_is_undefined(cmp) && !rt_is_callable(cmp))
        return rt_throw_error(rt, ERR_TypeError, "The comparison function must be either a function or undefined");
    Value o = rt_to_object(rt, this_val);
    TRYV(o);
    TRY(rt_length_of_array_like(rt, o, len));
    if (*len > (1u << 28)) return rt_throw_error(rt, ERR_RangeError, "Invalid array length");
    return o;
}

RT_NATIVE(array_sort) {
    double len;
    Value o = sort_prologue(rt, this_val, ARG(0), &len);
    TRYV(o);
    SortCtx s = { rt, ARG(0), NULL, NULL };
    uint32_t n, undefs, *idx;
    TRYV(sort_values(rt, o, len, true, &s, &n, &undefs, &idx));
    ValueArray *sorted = rt_values_new(rt, n ? n : 1);
    for (uint32_t i = 0; i < n; i++) sorted->v[i] = s.vals->v[idx[i]];
    free(idx);
    double k = 0;
    for (uint32_t i = 0; i < n; i++, k++) TRY(rt_arr_set(rt, o, k, sorted->v[i]));
    for (uint32_t i = 0; i < undefs; i++, k++) TRY(rt_arr_set(rt, o, k, RT_UNDEFINED));
    for (; k < len; k++) TRY(rt_arr_delete(rt, o, k));
    return o;
}

/* §23.1.3.34 Array.prototype.toSorted: like sort, but every index is read
 * (holes as undefined) and the result is a new Array. */
RT_NATIVE(array_to_sorted) {
    double len;
    Value o = sort_prologue(rt, this_val, ARG(0), &len);
    TRYV(o);
    SortCtx s = { rt, ARG(0), NULL, NULL };
    uint32_t n, undefs, *idx;
    TRYV(sort_values(rt, o, len, false, &s, &n, &undefs, &idx));
    Value av = rt_ptr(rt_array_new(rt, 0));
    double k = 0;
    for (uint32_t i = 0; i < n; i++, k++) {
        if (rt_arr_create_at(rt, av, k, s.vals->v[idx[i]]) < 0) { free(idx); return RT_EXCEPTION; }
    }
    free(idx);
    for (uint32_t i = 0; i < undefs; i++, k++) TRY(rt_arr_create_at(rt, av, k, RT_UNDEFINED));
    return av;
}

/* ---- Array.from / Array.of ------------------------------------------------------------------ */

typedef struct FromCtx {
    Value target, mapfn, this_arg;
    double k;
} FromCtx;

static int from_step(Runtime *rt, Value v, void *ud) {
    FromCtx *f = ud;
    if (!rt_is_undefined(f->mapfn)) {
        Value args[2] = { v, rt_number(f->k) };
        v = rt_call(rt, f->mapfn, f->this_arg, 2, args);
        if (rt_is_exception(v)) return -1;
    }
    if (rt_arr_create_at(rt, f->target, f->k, v) < 0) return -1;
    f->k++;
    return 0;
}

static Value construct_or_array(Runtime *rt, Value c, int argc, Value *argv, double len) {
    if (rt_is_constructor(c) && c != rt->intrinsics[INTR_Array]) return rt_construct(rt, c, argc, argv, c);
    JSObject *a = rt_array_new(rt, 0);
    if (len > 0 && rt_array_set_length(rt, a, len, true) < 0) return RT_EXCEPTION;
    return rt_ptr(a);
}

RT_NATIVE(array_from) {
    Value items = ARG(0), mapfn = ARG(1);
    if (!rt_is_undefined(mapfn) && !rt_is_callable(mapfn))
        return rt_throw_error(rt, ERR_TypeError, "%s is not a function", "mapFn");
    FromCtx f = { RT_UNDEFINED, mapfn, ARG(2), 0 };
    if (rt_is_nullish(items))
        return rt_throw_error(rt, ERR_TypeError, "%s is not iterable (cannot read property Symbol(Symbol.iterator))",
                              rt_is_null(items) ? "null" : "undefined");
    Value using_iter = rt_get(rt, items, rt->intrinsics[INTR_Sym_iterator]);
    TRYV(using_iter);
    if (!rt_is_nullish(using_iter)) {
        f.target = construct_or_array(rt, this_val, 0, NULL, 0);
        TRYV(f.target);
        TRY(rt_iterate(rt, items, from_step, &f));
        TRY(rt_arr_set_length(rt, f.target, f.k));
        return f.target;
    }
    Value o = rt_to_object(rt, items);
    TRYV(o);
    double len;
    TRY(rt_length_of_array_like(rt, o, &len));
    Value lv = rt_number(len);
    f.target = construct_or_array(rt, this_val, 1, &lv, len);
    TRYV(f.target);
    for (double k = 0; k < len; k++) {
        Value v = rt_arr_get(rt, o, k);
        TRYV(v);
        TRY(from_step(rt, v, &f));
    }
    TRY(rt_arr_set_length(rt, f.target, len));
    return f.target;
}

RT_NATIVE(array_of) {
    Value lv = rt_int(argc);
    Value a = construct_or_array(rt, this_val, 1, &lv, argc);
    TRYV(a);
    for (int k = 0; k < argc; k++) TRY(rt_arr_create_at(rt, a, k, argv[k]));
    TRY(rt_arr_set_length(rt, a, argc));
    return a;
}

/* ---- iterators -------------------------------------------------------------------------- */

Value rt_array_iterator_new(Runtime *rt, Value target, int kind) {
    JSIterator *it = (JSIterator *)rt_object_new_class(rt, rt->intrinsics[INTR_ArrayIteratorPrototype],
                                                       CLS_ITERATOR, sizeof(JSIterator));
    it->target = target;
    it->extra = RT_UNDEFINED;
    it->index = 0;
    it->kind = (uint8_t)kind;
    return rt_ptr(it);
}

RT_NATIVE(array_iter_make) {
    Value o = rt_to_object(rt, this_val);
    TRYV(o);
    return rt_array_iterator_new(rt, o, self->magic);
}

RT_NATIVE(array_iter_next) {
    if (!rt_is_class(this_val, CLS_ITERATOR) || ((JSIterator *)rt_as_object(this_val))->kind > AIT_ENTRIES)
        return rt_throw_error(rt, ERR_TypeError, "next method called on incompatible receiver");
    JSIterator *it = (JSIterator *)rt_as_object(this_val);
    if (rt_is_undefined(it->target)) return rt_make_iter_result(rt, RT_UNDEFINED, true);
    double len;
    TRY(rt_length_of_array_like(rt, it->target, &len));
    if ((double)it->index >= len) {
        it->target = RT_UNDEFINED;
        return rt_make_iter_result(rt, RT_UNDEFINED, true);
    }
    uint32_t i = it->index++;
    if (it->kind == AIT_KEYS) return rt_make_iter_result(rt, rt_number(i), false);
    Value v = rt_arr_get(rt, it->target, i);
    TRYV(v);
    if (it->kind == AIT_VALUES) return rt_make_iter_result(rt, v, false);
    Value pair[2] = { rt_number(i), v };
    return rt_make_iter_result(rt, rt_ptr(rt_array_from(rt, pair, 2)), false);
}

RT_NATIVE(iterator_self) { return this_val; }

void rt_init_array_iter(Runtime *rt) {
    JSObject *aproto = rt_intr_obj(rt, INTR_ArrayPrototype);
    JSObject *ctor = rt_intr_obj(rt, INTR_Array);
    rt_define_native(rt, ctor, "from", array_from, 1, 0);
    rt_define_native(rt, ctor, "of", array_of, 0, 0);
    rt_define_native(rt, aproto, "sort", array_sort, 1, 0);
    rt_define_native(rt, aproto, "toSorted", array_to_sorted, 1, 0);
    rt_define_native(rt, aproto, "keys", array_iter_make, 0, AIT_KEYS);
    rt_define_native(rt, aproto, "entries", array_iter_make, 0, AIT_ENTRIES);
    JSNative *values = rt_define_native(rt, aproto, "values", array_iter_make, 0, AIT_VALUES);
    rt->intrinsics[INTR_ArrayProtoValues] = rt_ptr(values);
    rt_define_data(rt, aproto, rt->intrinsics[INTR_Sym_iterator], rt_ptr(values), PROP_HIDDEN);

    JSObject *unscopables = rt_object_new(rt, RT_NULL);
    static const char *const unscop[] = { "at", "copyWithin", "entries", "fill", "find", "findIndex",
                                          "findLast", "findLastIndex", "flat", "flatMap", "includes", "keys",
                                          "toReversed", "toSorted", "toSpliced", "values" };
    for (size_t i = 0; i < sizeof unscop / sizeof unscop[0]; i++)
        rt_define_cstr(rt, unscopables, unscop[i], RT_TRUE, PROP_DEFAULT);
    rt_define_data(rt, aproto, rt->intrinsics[INTR_Sym_unscopables], rt_ptr(unscopables), PROP_CONFIGURABLE);

    JSObject *iter_proto = rt_object_new(rt, rt->intrinsics[INTR_ObjectPrototype]);
    rt->intrinsics[INTR_IteratorPrototype] = rt_ptr(iter_proto);
    rt_define_native_sym(rt, iter_proto, rt->intrinsics[INTR_Sym_iterator], "[Symbol.iterator]", iterator_self, 0, 0);
    JSObject *ai_proto = rt_object_new(rt, rt_ptr(iter_proto));
    rt->intrinsics[INTR_ArrayIteratorPrototype] = rt_ptr(ai_proto);
    rt_define_native(rt, ai_proto, "next", array_iter_next, 0, 0);
    rt_define_data(rt, ai_proto, rt->intrinsics[INTR_Sym_toStringTag], rt_string_from_cstr(rt, "Array Iterator"),
                   PROP_CONFIGURABLE);
}
