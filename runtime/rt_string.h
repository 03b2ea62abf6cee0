/* rt_string.h — JavaScript strings: immutable sequences of UTF-16 code
 * units (length and indices count code units, as the spec says), with a
 * cached hash and an intern table for property keys. Number <-> string
 * conversion is exact: shortest round-trip digits (Steele & White 1990,
 * "How to print floating-point numbers accurately"; Number::toString).
 */
#ifndef RT_STRING_H
#define RT_STRING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rt_heap.h"

typedef struct JSString {
    GCHeader h;          /* h.aux bit 0: interned; bit 1: is an array index (see index) */
    uint32_t len;        /* UTF-16 code units */
    uint32_t hash;       /* 0 = not computed yet */
    uint16_t chars[];
} JSString;

typedef struct JSSymbol {
    GCHeader h;
    Value description;   /* string or undefined */
} JSSymbol;

static inline bool rt_is_string(Value v) {
    return rt_is_ptr(v) && ((GCHeader *)rt_as_ptr(v))->kind == HK_STRING;
}
static inline bool rt_is_symbol(Value v) {
    return rt_is_ptr(v) && ((GCHeader *)rt_as_ptr(v))->kind == HK_SYMBOL;
}
static inline JSString *rt_as_string(Value v) { return (JSString *)rt_as_ptr(v); }

/* Longest string (code units); past it allocation throws RangeError
 * "Invalid string length" and the constructors return RT_EXCEPTION. */
#define RT_STRING_MAX_LEN ((1u << 29) - 24)

Value rt_string_new(Runtime *rt, uint32_t len);          /* uninitialised chars */
Value rt_string_from_utf8(Runtime *rt, const char *s, size_t n); /* invalid UTF-8 -> U+FFFD */
Value rt_string_from_cstr(Runtime *rt, const char *s);
Value rt_string_from_utf16(Runtime *rt, const uint16_t *s, size_t n);
Value rt_string_concat(Runtime *rt, Value a, Value b);    /* both strings */
Value rt_string_substring(Runtime *rt, Value s, uint32_t start, uint32_t end);
/* malloc'd UTF-8 (lone surrogates -> U+FFFD), NUL-terminated; caller frees. */
char *rt_string_to_utf8(Value s, size_t *len_out);
uint32_t rt_string_hash(JSString *s);
bool rt_string_equal(JSString *a, JSString *b);
int rt_string_compare(JSString *a, JSString *b);          /* code-unit order: <0, 0, >0 */
bool rt_string_equals_cstr(Value s, const char *ascii);

/* Interning: one JSString per content. Property keys that are strings are
 * always interned, so key comparison is pointer comparison. */
Value rt_intern(Runtime *rt, Value s);
Value rt_intern_cstr(Runtime *rt, const char *s);
Value rt_intern_utf16(Runtime *rt, const uint16_t *s, size_t n);

/* Numbers. */
void rt_double_to_cstr(double d, char buf[40]);           /* Number::toString(10) */
Value rt_number_to_string(Runtime *rt, double d);
Value rt_number_to_string_radix(Runtime *rt, double d, int radix);
double rt_string_to_number(JSString *s);                  /* StringToNumber: NaN when invalid */
/* Canonical array index ("0".."4294967294") or -1. */
int64_t rt_string_array_index(JSString *s);

Value rt_symbol_new(Runtime *rt, Value description);

#endif
