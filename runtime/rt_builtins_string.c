/* rt_builtins_string.c — String and String.prototype (ECMA-262 §22.1).
 * Strings are UTF-16 code units, so indices, slicing and searching work on
 * code units; codePointAt, the iterator and fromCodePoint combine surrogate
 * pairs. Case mapping works on code points with the full Unicode default
 * mappings of rt_builtins_string_case.c (ß → SS, İ → i̇, supplementary
 * planes) plus the Final_Sigma rule. split/replace/replaceAll take string
 * patterns, and defer to a pattern's @@split/@@replace method when it has
 * one (§22.1.3.19 step 2).
 */
#include <math.h>
#include <stdlib.h>
#include "rt_builtins.h"

static Value this_str(Runtime *rt, Value v, const char *method) {
    if (rt_is_string(v)) return v;
    if (rt_is_nullish(v))
        return rt_throw_error(rt, ERR_TypeError, "String.prototype.%s called on null or undefined", method);
    return rt_to_string(rt, v);
}

#define THIS_STR(name) \
    Value sv = this_str(rt, this_val, name); \
    TRYV(sv); \
    JSString *s = rt_as_string(sv)

static Value sub(Runtime *rt, Value sv, double a, double b) {
    if (b <= a) return rt_atom(rt, ATOM_empty);
    return rt_string_substring(rt, sv, (uint32_t)a, (uint32_t)b);
}

static int64_t str_index_of(JSString *h, JSString *n, int64_t from) {
    if (from < 0) from = 0;
    if ((int64_t)n->len + from > (int64_t)h->len) return -1;
    for (int64_t i = from; i + n->len <= h->len; i++)
        if (n->len == 0 || memcmp(h->chars + i, n->chars, n->len * 2) == 0) return i;
    return -1;
}

/* ---- constructor and statics ------------------------------------------------------------ */

RT_NATIVE(string_ctor) {
    Value s;
    if (argc == 0) s = rt_atom(rt, ATOM_empty);
    else if (rt_is_undefined(new_target) && rt_is_symbol(argv[0])) return rt_symbol_descriptive_string(rt, argv[0]);
    else s = rt_to_string(rt, argv[0]);
    TRYV(s);
    if (rt_is_undefined(new_target)) return s;
    Value proto = rt_proto_from_ctor(rt, new_target, INTR_StringPrototype);
    TRYV(proto);
    JSWrapper *w = (JSWrapper *)rt_object_new_class(rt, proto, CLS_STRING, sizeof(JSWrapper));
    w->value = s;
    return rt_ptr(w);
}

RT_NATIVE(string_from_char_code) {
    StrBuf sb;
    sb_init(&sb);
    for (int i = 0; i < argc; i++) {
        uint32_t u;
        if (rt_to_uint32(rt, argv[i], &u) < 0) { sb_free(&sb); return RT_EXCEPTION; }
        sb_putc(&sb, (uint16_t)u);
    }
    return sb_finish(rt, &sb);
}

RT_NATIVE(string_from_code_point) {
    StrBuf sb;
    sb_init(&sb);
    for (int i = 0; i < argc; i++) {
        double d;
        if (rt_to_number(rt, argv[i], &d) < 0) { sb_free(&sb); return RT_EXCEPTION; }
        if (d != trunc(d) || d < 0 || d > 0x10FFFF || isnan(d)) {
            sb_free(&sb);
            char buf[40];
            rt_double_to_cstr(d, buf);
            return rt_throw_error(rt, ERR_RangeError, "Invalid code point %s", buf);
        }
        sb_putcp(&sb, (uint32_t)d);
    }
    return sb_finish(rt, &sb);
}

RT_NATIVE(string_raw) {
    Value cooked = rt_to_object(rt, ARG(0));
    TRYV(cooked);
    Value raw = rt_get(rt, cooked, rt_atom(rt, ATOM_raw));
    TRYV(raw);
    raw = rt_to_object(rt, raw);
    TRYV(raw);
    double len;
    TRY(rt_length_of_array_like(rt, raw, &len));
    StrBuf sb;
    sb_init(&sb);
    for (double i = 0; i < len; i++) {
        Value seg = rt_get(rt, raw, rt_key_from_double(rt, i));
        if (!rt_is_exception(seg)) seg = rt_to_string(rt, seg);
        if (rt_is_exception(seg)) { sb_free(&sb); return seg; }
        sb_putstr(&sb, seg);
        if (i + 1 < len && i + 1 < argc) {
            Value sub_v = rt_to_string(rt, argv[(int)i + 1]);
            if (rt_is_exception(sub_v)) { sb_free(&sb); return sub_v; }
            sb_putstr(&sb, sub_v);
        }
    }
    return sb_finish(rt, &sb);
}

/* ---- character access ------------------------------------------------------------------ */

enum { CA_CHAR, CA_CODE, CA_POINT, CA_AT };

RT_NATIVE(string_char_access) {
    static const char *const names[] = { "charAt", "charCodeAt", "codePointAt", "at" };
    THIS_STR(names[self->magic]);
    double pos;
    TRY(rt_to_integer_or_infinity(rt, ARG(0), &pos));
    if (self->magic == CA_AT && pos < 0) pos += s->len;
    if (pos < 0 || pos >= s->len) {
        if (self->magic == CA_CHAR) return rt_atom(rt, ATOM_empty);
        if (self->magic == CA_CODE) return rt_double(NAN);
        return RT_UNDEFINED;
    }
    uint32_t i = (uint32_t)pos;
    uint16_t c = s->chars[i];
    switch (self->magic) {
    case CA_CODE: return rt_int(c);
    case CA_POINT:
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s->len && s->chars[i + 1] >= 0xDC00 && s->chars[i + 1] <= 0xDFFF)
            return rt_int(0x10000 + ((c - 0xD800) << 10) + (s->chars[i + 1] - 0xDC00));
        return rt_int(c);
    default:
        return rt_string_substring(rt, sv, i, i + 1);
    }
}

/* ---- searching ------------------------------------------------------------------------------ */

enum { SR_INDEX, SR_LAST, SR_INCLUDES, SR_STARTS, SR_ENDS };

RT_NATIVE(string_search) {
    static const char *const names[] = { "indexOf", "lastIndexOf", "includes", "startsWith", "endsWith" };
    THIS_STR(names[self->magic]);
    int m = self->magic;
    if (m >= SR_INCLUDES && rt_is_object(ARG(0))) {
        Value matcher = rt_get(rt, ARG(0), rt->intrinsics[INTR_Sym_match]);
        TRYV(matcher);
        if (rt_to_boolean(matcher) && !rt_is_undefined(matcher))
            return rt_throw_error(rt, ERR_TypeError, "First argument to String.prototype.%s must not be a regular expression", names[m]);
    }
    Value nv = rt_to_string(rt, ARG(0));
    TRYV(nv);
    JSString *n = rt_as_string(nv);
    double len = s->len;
    if (m == SR_LAST) {
        double pos;
        double num;
        if (rt_to_number(rt, ARG(1), &num) < 0) return RT_EXCEPTION;
        pos = isnan(num) ? INFINITY : trunc(num);
        double start = fmin(fmax(pos, 0), len);
        if (n->len > s->len) return rt_int(-1);
        for (int64_t i = (int64_t)fmin(start, len - n->len); i >= 0; i--)
            if (n->len == 0 || memcmp(s->chars + i, n->chars, n->len * 2) == 0) return rt_number((double)i);
        return rt_int(-1);
    }
    if (m == SR_ENDS) {
        double end = len;
        if (!rt_is_undefined(ARG(1))) {
            TRY(rt_to_integer_or_infinity(rt, ARG(1), &end));
            end = fmin(fmax(end, 0), len);
        }
        double start = end - n->len;
        if (start < 0) return RT_FALSE;
        return rt_bool(n->len == 0 || memcmp(s->chars + (uint32_t)start, n->chars, n->len * 2) == 0);
    }
    double pos;
    TRY(rt_to_integer_or_infinity(rt, ARG(1), &pos));
    pos = fmin(fmax(pos, 0), len);
    if (m == SR_STARTS) {
        if (pos + n->len > len) return RT_FALSE;
        return rt_bool(n->len == 0 || memcmp(s->chars + (uint32_t)pos, n->chars, n->len * 2) == 0);
    }
    int64_t r = str_index_of(s, n, (int64_t)pos);
    if (m == SR_INCLUDES) return rt_bool(r >= 0);
    return rt_number((double)r);
}

/* ---- slicing ------------------------------------------------------------------------------------ */

RT_NATIVE(string_slice) {
    THIS_STR("slice");
    double len = s->len, a, b;
    TRY(rt_to_index_rel(rt, ARG(0), len, 0, &a));
    TRY(rt_to_index_rel(rt, ARG(1), len, len, &b));
    return sub(rt, sv, a, b);
}

RT_NATIVE(string_substring) {
    THIS_STR("substring");
    double len = s->len, a, b = len;
    TRY(rt_to_integer_or_infinity(rt, ARG(0), &a));
    if (!rt_is_undefined(ARG(1))) TRY(rt_to_integer_or_infinity(rt, ARG(1), &b));
    a = fmin(fmax(a, 0), len);
    b = fmin(fmax(b, 0), len);
    return sub(rt, sv, fmin(a, b), fmax(a, b));
}

RT_NATIVE(string_substr) {
    THIS_STR("substr");
    double len = s->len, start, l;
    TRY(rt_to_integer_or_infinity(rt, ARG(0), &start));
    if (start == -INFINITY) start = 0;
    else if (start < 0) start = fmax(len + start, 0);
    else start = fmin(start, len);
    if (rt_is_undefined(ARG(1))) l = len;
    else TRY(rt_to_integer_or_infinity(rt, ARG(1), &l));
    double end = fmin(start + fmin(fmax(l, 0), len), len);
    return sub(rt, sv, start, end);
}

/* ---- case mapping -------------------------------------------------------------------------- */

static uint32_t to_lower1(uint32_t c) { return rt_case_map1(c, false); }

/* The code point at i (a lone surrogate stands for itself) and the one before i. */
static uint32_t cp_at(const JSString *s, uint32_t i, uint32_t *width) {
    uint16_t c = s->chars[i];
    *width = 1;
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s->len && s->chars[i + 1] >= 0xDC00 && s->chars[i + 1] <= 0xDFFF) {
        *width = 2;
        return 0x10000 + ((uint32_t)(c - 0xD800) << 10) + (s->chars[i + 1] - 0xDC00);
    }
    return c;
}

static uint32_t cp_before(const JSString *s, uint32_t i, uint32_t *width) {
    uint16_t c = s->chars[i - 1];
    *width = 1;
    if (c >= 0xDC00 && c <= 0xDFFF && i >= 2 && s->chars[i - 2] >= 0xD800 && s->chars[i - 2] <= 0xDBFF) {
        *width = 2;
        return 0x10000 + ((uint32_t)(s->chars[i - 2] - 0xD800) << 10) + (c - 0xDC00);
    }
    return c;
}

/* Final_Sigma (Unicode §3.13): a cased letter before the sigma and none
 * after it, skipping case-ignorable characters on both sides. */
static bool final_sigma(const JSString *s, uint32_t i) {
    uint32_t j = i, w, c;
    bool before = false;
    while (j > 0) {
        c = cp_before(s, j, &w);
        j -= w;
        if (rt_case_is_ignorable(c)) continue;
        before = rt_case_is_cased(c);
        break;
    }
    if (!before) return false;
    for (j = i + 1; j < s->len; j += w) {
        c = cp_at(s, j, &w);
        if (rt_case_is_ignorable(c)) continue;
        return !rt_case_is_cased(c);
    }
    return true;
}

RT_NATIVE(string_case) {
    THIS_STR(self->magic ? "toUpperCase" : "toLowerCase");
    bool upper = self->magic & 1;
    bool ascii = true, changed = false;
    for (uint32_t i = 0; i < s->len && ascii; i++) {
        uint16_t c = s->chars[i];
        ascii = c < 0x80;
        changed |= upper ? (c >= 'a' && c <= 'z') : (c >= 'A' && c <= 'Z');
    }
    if (ascii && !changed) return sv;
    StrBuf sb;
    sb_init(&sb);
    uint16_t out[3];
    for (uint32_t i = 0, w; i < s->len; i += w) {
        uint32_t c = cp_at(s, i, &w);
        if (ascii) {
            sb_putc(&sb, (uint16_t)rt_case_map1(c, upper));
            continue;
        }
        if (!upper && c == 0x3A3) {
            sb_putc(&sb, final_sigma(s, i) ? 0x3C2 : 0x3C3);
            continue;
        }
        int n = rt_case_map(c, upper, out);
        sb_put16(&sb, out, (size_t)n);
    }
    return sb_finish(rt, &sb);
}

/* §22.1.3.10 isWellFormed / §22.1.3.31 toWellFormed: lone surrogates,
 * replaced by U+FFFD in the copy. */
RT_NATIVE(string_well_formed) {
    THIS_STR(self->magic ? "toWellFormed" : "isWellFormed");
    uint32_t bad = s->len;
    for (uint32_t i = 0, w; i < s->len; i += w) {
        uint32_t c = cp_at(s, i, &w);
        if (c >= 0xD800 && c <= 0xDFFF) { bad = i; break; }
    }
    if (!self->magic) return rt_bool(bad == s->len);
    if (bad == s->len) return sv;
    StrBuf sb;
    sb_init(&sb);
    sb_put16(&sb, s->chars, bad);
    for (uint32_t i = bad, w; i < s->len; i += w) {
        uint32_t c = cp_at(s, i, &w);
        if (c >= 0xD800 && c <= 0xDFFF) sb_putc(&sb, 0xFFFD);
        else sb_put16(&sb, s->chars + i, w);
    }
    return sb_finish(rt, &sb);
}

/* ---- trimming and padding ---------------------------------------------------------------------- */

bool rt_is_js_whitespace(uint16_t c);
bool rt_is_js_whitespace(uint16_t c) {
    return c == 9 || c == 10 || c == 11 || c == 12 || c == 13 || c == 32 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
           c == 0x3000 || c == 0xFEFF;
}

RT_NATIVE(string_trim) {
    static const char *const names[] = { "trim", "trimStart", "trimEnd" };
    THIS_STR(names[self->magic]);
    uint32_t a = 0, b = s->len;
    if (self->magic != 2) while (a < b && rt_is_js_whitespace(s->chars[a])) a++;
    if (self->magic != 1) while (b > a && rt_is_js_whitespace(s->chars[b - 1])) b--;
    if (a == 0 && b == s->len) return sv;
    return rt_string_substring(rt, sv, a, b);
}

RT_NATIVE(string_pad) {
    THIS_STR(self->magic ? "padEnd" : "padStart");
    double max;
    TRY(rt_to_length(rt, ARG(0), &max));
    if (max <= s->len) return sv;
    Value fill = rt_is_undefined(ARG(1)) ? rt_string_from_cstr(rt, " ") : rt_to_string(rt, ARG(1));
    TRYV(fill);
    JSString *f = rt_as_string(fill);
    if (f->len == 0) return sv;
    if (max > RT_MAX_STRING_LENGTH) return rt_throw_error(rt, ERR_RangeError, "Invalid string length");
    size_t fill_len = (size_t)max - s->len;
    StrBuf sb;
    sb_init(&sb);
    if (self->magic) sb_put16(&sb, s->chars, s->len);
    for (size_t i = 0; i < fill_len; i++) sb_putc(&sb, f->chars[i % f->len]);
    if (!self->magic) sb_put16(&sb, s->chars, s->len);
    return sb_finish(rt, &sb);
}

RT_NATIVE(string_repeat) {
    THIS_STR("repeat");
    double n;
    TRY(rt_to_integer_or_infinity(rt, ARG(0), &n));
    if (n < 0 || n == INFINITY) {
        char buf[40];
        rt_double_to_cstr(n, buf);
        return rt_throw_error(rt, ERR_RangeError, "Invalid count value: %s", buf);
    }
    if (n == 0 || s->len == 0) return rt_atom(rt, ATOM_empty);
    if (n * s->len > RT_MAX_STRING_LENGTH) return rt_throw_error(rt, ERR_RangeError, "Invalid string length");
    StrBuf sb;
    sb_init(&sb);
    for (double i = 0; i < n; i++) sb_put16(&sb, s->chars, s->len);
    return sb_finish(rt, &sb);
}

RT_NATIVE(string_concat) {
    THIS_STR("concat");
    (void)s;
    Value r = sv;
    for (int i = 0; i < argc; i++) {
        Value a = rt_to_string(rt, argv[i]);
        TRYV(a);
        if ((size_t)rt_as_string(r)->len + rt_as_string(a)->len > RT_MAX_STRING_LENGTH)
            return rt_throw_error(rt, ERR_RangeError, "Invalid string length");
        r = rt_string_concat(rt, r, a);
    }
    return r;
}

/* An approximation of the root collation: letters compare without case and
 * Latin-1 accents first, then lower case before upper, then code units. */
static uint32_t collate_base(uint16_t c) {
    static const char latin1[] = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
    if (c >= 0xC0 && c <= 0xFF) c = (uint16_t)latin1[c - 0xC0];
    return to_lower1(c);
}

RT_NATIVE(string_locale_compare) {
    THIS_STR("localeCompare");
    Value tv = rt_to_string(rt, ARG(0));
    TRYV(tv);
    JSString *t = rt_as_string(tv);
    uint32_t n = s->len < t->len ? s->len : t->len;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t a = collate_base(s->chars[i]), b = collate_base(t->chars[i]);
        if (a != b) return rt_int(a < b ? -1 : 1);
    }
    if (s->len != t->len) return rt_int(s->len < t->len ? -1 : 1);
    for (uint32_t i = 0; i < n; i++) {
        uint16_t a = s->chars[i], b = t->chars[i];
        if (a == b) continue;
        bool al = to_lower1(a) == a, bl = to_lower1(b) == b;
        if (al != bl) return rt_int(al ? -1 : 1);
        return rt_int(a < b ? -1 : 1);
    }
    return rt_int(0);
}

RT_NATIVE(string_normalize) {
    THIS_STR("normalize");
    (void)s;
    if (!rt_is_undefined(ARG(0))) {
        Value f = rt_to_string(rt, ARG(0));
        TRYV(f);
        if (!rt_string_equals_cstr(f, "NFC") && !rt_string_equals_cstr(f, "NFD") &&
            !rt_string_equals_cstr(f, "NFKC") && !rt_string_equals_cstr(f, "NFKD"))
            return rt_throw_error(rt, ERR_RangeError, "The normalization form should be one of NFC, NFD, NFKC, NFKD.");
    }
    return sv;
}

/* ---- split and replace ----------------------------------------------------------------------- */

/* Calls pattern[sym](args) when the pattern is an object with that method: 1 called, 0 not. */
static int delegate(Runtime *rt, Value pattern, IntrinsicId sym, Value this_v, int n, Value *args, Value *out) {
    if (rt_is_nullish(pattern) || !rt_is_object(pattern)) return 0;
    Value m = rt_get(rt, pattern, rt->intrinsics[sym]);
    if (rt_is_exception(m)) return -1;
    if (rt_is_nullish(m)) return 0;
    if (!rt_is_callable(m)) {
        rt_throw_error(rt, ERR_TypeError, "pattern method is not a function");
        return -1;
    }
    (void)this_v;
    *out = rt_call(rt, m, pattern, n, args);
    return rt_is_exception(*out) ? -1 : 1;
}

/* match and search (§22.1.3.13, §22.1.3.21) hand the work to the pattern's
 * @@match / @@search. reef has no RegExp, so a pattern without one (which
 * the spec turns into a RegExp) is refused with a TypeError. */
RT_NATIVE(string_match_search) {
    const char *name = self->magic ? "search" : "match";
    if (rt_is_nullish(this_val))
        return rt_throw_error(rt, ERR_TypeError, "String.prototype.%s called on null or undefined", name);
    Value out;
    Value dargs[1] = { this_val };
    int d = delegate(rt, ARG(0), self->magic ? INTR_Sym_search : INTR_Sym_match, this_val, 1, dargs, &out);
    TRY(d);
    if (d) return out;
    TRYV(rt_to_string(rt, this_val));
    return rt_throw_error(rt, ERR_TypeError, "String.prototype.%s: regular expressions are not supported", name);
}

RT_NATIVE(string_split) {
    if (rt_is_nullish(this_val)) return rt_throw_error(rt, ERR_TypeError, "String.prototype.split called on null or undefined");
    Value out;
    Value dargs[2] = { this_val, ARG(1) };
    int d = delegate(rt, ARG(0), INTR_Sym_split, this_val, 2, dargs, &out);
    TRY(d);
    if (d) return out;
    Value sv = rt_to_string(rt, this_val);
    TRYV(sv);
    JSString *s = rt_as_string(sv);
    uint32_t lim = 0xFFFFFFFFu;
    if (!rt_is_undefined(ARG(1))) TRY(rt_to_uint32(rt, ARG(1), &lim));
    Value sepv = rt_to_string(rt, ARG(0));
    TRYV(sepv);
    JSObject *a = rt_array_new(rt, 0);
    if (lim == 0) return rt_ptr(a);
    if (rt_is_undefined(ARG(0))) {
        rt_array_push(rt, a, sv);
        return rt_ptr(a);
    }
    JSString *sep = rt_as_string(sepv);
    if (sep->len == 0) {
        for (uint32_t i = 0; i < s->len && a->length < lim; i++)
            rt_array_push(rt, a, rt_string_substring(rt, sv, i, i + 1));
        return rt_ptr(a);
    }
    if (s->len == 0) {
        rt_array_push(rt, a, sv);
        return rt_ptr(a);
    }
    uint32_t p = 0;
    int64_t q;
    while ((q = str_index_of(s, sep, p)) >= 0) {
        rt_array_push(rt, a, rt_string_substring(rt, sv, p, (uint32_t)q));
        if (a->length >= lim) return rt_ptr(a);
        p = (uint32_t)q + sep->len;
    }
    rt_array_push(rt, a, rt_string_substring(rt, sv, p, s->len));
    return rt_ptr(a);
}

/* GetSubstitution (§22.1.3.19.1) for a string pattern (no captures). */
static void substitute(StrBuf *sb, JSString *str, uint32_t pos, uint32_t mlen, JSString *rep) {
    for (uint32_t i = 0; i < rep->len; i++) {
        uint16_t c = rep->chars[i];
        if (c == '$' && i + 1 < rep->len) {
            uint16_t n = rep->chars[i + 1];
            if (n == '$') { sb_putc(sb, '$'); i++; continue; }
            if (n == '&') { sb_put16(sb, str->chars + pos, mlen); i++; continue; }
            if (n == '`') { sb_put16(sb, str->chars, pos); i++; continue; }
            if (n == '\'') { sb_put16(sb, str->chars + pos + mlen, str->len - pos - mlen); i++; continue; }
        }
        sb_putc(sb, c);
    }
}

RT_NATIVE(string_replace) {
    bool all = self->magic;
    const char *name = all ? "replaceAll" : "replace";
    if (rt_is_nullish(this_val)) return rt_throw_error(rt, ERR_TypeError, "String.prototype.%s called on null or undefined", name);
    Value pattern = ARG(0), rep = ARG(1);
    Value out;
    Value dargs[2] = { this_val, rep };
    int d = delegate(rt, pattern, INTR_Sym_replace, this_val, 2, dargs, &out);
    TRY(d);
    if (d) return out;
    Value sv = rt_to_string(rt, this_val);
    TRYV(sv);
    Value pv = rt_to_string(rt, pattern);
    TRYV(pv);
    bool fn = rt_is_callable(rep);
    Value repv = RT_UNDEFINED;
    if (!fn) {
        repv = rt_to_string(rt, rep);
        TRYV(repv);
    }
    JSString *s = rt_as_string(sv), *p = rt_as_string(pv);
    /* Positions of the matches first (the replacer may not change the string). */
    JSObject *positions = rt_array_new(rt, 0);
    uint32_t adv = p->len ? p->len : 1;
    int64_t q = str_index_of(s, p, 0);
    while (q >= 0) {
        rt_array_push(rt, positions, rt_number((double)q));
        if (!all) break;
        q = (uint64_t)q + adv > s->len ? -1 : str_index_of(s, p, q + adv);
    }
    if (positions->length == 0) return sv;
    StrBuf sb;
    sb_init(&sb);
    uint32_t end = 0;
    for (uint32_t i = 0; i < positions->length; i++) {
        uint32_t pos = (uint32_t)rt_to_double_unchecked(rt_get_index(rt, rt_ptr(positions), i));
        sb_put16(&sb, s->chars + end, pos - end);
        if (fn) {
            Value args[3] = { pv, rt_number(pos), sv };
            Value r = rt_call(rt, rep, RT_UNDEFINED, 3, args);
            if (!rt_is_exception(r)) r = rt_to_string(rt, r);
            if (rt_is_exception(r)) { sb_free(&sb); return r; }
            sb_putstr(&sb, r);
        } else {
            substitute(&sb, s, pos, p->len, rt_as_string(repv));
        }
        end = pos + p->len;
    }
    sb_put16(&sb, s->chars + end, s->len - end);
    return sb_finish(rt, &sb);
}

/* ---- conversions and the iterator -------------------------------------------------------------- */

RT_NATIVE(string_value_of) {
    if (rt_is_string(this_val)) return this_val;
    if (rt_is_class(this_val, CLS_STRING)) return ((JSWrapper *)rt_as_object(this_val))->value;
    return rt_throw_error(rt, ERR_TypeError, "String.prototype.%s requires that 'this' be a String",
                          self->magic ? "valueOf" : "toString");
}

enum { STRING_ITER_KIND = 3 };

RT_NATIVE(string_iterator) {
    THIS_STR("[Symbol.iterator]");
    (void)s;
    JSIterator *it = (JSIterator *)rt_object_new_class(rt, rt->intrinsics[INTR_StringIteratorPrototype],
                                                       CLS_ITERATOR, sizeof(JSIterator));
    it->target = sv;
    it->extra = RT_UNDEFINED;
    it->index = 0;
    it->kind = STRING_ITER_KIND;
    return rt_ptr(it);
}

RT_NATIVE(string_iter_next) {
    if (!rt_is_class(this_val, CLS_ITERATOR) || ((JSIterator *)rt_as_object(this_val))->kind != STRING_ITER_KIND)
        return rt_throw_error(rt, ERR_TypeError, "next method called on incompatible receiver");
    JSIterator *it = (JSIterator *)rt_as_object(this_val);
    if (!rt_is_string(it->target)) return rt_make_iter_result(rt, RT_UNDEFINED, true);
    JSString *s = rt_as_string(it->target);
    if (it->index >= s->len) {
        it->target = RT_UNDEFINED;
        return rt_make_iter_result(rt, RT_UNDEFINED, true);
    }
    uint32_t i = it->index, n = 1;
    uint16_t c = s->chars[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s->len && s->chars[i + 1] >= 0xDC00 && s->chars[i + 1] <= 0xDFFF) n = 2;
    it->index += n;
    return rt_make_iter_result(rt, rt_string_substring(rt, it->target, i, i + n), false);
}

void rt_init_string(Runtime *rt) {
    JSWrapper *proto = (JSWrapper *)rt_object_new_class(rt, rt->intrinsics[INTR_ObjectPrototype], CLS_STRING,
                                                        sizeof(JSWrapper));
    proto->value = rt_atom(rt, ATOM_empty);
    rt->intrinsics[INTR_StringPrototype] = rt_ptr(proto);
    JSNative *ctor = rt_define_ctor(rt, "String", string_ctor, 1, &proto->base, 0);
    rt->intrinsics[INTR_String] = rt_ptr(ctor);
    static const BuiltinMethod statics[] = {
        { "fromCharCode", string_from_char_code, 1, 0 },
        { "fromCodePoint", string_from_code_point, 1, 0 },
        { "raw", string_raw, 1, 0 },
    };
    RT_DEFINE_METHODS(rt, &ctor->base, statics);
    static const BuiltinMethod methods[] = {
        { "at", string_char_access, 1, CA_AT },
        { "isWellFormed", string_well_formed, 0, 0 },
        { "toWellFormed", string_well_formed, 0, 1 },
        { "charAt", string_char_access, 1, CA_CHAR },
        { "charCodeAt", string_char_access, 1, CA_CODE },
        { "codePointAt", string_char_access, 1, CA_POINT },
        { "concat", string_concat, 1, 0 },
        { "endsWith", string_search, 1, SR_ENDS },
        { "includes", string_search, 1, SR_INCLUDES },
        { "indexOf", string_search, 1, SR_INDEX },
        { "lastIndexOf", string_search, 1, SR_LAST },
        { "localeCompare", string_locale_compare, 1, 0 },
        { "normalize", string_normalize, 0, 0 },
        { "padEnd", string_pad, 1, 1 },
        { "padStart", string_pad, 1, 0 },
        { "repeat", string_repeat, 1, 0 },
        { "replace", string_replace, 2, 0 },
        { "replaceAll", string_replace, 2, 1 },
        { "slice", string_slice, 2, 0 },
        { "split", string_split, 2, 0 },
        { "match", string_match_search, 1, 0 },
        { "search", string_match_search, 1, 1 },
        { "substr", string_substr, 2, 0 },
        { "substring", string_substring, 2, 0 },
        { "startsWith", string_search, 1, SR_STARTS },
        { "toString", string_value_of, 0, 0 },
        { "toLocaleLowerCase", string_case, 0, 0 },
        { "toLocaleUpperCase", string_case, 0, 1 },
        { "toLowerCase", string_case, 0, 0 },
        { "toUpperCase", string_case, 0, 1 },
        { "trim", string_trim, 0, 0 },
        { "trimStart", string_trim, 0, 1 },
        { "trimEnd", string_trim, 0, 2 },
        { "valueOf", string_value_of, 0, 1 },
    };
    RT_DEFINE_METHODS(rt, &proto->base, methods);
    /* Annex B aliases share the function objects. */
    rt_define_cstr(rt, &proto->base, "trimLeft", rt_get_cstr(rt, rt_ptr(proto), "trimStart"), PROP_HIDDEN);
    rt_define_cstr(rt, &proto->base, "trimRight", rt_get_cstr(rt, rt_ptr(proto), "trimEnd"), PROP_HIDDEN);
    rt_define_native_sym(rt, &proto->base, rt->intrinsics[INTR_Sym_iterator], "[Symbol.iterator]", string_iterator, 0, 0);
    JSObject *si = rt_object_new(rt, rt->intrinsics[INTR_IteratorPrototype]);
    rt->intrinsics[INTR_StringIteratorPrototype] = rt_ptr(si);
    rt_define_native(rt, si, "next", string_iter_next, 0, 0);
    rt_define_data(rt, si, rt->intrinsics[INTR_Sym_toStringTag], rt_string_from_cstr(rt, "String Iterator"),
                   PROP_CONFIGURABLE);
}
