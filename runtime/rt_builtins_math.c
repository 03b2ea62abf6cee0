/* rt_builtins_math.c — the Math object (ECMA-262 §21.3): one table of
 * one-argument functions over libm, the few that take several arguments
 * (max, min, hypot, atan2, pow, imul), and Math.random, an xorshift64*
 * generator (Vigna 2016) whose state lives in the Runtime.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include "rt_builtins.h"

typedef double (*UnaryFn)(double);

static double js_sign(double x) { return isnan(x) ? x : x > 0 ? 1 : x < 0 ? -1 : x; }
static double js_round(double x) {
    if (!isfinite(x) || x == 0) return x;
    if (x > 0 && x < 0.5) return 0.0;
    if (x < 0 && x >= -0.5) return -0.0;
    double f = floor(x);
    return x - f >= 0.5 ? f + 1 : f;
}
static double js_fround(double x) { return (double)(float)x; }
static double js_clz32(double x) {
    uint32_t u = (uint32_t)rt_double_to_int32(x);
    return u == 0 ? 32 : __builtin_clz(u);
}
static double js_abs(double x) { return fabs(x); }
/* libm's cbrt may miss exact cubes by an ulp (cbrt(27) = 3.0000000000000004). */
static double js_cbrt(double x) {
    double r = cbrt(x), n = nearbyint(r);
    return n * n * n == x ? n : r;
}

static const struct { const char *name; UnaryFn fn; } unary[] = {
    { "abs", js_abs }, { "acos", acos }, { "acosh", acosh }, { "asin", asin }, { "asinh", asinh },
    { "atan", atan }, { "atanh", atanh }, { "cbrt", js_cbrt }, { "ceil", ceil }, { "clz32", js_clz32 },
    { "cos", cos }, { "cosh", cosh }, { "exp", exp }, { "expm1", expm1 }, { "floor", floor },
    { "fround", js_fround }, { "log", log }, { "log1p", log1p }, { "log10", log10 }, { "log2", log2 },
    { "round", js_round }, { "sign", js_sign }, { "sin", sin }, { "sinh", sinh }, { "sqrt", sqrt },
    { "tan", tan }, { "tanh", tanh }, { "trunc", trunc },
};

RT_NATIVE(math_unary) {
    double x;
    Value a = ARG(0);
    if (rt_is_int(a) && self->magic == 0) {  /* abs of a small integer stays an integer */
        int32_t i = rt_as_int(a);
        if (i != INT32_MIN) return rt_int(i < 0 ? -i : i);
    }
    if (rt_is_number(a)) x = rt_to_double_unchecked(a);
    else TRY(rt_to_number(rt, a, &x));
    return rt_number(unary[self->magic].fn(x));
}

RT_NATIVE(math_minmax) {
    bool is_max = self->magic;
    double r = is_max ? -INFINITY : INFINITY;
    bool nan = false;
    for (int i = 0; i < argc; i++) {
        double x;
        if (rt_is_number(argv[i])) x = rt_to_double_unchecked(argv[i]);
        else TRY(rt_to_number(rt, argv[i], &x));
        if (isnan(x)) { nan = true; continue; }
        if (is_max) {
            if (x > r || (x == 0 && r == 0 && !signbit(x))) r = x;
        } else {
            if (x < r || (x == 0 && r == 0 && signbit(x))) r = x;
        }
    }
    return nan ? rt_double(NAN) : rt_number(r);
}

RT_NATIVE(math_hypot) {
    double sum = 0, big = 0;
    bool inf = false, nan = false;
    double vals[64];
    int n = argc < 64 ? argc : 64;
    for (int i = 0; i < argc; i++) {
        double x;
        TRY(rt_to_number(rt, argv[i], &x));
        if (isinf(x)) inf = true;
        else if (isnan(x)) nan = true;
        if (i < 64) vals[i] = fabs(x);
        if (fabs(x) > big) big = fabs(x);
    }
    if (inf) return rt_double(INFINITY);
    if (nan) return rt_double(NAN);
    if (big == 0) return rt_int(0);
    if (argc > 64) {
        for (int i = 0; i < argc; i++) {
            double x = rt_to_double_unchecked(argv[i]);
            sum += (x / big) * (x / big);
        }
    } else {
        /* Scale by the largest term (avoids overflow), Kahan-summed. */
        double c = 0;
        for (int i = 0; i < n; i++) {
            double t = vals[i] / big;
            double y = t * t - c;
            double s2 = sum + y;
            c = (s2 - sum) - y;
            sum = s2;
        }
    }
    return rt_number(sqrt(sum) * big);
}

RT_NATIVE(math_atan2) {
    double y, x;
    TRY(rt_to_number(rt, ARG(0), &y));
    TRY(rt_to_number(rt, ARG(1), &x));
    return rt_number(atan2(y, x));
}

double rt_math_pow(double x, double y);
double rt_math_pow(double x, double y) {
    if (isnan(y)) return NAN;
    if (y == 0) return 1;
    if ((x == 1 || x == -1) && isinf(y)) return NAN;
    return pow(x, y);
}

RT_NATIVE(math_pow) {
    double x, y;
    TRY(rt_to_number(rt, ARG(0), &x));
    TRY(rt_to_number(rt, ARG(1), &y));
    return rt_number(rt_math_pow(x, y));
}

RT_NATIVE(math_imul) {
    int32_t a, b;
    TRY(rt_to_int32(rt, ARG(0), &a));
    TRY(rt_to_int32(rt, ARG(1), &b));
    return rt_int((int32_t)((uint32_t)a * (uint32_t)b));
}

RT_NATIVE(math_random) {
    uint64_t r = rt_random_next(rt) >> 11;
    return rt_double((double)r / 9007199254740992.0);
}

/* Math.sumPrecise (ES2026 §21.3.2.34): the exact sum of the finite values,
 * rounded once. Every double is an integer multiple of 2^-1074 below
 * 2^1024, so the sum is kept exactly as a fixed-point number: signed 32-bit
 * limbs (held in int64 so that carries can wait) from 2^-1074 upwards. */
enum { SUM_LIMBS = 72 };
typedef struct SumAcc {
    int64_t limb[SUM_LIMBS];
    uint32_t pending;                 /* additions since the last carry pass */
    bool pos_inf, neg_inf, nan, all_minus_zero;
} SumAcc;

static void sum_carry(SumAcc *a) {
    for (int i = 0; i + 1 < SUM_LIMBS; i++) {
        int64_t c = a->limb[i] >> 32;          /* arithmetic shift: floor division */
        a->limb[i] -= c * ((int64_t)1 << 32);
        a->limb[i + 1] += c;
    }
    a->pending = 0;
}

static int sum_step(Runtime *rt, Value v, void *ud) {
    SumAcc *a = ud;
    if (!rt_is_number(v)) {
        rt_throw_error(rt, ERR_TypeError, "Math.sumPrecise: value is not a number");
        return -1;
    }
    double d = rt_to_double_unchecked(v);
    if (isnan(d)) { a->nan = true; return 0; }
    if (isinf(d)) { if (d > 0) a->pos_inf = true; else a->neg_inf = true; return 0; }
    if (!(d == 0 && signbit(d))) a->all_minus_zero = false;
    if (d == 0) return 0;
    int e;
    double m = frexp(fabs(d), &e);                     /* |d| = m * 2^e, m in [0.5, 1) */
    uint64_t mant = (uint64_t)ldexp(m, 53);            /* |d| = mant * 2^(e-53) */
    int shift = e - 53 + 1074;                         /* bit position of mant's LSB */
    if (shift < 0) { mant >>= -shift; shift = 0; }     /* subnormal: the low bits are zero */
    int sign = d < 0 ? -1 : 1;
    int limb = shift / 32, off = shift % 32;
    unsigned __int128 wide = (unsigned __int128)mant << off;
    for (int i = limb; wide && i < SUM_LIMBS; i++, wide >>= 32) a->limb[i] += sign * (int64_t)(uint32_t)wide;
    if (++a->pending >= (1u << 30)) sum_carry(a);
    return 0;
}

RT_NATIVE(math_sum_precise) {
    if (!rt_is_object(ARG(0))) return rt_throw_error(rt, ERR_TypeError, "Math.sumPrecise requires an iterable object");
    SumAcc *a = calloc(1, sizeof *a);
    if (!a) return rt_throw_error(rt, ERR_RangeError, "Out of memory");
    a->all_minus_zero = true;
    if (rt_iterate(rt, ARG(0), sum_step, a) < 0) { free(a); return RT_EXCEPTION; }
    double r;
    if (a->nan || (a->pos_inf && a->neg_inf)) r = NAN;
    else if (a->pos_inf) r = INFINITY;
    else if (a->neg_inf) r = -INFINITY;
    else if (a->all_minus_zero) r = -0.0;
    else {
        sum_carry(a);
        bool neg = a->limb[SUM_LIMBS - 1] < 0;
        if (neg) {                                     /* magnitude: negate the limbs */
            for (int i = 0; i < SUM_LIMBS; i++) a->limb[i] = -a->limb[i];
            sum_carry(a);
        }
        int top = -1;                                  /* highest set bit */
        for (int i = SUM_LIMBS - 1; i >= 0 && top < 0; i--)
            if (a->limb[i]) top = i * 32 + 63 - __builtin_clzll((uint64_t)a->limb[i]);
        #define BIT(k) ((a->limb[(k) / 32] >> ((k) % 32)) & 1)
        if (top < 0) r = 0;
        else {
            int lo = top >= 52 ? top - 52 : 0;
            uint64_t mant = 0;
            for (int k = top; k >= lo; k--) mant = mant << 1 | (uint64_t)BIT(k);
            if (lo > 0) {                              /* round half to even */
                bool half = BIT(lo - 1), sticky = false;
                for (int k = lo - 2; k >= 0 && !sticky; k--) sticky = BIT(k);
                if (half && (sticky || (mant & 1))) mant++;
            }
            r = ldexp((double)mant, lo - 1074);        /* overflow gives Infinity */
        }
        #undef BIT
        if (neg) r = -r;
    }
    free(a);
    return rt_double(r);
}

void rt_init_math(Runtime *rt) {
    JSObject *m = rt_object_new(rt, rt->intrinsics[INTR_ObjectPrototype]);
    rt->intrinsics[INTR_Math] = rt_ptr(m);
    struct { const char *name; double v; } consts[] = {
        { "E", M_E }, { "LN10", M_LN10 }, { "LN2", M_LN2 }, { "LOG10E", M_LOG10E }, { "LOG2E", M_LOG2E },
        { "PI", M_PI }, { "SQRT1_2", M_SQRT1_2 }, { "SQRT2", M_SQRT2 },
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        rt_define_cstr(rt, m, consts[i].name, rt_double(consts[i].v), 0);
    for (size_t i = 0; i < sizeof unary / sizeof unary[0]; i++) {
        JSNative *f = rt_define_native(rt, m, unary[i].name, math_unary, 1, (int)i);
        if (unary[i].fn == js_abs) rt->intrinsics[INTR_MathAbs] = rt_ptr(f);
        if (unary[i].fn == sqrt) rt->intrinsics[INTR_MathSqrt] = rt_ptr(f);
    }
    static const BuiltinMethod methods[] = {
        { "atan2", math_atan2, 2, 0 },
        { "hypot", math_hypot, 2, 0 },
        { "imul", math_imul, 2, 0 },
        { "max", math_minmax, 2, 1 },
        { "min", math_minmax, 2, 0 },
        { "pow", math_pow, 2, 0 },
        { "random", math_random, 0, 0 },
        { "sumPrecise", math_sum_precise, 1, 0 },
    };
    RT_DEFINE_METHODS(rt, m, methods);
    rt_define_data(rt, m, rt->intrinsics[INTR_Sym_toStringTag], rt_string_from_cstr(rt, "Math"), PROP_CONFIGURABLE);
    rt_define_cstr(rt, rt->global, "Math", rt_ptr(m), PROP_HIDDEN);
}
