/* test_string.c — UTF-16 strings: UTF-8 round trips, comparison, concat,
 * interning, Number::toString (shortest round-trip), radix conversion and
 * StringToNumber. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/rt_runtime.h"

static Runtime *new_rt(void *base) {
    Flags f;
    rt_flags_default(&f);
    return rt_new(&f, base);
}

static void expect_utf8(Value s, const char *want) {
    size_t n;
    char *got = rt_string_to_utf8(s, &n);
    cr_assert_str_eq(got, want);
    cr_assert_eq(n, strlen(want));
    free(got);
}

Test(string, utf8_round_trip) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    const char *samples[] = {"", "hello", "h\xC3\xA9llo", "\xE2\x82\xAC 5", "emoji \xF0\x9F\x98\x80!", "\xE4\xB8\xAD\xE6\x96\x87"};
    for (size_t i = 0; i < sizeof samples / sizeof *samples; i++)
        expect_utf8(rt_string_from_cstr(rt, samples[i]), samples[i]);
    Value e = rt_string_from_cstr(rt, "\xF0\x9F\x98\x80");
    cr_assert_eq(rt_as_string(e)->len, 2); /* a surrogate pair */
    cr_assert_eq(rt_as_string(e)->chars[0], 0xD83D);
    cr_assert_eq(rt_as_string(e)->chars[1], 0xDE00);
    rt_free(rt);
}

Test(string, invalid_utf8_and_lone_surrogates) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    Value s = rt_string_from_utf8(rt, "a\xFF" "b", 3);
    cr_assert_eq(rt_as_string(s)->len, 3);
    cr_assert_eq(rt_as_string(s)->chars[1], 0xFFFD);
    /* maximal subparts, as Node decodes them: a\uFFFDb then four \uFFFD then c */
    expect_utf8(rt_string_from_utf8(rt, "a\xE2\x82" "b\xF0\x9F\x98\xED\xA0\x80" "c", 11),
                "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "c");
    uint16_t lone[] = {'x', 0xD800, 'y', 0xDC00};
    expect_utf8(rt_string_from_utf16(rt, lone, 4), "x\xEF\xBF\xBDy\xEF\xBF\xBD");
    rt_free(rt);
}

Test(string, compare_concat_substring) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    Value a = rt_string_from_cstr(rt, "abc"), b = rt_string_from_cstr(rt, "abd");
    cr_assert_lt(rt_string_compare(rt_as_string(a), rt_as_string(b)), 0);
    cr_assert_gt(rt_string_compare(rt_as_string(b), rt_as_string(a)), 0);
    cr_assert_lt(rt_string_compare(rt_as_string(rt_string_from_cstr(rt, "ab")), rt_as_string(a)), 0);
    cr_assert_eq(rt_string_compare(rt_as_string(a), rt_as_string(rt_string_from_cstr(rt, "abc"))), 0);
    /* code-unit order, not code-point order: a surrogate pair (0xD83D...) sorts before U+FF61 */
    Value hi = rt_string_from_cstr(rt, "\xEF\xBD\xA1"), pair = rt_string_from_cstr(rt, "\xF0\x9F\x98\x80");
    cr_assert_lt(rt_string_compare(rt_as_string(pair), rt_as_string(hi)), 0);
    Value c = rt_string_concat(rt, a, b);
    expect_utf8(c, "abcabd");
    expect_utf8(rt_string_substring(rt, c, 2, 4), "ca");
    cr_assert_eq(rt_string_concat(rt, a, rt->atoms[ATOM_empty]), a);
    cr_assert(rt_string_equal(rt_as_string(rt_string_from_cstr(rt, "abc")), rt_as_string(a)));
    cr_assert(rt_string_equals_cstr(a, "abc"));
    cr_assert(!rt_string_equals_cstr(a, "abcd"));
    Value s = rt->atoms[ATOM_empty];
    for (int i = 0; i < 20000; i++) s = rt_string_concat(rt, s, rt_string_from_cstr(rt, "z"));
    cr_assert_eq(rt_as_string(s)->len, 20000);
    rt_free(rt);
}

Test(string, interning) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    Value a = rt_intern(rt, rt_string_from_cstr(rt, "key"));
    Value b = rt_intern_cstr(rt, "key");
    uint16_t u[] = {'k', 'e', 'y'};
    cr_assert_eq(a, b);
    cr_assert_eq(rt_intern_utf16(rt, u, 3), a);
    cr_assert_neq(rt_intern_cstr(rt, "key2"), a);
    rt_free(rt);
}

static const struct { double d; const char *s; } num_cases[] = {
    {0.0, "0"}, {-0.0, "0"}, {1, "1"}, {-1, "-1"}, {0.1, "0.1"},
    {0.1 + 0.2, "0.30000000000000004"}, {1e21, "1e+21"}, {1e20, "100000000000000000000"},
    {123456789012345680000.0, "123456789012345680000"}, {1.5e-7, "1.5e-7"}, {1e-6, "0.000001"},
    {1e-7, "1e-7"}, {5e-324, "5e-324"}, {1.7976931348623157e308, "1.7976931348623157e+308"},
    {NAN, "NaN"}, {INFINITY, "Infinity"}, {-INFINITY, "-Infinity"}, {3.25, "3.25"}, {-3.25, "-3.25"},
    {100, "100"}, {2147483648.0, "2147483648"}, {9007199254740993.0, "9007199254740992"},
    {1.2345e25, "1.2345e+25"}, {0.000123, "0.000123"}, {123.456, "123.456"}, {2.5e-5, "0.000025"},
    {1 / 3.0, "0.3333333333333333"}, {4.35, "4.35"}, {0.5, "0.5"}, {1e100, "1e+100"},
    {2.2250738585072014e-308, "2.2250738585072014e-308"}, {-1.5e300, "-1.5e+300"},
    {-0x1p-695, "-6.083493012144512e-210"}, {0x1p+172, "5.986310706507379e+51"}, /* powers of two */
};

Test(string, number_to_string) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    for (size_t i = 0; i < sizeof num_cases / sizeof *num_cases; i++) {
        char buf[40];
        rt_double_to_cstr(num_cases[i].d, buf);
        cr_expect_str_eq(buf, num_cases[i].s, "case %zu", i);
        expect_utf8(rt_number_to_string(rt, num_cases[i].d), num_cases[i].s);
    }
    rt_free(rt);
}

Test(string, number_to_string_radix) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    expect_utf8(rt_number_to_string_radix(rt, 255, 16), "ff");
    expect_utf8(rt_number_to_string_radix(rt, 255, 2), "11111111");
    expect_utf8(rt_number_to_string_radix(rt, -255, 36), "-73");
    expect_utf8(rt_number_to_string_radix(rt, 0.5, 2), "0.1");
    expect_utf8(rt_number_to_string_radix(rt, 0.1, 3), "0.0022002200220022002200220022002201");
    expect_utf8(rt_number_to_string_radix(rt, 3.75, 16), "3.c");
    expect_utf8(rt_number_to_string_radix(rt, 1e21, 36), "5v1j4f4ds7c000");
    expect_utf8(rt_number_to_string_radix(rt, 1152921504606846976.0, 3), "21200101122222021102111220121112210000");
    expect_utf8(rt_number_to_string_radix(rt, 123.456, 7), "234.312256641535441");
    expect_utf8(rt_number_to_string_radix(rt, 3.141592653589793, 2), "11.001001000011111101101010100010001000010110100011");
    expect_utf8(rt_number_to_string_radix(rt, NAN, 2), "NaN");
    expect_utf8(rt_number_to_string_radix(rt, 0, 7), "0");
    rt_free(rt);
}

static double s2n(Runtime *rt, const char *s) {
    return rt_string_to_number(rt_as_string(rt_string_from_cstr(rt, s)));
}

Test(string, string_to_number) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    cr_assert_eq(s2n(rt, ""), 0);
    cr_assert_eq(s2n(rt, "   \t\n "), 0);
    cr_assert_eq(s2n(rt, "42"), 42);
    cr_assert_eq(s2n(rt, "  -3.5  "), -3.5);
    cr_assert_eq(s2n(rt, "\xE2\x80\xA8" "7" "\xC2\xA0"), 7); /* LS and NBSP trimmed */
    cr_assert_eq(s2n(rt, "0x1F"), 31);
    cr_assert_eq(s2n(rt, "0o17"), 15);
    cr_assert_eq(s2n(rt, "0B101"), 5);
    cr_assert_eq(s2n(rt, "1e3"), 1000);
    cr_assert_eq(s2n(rt, ".5"), 0.5);
    cr_assert_eq(s2n(rt, "5."), 5);
    cr_assert_eq(s2n(rt, "Infinity"), INFINITY);
    cr_assert_eq(s2n(rt, "-Infinity"), -INFINITY);
    cr_assert_eq(s2n(rt, "0x20000000000001"), 9007199254740992.0); /* ties to even */
    cr_assert_eq(s2n(rt, "0x20000000000003"), 9007199254740996.0);
    cr_assert(signbit(s2n(rt, "-0")));
    const char *nans[] = {"abc", "1_000", "-0x10", "+0x10", "0x", "1e", "e5", ".", "inf", "nan", "1 2", "Infinityx", "0xg"};
    for (size_t i = 0; i < sizeof nans / sizeof *nans; i++) cr_expect(isnan(s2n(rt, nans[i])), "%s", nans[i]);
    rt_free(rt);
}

Test(string, array_index) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    cr_assert_eq(rt_string_array_index(rt_as_string(rt_string_from_cstr(rt, "0"))), 0);
    cr_assert_eq(rt_string_array_index(rt_as_string(rt_string_from_cstr(rt, "123"))), 123);
    cr_assert_eq(rt_string_array_index(rt_as_string(rt_string_from_cstr(rt, "4294967294"))), 4294967294LL);
    cr_assert_eq(rt_string_array_index(rt_as_string(rt_string_from_cstr(rt, "4294967295"))), -1);
    cr_assert_eq(rt_string_array_index(rt_as_string(rt_string_from_cstr(rt, "01"))), -1);
    cr_assert_eq(rt_string_array_index(rt_as_string(rt_string_from_cstr(rt, "-1"))), -1);
    cr_assert_eq(rt_string_array_index(rt_as_string(rt_string_from_cstr(rt, ""))), -1);
    rt_free(rt);
}
