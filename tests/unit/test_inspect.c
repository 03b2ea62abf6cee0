/* test_inspect.c — console.log formatting (rt_inspect.c) against strings
 * printed by Node.js 20's util.inspect for the same values, built here
 * directly through the object API. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>

#include "runtime/rt_runtime.h"

static Runtime *new_rt(void *base) {
    Flags f;
    rt_flags_default(&f);
    return rt_new(&f, base);
}

static Value S(Runtime *rt, const char *s) { return rt_string_from_cstr(rt, s); }

static void expect_inspect(Runtime *rt, Value v, const char *want) {
    Value s = rt_inspect(rt, v);
    cr_assert(rt_is_string(s), "inspect threw");
    char *got = rt_string_to_utf8(s, NULL);
    cr_assert_str_eq(got, want);
    free(got);
}

static Value arr(Runtime *rt, const Value *v, uint32_t n) { return rt_ptr(rt_array_from(rt, v, n)); }

static Value obj(Runtime *rt) { return rt_ptr(rt_object_new(rt, rt->intrinsics[INTR_ObjectPrototype])); }

static void put(Runtime *rt, Value o, const char *k, Value v) {
    rt_define_cstr(rt, rt_as_object(o), k, v, PROP_DEFAULT);
}

Test(inspect, primitives) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    expect_inspect(rt, rt_int(1), "1");
    expect_inspect(rt, rt_double(-0.0), "-0");
    expect_inspect(rt, rt_double(NAN), "NaN");
    expect_inspect(rt, rt_double(-INFINITY), "-Infinity");
    expect_inspect(rt, rt_double(1e21), "1e+21");
    expect_inspect(rt, RT_NULL, "null");
    expect_inspect(rt, RT_UNDEFINED, "undefined");
    expect_inspect(rt, RT_TRUE, "true");
    expect_inspect(rt, S(rt, "it's"), "\"it's\"");
    expect_inspect(rt, S(rt, "a\nb"), "'a\\nb'");
}

Test(inspect, arrays) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    Value nums[] = { rt_int(1), rt_double(-0.0), rt_double(NAN), rt_double(INFINITY), rt_double(1.5) };
    expect_inspect(rt, arr(rt, nums, 5), "[ 1, -0, NaN, Infinity, 1.5 ]");
    expect_inspect(rt, arr(rt, NULL, 0), "[]");
    Value strs[] = { S(rt, "it's"), S(rt, "say \"hi\""), S(rt, "both ' and \""), S(rt, "a\nb") };
    expect_inspect(rt, arr(rt, strs, 4), "[ \"it's\", 'say \"hi\"', `both ' and \"`, 'a\\nb' ]");
    Value mixed[] = { rt_int(1), S(rt, "a"), RT_NULL, RT_UNDEFINED, RT_TRUE };
    expect_inspect(rt, arr(rt, mixed, 5), "[ 1, 'a', null, undefined, true ]");
}

Test(inspect, holes) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    JSObject *a = rt_array_new(rt, 6);
    rt_set_index(rt, rt_ptr(a), 0, rt_int(1), true);
    rt_set_index(rt, rt_ptr(a), 2, rt_int(3), true);
    rt_set_index(rt, rt_ptr(a), 5, rt_int(6), true);
    expect_inspect(rt, rt_ptr(a), "[ 1, <1 empty item>, 3, <2 empty items>, 6 ]");
    expect_inspect(rt, rt_ptr(rt_array_new(rt, 3)), "[ <3 empty items> ]");
}

Test(inspect, grouping) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    Value v[150];
    for (int i = 0; i < 150; i++) v[i] = rt_int(i + 1);
    expect_inspect(rt, arr(rt, v, 27),
                   "[\n   1,  2,  3,  4,  5,  6,  7,  8,\n   9, 10, 11, 12, 13, 14, 15, 16,\n"
                   "  17, 18, 19, 20, 21, 22, 23, 24,\n  25, 26, 27\n]");
    for (int i = 0; i < 150; i++) v[i] = rt_int(i);
    expect_inspect(rt, arr(rt, v, 150),
                   "[\n   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,\n"
                   "  12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,\n"
                   "  24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,\n"
                   "  36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,\n"
                   "  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,\n"
                   "  60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,\n"
                   "  72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83,\n"
                   "  84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,\n"
                   "  96, 97, 98, 99,\n  ... 50 more items\n]");
    const char *w[] = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta" };
    for (int i = 0; i < 8; i++) v[i] = S(rt, w[i]);
    expect_inspect(rt, arr(rt, v, 8),
                   "[\n  'alpha',   'beta',\n  'gamma',   'delta',\n  'epsilon', 'zeta',\n  'eta',     'theta'\n]");
}

Test(inspect, objects) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    expect_inspect(rt, obj(rt), "{}");
    Value o = obj(rt);
    put(rt, o, "a-b", rt_int(1));
    put(rt, o, "1", rt_int(2));
    put(rt, o, "$d", rt_int(3));
    put(rt, o, "_u", rt_int(4));
    expect_inspect(rt, o, "{ '1': 2, 'a-b': 1, '$d': 3, _u: 4 }");
    Value w = obj(rt);
    put(rt, w, "alpha", S(rt, "aaaaaaaaaa"));
    put(rt, w, "beta", S(rt, "bbbbbbbbbb"));
    put(rt, w, "gamma", S(rt, "cccccccccc"));
    put(rt, w, "delta", S(rt, "dd"));
    expect_inspect(rt, w, "{\n  alpha: 'aaaaaaaaaa',\n  beta: 'bbbbbbbbbb',\n  gamma: 'cccccccccc',\n  delta: 'dd'\n}");
    Value d = obj(rt), c = obj(rt), b = obj(rt), a = obj(rt);
    put(rt, d, "d", rt_int(1));
    put(rt, c, "c", d);
    put(rt, b, "b", c);
    put(rt, a, "a", b);
    expect_inspect(rt, a, "{ a: { b: { c: [Object] } } }");
    expect_inspect(rt, rt_ptr(rt_object_new(rt, RT_NULL)), "[Object: null prototype] {}");
}

Test(inspect, circular_and_accessors) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    Value o = obj(rt);
    put(rt, o, "a", rt_int(1));
    put(rt, o, "self", o);
    expect_inspect(rt, o, "<ref *1> { a: 1, self: [Circular *1] }");
    Value g = obj(rt);
    Value fn = rt_get_cstr(rt, rt->intrinsics[INTR_Object], "keys");
    rt_define_accessor(rt, rt_as_object(g), rt_intern_cstr(rt, "g"), fn, RT_UNDEFINED, PROP_DEFAULT & ~PROP_WRITABLE);
    rt_define_accessor(rt, rt_as_object(g), rt_intern_cstr(rt, "gs"), fn, fn, PROP_DEFAULT & ~PROP_WRITABLE);
    expect_inspect(rt, g, "{ g: [Getter], gs: [Getter/Setter] }");
}

Test(inspect, functions_and_boxes) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    expect_inspect(rt, rt_get_cstr(rt, rt->intrinsics[INTR_Object], "keys"), "[Function: keys]");
    expect_inspect(rt, rt->intrinsics[INTR_Array], "[Function: Array]");
    expect_inspect(rt, rt_to_object(rt, rt_int(3)), "[Number: 3]");
    expect_inspect(rt, rt_to_object(rt, S(rt, "x")), "[String: 'x']");
    expect_inspect(rt, rt_to_object(rt, RT_FALSE), "[Boolean: false]");
    expect_inspect(rt, rt->intrinsics[INTR_Math], "Object [Math] {}");
    expect_inspect(rt, rt->intrinsics[INTR_Sym_iterator], "Symbol(Symbol.iterator)");
}

Test(inspect, format_directives) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    Value args[] = { S(rt, "%s|%d|%i|%j|%%|%x"), S(rt, "str"), rt_double(42.5), rt_double(42.5), obj(rt), rt_int(7) };
    rt_console_print(rt, f, 6, args);
    Value args2[] = { S(rt, "a"), rt_int(1), RT_NULL };
    rt_console_print(rt, f, 3, args2);
    fclose(f);
    cr_assert_str_eq(buf, "str|42.5|42|{}|%|%x 7\na 1 null\n");
    free(buf);
}
