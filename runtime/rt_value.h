/* rt_value.h — reef's NaN-boxed 64-bit value, the one owner of the encoding.
 *
 * Every JavaScript value is a 64-bit word. Doubles are stored as themselves
 * (NaNs canonicalised to one quiet NaN), so every pattern at or above
 * 0xFFF9_0000_0000_0000 is free to carry a tag in its top 16 bits: small
 * integers, heap pointers (48-bit addresses) and the fixed constants. The
 * optimizing backend takes its tag constants from here, never from copies.
 * Same idea as LuaJIT's TValue and JavaScriptCore's JSValue64, with doubles
 * unshifted so that float64 code needs no decode step.
 */
#ifndef RT_VALUE_H
#define RT_VALUE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

typedef uint64_t Value;

/* Top-16-bit tags. A word is a double iff it is below RT_TAG_MIN. */
#define RT_TAG_SHIFT   48
#define RT_TAG_MIN     0xFFF9000000000000ULL
#define RT_TAG_INT     0xFFF9ULL   /* low 32 bits: int32 */
#define RT_TAG_SPECIAL 0xFFFAULL   /* low bits: one of RT_SPECIAL_* */
#define RT_TAG_PTR     0xFFFCULL   /* low 48 bits: GC heap pointer */
#define RT_PAYLOAD_MASK 0x0000FFFFFFFFFFFFULL
#define RT_CANON_NAN   0x7FF8000000000000ULL

#define RT_MKTAG(t, p) (((uint64_t)(t) << RT_TAG_SHIFT) | (uint64_t)(p))

/* Fixed bit patterns. HOLE marks array holes and uninitialised lexical
 * bindings (TDZ); EXCEPTION is the return value of a C function that has left
 * an exception pending in the Runtime. Neither is ever visible to JS. */
#define RT_UNDEFINED  RT_MKTAG(RT_TAG_SPECIAL, 0)
#define RT_NULL       RT_MKTAG(RT_TAG_SPECIAL, 1)
#define RT_FALSE      RT_MKTAG(RT_TAG_SPECIAL, 2)
#define RT_TRUE       RT_MKTAG(RT_TAG_SPECIAL, 3)
#define RT_HOLE       RT_MKTAG(RT_TAG_SPECIAL, 4)
#define RT_EXCEPTION  RT_MKTAG(RT_TAG_SPECIAL, 5)

static inline uint64_t rt_tag(Value v) { return v >> RT_TAG_SHIFT; }

static inline bool rt_is_double(Value v) { return v < RT_TAG_MIN; }
static inline bool rt_is_int(Value v) { return rt_tag(v) == RT_TAG_INT; }
static inline bool rt_is_number(Value v) { return rt_is_double(v) || rt_is_int(v); }
static inline bool rt_is_ptr(Value v) { return rt_tag(v) == RT_TAG_PTR; }
static inline bool rt_is_undefined(Value v) { return v == RT_UNDEFINED; }
static inline bool rt_is_null(Value v) { return v == RT_NULL; }
static inline bool rt_is_nullish(Value v) { return v == RT_UNDEFINED || v == RT_NULL; }
static inline bool rt_is_bool(Value v) { return v == RT_TRUE || v == RT_FALSE; }
static inline bool rt_is_hole(Value v) { return v == RT_HOLE; }
static inline bool rt_is_exception(Value v) { return v == RT_EXCEPTION; }

static inline Value rt_int(int32_t i) { return RT_MKTAG(RT_TAG_INT, (uint32_t)i); }
static inline int32_t rt_as_int(Value v) { return (int32_t)(uint32_t)v; }
static inline Value rt_bool(bool b) { return b ? RT_TRUE : RT_FALSE; }

static inline double rt_as_double(Value v) {
    double d;
    memcpy(&d, &v, sizeof d);
    return d;
}
/* Boxes a double as it is: -0 and non-integers stay doubles. */
static inline Value rt_double(double d) {
    Value v;
    if (d != d) return RT_CANON_NAN;
    memcpy(&v, &d, sizeof v);
    return v;
}
/* Boxes a number, preferring the int32 form when it is exact (not -0). */
static inline Value rt_number(double d) {
    if (d >= -2147483648.0 && d <= 2147483647.0) {
        int32_t i = (int32_t)d;
        if ((double)i == d && !(i == 0 && 1.0 / d < 0)) return rt_int(i);
    }
    return rt_double(d);
}
static inline double rt_to_double_unchecked(Value v) {
    return rt_is_int(v) ? (double)rt_as_int(v) : rt_as_double(v);
}

static inline void *rt_as_ptr(Value v) { return (void *)(uintptr_t)(v & RT_PAYLOAD_MASK); }
static inline Value rt_ptr(const void *p) { return RT_MKTAG(RT_TAG_PTR, (uintptr_t)p); }

#endif
