/* rt_builtins_math.c — the Math object (ECMA-262 §21.3): one table of
 * one-argument functions over libm, the few that take several arguments
 * (max, min, hypot, atan2, pow, imul), and Math.random, an xorshift64*
 * generator (Vigna 2016) whose state lives in the Runtime.
 */
#include <float.h>
#include <math.h>
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

void rt_init_math(Runtime *rt) {
    JSObject *m = rt_object_new(rt, rt->intrinsics[INTR_ObjectPrototype]);
    rt->intrinsics[INTR_Math] = rt_ptr(m);
    struct { const char *name; double v; } consts[] = {
        { "E", M_E }, { "LN10", M_LN10 }, { "LN2", M_LN2 }, { "LOG10E", M_LOG10E }, { "LOG2E", M_LOG2E },
        { "PI", M_PI }, { "SQRT1_2", M_SQRT1_2 }, { "SQRT2", M_SQRT2 },
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        rt_define_cstr(rt, m, consts[i].name, rt_double(consts[i].v), 0);
    for (size_t i = 0; i < sizeof unary / sizeof unary[0]; i++)
        rt_define_native(rt, m, unary[i].name, math_unary, 1, (int)i);
    static const BuiltinMethod methods[] = {
        { "atan2", math_atan2, 2, 0 },
        { "hypot", math_hypot, 2, 0 },
        { "imul", math_imul, 2, 0 },
        { "max", math_minmax, 2, 1 },
        { "min", math_minmax, 2, 0 },
        { "pow", math_pow, 2, 0 },
        { "random", math_random, 0, 0 },
    };
    RT_DEFINE_METHODS(rt, m, methods);
    rt_define_data(rt, m, rt->intrinsics[INTR_Sym_toStringTag], rt_string_from_cstr(rt, "Math"), PROP_CONFIGURABLE);
    rt_define_cstr(rt, rt->global, "Math", rt_ptr(m), PROP_HIDDEN);
}
