/* test_builtins.c — the builtin library called from C: exact number
 * formatting (toFixed/toPrecision/toExponential, expectations printed by
 * Node.js 20), sort stability and comparator rules, JSON round trips and
 * error messages, strings, globals and property attributes. */
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

/* this.name(args…) */
static Value call(Runtime *rt, Value this_v, const char *name, int argc, Value *argv) {
    Value f = rt_get_cstr(rt, this_v, name);
    cr_assert(rt_is_callable(f), "%s is not callable", name);
    return rt_call(rt, f, this_v, argc, argv);
}

static Value global_fn(Runtime *rt, const char *obj, const char *name, int argc, Value *argv) {
    Value o = obj ? rt_get_cstr(rt, rt_ptr(rt->global), obj) : rt_ptr(rt->global);
    return call(rt, o, name, argc, argv);
}

static void expect_str(Value v, const char *want) {
    cr_assert(rt_is_string(v), "expected a string for %s", want);
    char *got = rt_string_to_utf8(v, NULL);
    cr_assert_str_eq(got, want);
    free(got);
}

static void expect_throw(Runtime *rt, Value r, const char *msg) {
    cr_assert(rt_is_exception(r));
    Value e = rt_take_exception(rt);
    expect_str(rt_get(rt, e, rt->atoms[ATOM_message]), msg);
}

static void fixed(Runtime *rt, double x, int d, const char *want) {
    Value a = rt_int(d);
    expect_str(call(rt, rt_double(x), "toFixed", 1, &a), want);
}

static void precision(Runtime *rt, double x, int d, const char *want) {
    Value a = rt_int(d);
    expect_str(call(rt, rt_double(x), "toPrecision", 1, &a), want);
}

Test(builtins, to_fixed) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    fixed(rt, 1.005, 2, "1.00");
    fixed(rt, 2.5, 0, "3");
    fixed(rt, 1.25, 1, "1.3");
    fixed(rt, 0.5, 0, "1");
    fixed(rt, -1.5, 0, "-2");
    fixed(rt, 1e21, 2, "1e+21");
    fixed(rt, 123.456, 1, "123.5");
    fixed(rt, 0.000001, 7, "0.0000010");
    fixed(rt, -0.0001, 2, "-0.00");
    fixed(rt, 1.45, 1, "1.4");
    fixed(rt, 8.345, 2, "8.35");
    fixed(rt, 0, 3, "0.000");
    fixed(rt, 1234.5678, 10, "1234.5678000000");
    Value bad = rt_int(101);
    expect_throw(rt, call(rt, rt_int(1), "toFixed", 1, &bad), "toFixed() digits argument must be between 0 and 100");
}

Test(builtins, to_precision_exponential) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    precision(rt, 123.456, 4, "123.5");
    precision(rt, 0.00001234, 2, "0.000012");
    precision(rt, 1e21, 3, "1.00e+21");
    precision(rt, 123456, 2, "1.2e+5");
    precision(rt, 2.5, 1, "3");
    precision(rt, 0, 3, "0.00");
    precision(rt, 99.99, 3, "100");
    precision(rt, 1e-7, 1, "1e-7");
    precision(rt, 5e-324, 2, "4.9e-324");
    Value two = rt_int(2), one = rt_int(1), three = rt_int(3);
    expect_str(call(rt, rt_double(123.456), "toExponential", 1, &two), "1.23e+2");
    expect_str(call(rt, rt_int(0), "toExponential", 0, NULL), "0e+0");
    expect_str(call(rt, rt_double(1.5e-7), "toExponential", 0, NULL), "1.5e-7");
    expect_str(call(rt, rt_int(12345), "toExponential", 0, NULL), "1.2345e+4");
    expect_str(call(rt, rt_double(1.25), "toExponential", 1, &one), "1.3e+0");
    expect_str(call(rt, rt_double(-6.02e23), "toExponential", 1, &three), "-6.020e+23");
    Value r16 = rt_int(16);
    expect_str(call(rt, rt_int(255), "toString", 1, &r16), "ff");
    expect_str(call(rt, rt_double(1234.5678), "toLocaleString", 0, NULL), "1,234.568");
}

/* Sorting objects by one key keeps the order of equal keys. */
Test(builtins, sort_stable) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    JSObject *a = rt_array_new(rt, 0);
    for (int i = 0; i < 200; i++) rt_array_push(rt, a, rt_int((i % 7) * 1000 + i));
    /* comparator: compare by x / 1000 only (integer division through Math.floor is not
     * available from C here, so sort with the default order on strings of the key). */
    Value keys_only = rt_ptr(rt_array_new(rt, 0));
    for (int i = 0; i < 200; i++) {
        char buf[16];
        snprintf(buf, sizeof buf, "%d", i % 7);
        rt_array_push(rt, rt_as_object(keys_only), S(rt, buf));
    }
    Value r = call(rt, keys_only, "sort", 0, NULL);
    cr_assert_eq(r, keys_only);
    for (int i = 1; i < 200; i++) {
        char *p = rt_string_to_utf8(rt_get_index(rt, keys_only, (uint32_t)i - 1), NULL);
        char *q = rt_string_to_utf8(rt_get_index(rt, keys_only, (uint32_t)i), NULL);
        cr_assert(strcmp(p, q) <= 0);
        free(p);
        free(q);
    }
    /* Default order is by strings: 10 < 9; undefined and holes go last. */
    JSObject *b = rt_array_new(rt, 6);
    rt_set_index(rt, rt_ptr(b), 0, rt_int(10), true);
    rt_set_index(rt, rt_ptr(b), 1, RT_UNDEFINED, true);
    rt_set_index(rt, rt_ptr(b), 2, rt_int(9), true);
    rt_set_index(rt, rt_ptr(b), 4, rt_int(1), true);
    call(rt, rt_ptr(b), "sort", 0, NULL);
    expect_str(rt_inspect(rt, rt_ptr(b)), "[ 1, 10, 9, undefined, <2 empty items> ]");
    (void)a;
}

Test(builtins, sort_comparator_stability) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    /* Objects {k, i}; the comparator of Array.prototype.sort is a native
     * here: Object.is returns false/true, i.e. 0/1, never negative, so a
     * stable sort must leave the array unchanged. */
    JSObject *a = rt_array_new(rt, 0);
    for (int i = 0; i < 50; i++) rt_array_push(rt, a, rt_int(50 - i));
    Value cmp = rt_get_cstr(rt, rt->intrinsics[INTR_Object], "is");
    call(rt, rt_ptr(a), "sort", 1, &cmp);
    for (int i = 0; i < 50; i++) cr_assert_eq(rt_get_index(rt, rt_ptr(a), (uint32_t)i), rt_int(50 - i));
    Value bad = rt_int(1);
    expect_throw(rt, call(rt, rt_ptr(a), "sort", 1, &bad),
                 "The comparison function must be either a function or undefined");
}

Test(builtins, json_round_trip) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    const char *texts[] = {
        "{\"a\":[1,2.5,-0.1,true,false,null],\"b\":{\"c\":\"x\\ny\\u0001\"},\"d\":[]}",
        "[1e+21,\"\\ud800\",\"\\\"q\\\"\",{}]",
        "\"\\u001f\"",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        Value t = S(rt, texts[i]);
        Value v = global_fn(rt, "JSON", "parse", 1, &t);
        cr_assert(!rt_is_exception(v));
        Value s = global_fn(rt, "JSON", "stringify", 1, &v);
        expect_str(s, texts[i]);
    }
    Value t = S(rt, "{\"a\":[1,{\"b\":2}],\"c\":\"x\"}");
    Value v = global_fn(rt, "JSON", "parse", 1, &t);
    Value args[3] = { v, RT_NULL, rt_int(2) };
    expect_str(global_fn(rt, "JSON", "stringify", 3, args),
               "{\n  \"a\": [\n    1,\n    {\n      \"b\": 2\n    }\n  ],\n  \"c\": \"x\"\n}");
}

Test(builtins, json_errors) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    struct { const char *text, *msg; } cases[] = {
        { "{\"a\":}", "Unexpected token '}', \"{\"a\":}\" is not valid JSON" },
        { "", "Unexpected end of JSON input" },
        { "{", "Expected property name or '}' in JSON at position 1" },
        { "[1 2]", "Expected ',' or ']' after array element in JSON at position 3" },
        { "{\"a\":1,}", "Expected double-quoted property name in JSON at position 7" },
        { "\"abc", "Unterminated string in JSON at position 4" },
        { "01", "Unexpected number in JSON at position 1" },
        { "1 2", "Unexpected non-whitespace character after JSON at position 2" },
        { "undefined", "\"undefined\" is not valid JSON" },
        { "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "Unexpected token 'x', \"xxxxxxxxxx\"... is not valid JSON" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Value t = S(rt, cases[i].text);
        expect_throw(rt, global_fn(rt, "JSON", "parse", 1, &t), cases[i].msg);
    }
    Value o = rt_ptr(rt_object_new(rt, rt->intrinsics[INTR_ObjectPrototype]));
    rt_define_cstr(rt, rt_as_object(o), "o", o, PROP_DEFAULT);
    expect_throw(rt, global_fn(rt, "JSON", "stringify", 1, &o),
                 "Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n"
                 "    --- property 'o' closes the circle");
}

Test(builtins, strings) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    Value s = S(rt, "  Hello, World  ");
    expect_str(call(rt, s, "trim", 0, NULL), "Hello, World");
    expect_str(call(rt, s, "toUpperCase", 0, NULL), "  HELLO, WORLD  ");
    Value args[2] = { S(rt, "o"), S(rt, "[$&]") };
    expect_str(call(rt, s, "replaceAll", 2, args), "  Hell[o], W[o]rld  ");
    Value sep = S(rt, ",");
    expect_str(rt_inspect(rt, call(rt, S(rt, "a,b,,c"), "split", 1, &sep)), "[ 'a', 'b', '', 'c' ]");
    Value pad[2] = { rt_int(5), S(rt, "ab") };
    expect_str(call(rt, S(rt, "x"), "padStart", 2, pad), "ababx");
    Value neg = rt_int(-1);
    expect_throw(rt, call(rt, S(rt, "x"), "repeat", 1, &neg), "Invalid count value: -1");
    expect_str(call(rt, S(rt, "STRASSE ß"), "toLowerCase", 0, NULL), "strasse ß");
    expect_str(call(rt, S(rt, "ß"), "toUpperCase", 0, NULL), "SS");
    Value cp = rt_int(0x1F600);
    expect_str(global_fn(rt, "String", "fromCodePoint", 1, &cp), "😀");
}

Test(builtins, globals) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    Value a = S(rt, "  0x1F");
    cr_assert_eq(global_fn(rt, NULL, "parseInt", 1, &a), rt_int(31));
    Value b[2] = { S(rt, "12abc"), rt_int(8) };
    cr_assert_eq(global_fn(rt, NULL, "parseInt", 2, b), rt_int(10));
    Value c = S(rt, "-0");
    Value r = global_fn(rt, NULL, "parseInt", 1, &c);
    cr_assert(rt_is_double(r) && signbit(rt_as_double(r)));
    Value d = S(rt, "3.14e2xyz");
    cr_assert_eq(global_fn(rt, NULL, "parseFloat", 1, &d), rt_int(314));
    Value e = S(rt, "a b&c/é😀");
    expect_str(global_fn(rt, NULL, "encodeURIComponent", 1, &e), "a%20b%26c%2F%C3%A9%F0%9F%98%80");
    Value f = S(rt, "%23%20");
    expect_str(global_fn(rt, NULL, "decodeURI", 1, &f), "%23 ");
    Value g = S(rt, "%E0%A4%A");
    expect_throw(rt, global_fn(rt, NULL, "decodeURIComponent", 1, &g), "URI malformed");
}

/* Builtin methods: writable, configurable, not enumerable; length/name read-only. */
Test(builtins, attributes) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    Value proto = rt->intrinsics[INTR_ArrayPrototype];
    Value args[2] = { proto, S(rt, "push") };
    Value d = global_fn(rt, "Object", "getOwnPropertyDescriptor", 2, args);
    expect_str(rt_inspect(rt, d), "{\n  value: [Function: push],\n  writable: true,\n  enumerable: false,\n  configurable: true\n}");
    Value push = rt_get_cstr(rt, proto, "push");
    Value args2[2] = { push, S(rt, "length") };
    d = global_fn(rt, "Object", "getOwnPropertyDescriptor", 2, args2);
    expect_str(rt_inspect(rt, d), "{ value: 1, writable: false, enumerable: false, configurable: true }");
    Value keys = global_fn(rt, "Object", "keys", 1, &proto);
    expect_str(rt_inspect(rt, keys), "[]");
    Value tag = call(rt, rt_ptr(rt_array_new(rt, 0)), "toString", 0, NULL);
    expect_str(tag, "");
    Value ots = rt->intrinsics[INTR_ObjectProtoToString];
    expect_str(rt_call(rt, ots, RT_NULL, 0, NULL), "[object Null]");
    expect_str(rt_call(rt, ots, proto, 0, NULL), "[object Array]");
}
