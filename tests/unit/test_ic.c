/* test_ic.c — the interpreter's inline caches: a load site seeing 1, 3 and 6
 * receiver shapes goes monomorphic, polymorphic and megamorphic and still
 * loads the right values; prototype loads, getters and missing properties
 * are cached and invalidated when a prototype changes; stores record
 * transitions; keyed sites record elements kinds.
 */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "runtime/rt_feedback.h"
#include "runtime/rt_runtime.h"

static Runtime *rt;
static void setup(void) {
    Flags f;
    rt_flags_default(&f);
    rt = rt_new(&f, __builtin_frame_address(0));
    cr_assert(rt);
}
static void teardown(void) { rt_free(rt); }

static void *dup(const void *p, size_t n) {
    void *q = malloc(n ? n : 1);
    memcpy(q, p, n);
    return q;
}

/* A one-instruction-site function: op R0 (the argument), constant 0, slot 0. */
static BytecodeFunction *site(const uint8_t *code, size_t len, uint8_t kind, const char *key, int params) {
    BytecodeFunction *bf = rt_bytecode_new(rt);
    bf->name = rt_intern_cstr(rt, "site");
    bf->flags = BFF_STRICT;
    bf->param_count = bf->formal_count = (uint16_t)params;
    bf->register_count = (uint16_t)params;
    bf->code = dup(code, len);
    bf->code_len = (uint32_t)len;
    Value k = rt_intern_cstr(rt, key);
    bf->constants = dup(&k, sizeof k);
    bf->constant_count = 1;
    bf->slot_kinds = dup(&kind, 1);
    bf->slot_count = 1;
    return bf;
}

/* function get(o) { return o.KEY } */
static BytecodeFunction *make_load(const char *key) {
    const uint8_t code[] = {BC_GetNamedProperty, 0, 0, 0, 0, 0, 0, BC_Return};
    return site(code, sizeof code, FS_Load, key, 1);
}
/* function set(o, v) { o.KEY = v } */
static BytecodeFunction *make_store(const char *key) {
    const uint8_t code[] = {BC_Ldar, 1, 0, BC_SetNamedProperty, 0, 0, 0, 0, 0, 0, BC_Return};
    return site(code, sizeof code, FS_Store, key, 2);
}
/* function get(o, k) { return o[k] } */
static BytecodeFunction *make_keyed_load(void) {
    const uint8_t code[] = {BC_Ldar, 1, 0, BC_GetKeyedProperty, 0, 0, 0, 0, BC_Return};
    return site(code, sizeof code, FS_KeyedLoad, "unused", 2);
}

static Value call1(BytecodeFunction *bf, Value a) {
    Value f = rt_ptr(rt_closure_new(rt, bf, NULL));
    return rt_call(rt, f, RT_UNDEFINED, 1, &a);
}
static Value call2(BytecodeFunction *bf, Value a, Value b) {
    Value f = rt_ptr(rt_closure_new(rt, bf, NULL));
    Value args[2] = {a, b};
    return rt_call(rt, f, RT_UNDEFINED, 2, args);
}

/* An object with properties p0..p(i-1) then x = value: a distinct shape per i. */
static Value object_with_prefix(int i, int value) {
    JSObject *o = rt_object_new(rt, rt_intrinsic(rt, INTR_ObjectPrototype));
    char name[16];
    for (int k = 0; k < i; k++) {
        snprintf(name, sizeof name, "p%d", k);
        rt_define_data(rt, o, rt_intern_cstr(rt, name), rt_int(k), PROP_DEFAULT);
    }
    rt_define_data(rt, o, rt_intern_cstr(rt, "x"), rt_int(value), PROP_DEFAULT);
    return rt_ptr(o);
}

static PropertyFeedback *prop(BytecodeFunction *bf) { return bf->feedback->slots[0].u.prop; }

static void run_shapes(BytecodeFunction *bf, int nshapes) {
    for (int round = 0; round < 3; round++)
        for (int i = 0; i < nshapes; i++) {
            Value r = call1(bf, object_with_prefix(i, 100 + i));
            cr_assert_eq(r, rt_int(100 + i), "shape %d round %d", i, round);
        }
}

Test(ic, load_one_shape_is_monomorphic, .init = setup, .fini = teardown) {
    BytecodeFunction *bf = make_load("x");
    run_shapes(bf, 1);
    cr_assert_eq(prop(bf)->state, IC_monomorphic);
    cr_assert_eq(prop(bf)->count, 1);
    cr_assert(prop(bf)->e[0].handler == ICH_FieldInObject || prop(bf)->e[0].handler == ICH_FieldOutOfLine);
}

Test(ic, load_three_shapes_is_polymorphic, .init = setup, .fini = teardown) {
    BytecodeFunction *bf = make_load("x");
    run_shapes(bf, 3);
    cr_assert_eq(prop(bf)->state, IC_polymorphic);
    cr_assert_eq(prop(bf)->count, 3);
}

Test(ic, load_six_shapes_is_megamorphic, .init = setup, .fini = teardown) {
    BytecodeFunction *bf = make_load("x");
    run_shapes(bf, 6);
    cr_assert_eq(prop(bf)->state, IC_megamorphic);
}

Test(ic, prototype_load_and_invalidation, .init = setup, .fini = teardown) {
    JSObject *proto = rt_object_new(rt, rt_intrinsic(rt, INTR_ObjectPrototype));
    rt_define_data(rt, proto, rt_intern_cstr(rt, "m"), rt_int(1), PROP_DEFAULT);
    JSObject *o = rt_object_new(rt, rt_ptr(proto));
    BytecodeFunction *bf = make_load("m");
    cr_assert_eq(call1(bf, rt_ptr(o)), rt_int(1));
    cr_assert_eq(prop(bf)->e[0].handler, ICH_ProtoField);
    cr_assert_eq(call1(bf, rt_ptr(o)), rt_int(1));
    /* the prototype changes shape: the entry must not hit stale data */
    rt_define_data(rt, proto, rt_intern_cstr(rt, "other"), rt_int(0), PROP_DEFAULT);
    rt_set(rt, rt_ptr(proto), rt_intern_cstr(rt, "m"), rt_int(2), true);
    cr_assert_eq(call1(bf, rt_ptr(o)), rt_int(2));
    /* shadowing by an own property changes the receiver's shape */
    rt_define_data(rt, o, rt_intern_cstr(rt, "m"), rt_int(3), PROP_DEFAULT);
    cr_assert_eq(call1(bf, rt_ptr(o)), rt_int(3));
}

Test(ic, missing_property_then_added_on_prototype, .init = setup, .fini = teardown) {
    JSObject *proto = rt_object_new(rt, rt_intrinsic(rt, INTR_ObjectPrototype));
    JSObject *o = rt_object_new(rt, rt_ptr(proto));
    BytecodeFunction *bf = make_load("nope");
    cr_assert_eq(call1(bf, rt_ptr(o)), RT_UNDEFINED);
    cr_assert_eq(prop(bf)->e[0].handler, ICH_Nonexistent);
    rt_define_data(rt, proto, rt_intern_cstr(rt, "nope"), rt_int(5), PROP_DEFAULT);
    cr_assert_eq(call1(bf, rt_ptr(o)), rt_int(5));
}

Test(ic, array_and_string_length, .init = setup, .fini = teardown) {
    BytecodeFunction *bf = make_load("length");
    Value vals[3] = {rt_int(1), rt_int(2), rt_int(3)};
    cr_assert_eq(call1(bf, rt_ptr(rt_array_from(rt, vals, 3))), rt_int(3));
    cr_assert_eq(call1(bf, rt_string_from_cstr(rt, "abcd")), rt_int(4));
    cr_assert_eq(call1(bf, rt_string_from_cstr(rt, "ab")), rt_int(2));
    cr_assert_eq(prop(bf)->state, IC_polymorphic);
}

Test(ic, store_records_transition_and_reuses_it, .init = setup, .fini = teardown) {
    BytecodeFunction *bf = make_store("y");
    Shape *first = NULL;
    for (int i = 0; i < 5; i++) {
        JSObject *o = rt_object_new(rt, rt_intrinsic(rt, INTR_ObjectPrototype));
        Value r = call2(bf, rt_ptr(o), rt_int(i));
        cr_assert(!rt_is_exception(r));
        cr_assert_eq(rt_get(rt, rt_ptr(o), rt_intern_cstr(rt, "y")), rt_int(i));
        if (!first) first = o->shape;
        cr_assert_eq(o->shape, first, "transition target must be shared");
    }
    cr_assert_eq(prop(bf)->state, IC_monomorphic);
    cr_assert_eq(prop(bf)->e[0].handler, ICH_StoreTransition);
}

Test(ic, store_to_existing_field, .init = setup, .fini = teardown) {
    BytecodeFunction *bf = make_store("x");
    Value o = object_with_prefix(0, 1);
    call2(bf, o, rt_int(9));
    call2(bf, o, rt_int(10));
    cr_assert_eq(rt_get(rt, o, rt_intern_cstr(rt, "x")), rt_int(10));
    cr_assert_eq(prop(bf)->e[0].handler, ICH_StoreField);
}

Test(ic, keyed_load_records_elements_kinds, .init = setup, .fini = teardown) {
    BytecodeFunction *bf = make_keyed_load();
    Value ints[2] = {rt_int(1), rt_int(2)};
    Value dbls[2] = {rt_double(1.5), rt_double(2.5)};
    Value a = rt_ptr(rt_array_from(rt, ints, 2)), b = rt_ptr(rt_array_from(rt, dbls, 2));
    cr_assert_eq(call2(bf, a, rt_int(1)), rt_int(2));
    cr_assert_eq(call2(bf, a, rt_int(5)), RT_UNDEFINED);
    Value r = call2(bf, b, rt_int(0));
    cr_assert(rt_is_number(r) && rt_to_double_unchecked(r) == 1.5);
    PropertyFeedback *p = prop(bf);
    cr_assert(p->key_kinds & KEY_SMI);
    cr_assert(p->elem_flags & EF_OUT_OF_BOUNDS);
    cr_assert(__builtin_popcount(p->elements_kinds) >= 2);
}
