/* rt_array.c — indexed elements and arrays: elements kinds with one-way
 * transitions (V8's ElementsKind lattice: SMI < DOUBLE < tagged, each packed
 * or holey, and finally DICTIONARY), the array `length` (ECMA-262 §10.4.2,
 * ArraySetLength), and creation helpers.
 *
 * Representation, which the optimizing compiler relies on:
 *   - o->elements is a ValueArray; slots past the used length hold RT_HOLE.
 *   - SMI kinds: every non-hole element is an int32 Value.
 *   - DOUBLE kinds: every non-hole element is a double Value (ints are
 *     stored as doubles), so float64 loads need only a hole check.
 *   - tagged kinds: any Value.
 *   - PACKED: no hole below the length.
 *   - DICTIONARY: o->elements is NULL; elements live as named properties of
 *     the object's (dictionary) shape, keyed by their int key (indices past
 *     int32 are array-index strings, as for every object). Reached by very
 *     sparse stores and by elements with non-default attributes (freeze,
 *     defineProperty); never left.
 * For arrays o->length is the array length; for other objects it is one
 * past the highest index ever stored in fast elements.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rt_heap_internal.h"

#define NEW_ARRAY_PREALLOC (1u << 16)  /* new Array(n) allocates up to this */
#define FAST_LENGTH_MAX (1u << 22)      /* stores below an array's length stay fast up to this */

static const char *const kind_names[EK__COUNT] = {
#define X(n) #n "_ELEMENTS",
    RT_ELEMENTS_KINDS(X)
#undef X
};

const char *rt_elements_kind_name(ElementsKind k) {
    return (unsigned)k < EK__COUNT ? kind_names[k] : "?";
}

/* The lattice as (value type 0 smi / 1 double / 2 tagged, holey bit). */
static int ek_type(ElementsKind k) { return k <= EK_HOLEY_SMI ? 0 : k <= EK_HOLEY_DOUBLE ? 1 : 2; }
static bool ek_holey(ElementsKind k) { return k == EK_HOLEY_SMI || k == EK_HOLEY_DOUBLE || k == EK_HOLEY; }
static ElementsKind ek_make(int type, bool holey) { return (ElementsKind)(type * 2 + (holey ? 1 : 0)); }

Value rt_index_key(Runtime *rt, uint32_t index) {
    if (index <= INT32_MAX) return rt_int((int32_t)index);
    return rt_intern(rt, rt_number_to_string(rt, (double)index));
}

int64_t rt_key_index(Value key) {
    if (rt_is_int(key)) return rt_as_int(key);
    if (rt_is_string(key)) return rt_string_array_index(rt_as_string(key));
    return -1;
}

void rt_elements_to_dictionary(Runtime *rt, JSObject *o) {
    if (o->elements_kind == EK_DICTIONARY) return;
    rt_object_to_dictionary(rt, o);
    ValueArray *e = o->elements;
    o->elements_kind = EK_DICTIONARY;
    o->elements = NULL;
    if (!e) return;
    /* e stays alive through this frame while its values move. */
    uint32_t n = e->capacity;
    for (uint32_t i = 0; i < n; i++) {
        Value v = e->v[i];
        if (v == RT_HOLE) continue;
        rt_named_put(rt, o, rt_index_key(rt, i), v, PROP_DEFAULT);
    }
    __asm__ volatile("" : : "r"(e) : "memory");
}

void rt_elements_transition(Runtime *rt, JSObject *o, ElementsKind kind) {
    ElementsKind cur = (ElementsKind)o->elements_kind;
    if (cur == EK_DICTIONARY || kind == cur) return;
    if (kind == EK_DICTIONARY) {
        rt_elements_to_dictionary(rt, o);
        return;
    }
    int type = ek_type(cur) > ek_type(kind) ? ek_type(cur) : ek_type(kind);
    bool holey = ek_holey(cur) || ek_holey(kind);
    ElementsKind next = ek_make(type, holey);
    if (next == cur) return;
    if (ek_type(cur) == 0 && type == 1 && o->elements) {
        ValueArray *e = o->elements;
        for (uint32_t i = 0; i < e->capacity; i++)
            if (rt_is_int(e->v[i])) e->v[i] = rt_double((double)rt_as_int(e->v[i]));
    }
    o->elements_kind = (uint8_t)next;
}

bool rt_elements_get(JSObject *o, uint32_t index, Value *out) {
    ValueArray *e = o->elements;
    if (!e || index >= e->capacity) return false;
    Value v = e->v[index];
    if (v == RT_HOLE) return false;
    *out = v;
    return true;
}

static void grow_elements(Runtime *rt, JSObject *o, uint32_t need) {
    ValueArray *old = o->elements;
    uint32_t cap = old ? old->capacity : 0;
    uint64_t n = (uint64_t)cap + cap / 2 + 8;
    if (n < need) n = need;
    if (n > (1u << 28)) n = need;
    ValueArray *e = rt_values_new(rt, (uint32_t)n);
    if (old) memcpy(e->v, o->elements->v, (size_t)cap * sizeof(Value));
    o->elements = e;
}

/* A store far past the end of a large elements array that is mostly holes
 * would keep doubling a store of holes (x[2^k] for k = 1..31): such arrays
 * become dictionaries. Counting is O(capacity), but it only happens when the
 * store must grow by a jump, so its cost is amortised by the growth. */
static bool sparse_jump(const JSObject *o, uint32_t index, uint32_t cap) {
    uint32_t end = o->cls == CLS_ARRAY ? o->length : cap;
    if (cap < 4096 || index <= (uint64_t)end + 1024) return false;
    uint32_t present = 0;
    for (uint32_t i = 0; i < cap; i++) present += o->elements->v[i] != RT_HOLE;
    return (uint64_t)present * 4 < index;
}

void rt_elements_put(Runtime *rt, JSObject *o, uint32_t index, Value v) {
    if (o->elements_kind != EK_DICTIONARY) {
        uint32_t cap = o->elements ? o->elements->capacity : 0;
        if (index >= cap) {
            bool fill_below_length = o->cls == CLS_ARRAY && index < o->length && o->length <= FAST_LENGTH_MAX;
            if (index >= (1u << 28) || ((uint64_t)index > 8ull * cap + 1024 && !fill_below_length) ||
                sparse_jump(o, index, cap)) {
                rt_elements_to_dictionary(rt, o);
            } else {
                grow_elements(rt, o, index + 1);
            }
        }
    }
    if (o->elements_kind == EK_DICTIONARY) {
        rt_named_put(rt, o, rt_index_key(rt, index), v, PROP_DEFAULT);
        if (o->cls == CLS_ARRAY && index >= o->length) o->length = index + 1;
        return;
    }
    ElementsKind k = (ElementsKind)o->elements_kind;
    int type = rt_is_int(v) ? 0 : rt_is_number(v) ? 1 : 2;
    bool hole = index > o->length;
    if (type > ek_type(k) || (hole && !ek_holey(k)))
        rt_elements_transition(rt, o, ek_make(type, hole));
    if (ek_type((ElementsKind)o->elements_kind) == 1 && rt_is_int(v)) v = rt_double((double)rt_as_int(v));
    o->elements->v[index] = v;
    if (index >= o->length) o->length = index + 1;
}

/* Array.prototype.fill over [from, to) of an array with fast elements, all
 * below its length: what a Set per index would do, without the lookups.
 * Filling the whole array leaves no hole, so a holey kind becomes packed
 * (keyed loads then need no hole check). */
bool rt_elements_fill(Runtime *rt, JSObject *o, uint32_t from, uint32_t to, Value v) {
    if (o->cls != CLS_ARRAY || o->elements_kind == EK_DICTIONARY || to > o->length || to > FAST_LENGTH_MAX)
        return false;
    if (from >= to) return true;
    uint32_t cap = o->elements ? o->elements->capacity : 0;
    if (to > cap) grow_elements(rt, o, to);
    ElementsKind k = (ElementsKind)o->elements_kind;
    int type = rt_is_int(v) ? 0 : rt_is_number(v) ? 1 : 2;
    if (type > ek_type(k)) rt_elements_transition(rt, o, ek_make(type, ek_holey(k)));
    k = (ElementsKind)o->elements_kind;
    if (ek_type(k) == 1 && rt_is_int(v)) v = rt_double((double)rt_as_int(v));
    Value *e = o->elements->v;
    for (uint32_t i = from; i < to; i++) e[i] = v;
    if (from == 0 && to == o->length && ek_holey(k)) o->elements_kind = (uint8_t)ek_make(ek_type(k), false);
    return true;
}

void rt_elements_delete(Runtime *rt, JSObject *o, uint32_t index) {
    ValueArray *e = o->elements;
    if (!e || index >= e->capacity || e->v[index] == RT_HOLE) return;
    e->v[index] = RT_HOLE;
    ElementsKind k = (ElementsKind)o->elements_kind;
    if (!ek_holey(k)) rt_elements_transition(rt, o, ek_make(ek_type(k), true));
}

/* ---- arrays -------------------------------------------------------------------------- */

static Value array_proto(Runtime *rt) {
    Value p = rt->intrinsics[INTR_ArrayPrototype];
    return rt_is_object(p) ? p : RT_NULL;
}

JSObject *rt_array_new(Runtime *rt, uint32_t length) {
    JSObject *a = rt_object_new_class(rt, array_proto(rt), CLS_ARRAY, sizeof(JSObject));
    if (length > 0 && length <= NEW_ARRAY_PREALLOC) a->elements = rt_values_new(rt, length);
    a->length = length;
    a->elements_kind = length > 0 ? EK_HOLEY_SMI : EK_PACKED_SMI;
    return a;
}

JSObject *rt_array_from(Runtime *rt, const Value *v, uint32_t n) {
    JSObject *a = rt_object_new_class(rt, array_proto(rt), CLS_ARRAY, sizeof(JSObject));
    if (n == 0) return a;
    ValueArray *e = rt_values_new(rt, n);
    int type = 0;
    bool holey = false;
    for (uint32_t i = 0; i < n; i++) {
        Value x = v[i];
        if (x == RT_HOLE) { holey = true; continue; }
        int t = rt_is_int(x) ? 0 : rt_is_number(x) ? 1 : 2;
        if (t > type) type = t;
    }
    for (uint32_t i = 0; i < n; i++) {
        Value x = v[i];
        if (type == 1 && rt_is_int(x)) x = rt_double((double)rt_as_int(x));
        e->v[i] = x;
    }
    a->elements = e;
    a->length = n;
    a->elements_kind = (uint8_t)ek_make(type, holey);
    return a;
}

int rt_array_push(Runtime *rt, JSObject *arr, Value v) {
    if (arr->cls == CLS_ARRAY && arr->elements_kind != EK_DICTIONARY && (arr->flags & OBJ_EXTENSIBLE) &&
        !(arr->flags & OBJ_LENGTH_READONLY) && arr->length < INT32_MAX) {
        rt_elements_put(rt, arr, arr->length, v);
        return 0;
    }
    uint32_t len = arr->length;
    if (len == UINT32_MAX) {
        rt_throw_error(rt, ERR_TypeError, "Pushing 1 elements on an array-like of length 4294967295 is disallowed, as the total surpasses 2**53-1");
        return -1;
    }
    return rt_set(rt, rt_ptr(arr), rt_index_key(rt, len), v, true);
}

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* ArraySetLength (§10.4.2.4) for a validated uint32 length. */
int rt_array_set_length(Runtime *rt, JSObject *arr, double new_len, bool strict) {
    if (!(new_len >= 0 && new_len <= 4294967295.0 && new_len == floor(new_len))) {
        rt_throw_error(rt, ERR_RangeError, "Invalid array length");
        return -1;
    }
    uint32_t nl = (uint32_t)new_len, old = arr->length;
    /* A read-only length refuses every [[Set]], even of the same value. */
    if (arr->flags & OBJ_LENGTH_READONLY) {
        if (!strict) return 0;
        rt_throw_error(rt, ERR_TypeError, "Cannot assign to read only property 'length' of object '[object Array]'");
        return -1;
    }
    if (nl == old) return 0;
    if (nl > old) {
        arr->length = nl;
        ElementsKind k = (ElementsKind)arr->elements_kind;
        if (k != EK_DICTIONARY && !ek_holey(k)) rt_elements_transition(rt, arr, ek_make(ek_type(k), true));
        return 0;
    }
    /* Shrinking: fast elements become holes; named index keys are deleted
     * from the highest down, stopping at a non-configurable one. */
    ValueArray *e = arr->elements;
    if (e) {
        uint32_t end = old < e->capacity ? old : e->capacity;
        for (uint32_t i = nl; i < end; i++) e->v[i] = RT_HOLE;
        if (nl == 0) arr->elements = NULL;
        else if (nl < e->capacity / 4 && e->capacity > 64) {
            ValueArray *n = rt_values_new(rt, nl);
            memcpy(n->v, arr->elements->v, (size_t)nl * sizeof(Value));
            arr->elements = n;
        }
    }
    Shape *s = arr->shape;
    uint32_t count = 0;
    for (uint32_t i = 0; i < s->prop_count; i++) {
        int64_t idx = rt_key_index(s->props[i].key);
        if (idx >= nl) count++;
    }
    bool refused = false;
    if (count) {
        uint32_t *idxs = malloc(count * sizeof *idxs);
        if (!idxs) abort();
        uint32_t m = 0;
        for (uint32_t i = 0; i < s->prop_count && m < count; i++) {
            int64_t idx = rt_key_index(s->props[i].key);
            if (idx >= nl) idxs[m++] = (uint32_t)idx;
        }
        qsort(idxs, m, sizeof *idxs, cmp_u32);
        for (uint32_t k = m; k-- > 0;) {
            Value key = rt_index_key(rt, idxs[k]);
            uint8_t attrs;
            if (rt_shape_lookup(arr->shape, key, NULL, &attrs) && !(attrs & PROP_CONFIGURABLE)) {
                nl = idxs[k] + 1;
                refused = true;
                break;
            }
            rt_delete(rt, rt_ptr(arr), key, false);
        }
        free(idxs);
    }
    arr->length = nl;
    if (refused && strict) {
        rt_throw_error(rt, ERR_TypeError, "Cannot delete property '%u' of [object Array]", nl - 1);
        return -1;
    }
    return 0;
}
