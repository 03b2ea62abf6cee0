/* rt_builtins_number.c — Number and Boolean (ECMA-262 §21.1, §20.3).
 *
 * toFixed, toExponential and toPrecision must round the exact binary value
 * of the double, ties toward the larger magnitude (§21.1.3.3 "if there are
 * two such n, pick the larger n"). glibc's printf prints exact decimal
 * expansions, so every method starts from the exact digits ("%.1100f" holds
 * every digit a finite double has) and rounds them itself; printf's own
 * rounding (ties to even) would be wrong on exact ties such as 2.5 or 1.25.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include "rt_builtins.h"

static Value this_number(Runtime *rt, Value v, const char *method, double *out) {
    if (rt_is_number(v)) { *out = rt_to_double_unchecked(v); return v; }
    if (rt_is_class(v, CLS_NUMBER)) {
        *out = rt_to_double_unchecked(((JSWrapper *)rt_as_object(v))->value);
        return v;
    }
    return rt_throw_error(rt, ERR_TypeError, "Number.prototype.%s requires that 'this' be a Number", method);
}

/* ---- exact decimal digits ---------------------------------------------------------------- */

/* Digits of |x| (finite, non-zero) without leading or trailing zeros, and
 * `point`: the value is 0.DIGITS × 10^point. Returns the digit count. */
static int exact_digits(double x, char *digits, size_t cap, int *point) {
    char *tmp = malloc(1500);
    if (!tmp) return 0;
    snprintf(tmp, 1500, "%.1100f", fabs(x));
    char *dot = strchr(tmp, '.');
    int int_len = dot ? (int)(dot - tmp) : (int)strlen(tmp);
    int n = 0;
    int pt = int_len;
    bool leading = true;
    for (char *p = tmp; *p && (size_t)n + 1 < cap; p++) {
        if (*p == '.') continue;
        if (leading && *p == '0') { pt--; continue; }
        leading = false;
        digits[n++] = *p;
    }
    while (n > 0 && digits[n - 1] == '0') n--;
    digits[n] = 0;
    *point = pt;
    free(tmp);
    return n;
}

/* Rounds digits to k significant digits (ties up); may carry into a new
 * leading digit (point then grows). digits is padded with zeros to k. */
static void round_sig(char *digits, int *n, int k, int *point) {
    if (k < *n) {
        bool up = digits[k] >= '5';
        *n = k;
        digits[k] = 0;
        if (up) {
            int i = k - 1;
            while (i >= 0 && digits[i] == '9') digits[i--] = '0';
            if (i >= 0) {
                digits[i]++;
            } else {
                memmove(digits + 1, digits, (size_t)k + 1);
                digits[0] = '1';
                digits[k] = 0;
                (*point)++;
            }
        }
    }
    while (*n < k) digits[(*n)++] = '0';
    digits[*n] = 0;
}

RT_NATIVE(number_to_fixed) {
    double x = 0;
    TRYV(this_number(rt, this_val, "toFixed", &x));
    double f;
    TRY(rt_to_integer_or_infinity(rt, ARG(0), &f));
    if (!isfinite(f) || f < 0 || f > 100) return rt_throw_error(rt, ERR_RangeError, "toFixed() digits argument must be between 0 and 100");
    if (!isfinite(x) || fabs(x) >= 1e21) return rt_number_to_string(rt, x);
    int fd = (int)f;
    StrBuf sb;
    sb_init(&sb);
    if (x < 0) sb_putc(&sb, '-');
    char digits[1300];
    int point = 0, n = x == 0 ? 0 : exact_digits(x, digits, sizeof digits, &point);
    /* Keep point + fd digits (the integer part and fd decimals). */
    int keep = point + fd;
    char out[1400];
    int on = 0;
    if (keep < 0 || n == 0) {
        /* Everything rounds away (a tie here is impossible: keep < 0 means < 0.5 units). */
        on = 0;
    } else {
        int nn = n;
        if (keep == 0) {
            bool up = digits[0] >= '5';
            if (up) { out[on++] = '1'; point++; }
            keep = 0;
        } else {
            round_sig(digits, &nn, keep, &point);
            int total = point + fd;   /* one more than keep after a carry */
            memcpy(out, digits, (size_t)nn);
            on = nn;
            while (on < total) out[on++] = '0';
        }
    }
    /* out holds the digits of round(|x| × 10^fd); print them with fd decimals. */
    int int_digits = on - fd;
    if (int_digits <= 0) {
        sb_putc(&sb, '0');
        if (fd > 0) {
            sb_putc(&sb, '.');
            for (int i = 0; i < -int_digits; i++) sb_putc(&sb, '0');
            for (int i = 0; i < on; i++) sb_putc(&sb, (uint16_t)out[i]);
        }
    } else {
        for (int i = 0; i < int_digits; i++) sb_putc(&sb, (uint16_t)out[i]);
        if (fd > 0) {
            sb_putc(&sb, '.');
            for (int i = int_digits; i < on; i++) sb_putc(&sb, (uint16_t)out[i]);
        }
    }
    return sb_finish(rt, &sb);
}

static void put_exponent(StrBuf *sb, int e) {
    sb_printf(sb, "e%c%d", e < 0 ? '-' : '+', e < 0 ? -e : e);
}

RT_NATIVE(number_to_exponential) {
    double x = 0;
    TRYV(this_number(rt, this_val, "toExponential", &x));
    double f;
    TRY(rt_to_integer_or_infinity(rt, ARG(0), &f));
    if (!isfinite(x)) return rt_number_to_string(rt, x);
    if (!isfinite(f) || f < 0 || f > 100) return rt_throw_error(rt, ERR_RangeError, "toExponential() argument must be between 0 and 100");
    StrBuf sb;
    sb_init(&sb);
    if (x < 0) sb_putc(&sb, '-');
    char digits[1300];
    int point = 0, n;
    if (x == 0) {
        n = 0;
        point = 1;
        int k = rt_is_undefined(ARG(0)) ? 1 : (int)f + 1;
        for (int i = 0; i < k; i++) digits[n++] = '0';
        digits[n] = 0;
    } else if (rt_is_undefined(ARG(0))) {
        /* As many digits as the shortest round trip needs. */
        char buf[40];
        rt_double_to_cstr(fabs(x), buf);
        char mant[40];
        int mn = 0, exp10 = 0;
        char *e = strchr(buf, 'e');
        int seen_point = -1;
        for (char *p = buf; *p && p != e; p++) {
            if (*p == '.') { seen_point = mn; continue; }
            mant[mn++] = *p;
        }
        if (seen_point < 0) seen_point = mn;
        if (e) exp10 = atoi(e + 1);
        int lead = 0;
        while (lead < mn && mant[lead] == '0') lead++;
        n = 0;
        for (int i = lead; i < mn; i++) digits[n++] = mant[i];
        while (n > 1 && digits[n - 1] == '0') n--;
        digits[n] = 0;
        point = seen_point - lead + exp10;
    } else {
        n = exact_digits(x, digits, sizeof digits, &point);
        round_sig(digits, &n, (int)f + 1, &point);
    }
    sb_putc(&sb, (uint16_t)digits[0]);
    if (n > 1) {
        sb_putc(&sb, '.');
        for (int i = 1; i < n; i++) sb_putc(&sb, (uint16_t)digits[i]);
    }
    put_exponent(&sb, x == 0 ? 0 : point - 1);
    return sb_finish(rt, &sb);
}

RT_NATIVE(number_to_precision) {
    double x = 0;
    TRYV(this_number(rt, this_val, "toPrecision", &x));
    if (rt_is_undefined(ARG(0))) return rt_number_to_string(rt, x);
    double p;
    TRY(rt_to_integer_or_infinity(rt, ARG(0), &p));
    if (!isfinite(x)) return rt_number_to_string(rt, x);
    if (!isfinite(p) || p < 1 || p > 100) return rt_throw_error(rt, ERR_RangeError, "toPrecision() argument must be between 1 and 100");
    int k = (int)p;
    StrBuf sb;
    sb_init(&sb);
    if (x < 0) sb_putc(&sb, '-');
    char digits[1300];
    int point = 1, n = 0;
    if (x == 0) {
        for (int i = 0; i < k; i++) digits[n++] = '0';
        digits[n] = 0;
    } else {
        n = exact_digits(x, digits, sizeof digits, &point);
        round_sig(digits, &n, k, &point);
    }
    int e = point - 1;
    if (e < -6 || e >= k) {
        sb_putc(&sb, (uint16_t)digits[0]);
        if (k > 1) {
            sb_putc(&sb, '.');
            for (int i = 1; i < k; i++) sb_putc(&sb, (uint16_t)digits[i]);
        }
        put_exponent(&sb, e);
    } else if (e >= 0) {
        for (int i = 0; i <= e; i++) sb_putc(&sb, (uint16_t)digits[i]);
        if (k > e + 1) {
            sb_putc(&sb, '.');
            for (int i = e + 1; i < k; i++) sb_putc(&sb, (uint16_t)digits[i]);
        }
    } else {
        sb_puts(&sb, "0.");
        for (int i = 0; i < -(e + 1); i++) sb_putc(&sb, '0');
        for (int i = 0; i < k; i++) sb_putc(&sb, (uint16_t)digits[i]);
    }
    return sb_finish(rt, &sb);
}

RT_NATIVE(number_to_string) {
    double x = 0;
    TRYV(this_number(rt, this_val, "toString", &x));
    double radix = 10;
    if (!rt_is_undefined(ARG(0))) TRY(rt_to_integer_or_infinity(rt, ARG(0), &radix));
    if (radix < 2 || radix > 36) return rt_throw_error(rt, ERR_RangeError, "toString() radix must be between 2 and 36");
    if (radix == 10) return rt_number_to_string(rt, x);
    return rt_number_to_string_radix(rt, x, (int)radix);
}

/* en-US style: grouping commas, at most three decimals. */
RT_NATIVE(number_to_locale_string) {
    double x = 0;
    TRYV(this_number(rt, this_val, "toLocaleString", &x));
    if (isnan(x)) return rt_string_from_cstr(rt, "NaN");
    StrBuf sb;
    sb_init(&sb);
    if (signbit(x) && x != 0) sb_putc(&sb, '-');
    else if (x == 0 && signbit(x)) sb_putc(&sb, '-');
    if (isinf(x)) { sb_puts(&sb, "∞"); return sb_finish(rt, &sb); }
    if (fabs(x) >= 1e21) {
        /* Shortest digits, then zeros: 1e21 -> 1,000,000,000,000,000,000,000. */
        char buf[40], digits[40];
        rt_double_to_cstr(fabs(x), buf);
        int nd = 0, exp10 = 0, point = -1;
        for (char *p = buf; *p && *p != 'e'; p++) {
            if (*p == '.') point = nd; else digits[nd++] = *p;
        }
        char *e = strchr(buf, 'e');
        if (e) exp10 = atoi(e + 1);
        int int_len = (point < 0 ? nd : point) + exp10;
        for (int i = 0; i < int_len; i++) {
            if (i > 0 && (int_len - i) % 3 == 0) sb_putc(&sb, ',');
            sb_putc(&sb, i < nd ? (uint16_t)digits[i] : '0');
        }
        return sb_finish(rt, &sb);
    }
    Value v3 = rt_double(fabs(x));
    Value arg = rt_int(3);
    Value fixed = rt_call(rt, rt_get_cstr(rt, rt->intrinsics[INTR_NumberPrototype], "toFixed"), v3, 1, &arg);
    if (rt_is_exception(fixed)) { sb_free(&sb); return fixed; }
    JSString *fs = rt_as_string(fixed);
    uint32_t dot = fs->len;
    for (uint32_t i = 0; i < fs->len; i++) if (fs->chars[i] == '.') { dot = i; break; }
    for (uint32_t i = 0; i < dot; i++) {
        if (i > 0 && (dot - i) % 3 == 0) sb_putc(&sb, ',');
        sb_putc(&sb, fs->chars[i]);
    }
    uint32_t end = fs->len;
    while (end > dot + 1 && fs->chars[end - 1] == '0') end--;
    if (end > dot + 1) sb_put16(&sb, fs->chars + dot, end - dot);
    return sb_finish(rt, &sb);
}

RT_NATIVE(number_value_of) {
    double x = 0;
    TRYV(this_number(rt, this_val, "valueOf", &x));
    return rt_number(x);
}

RT_NATIVE(number_ctor) {
    double d = 0;
    if (argc > 0) {
        Value n = rt_to_numeric(rt, argv[0]);
        TRYV(n);
        d = rt_to_double_unchecked(n);
    }
    if (rt_is_undefined(new_target)) return rt_number(d);
    Value proto = rt_proto_from_ctor(rt, new_target, INTR_NumberPrototype);
    TRYV(proto);
    JSWrapper *w = (JSWrapper *)rt_object_new_class(rt, proto, CLS_NUMBER, sizeof(JSWrapper));
    w->value = rt_number(d);
    return rt_ptr(w);
}

enum { NP_INTEGER, NP_SAFE, NP_FINITE, NP_NAN };

RT_NATIVE(number_predicate) {
    Value v = ARG(0);
    if (!rt_is_number(v)) return RT_FALSE;
    double d = rt_to_double_unchecked(v);
    switch (self->magic) {
    case NP_INTEGER: return rt_bool(isfinite(d) && d == trunc(d));
    case NP_SAFE: return rt_bool(isfinite(d) && d == trunc(d) && fabs(d) <= 9007199254740991.0);
    case NP_FINITE: return rt_bool(isfinite(d));
    default: return rt_bool(isnan(d));
    }
}

/* ---- Boolean ------------------------------------------------------------------------------------ */

static Value this_boolean(Runtime *rt, Value v, const char *m) {
    if (rt_is_bool(v)) return v;
    if (rt_is_class(v, CLS_BOOLEAN)) return ((JSWrapper *)rt_as_object(v))->value;
    return rt_throw_error(rt, ERR_TypeError, "Boolean.prototype.%s requires that 'this' be a Boolean", m);
}

RT_NATIVE(boolean_ctor) {
    Value b = rt_bool(rt_to_boolean(ARG(0)));
    if (rt_is_undefined(new_target)) return b;
    Value proto = rt_proto_from_ctor(rt, new_target, INTR_BooleanPrototype);
    TRYV(proto);
    JSWrapper *w = (JSWrapper *)rt_object_new_class(rt, proto, CLS_BOOLEAN, sizeof(JSWrapper));
    w->value = b;
    return rt_ptr(w);
}

RT_NATIVE(boolean_to_string) {
    Value b = this_boolean(rt, this_val, "toString");
    TRYV(b);
    return rt_atom(rt, b == RT_TRUE ? ATOM_true_ : ATOM_false_);
}

RT_NATIVE(boolean_value_of) { return this_boolean(rt, this_val, "valueOf"); }

void rt_init_number(Runtime *rt) {
    JSWrapper *proto = (JSWrapper *)rt_object_new_class(rt, rt->intrinsics[INTR_ObjectPrototype], CLS_NUMBER,
                                                        sizeof(JSWrapper));
    proto->value = rt_int(0);
    rt->intrinsics[INTR_NumberPrototype] = rt_ptr(proto);
    JSNative *ctor = rt_define_ctor(rt, "Number", number_ctor, 1, &proto->base, 0);
    rt->intrinsics[INTR_Number] = rt_ptr(ctor);
    static const BuiltinMethod statics[] = {
        { "isFinite", number_predicate, 1, NP_FINITE },
        { "isInteger", number_predicate, 1, NP_INTEGER },
        { "isNaN", number_predicate, 1, NP_NAN },
        { "isSafeInteger", number_predicate, 1, NP_SAFE },
    };
    RT_DEFINE_METHODS(rt, &ctor->base, statics);
    struct { const char *name; double v; } consts[] = {
        { "MAX_VALUE", DBL_MAX }, { "MIN_VALUE", 5e-324 }, { "NaN", NAN },
        { "NEGATIVE_INFINITY", -INFINITY }, { "POSITIVE_INFINITY", INFINITY },
        { "MAX_SAFE_INTEGER", 9007199254740991.0 }, { "MIN_SAFE_INTEGER", -9007199254740991.0 },
        { "EPSILON", DBL_EPSILON },
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        rt_define_cstr(rt, &ctor->base, consts[i].name, rt_number(consts[i].v), 0);
    static const BuiltinMethod methods[] = {
        { "toExponential", number_to_exponential, 1, 0 },
        { "toFixed", number_to_fixed, 1, 0 },
        { "toPrecision", number_to_precision, 1, 0 },
        { "toString", number_to_string, 1, 0 },
        { "toLocaleString", number_to_locale_string, 0, 0 },
        { "valueOf", number_value_of, 0, 0 },
    };
    RT_DEFINE_METHODS(rt, &proto->base, methods);

    JSWrapper *bproto = (JSWrapper *)rt_object_new_class(rt, rt->intrinsics[INTR_ObjectPrototype], CLS_BOOLEAN,
                                                         sizeof(JSWrapper));
    bproto->value = RT_FALSE;
    rt->intrinsics[INTR_BooleanPrototype] = rt_ptr(bproto);
    JSNative *bctor = rt_define_ctor(rt, "Boolean", boolean_ctor, 1, &bproto->base, 0);
    rt->intrinsics[INTR_Boolean] = rt_ptr(bctor);
    rt_define_native(rt, &bproto->base, "toString", boolean_to_string, 0, 0);
    rt_define_native(rt, &bproto->base, "valueOf", boolean_value_of, 0, 0);
}
