/* rt_numconv.c — exact conversions between Numbers and strings.
 *
 * Number::toString (ECMA-262 §6.1.6.1.20) asks for the fewest decimal digits
 * that read back as the same double (the "shortest round-trip" property of
 * Steele & White 1990 and Gay 1990). We get it the plain way: C's "%.*e" is
 * correctly rounded, so the smallest precision 1..17 whose output strtod
 * reads back to the same double gives exactly the digits the spec asks for
 * (the nearest k-digit decimal, when one round-trips). The digits are then laid
 * out by the spec's rules (plain up to 21 integer digits, "0.000001" down to
 * 1e-6, exponent form otherwise).
 *
 * Radix conversion follows the spec's freedom for non-decimal radices: the
 * integer part digit by digit, the fraction until it is within half an ulp
 * of the value (the same criterion V8 uses, so outputs match Node).
 *
 * StringToNumber (§7.1.4.1.1) validates the grammar by hand and then lets
 * strtod do the correctly rounded decimal conversion; binary, octal and hex
 * literals are rounded here (round half to even on the 53-bit mantissa).
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt_heap_internal.h"

/* ---- Number -> decimal string ---------------------------------------------------- */

/* The correctly rounded p-digit decimal of d: digits[0..p-1], and the
 * position of the decimal point (d ~ 0.d1d2..dp x 10^point). */
static void rounded_digits(double d, int p, char digits[20], int *point) {
    char buf[40];
    snprintf(buf, sizeof buf, "%.*e", p - 1, d);
    int k = 0;
    char *c = buf;
    for (; *c && *c != 'e'; c++)
        if (*c >= '0' && *c <= '9' && k < 19) digits[k++] = *c;
    digits[k] = 0;
    *point = atoi(c + 1) + 1;
}

static bool reads_back(const char *digits, int k, int point, double d) {
    char buf[48];
    snprintf(buf, sizeof buf, "0.%.*se%d", k, digits, point);
    return strtod(buf, NULL) == d;
}

/* Moves a k-digit decimal one unit in its last place up (dir > 0) or down,
 * keeping k digits. */
static void step_digits(char *digits, int k, int *point, int dir) {
    int i = k - 1;
    if (dir > 0) {
        while (i >= 0 && digits[i] == '9') digits[i--] = '0';
        if (i >= 0) digits[i]++;
        else { digits[0] = '1'; (*point)++; }
    } else {
        while (i >= 0 && digits[i] == '0') digits[i--] = '9';
        if (i >= 0) digits[i]--;
        if (digits[0] == '0') { /* 1000 -> 0999: renormalise to 9999 */
            memmove(digits, digits + 1, (size_t)k - 1);
            digits[k - 1] = '9';
            (*point)--;
        }
    }
}

/* Shortest digits of d > 0 (finite): digits[] without dot, returns count k;
 * *point = n such that d = 0.d1d2..dk x 10^n. */
static int shortest_digits(double d, char digits[20], int *point) {
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    int k;
    if ((bits & 0xFFFFFFFFFFFFFULL) != 0) {
        /* A symmetric rounding interval: if p digits read back exactly, so
         * do p+1 (the nearest (p+1)-digit decimal is no farther away), so
         * the smallest p is found by bisection. */
        int lo = 1, hi = 17;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            rounded_digits(d, mid, digits, point);
            if (reads_back(digits, mid, *point, d)) hi = mid;
            else lo = mid + 1;
        }
        k = lo;
        rounded_digits(d, k, digits, point);
    } else {
        /* A power of two: the interval is narrower below than above, so a
         * p-digit decimal that is not the nearest one may still read back
         * (the spec takes it: fewest digits first, then closest). */
        for (k = 1; k < 17; k++) {
            rounded_digits(d, k, digits, point);
            if (reads_back(digits, k, *point, d)) break;
            char alt[20];
            int ap;
            bool found = false;
            for (int dir = 1; dir >= -1 && !found; dir -= 2) {
                memcpy(alt, digits, 20);
                ap = *point;
                step_digits(alt, k, &ap, dir);
                if (reads_back(alt, k, ap, d)) found = true;
            }
            if (found) {
                memcpy(digits, alt, 20);
                *point = ap;
                break;
            }
        }
        if (k == 17) rounded_digits(d, k, digits, point);
    }
    while (k > 1 && digits[k - 1] == '0') k--;
    digits[k] = 0;
    return k;
}

void rt_double_to_cstr(double d, char out[40]) {
    if (d != d) { strcpy(out, "NaN"); return; }
    if (d == 0) { strcpy(out, "0"); return; }
    if (isinf(d)) { strcpy(out, d < 0 ? "-Infinity" : "Infinity"); return; }
    char *o = out;
    if (d < 0) { *o++ = '-'; d = -d; }
    if (d < 9007199254740992.0 && d == floor(d)) { /* exact integers print directly */
        snprintf(o, 32, "%.0f", d);
        return;
    }
    char digits[20];
    int n;
    int k = shortest_digits(d, digits, &n);
    if (k <= n && n <= 21) {
        memcpy(o, digits, (size_t)k);
        o += k;
        for (int i = 0; i < n - k; i++) *o++ = '0';
    } else if (0 < n && n <= 21) {
        memcpy(o, digits, (size_t)n);
        o += n;
        *o++ = '.';
        memcpy(o, digits + n, (size_t)(k - n));
        o += k - n;
    } else if (-6 < n && n <= 0) {
        *o++ = '0';
        *o++ = '.';
        for (int i = 0; i < -n; i++) *o++ = '0';
        memcpy(o, digits, (size_t)k);
        o += k;
    } else {
        *o++ = digits[0];
        if (k > 1) {
            *o++ = '.';
            memcpy(o, digits + 1, (size_t)(k - 1));
            o += k - 1;
        }
        int e = n - 1;
        o += sprintf(o, "e%c%d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    }
    *o = 0;
}

Value rt_number_to_string(Runtime *rt, double d) {
    char buf[40];
    if (d >= 0 && d < 10 && d == (int)d) { /* one-digit strings are common keys */
        char c[2] = {(char)('0' + (int)d), 0};
        return rt_intern_cstr(rt, c);
    }
    rt_double_to_cstr(d, buf);
    return rt_string_from_cstr(rt, buf);
}

/* ---- Number -> radix string ------------------------------------------------------------ */

static const char radix_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

Value rt_number_to_string_radix(Runtime *rt, double d, int radix) {
    if (radix == 10 || radix < 2 || radix > 36 || d != d || isinf(d) || d == 0)
        return rt_number_to_string(rt, d);
    bool neg = d < 0;
    if (neg) d = -d;
    double ip = floor(d), fp = d - ip;
    /* 1100 integer digits cover 2^1024 in base 2; 1100 fraction digits cover
     * the 1074 binary places of the smallest denormal. */
    char ibuf[1100], fbuf[1100];
    int ilen = 0, flen = 0;
    /* Fraction: emit digits until the rest is below half an ulp of d. */
    double delta = 0.5 * (nextafter(d, INFINITY) - d);
    if (delta <= 0) delta = nextafter(0.0, 1.0);
    if (fp >= delta) {
        do {
            fp *= radix;
            delta *= radix;
            int digit = (int)fp;
            fbuf[flen++] = (char)digit;
            fp -= digit;
            if (fp > 0.5 || (fp == 0.5 && (digit & 1))) {
                if (fp + delta > 1) {
                    /* round up, carrying into earlier digits or the integer */
                    for (;;) {
                        if (flen == 0) { ip += 1; break; }
                        int dd = fbuf[flen - 1] + 1;
                        if (dd < radix) { fbuf[flen - 1] = (char)dd; break; }
                        flen--;
                    }
                    break;
                }
            }
        } while (fp >= delta && flen < (int)sizeof fbuf - 1);
    }
    /* Integer part: past 2^53 the low digits are not significant; they are
     * zeros (dividing first keeps the remainder computation exact). */
    char rev[1100];
    int rlen = 0;
    while (ip / radix >= 9007199254740992.0 && rlen < (int)sizeof rev - 1) {
        ip /= radix;
        rev[rlen++] = '0';
    }
    do {
        double r = fmod(ip, radix);
        rev[rlen++] = radix_chars[(int)r];
        ip = (ip - r) / radix;
    } while (ip > 0 && rlen < (int)sizeof rev - 1);
    if (neg) ibuf[ilen++] = '-';
    while (rlen > 0) ibuf[ilen++] = rev[--rlen];
    char out[2300];
    memcpy(out, ibuf, (size_t)ilen);
    int o = ilen;
    if (flen > 0) {
        out[o++] = '.';
        for (int i = 0; i < flen; i++) out[o++] = radix_chars[(int)fbuf[i]];
    }
    out[o] = 0;
    return rt_string_from_utf8(rt, out, (size_t)o);
}

/* ---- String -> Number ---------------------------------------------------------------- */

static bool is_js_space(uint16_t c) {
    switch (c) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20: case 0xA0:
    case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

static int digit_value(uint16_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/* Digits of a power-of-two radix, correctly rounded to a double. */
static double parse_pow2(const uint16_t *u, uint32_t n, int bits) {
    uint64_t m = 0;
    int mbits = 0;       /* significant bits in m */
    long extra = 0;      /* bits dropped past the 64 we keep */
    bool sticky = false;
    int radix = 1 << bits;
    for (uint32_t i = 0; i < n; i++) {
        int d = digit_value(u[i]);
        if (d >= radix) return NAN;
        for (int b = bits - 1; b >= 0; b--) {
            int bit = (d >> b) & 1;
            if (mbits == 0 && !bit) continue;
            if (mbits < 64) {
                m = (m << 1) | (uint64_t)bit;
                mbits++;
            } else {
                extra++;
                sticky |= bit;
            }
        }
    }
    if (mbits <= 53) return ldexp((double)m, (int)extra);
    int shift = mbits - 53;
    uint64_t kept = m >> shift;
    uint64_t rest = m & ((1ULL << shift) - 1);
    uint64_t half = 1ULL << (shift - 1);
    if (rest > half || (rest == half && (sticky || (kept & 1)))) kept++; /* ties to even */
    if (extra > 4000) return INFINITY;
    return ldexp((double)kept, shift + (int)extra);
}

double rt_string_to_number(JSString *s) {
    const uint16_t *u = s->chars;
    uint32_t a = 0, b = s->len;
    while (a < b && is_js_space(u[a])) a++;
    while (b > a && is_js_space(u[b - 1])) b--;
    if (a == b) return 0;
    u += a;
    uint32_t n = b - a;
    if (n > 2 && u[0] == '0') {
        int bits = 0;
        if (u[1] == 'x' || u[1] == 'X') bits = 4;
        else if (u[1] == 'o' || u[1] == 'O') bits = 3;
        else if (u[1] == 'b' || u[1] == 'B') bits = 1;
        if (bits) return parse_pow2(u + 2, n - 2, bits);
    }
    uint32_t i = 0;
    bool neg = false;
    if (u[0] == '+' || u[0] == '-') { neg = u[0] == '-'; i++; }
    static const char inf[] = "Infinity";
    if (n - i == 8) {
        bool match = true;
        for (int k = 0; k < 8; k++)
            if (u[i + k] != (uint16_t)inf[k]) { match = false; break; }
        if (match) return neg ? -INFINITY : INFINITY;
    }
    /* StrUnsignedDecimalLiteral: digits [. digits] | . digits, then [eE][+-]digits */
    uint32_t int_digits = 0, frac_digits = 0;
    while (i < n && u[i] >= '0' && u[i] <= '9') { i++; int_digits++; }
    if (i < n && u[i] == '.') {
        i++;
        while (i < n && u[i] >= '0' && u[i] <= '9') { i++; frac_digits++; }
    }
    if (int_digits + frac_digits == 0) return NAN;
    if (i < n && (u[i] == 'e' || u[i] == 'E')) {
        i++;
        if (i < n && (u[i] == '+' || u[i] == '-')) i++;
        uint32_t exp_digits = 0;
        while (i < n && u[i] >= '0' && u[i] <= '9') { i++; exp_digits++; }
        if (!exp_digits) return NAN;
    }
    if (i != n) return NAN;
    char small[64];
    char *buf = n < sizeof small ? small : malloc(n + 1);
    if (!buf) return NAN;
    for (uint32_t k = 0; k < n; k++) buf[k] = (char)u[k];
    buf[n] = 0;
    double d = strtod(buf, NULL);
    if (buf != small) free(buf);
    return d;
}
