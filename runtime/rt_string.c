/* rt_string.c — JavaScript strings as flat arrays of UTF-16 code units
 * (ECMA-262 §6.1.4: length and indices count code units), UTF-8 conversion
 * at the edges (invalid input and lone surrogates become U+FFFD, as the
 * WHATWG Encoding standard decodes), and the intern table.
 *
 * The intern table maps content to the one JSString that stands for it as a
 * property key. It is weak: the collector drops entries whose strings died
 * (rt_intern_sweep), so programs that make many one-off keys do not leak.
 * Open addressing with linear probing; a deleted entry leaves a tombstone
 * until the next resize.
 */
#include <stdlib.h>
#include <string.h>

#include "rt_heap_internal.h"

enum { STR_INTERNED = 1, STR_INDEX_KEY = 2 };

#define TOMBSTONE ((JSString *)(uintptr_t)1)

struct InternTable {
    JSString **slots;
    uint32_t cap, count, tombstones;
};

/* ---- construction ---------------------------------------------------------- */

Value rt_string_new(Runtime *rt, uint32_t len) {
    if (len > RT_STRING_MAX_LEN) return rt_throw_error(rt, ERR_RangeError, "Invalid string length");
    JSString *s = rt_gc_alloc(rt, sizeof(JSString) + (size_t)len * 2, HK_STRING);
    s->len = len;
    return rt_ptr(s);
}

Value rt_string_from_utf16(Runtime *rt, const uint16_t *u, size_t n) {
    if (n > RT_STRING_MAX_LEN) return rt_throw_error(rt, ERR_RangeError, "Invalid string length");
    Value v = rt_string_new(rt, (uint32_t)n);
    if (rt_is_exception(v)) return v;
    if (n) memcpy(rt_as_string(v)->chars, u, n * 2);
    return v;
}

/* Decodes one UTF-8 sequence at s[*i]. Malformed input yields U+FFFD for
 * each maximal subpart (the WHATWG decoder's rule): a valid but truncated
 * prefix is one replacement, a byte that cannot start or continue is one. */
static uint32_t utf8_decode(const unsigned char *s, size_t n, size_t *i) {
    unsigned c = s[*i];
    if (c < 0x80) { (*i)++; return c; }
    int need;
    uint32_t cp;
    unsigned lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2; cp = c & 0x0F;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;   /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3; cp = c & 0x07;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else { (*i)++; return 0xFFFD; }
    size_t j = *i + 1;
    for (int k = 0; k < need; k++, j++) {
        unsigned b = j < n ? s[j] : 0;
        unsigned l = k == 0 ? lo : 0x80, h = k == 0 ? hi : 0xBF;
        if (j >= n || b < l || b > h) { *i = j; return 0xFFFD; }
        cp = (cp << 6) | (b & 0x3F);
    }
    *i = j;
    return cp;
}

Value rt_string_from_utf8(Runtime *rt, const char *str, size_t n) {
    const unsigned char *s = (const unsigned char *)str;
    size_t units = 0;
    bool ascii = true;
    for (size_t i = 0; i < n;) {
        if (s[i] < 0x80) { units++; i++; continue; }
        ascii = false;
        uint32_t cp = utf8_decode(s, n, &i);
        units += cp >= 0x10000 ? 2 : 1;
    }
    if (units > RT_STRING_MAX_LEN) return rt_throw_error(rt, ERR_RangeError, "Invalid string length");
    Value v = rt_string_new(rt, (uint32_t)units);
    if (rt_is_exception(v)) return v;
    uint16_t *out = rt_as_string(v)->chars;
    if (ascii) {
        for (size_t i = 0; i < n; i++) out[i] = s[i];
        return v;
    }
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp = utf8_decode(s, n, &i);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out[o++] = (uint16_t)(0xD800 + (cp >> 10));
            out[o++] = (uint16_t)(0xDC00 + (cp & 0x3FF));
        } else {
            out[o++] = (uint16_t)cp;
        }
    }
    return v;
}

Value rt_string_from_cstr(Runtime *rt, const char *s) {
    return rt_string_from_utf8(rt, s, strlen(s));
}

Value rt_string_concat(Runtime *rt, Value a, Value b) {
    JSString *x = rt_as_string(a), *y = rt_as_string(b);
    if (x->len == 0) return b;
    if (y->len == 0) return a;
    uint64_t len = (uint64_t)x->len + y->len;
    if (len > RT_STRING_MAX_LEN) return rt_throw_error(rt, ERR_RangeError, "Invalid string length");
    Value r = rt_string_new(rt, (uint32_t)len);
    if (rt_is_exception(r)) return r;
    JSString *s = rt_as_string(r);
    /* x and y stay reachable through a and b (conservative scan). */
    memcpy(s->chars, x->chars, (size_t)x->len * 2);
    memcpy(s->chars + x->len, y->chars, (size_t)y->len * 2);
    return r;
}

Value rt_string_substring(Runtime *rt, Value sv, uint32_t start, uint32_t end) {
    JSString *s = rt_as_string(sv);
    if (end > s->len) end = s->len;
    if (start >= end) return rt->atoms[ATOM_empty];
    if (start == 0 && end == s->len) return sv;
    Value r = rt_string_new(rt, end - start);
    if (rt_is_exception(r)) return r;
    memcpy(rt_as_string(r)->chars, rt_as_string(sv)->chars + start, (size_t)(end - start) * 2);
    return r;
}

char *rt_string_to_utf8(Value sv, size_t *len_out) {
    JSString *s = rt_as_string(sv);
    size_t n = 0;
    for (uint32_t i = 0; i < s->len; i++) {
        uint16_t c = s->chars[i];
        if (c < 0x80) n += 1;
        else if (c < 0x800) n += 2;
        else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s->len &&
                 s->chars[i + 1] >= 0xDC00 && s->chars[i + 1] <= 0xDFFF) { n += 4; i++; }
        else n += 3;
    }
    char *out = malloc(n + 1);
    if (!out) {
        fputs("FATAL ERROR: out of memory\n", stderr);
        exit(1);
    }
    size_t o = 0;
    for (uint32_t i = 0; i < s->len; i++) {
        uint32_t c = s->chars[i];
        if (c >= 0xD800 && c <= 0xDFFF) {
            if (c <= 0xDBFF && i + 1 < s->len && s->chars[i + 1] >= 0xDC00 && s->chars[i + 1] <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (s->chars[i + 1] - 0xDC00);
                i++;
            } else {
                c = 0xFFFD;
            }
        }
        if (c < 0x80) out[o++] = (char)c;
        else if (c < 0x800) {
            out[o++] = (char)(0xC0 | (c >> 6));
            out[o++] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[o++] = (char)(0xE0 | (c >> 12));
            out[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[o++] = (char)(0x80 | (c & 0x3F));
        } else {
            out[o++] = (char)(0xF0 | (c >> 18));
            out[o++] = (char)(0x80 | ((c >> 12) & 0x3F));
            out[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[o++] = (char)(0x80 | (c & 0x3F));
        }
    }
    out[o] = 0;
    if (len_out) *len_out = o;
    return out;
}

/* ---- comparison and hashing -------------------------------------------------- */

static uint32_t hash_units(const uint16_t *u, size_t n) {
    uint32_t h = 2166136261u; /* FNV-1a over code units */
    for (size_t i = 0; i < n; i++) {
        h ^= u[i];
        h *= 16777619u;
    }
    return h ? h : 1;
}

uint32_t rt_string_hash(JSString *s) {
    if (!s->hash) s->hash = hash_units(s->chars, s->len);
    return s->hash;
}

bool rt_string_equal(JSString *a, JSString *b) {
    if (a == b) return true;
    if (a->len != b->len) return false;
    if ((a->h.aux & STR_INTERNED) && (b->h.aux & STR_INTERNED)) return false;
    if (a->hash && b->hash && a->hash != b->hash) return false;
    return memcmp(a->chars, b->chars, (size_t)a->len * 2) == 0;
}

int rt_string_compare(JSString *a, JSString *b) {
    uint32_t n = a->len < b->len ? a->len : b->len;
    for (uint32_t i = 0; i < n; i++)
        if (a->chars[i] != b->chars[i]) return a->chars[i] < b->chars[i] ? -1 : 1;
    return a->len < b->len ? -1 : a->len > b->len ? 1 : 0;
}

bool rt_string_equals_cstr(Value sv, const char *ascii) {
    if (!rt_is_string(sv)) return false;
    JSString *s = rt_as_string(sv);
    size_t n = strlen(ascii);
    if (n != s->len) return false;
    for (size_t i = 0; i < n; i++)
        if (s->chars[i] != (unsigned char)ascii[i]) return false;
    return true;
}

int64_t rt_string_array_index(JSString *s) {
    if (s->len == 0 || s->len > 10) return -1;
    if (s->chars[0] == '0') return s->len == 1 ? 0 : -1;
    int64_t v = 0;
    for (uint32_t i = 0; i < s->len; i++) {
        uint16_t c = s->chars[i];
        if (c < '0' || c > '9') return -1;
        v = v * 10 + (c - '0');
    }
    return v <= 4294967294LL ? v : -1;
}

/* ---- interning -------------------------------------------------------------------- */

InternTable *rt_intern_table_new(void) {
    InternTable *t = calloc(1, sizeof *t);
    if (!t) abort();
    t->cap = 1024;
    t->slots = calloc(t->cap, sizeof *t->slots);
    if (!t->slots) abort();
    return t;
}

void rt_intern_table_free(InternTable *t) {
    if (!t) return;
    free(t->slots);
    free(t);
}

static void intern_resize(InternTable *t, uint32_t cap) {
    JSString **old = t->slots;
    uint32_t old_cap = t->cap;
    t->slots = calloc(cap, sizeof *t->slots);
    if (!t->slots) abort();
    t->cap = cap;
    t->count = 0;
    t->tombstones = 0;
    for (uint32_t i = 0; i < old_cap; i++) {
        JSString *s = old[i];
        if (!s || s == TOMBSTONE) continue;
        uint32_t j = s->hash & (cap - 1);
        while (t->slots[j]) j = (j + 1) & (cap - 1);
        t->slots[j] = s;
        t->count++;
    }
    free(old);
}

static JSString *intern_find(InternTable *t, const uint16_t *u, size_t n, uint32_t h) {
    uint32_t j = h & (t->cap - 1);
    for (;;) {
        JSString *s = t->slots[j];
        if (!s) return NULL;
        if (s != TOMBSTONE && s->hash == h && s->len == n && memcmp(s->chars, u, n * 2) == 0) return s;
        j = (j + 1) & (t->cap - 1);
    }
}

static void intern_insert(InternTable *t, JSString *s) {
    if ((t->count + t->tombstones + 1) * 4 > t->cap * 3)
        intern_resize(t, t->count * 2 + 2 > t->cap ? t->cap * 2 : t->cap);
    uint32_t j = s->hash & (t->cap - 1);
    while (t->slots[j] && t->slots[j] != TOMBSTONE) j = (j + 1) & (t->cap - 1);
    if (t->slots[j] == TOMBSTONE) t->tombstones--;
    t->slots[j] = s;
    t->count++;
    s->h.aux |= STR_INTERNED;
    int64_t idx = rt_string_array_index(s);
    if (idx >= 0 && idx <= INT32_MAX) s->h.aux |= STR_INDEX_KEY;
}

Value rt_intern(Runtime *rt, Value v) {
    JSString *s = rt_as_string(v);
    if (s->h.aux & STR_INTERNED) return v;
    uint32_t h = rt_string_hash(s);
    JSString *found = intern_find(rt->interns, s->chars, s->len, h);
    if (found) return rt_ptr(found);
    intern_insert(rt->interns, s);
    return v;
}

Value rt_intern_utf16(Runtime *rt, const uint16_t *u, size_t n) {
    uint32_t h = hash_units(u, n);
    JSString *found = intern_find(rt->interns, u, n, h);
    if (found) return rt_ptr(found);
    Value v = rt_string_from_utf16(rt, u, n);
    if (rt_is_exception(v)) return v;
    rt_as_string(v)->hash = h;
    intern_insert(rt->interns, rt_as_string(v));
    return v;
}

Value rt_intern_cstr(Runtime *rt, const char *s) {
    Value v = rt_string_from_cstr(rt, s);
    if (rt_is_exception(v)) return v;
    return rt_intern(rt, v);
}

void rt_intern_sweep(Runtime *rt) {
    InternTable *t = rt->interns;
    if (!t) return;
    for (uint32_t i = 0; i < t->cap; i++) {
        JSString *s = t->slots[i];
        if (!s || s == TOMBSTONE || rt_gc_is_marked(s)) continue;
        t->slots[i] = TOMBSTONE;
        t->count--;
        t->tombstones++;
    }
    if (t->tombstones * 4 > t->cap) {
        uint32_t cap = t->cap;
        while (cap > 1024 && t->count * 4 < cap) cap /= 2;
        intern_resize(t, cap);
    }
}

/* ---- symbols ---------------------------------------------------------------------- */

Value rt_symbol_new(Runtime *rt, Value description) {
    JSSymbol *s = rt_gc_alloc(rt, sizeof(JSSymbol), HK_SYMBOL);
    s->description = description;
    return rt_ptr(s);
}
