/* rt_builtins_global.c — the function properties of the global object
 * (ECMA-262 §19.2): parseInt (radix rules of §19.2.5), parseFloat
 * (longest StrDecimalLiteral prefix), isNaN, isFinite, and the URI
 * functions (§19.2.6: UTF-8 percent-encoding, "URI malformed" URIErrors).
 * Number.parseInt and Number.parseFloat are the same function objects.
 */
#include <math.h>
#include <stdlib.h>
#include "rt_builtins.h"

bool rt_is_js_whitespace(uint16_t c);   /* rt_builtins_string.c */

static int digit_value(uint16_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

RT_NATIVE(global_parse_int) {
    Value sv = rt_to_string(rt, ARG(0));
    TRYV(sv);
    int32_t radix;
    TRY(rt_to_int32(rt, ARG(1), &radix));
    JSString *s = rt_as_string(sv);
    uint32_t i = 0, n = s->len;
    while (i < n && rt_is_js_whitespace(s->chars[i])) i++;
    double sign = 1;
    if (i < n && (s->chars[i] == '+' || s->chars[i] == '-')) {
        if (s->chars[i] == '-') sign = -1;
        i++;
    }
    bool strip = true;
    if (radix != 0) {
        if (radix < 2 || radix > 36) return rt_double(NAN);
        if (radix != 16) strip = false;
    } else {
        radix = 10;
    }
    if (strip && i + 1 < n && s->chars[i] == '0' && (s->chars[i + 1] == 'x' || s->chars[i + 1] == 'X')) {
        i += 2;
        radix = 16;
    }
    uint32_t start = i;
    while (i < n && digit_value(s->chars[i]) < radix) i++;
    if (i == start) return rt_double(NAN);
    double r;
    if (radix == 10) {
        /* Decimal: exact through strtod. */
        char small[64], *buf = i - start < sizeof small ? small : malloc(i - start + 1);
        if (!buf) return rt_throw_error(rt, ERR_RangeError, "Out of memory");
        for (uint32_t k = start; k < i; k++) buf[k - start] = (char)s->chars[k];
        buf[i - start] = 0;
        r = strtod(buf, NULL);
        if (buf != small) free(buf);
    } else {
        r = 0;
        for (uint32_t k = start; k < i; k++) r = r * radix + digit_value(s->chars[k]);
    }
    return rt_number(sign * r);
}

/* Length of the longest StrDecimalLiteral prefix of s[i..n) (0 when none). */
static uint32_t decimal_prefix(const uint16_t *s, uint32_t i, uint32_t n) {
    uint32_t start = i;
    if (i < n && (s[i] == '+' || s[i] == '-')) i++;
    static const char inf[] = "Infinity";
    uint32_t k = 0;
    while (k < 8 && i + k < n && s[i + k] == (uint16_t)inf[k]) k++;
    if (k == 8) return i + 8 - start;
    uint32_t digits = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') { i++; digits++; }
    if (i < n && s[i] == '.') {
        uint32_t j = i + 1, frac = 0;
        while (j < n && s[j] >= '0' && s[j] <= '9') { j++; frac++; }
        if (digits + frac > 0) { i = j; digits += frac; }
    }
    if (digits == 0) return 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        uint32_t j = i + 1;
        if (j < n && (s[j] == '+' || s[j] == '-')) j++;
        uint32_t ed = 0;
        while (j < n && s[j] >= '0' && s[j] <= '9') { j++; ed++; }
        if (ed) i = j;
    }
    return i - start;
}

RT_NATIVE(global_parse_float) {
    Value sv = rt_to_string(rt, ARG(0));
    TRYV(sv);
    JSString *s = rt_as_string(sv);
    uint32_t i = 0;
    while (i < s->len && rt_is_js_whitespace(s->chars[i])) i++;
    uint32_t len = decimal_prefix(s->chars, i, s->len);
    if (len == 0) return rt_double(NAN);
    char small[128], *buf = len < sizeof small ? small : malloc(len + 1);
    if (!buf) return rt_throw_error(rt, ERR_RangeError, "Out of memory");
    for (uint32_t k = 0; k < len; k++) buf[k] = (char)s->chars[i + k];
    buf[len] = 0;
    double d;
    const char *p = buf + (buf[0] == '+' || buf[0] == '-');
    if (*p == 'I') d = buf[0] == '-' ? -INFINITY : INFINITY;
    else d = strtod(buf, NULL);
    if (buf != small) free(buf);
    return rt_number(d);
}

RT_NATIVE(global_is_nan) {
    double d;
    TRY(rt_to_number(rt, ARG(0), &d));
    return rt_bool(isnan(d));
}

RT_NATIVE(global_is_finite) {
    double d;
    TRY(rt_to_number(rt, ARG(0), &d));
    return rt_bool(isfinite(d));
}

/* ---- URI functions ---------------------------------------------------------------------- */

enum { URI_ENCODE, URI_ENCODE_COMPONENT, URI_DECODE, URI_DECODE_COMPONENT };

static bool in_set(uint16_t c, const char *set) {
    return c < 128 && c && strchr(set, (char)c) != NULL;
}

static const char URI_UNRESERVED_MARKS[] = "-_.!~*'()";
static const char URI_RESERVED_HASH[] = ";/?:@&=+$,#";

static bool is_alnum16(uint16_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

RT_NATIVE(global_uri) {
    Value sv = rt_to_string(rt, ARG(0));
    TRYV(sv);
    JSString *s = rt_as_string(sv);
    StrBuf sb;
    sb_init(&sb);
    int m = self->magic;
    if (m == URI_ENCODE || m == URI_ENCODE_COMPONENT) {
        for (uint32_t i = 0; i < s->len; i++) {
            uint16_t c = s->chars[i];
            if (is_alnum16(c) || in_set(c, URI_UNRESERVED_MARKS) || (m == URI_ENCODE && in_set(c, URI_RESERVED_HASH))) {
                sb_putc(&sb, c);
                continue;
            }
            uint32_t cp = c;
            if (c >= 0xDC00 && c <= 0xDFFF) goto malformed;
            if (c >= 0xD800 && c <= 0xDBFF) {
                if (i + 1 >= s->len || s->chars[i + 1] < 0xDC00 || s->chars[i + 1] > 0xDFFF) goto malformed;
                cp = 0x10000 + ((c - 0xD800) << 10) + (s->chars[++i] - 0xDC00);
            }
            uint8_t u[4];
            int n;
            if (cp < 0x80) { u[0] = (uint8_t)cp; n = 1; }
            else if (cp < 0x800) { u[0] = (uint8_t)(0xC0 | (cp >> 6)); u[1] = (uint8_t)(0x80 | (cp & 63)); n = 2; }
            else if (cp < 0x10000) {
                u[0] = (uint8_t)(0xE0 | (cp >> 12)); u[1] = (uint8_t)(0x80 | ((cp >> 6) & 63));
                u[2] = (uint8_t)(0x80 | (cp & 63)); n = 3;
            } else {
                u[0] = (uint8_t)(0xF0 | (cp >> 18)); u[1] = (uint8_t)(0x80 | ((cp >> 12) & 63));
                u[2] = (uint8_t)(0x80 | ((cp >> 6) & 63)); u[3] = (uint8_t)(0x80 | (cp & 63)); n = 4;
            }
            for (int k = 0; k < n; k++) sb_printf(&sb, "%%%02X", u[k]);
        }
        return sb_finish(rt, &sb);
    }
    for (uint32_t i = 0; i < s->len; i++) {
        uint16_t c = s->chars[i];
        if (c != '%') { sb_putc(&sb, c); continue; }
        uint32_t start = i;
        if (i + 2 >= s->len) goto malformed;
        int h = digit_value(s->chars[i + 1]), l = digit_value(s->chars[i + 2]);
        if (h > 15 || l > 15) goto malformed;
        uint8_t b = (uint8_t)(h * 16 + l);
        i += 2;
        if (b < 0x80) {
            if (m == URI_DECODE && in_set(b, URI_RESERVED_HASH)) sb_put16(&sb, s->chars + start, 3);
            else sb_putc(&sb, b);
            continue;
        }
        int n = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
        if (!n) goto malformed;
        uint32_t cp = b & (0xFF >> (n + 1));
        for (int k = 1; k < n; k++) {
            if (i + 3 > s->len || s->chars[i + 1] != '%') goto malformed;
            int h2 = digit_value(s->chars[i + 2]), l2 = i + 3 < s->len ? digit_value(s->chars[i + 3]) : 99;
            if (h2 > 15 || l2 > 15) goto malformed;
            uint8_t cb = (uint8_t)(h2 * 16 + l2);
            if ((cb & 0xC0) != 0x80) goto malformed;
            cp = (cp << 6) | (cb & 0x3F);
            i += 3;
        }
        static const uint32_t min_cp[5] = { 0, 0, 0x80, 0x800, 0x10000 };
        if (cp < min_cp[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) goto malformed;
        sb_putcp(&sb, cp);
    }
    return sb_finish(rt, &sb);
malformed:
    sb_free(&sb);
    return rt_throw_error(rt, ERR_URIError, "URI malformed");
}

/* eval (§19.2.1) with the semantics of an indirect call: the source is
 * compiled as a script and runs in the global scope. The front end does not
 * mark direct calls, so `eval(src)` inside a function also sees only
 * globals, not the caller's locals. */
RT_NATIVE(global_eval) {
    if (!rt_is_string(ARG(0))) return ARG(0);
    return rt_eval_script(rt, ARG(0));
}

/* Compiles source (a string) as a script and runs it in the global scope:
 * eval, and the driver's test262 host ($262.evalScript). */
Value rt_eval_script(Runtime *rt, Value source) {
    if (!rt->compile) return rt_throw_error(rt, ERR_EvalError, "Code generation from strings disallowed for this context");
    size_t len;
    char *src = rt_string_to_utf8(source, &len);
    if (!src) return rt_throw_error(rt, ERR_RangeError, "Out of memory");
    BytecodeFunction *bf = rt->compile(rt, "eval", src, len, RT_COMPILE_SCRIPT, NULL);
    free(src);
    if (!bf) {
        if (rt_is_undefined(rt->exception)) return rt_throw_error(rt, ERR_SyntaxError, "Invalid eval source");
        return RT_EXCEPTION;
    }
    return rt_run_toplevel(rt, bf, rt_ptr(rt->global));
}

void rt_init_global(Runtime *rt) {
    JSObject *g = rt->global;
    JSNative *pi = rt_define_native(rt, g, "parseInt", global_parse_int, 2, 0);
    JSNative *pf = rt_define_native(rt, g, "parseFloat", global_parse_float, 1, 0);
    JSObject *num = rt_intr_obj(rt, INTR_Number);
    rt_define_cstr(rt, num, "parseInt", rt_ptr(pi), PROP_HIDDEN);
    rt_define_cstr(rt, num, "parseFloat", rt_ptr(pf), PROP_HIDDEN);
    static const BuiltinMethod fns[] = {
        { "eval", global_eval, 1, 0 },
        { "isNaN", global_is_nan, 1, 0 },
        { "isFinite", global_is_finite, 1, 0 },
        { "decodeURI", global_uri, 1, URI_DECODE },
        { "decodeURIComponent", global_uri, 1, URI_DECODE_COMPONENT },
        { "encodeURI", global_uri, 1, URI_ENCODE },
        { "encodeURIComponent", global_uri, 1, URI_ENCODE_COMPONENT },
    };
    RT_DEFINE_METHODS(rt, g, fns);
}
