/* test_object.c — the object protocol: attributes, extensibility,
 * accessors, arrays (length, holes, elements kinds), primitives, and the
 * conversions and operators of rt_convert.c. */
#include <criterion/criterion.h>
#include <math.h>

#include "runtime/rt_runtime.h"

static Runtime *new_rt(void *base) {
    Flags f;
    rt_flags_default(&f);
    return rt_new(&f, base);
}

static Value K(Runtime *rt, const char *s) { return rt_intern_cstr(rt, s); }

static void expect_exception(Runtime *rt, const char *msg) {
    Value e = rt_take_exception(rt);
    Value m = rt_is_object(e) ? rt_get(rt, e, rt->atoms[ATOM_message]) : e;
    char *got = rt_is_string(m) ? rt_string_to_utf8(m, NULL) : NULL;
    cr_assert_not_null(got);
    cr_assert_str_eq(got, msg);
    free(got);
}

Test(object, non_writable) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    JSObject *o = rt_object_new(rt, rt->intrinsics[INTR_ObjectPrototype]);
    cr_assert_eq(rt_define_data(rt, o, K(rt, "x"), rt_int(1), PROP_ENUMERABLE), 1);
    cr_assert_eq(rt_set(rt, rt_ptr(o), K(rt, "x"), rt_int(2), false), 0);
    cr_assert_eq(rt_get(rt, rt_ptr(o), K(rt, "x")), rt_int(1));
    cr_assert_eq(rt_set(rt, rt_ptr(o), K(rt, "x"), rt_int(2), true), -1);
    expect_exception(rt, "Cannot assign to read only property 'x' of object '#<Object>'");
    /* non-configurable: redefinition with another value is rejected */
    cr_assert_eq(rt_define_data(rt, o, K(rt, "x"), rt_int(3), PROP_ENUMERABLE), 0);
    cr_assert_eq(rt_define_data(rt, o, K(rt, "x"), rt_int(1), PROP_ENUMERABLE), 1);
    cr_assert_eq(rt_delete(rt, rt_ptr(o), K(rt, "x"), false), 0);
    /* an inherited read-only property also blocks assignment */
    JSObject *child = rt_object_new(rt, rt_ptr(o));
    cr_assert_eq(rt_set(rt, rt_ptr(child), K(rt, "x"), rt_int(5), false), 0);
    cr_assert_eq(rt_has_own_property(rt, child, K(rt, "x")), 0);
    rt_free(rt);
}

Test(object, non_extensible) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    JSObject *o = rt_object_new(rt, rt->intrinsics[INTR_ObjectPrototype]);
    rt_set(rt, rt_ptr(o), K(rt, "a"), rt_int(1), true);
    rt_prevent_extensions(rt, o);
    cr_assert_eq(rt_set(rt, rt_ptr(o), K(rt, "b"), rt_int(1), false), 0);
    cr_assert_eq(rt_has_own_property(rt, o, K(rt, "b")), 0);
    cr_assert_eq(rt_set(rt, rt_ptr(o), K(rt, "b"), rt_int(1), true), -1);
    expect_exception(rt, "Cannot add property b, object is not extensible");
    cr_assert_eq(rt_set(rt, rt_ptr(o), K(rt, "a"), rt_int(2), true), 0); /* existing still writable */
    cr_assert_eq(rt_define_data(rt, o, K(rt, "c"), rt_int(1), PROP_DEFAULT), 0);
    rt_free(rt);
}

static Value getter_fn(Runtime *rt, Value this_val, int argc, Value *argv, Value nt, JSNative *self) {
    return rt_get(rt, this_val, rt_intern_cstr(rt, "_v"));
}
static Value setter_fn(Runtime *rt, Value this_val, int argc, Value *argv, Value nt, JSNative *self) {
    rt_set(rt, this_val, rt_intern_cstr(rt, "_v"), argc > 0 ? rt_binary_op(rt, BC_Mul, argv[0], rt_int(2)) : RT_UNDEFINED, true);
    return RT_UNDEFINED;
}

Test(object, accessors) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    JSObject *proto = rt_object_new(rt, rt->intrinsics[INTR_ObjectPrototype]);
    JSNative *g = rt_native_new(rt, getter_fn, "get", 0, 0);
    JSNative *s = rt_native_new(rt, setter_fn, "set", 1, 0);
    cr_assert_eq(rt_define_accessor(rt, proto, K(rt, "v"), rt_ptr(g), RT_HOLE, PROP_CONFIGURABLE), 1);
    cr_assert_eq(rt_define_accessor(rt, proto, K(rt, "v"), RT_HOLE, rt_ptr(s), PROP_CONFIGURABLE), 1);
    JSObject *o = rt_object_new(rt, rt_ptr(proto));
    cr_assert_eq(rt_set(rt, rt_ptr(o), K(rt, "v"), rt_int(21), true), 0);
    cr_assert_eq(rt_get(rt, rt_ptr(o), K(rt, "_v")), rt_int(42));
    cr_assert_eq(rt_get(rt, rt_ptr(o), K(rt, "v")), rt_int(42));
    cr_assert_eq(rt_has_own_property(rt, o, K(rt, "v")), 0);
    JSObject *ro = rt_object_new(rt, rt->intrinsics[INTR_ObjectPrototype]);
    rt_define_accessor(rt, ro, K(rt, "g"), rt_ptr(g), RT_UNDEFINED, PROP_DEFAULT);
    cr_assert_eq(rt_set(rt, rt_ptr(ro), K(rt, "g"), rt_int(1), true), -1);
    expect_exception(rt, "Cannot set property g of #<Object> which has only a getter");
    rt_free(rt);
}

Test(object, array_length_and_holes) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    JSObject *a = rt_array_new(rt, 0);
    Value av = rt_ptr(a);
    for (int i = 0; i < 5; i++) rt_array_push(rt, a, rt_int(i));
    cr_assert_eq(rt_get(rt, av, rt->atoms[ATOM_length]), rt_int(5));
    cr_assert_eq(a->elements_kind, EK_PACKED_SMI);
    cr_assert_eq(rt_set(rt, av, rt->atoms[ATOM_length], rt_int(2), true), 0);
    cr_assert_eq(a->length, 2);
    cr_assert_eq(rt_get_index(rt, av, 3), RT_UNDEFINED);
    cr_assert_eq(rt_has_property(rt, av, rt_int(3)), 0);
    cr_assert_eq(rt_set(rt, av, rt->atoms[ATOM_length], rt_double(1.5), true), -1);
    expect_exception(rt, "Invalid array length");
    cr_assert_eq(rt_set(rt, av, rt->atoms[ATOM_length], rt_int(-1), false), -1);
    expect_exception(rt, "Invalid array length");
    /* writing past the end leaves holes */
    rt_set_index(rt, av, 6, rt_int(6), true);
    cr_assert_eq(a->length, 7);
    cr_assert_eq(a->elements_kind, EK_HOLEY_SMI);
    cr_assert_eq(rt_has_property(rt, av, rt_int(4)), 0);
    /* length is not enumerable, not configurable */
    PropRef r;
    cr_assert(rt_get_own_property(rt, a, rt->atoms[ATOM_length], &r));
    cr_assert_eq(r.attrs, PROP_WRITABLE);
    cr_assert_eq(rt_delete(rt, av, rt->atoms[ATOM_length], false), 0);
    /* string-keyed indices are the same properties */
    cr_assert_eq(rt_get(rt, av, rt_string_from_cstr(rt, "6")), rt_int(6));
    /* very sparse: dictionary elements */
    rt_set_index(rt, av, 1000000000, rt_int(1), true);
    cr_assert_eq(a->elements_kind, EK_DICTIONARY);
    cr_assert_eq(a->length, 1000000001u);
    cr_assert_eq(rt_get_index(rt, av, 6), rt_int(6));
    cr_assert_eq(rt_get_index(rt, av, 1000000000), rt_int(1));
    rt_set(rt, av, rt->atoms[ATOM_length], rt_int(3), true);
    cr_assert_eq(rt_get_index(rt, av, 1000000000), RT_UNDEFINED);
    cr_assert_eq(rt_get_index(rt, av, 6), RT_UNDEFINED);
    cr_assert_eq(rt_get_index(rt, av, 1), rt_int(1));
    /* beyond int32: string keys that still count as indices */
    rt_set_index(rt, av, 4000000000u, rt_int(9), true);
    cr_assert_eq(a->length, 4000000001u);
    rt_free(rt);
}

Test(object, elements_kinds) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    Value init[] = {rt_int(1), rt_int(2), rt_int(3)};
    JSObject *a = rt_array_from(rt, init, 3);
    cr_assert_eq(a->elements_kind, EK_PACKED_SMI);
    rt_set_index(rt, rt_ptr(a), 1, rt_double(2.5), true);
    cr_assert_eq(a->elements_kind, EK_PACKED_DOUBLE);
    cr_assert(rt_is_double(a->elements->v[0])); /* doubles kinds hold raw doubles */
    cr_assert_eq(rt_get_index(rt, rt_ptr(a), 0), rt_double(1.0));
    rt_set_index(rt, rt_ptr(a), 2, rt->atoms[ATOM_length], true);
    cr_assert_eq(a->elements_kind, EK_PACKED);
    rt_set_index(rt, rt_ptr(a), 0, rt_int(0), true);
    cr_assert_eq(a->elements_kind, EK_PACKED); /* one way */
    rt_delete(rt, rt_ptr(a), rt_int(1), true);
    cr_assert_eq(a->elements_kind, EK_HOLEY);
    JSObject *b = rt_array_new(rt, 0);
    rt_array_push(rt, b, rt_int(1));
    rt_set_index(rt, rt_ptr(b), 3, rt_int(4), true);
    cr_assert_eq(b->elements_kind, EK_HOLEY_SMI);
    rt_elements_transition(rt, b, EK_PACKED_DOUBLE);
    cr_assert_eq(b->elements_kind, EK_HOLEY_DOUBLE);
    cr_assert_str_eq(rt_elements_kind_name(EK_HOLEY_DOUBLE), "HOLEY_DOUBLE_ELEMENTS");
    rt_free(rt);
}

Test(object, primitives_and_nullish) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    Value s = rt_string_from_cstr(rt, "hey");
    cr_assert_eq(rt_get(rt, s, rt->atoms[ATOM_length]), rt_int(3));
    cr_assert(rt_string_equals_cstr(rt_get_index(rt, s, 1), "e"));
    cr_assert_eq(rt_get_index(rt, s, 5), RT_UNDEFINED);
    cr_assert_eq(rt_get(rt, RT_UNDEFINED, K(rt, "x")), RT_EXCEPTION);
    expect_exception(rt, "Cannot read properties of undefined (reading 'x')");
    cr_assert_eq(rt_set(rt, RT_NULL, K(rt, "y"), rt_int(1), false), -1);
    expect_exception(rt, "Cannot set properties of null (setting 'y')");
    Value w = rt_to_object(rt, s);
    cr_assert(rt_is_class(w, CLS_STRING));
    cr_assert_eq(rt_get(rt, w, rt->atoms[ATOM_length]), rt_int(3));
    cr_assert(rt_string_equals_cstr(rt_get_index(rt, w, 2), "y"));
    JSObject *k = rt_own_keys(rt, rt_as_object(w), RT_KEYS_STRINGS);
    cr_assert_eq(k->length, 4); /* 0 1 2 length */
    cr_assert_eq(rt_to_object(rt, RT_NULL), RT_EXCEPTION);
    expect_exception(rt, "Cannot convert undefined or null to object");
    rt_free(rt);
}

static bool str_is(Value v, const char *s) { return rt_string_equals_cstr(v, s); }

Test(object, conversions_and_operators) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    double d;
    rt_to_number(rt, rt_string_from_cstr(rt, " 12 "), &d);
    cr_assert_eq(d, 12);
    rt_to_number(rt, RT_UNDEFINED, &d);
    cr_assert(isnan(d));
    rt_to_number(rt, RT_NULL, &d);
    cr_assert_eq(d, 0);
    cr_assert_eq(rt_to_number(rt, rt_symbol_new(rt, RT_UNDEFINED), &d), -1);
    expect_exception(rt, "Cannot convert a Symbol value to a number");
    cr_assert(str_is(rt_to_string(rt, rt_double(-0.0)), "0"));
    cr_assert(str_is(rt_to_string(rt, RT_NULL), "null"));
    cr_assert_eq(rt_double_to_int32(4294967296.0 + 5), 5);
    cr_assert_eq(rt_double_to_int32(-2147483649.0), 2147483647);
    cr_assert_eq(rt_double_to_int32(NAN), 0);
    cr_assert(str_is(rt_typeof(rt, RT_NULL), "object"));
    cr_assert(str_is(rt_typeof(rt, rt_int(1)), "number"));
    cr_assert(str_is(rt_typeof(rt, RT_UNDEFINED), "undefined"));
    Value one = rt_int(1), sone = rt_string_from_cstr(rt, "1");
    cr_assert(str_is(rt_binary_op(rt, BC_Add, one, sone), "11"));
    cr_assert(str_is(rt_binary_op(rt, BC_Add, sone, RT_NULL), "1null"));
    cr_assert_eq(rt_binary_op(rt, BC_Add, one, RT_TRUE), rt_int(2));
    cr_assert_eq(rt_binary_op(rt, BC_Add, rt_int(INT32_MAX), one), rt_double(2147483648.0));
    cr_assert_eq(rt_binary_op(rt, BC_Sub, sone, one), rt_int(0));
    cr_assert(isnan(rt_as_double(rt_binary_op(rt, BC_Exp, one, rt_double(INFINITY)))));
    cr_assert_eq(rt_binary_op(rt, BC_Exp, rt_double(NAN), rt_int(0)), rt_int(1));
    cr_assert_eq(rt_binary_op(rt, BC_Exp, rt_int(2), rt_int(10)), rt_int(1024));
    Value m = rt_binary_op(rt, BC_Mod, rt_int(-4), rt_int(2));
    cr_assert(rt_is_double(m) && signbit(rt_as_double(m)));
    cr_assert_eq(rt_binary_op(rt, BC_Mod, rt_double(5.5), rt_int(2)), rt_double(1.5));
    cr_assert_eq(rt_binary_op(rt, BC_ShiftRightLogical, rt_int(-1), rt_int(0)), rt_double(4294967295.0));
    cr_assert_eq(rt_binary_op(rt, BC_ShiftLeft, rt_int(1), rt_int(33)), rt_int(2));
    cr_assert_eq(rt_binary_op(rt, BC_ShiftRight, rt_int(-8), rt_int(1)), rt_int(-4));
    cr_assert_eq(rt_binary_op(rt, BC_BitwiseOr, rt_double(3.7), rt_string_from_cstr(rt, "4")), rt_int(7));
    cr_assert_eq(rt_binary_op(rt, BC_TestEqual, RT_NULL, RT_UNDEFINED), RT_TRUE);
    cr_assert_eq(rt_binary_op(rt, BC_TestEqual, RT_NULL, rt_int(0)), RT_FALSE);
    cr_assert_eq(rt_binary_op(rt, BC_TestEqual, sone, RT_TRUE), RT_TRUE);
    cr_assert_eq(rt_binary_op(rt, BC_TestEqualStrict, sone, one), RT_FALSE);
    cr_assert_eq(rt_binary_op(rt, BC_TestEqualStrict, rt_double(1.0), one), RT_TRUE);
    cr_assert_eq(rt_binary_op(rt, BC_TestEqualStrict, rt_double(NAN), rt_double(NAN)), RT_FALSE);
    cr_assert_eq(rt_binary_op(rt, BC_TestLessThan, rt_string_from_cstr(rt, "10"), rt_string_from_cstr(rt, "9")), RT_TRUE);
    cr_assert_eq(rt_binary_op(rt, BC_TestLessThan, rt_string_from_cstr(rt, "10"), rt_int(9)), RT_FALSE);
    cr_assert_eq(rt_binary_op(rt, BC_TestLessThanOrEqual, rt_double(NAN), one), RT_FALSE);
    cr_assert_eq(rt_binary_op(rt, BC_TestGreaterThanOrEqual, RT_NULL, rt_int(0)), RT_TRUE);
    cr_assert_eq(rt_binary_op(rt, BC_TestGreaterThan, RT_UNDEFINED, rt_int(0)), RT_FALSE);
    cr_assert(rt_same_value(rt_double(NAN), rt_double(NAN)));
    cr_assert(!rt_same_value(rt_double(-0.0), rt_int(0)));
    cr_assert(rt_same_value_zero(rt_double(-0.0), rt_int(0)));
    cr_assert_eq(rt_unary_op(rt, BC_Negate, rt_int(0)), rt_double(-0.0));
    cr_assert_eq(rt_unary_op(rt, BC_BitwiseNot, rt_int(5)), rt_int(-6));
    cr_assert_eq(rt_unary_op(rt, BC_Inc, rt_string_from_cstr(rt, "41")), rt_int(42));
    cr_assert_eq(rt_to_property_key(rt, rt_double(3.0)), rt_int(3));
    cr_assert_eq(rt_to_property_key(rt, rt_string_from_cstr(rt, "7")), rt_int(7));
    cr_assert_eq(rt_to_property_key(rt, rt_string_from_cstr(rt, "07")), K(rt, "07"));
    cr_assert_eq(rt_to_property_key(rt, rt_int(-1)), K(rt, "-1"));
    rt_free(rt);
}

Test(object, instance_of) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    JSNative *f = rt_native_new(rt, getter_fn, "F", 0, 0);
    JSObject *proto = rt_object_new(rt, rt->intrinsics[INTR_ObjectPrototype]);
    rt_define_data(rt, &f->base, rt->atoms[ATOM_prototype], rt_ptr(proto), PROP_WRITABLE);
    JSObject *o = rt_object_new(rt, rt_ptr(proto));
    cr_assert_eq(rt_instance_of(rt, rt_ptr(o), rt_ptr(f)), 1);
    cr_assert_eq(rt_instance_of(rt, rt_int(1), rt_ptr(f)), 0);
    cr_assert_eq(rt_instance_of(rt, rt_ptr(o), rt_ptr(proto)), -1);
    expect_exception(rt, "Right-hand side of 'instanceof' is not callable");
    cr_assert(rt_is_callable(rt_ptr(f)));
    rt_free(rt);
}

Test(object, array_length_define) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    Value init[] = {rt_int(0), rt_int(1), rt_int(2)};
    JSObject *a = rt_array_from(rt, init, 3);
    /* a non-configurable element stops the shrink; length still turns read-only */
    cr_assert_eq(rt_define_data(rt, a, rt_int(1), rt_int(1), PROP_WRITABLE | PROP_ENUMERABLE), 1);
    cr_assert_eq(a->elements_kind, EK_DICTIONARY);
    cr_assert_eq(rt_define_data(rt, a, rt->atoms[ATOM_length], rt_int(0), 0), 0);
    cr_assert_eq(a->length, 2);
    cr_assert(a->flags & OBJ_LENGTH_READONLY);
    cr_assert_eq(rt_define_data(rt, a, rt_int(5), rt_int(5), PROP_DEFAULT), 0); /* past a read-only length */
    cr_assert_eq(rt_set_index(rt, rt_ptr(a), 5, rt_int(5), true), -1);
    expect_exception(rt, "Cannot add property 5, object is not extensible");
    /* the value is checked before the attributes */
    JSObject *b = rt_array_new(rt, 0);
    cr_assert_eq(rt_define_data(rt, b, rt->atoms[ATOM_length], rt_int(-1), PROP_CONFIGURABLE), -1);
    expect_exception(rt, "Invalid array length");
    rt_free(rt);
}
