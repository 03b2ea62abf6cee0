/* test_shape.c — hidden classes: sharing, transitions, in-object versus
 * out-of-line slots, dictionary mode, prototype changes, own-keys order. */
#include <criterion/criterion.h>

#include "runtime/rt_runtime.h"

static Runtime *new_rt(void *base) {
    Flags f;
    rt_flags_default(&f);
    return rt_new(&f, base);
}

static Value K(Runtime *rt, const char *s) { return rt_intern_cstr(rt, s); }

static JSObject *obj_with(Runtime *rt, const char **keys, int n) {
    JSObject *o = rt_object_new(rt, RT_NULL);
    for (int i = 0; i < n; i++) rt_set(rt, rt_ptr(o), K(rt, keys[i]), rt_int(i), true);
    return o;
}

Test(shape, same_order_shares_shape) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    const char *xy[] = {"x", "y"}, *yx[] = {"y", "x"};
    JSObject *a = obj_with(rt, xy, 2), *b = obj_with(rt, xy, 2), *c = obj_with(rt, yx, 2);
    cr_assert_eq(a->shape, b->shape);
    cr_assert_neq(a->shape, c->shape);
    cr_assert_eq(a->shape->parent, b->shape->parent);
    cr_assert_eq(a->shape->prop_count, 2);
    cr_assert(!a->shape->dictionary);
    /* the transition x is shared by both trees' first step */
    JSObject *d = obj_with(rt, xy, 1);
    cr_assert_eq(d->shape, a->shape->parent);
    /* different prototypes: different roots */
    JSObject *p = rt_object_new(rt, RT_NULL);
    JSObject *e = rt_object_new(rt, rt_ptr(p));
    rt_set(rt, rt_ptr(e), K(rt, "x"), rt_int(0), true);
    rt_set(rt, rt_ptr(e), K(rt, "y"), rt_int(1), true);
    cr_assert_neq(e->shape, a->shape);
    rt_free(rt);
}

Test(shape, inobject_then_out_of_line) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    const char *keys[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
    JSObject *o = obj_with(rt, keys, 10);
    cr_assert_eq(o->shape->inobject_capacity, 4);
    for (int i = 0; i < 4; i++) cr_assert_eq(o->inobject[i], rt_int(i));
    cr_assert_not_null(o->slots);
    for (int i = 4; i < 10; i++) cr_assert_eq(o->slots->v[i - 4], rt_int(i));
    for (int i = 0; i < 10; i++) cr_assert_eq(rt_get(rt, rt_ptr(o), K(rt, keys[i])), rt_int(i));
    uint32_t slot;
    uint8_t attrs;
    cr_assert(rt_shape_lookup(o->shape, K(rt, "g"), &slot, &attrs));
    cr_assert_eq(slot, 6);
    cr_assert_eq(attrs, PROP_DEFAULT);
    rt_free(rt);
}

Test(shape, many_properties_use_table_then_dictionary) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    JSObject *o = rt_object_new(rt, RT_NULL);
    char buf[32];
    for (int i = 0; i < 200; i++) {
        snprintf(buf, sizeof buf, "p%d", i);
        rt_set(rt, rt_ptr(o), K(rt, buf), rt_int(i), true);
    }
    cr_assert(o->shape->dictionary);
    for (int i = 0; i < 200; i++) {
        snprintf(buf, sizeof buf, "p%d", i);
        cr_assert_eq(rt_get(rt, rt_ptr(o), K(rt, buf)), rt_int(i));
    }
    rt_free(rt);
}

Test(shape, delete_last_goes_back_delete_middle_goes_dictionary) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    const char *keys[] = {"a", "b", "c", "d", "e", "f"};
    JSObject *o = obj_with(rt, keys, 6);
    Shape *before = o->shape;
    cr_assert_eq(rt_delete(rt, rt_ptr(o), K(rt, "f"), true), 1);
    cr_assert_eq(o->shape, before->parent);
    cr_assert(!o->shape->dictionary);
    cr_assert_eq(rt_delete(rt, rt_ptr(o), K(rt, "b"), true), 1);
    cr_assert(o->shape->dictionary);
    cr_assert_eq(rt_get(rt, rt_ptr(o), K(rt, "b")), RT_UNDEFINED);
    cr_assert_eq(rt_get(rt, rt_ptr(o), K(rt, "a")), rt_int(0));
    cr_assert_eq(rt_get(rt, rt_ptr(o), K(rt, "c")), rt_int(2));
    cr_assert_eq(rt_get(rt, rt_ptr(o), K(rt, "e")), rt_int(4));
    rt_set(rt, rt_ptr(o), K(rt, "b"), rt_int(99), true);
    JSObject *keys_arr = rt_own_keys(rt, o, RT_KEYS_STRINGS);
    const char *want[] = {"a", "c", "d", "e", "b"};
    cr_assert_eq(keys_arr->length, 5);
    for (int i = 0; i < 5; i++) cr_assert(rt_string_equals_cstr(rt_get_index(rt, rt_ptr(keys_arr), (uint32_t)i), want[i]));
    /* a fresh object with the same keys is not affected */
    JSObject *p = obj_with(rt, keys, 6);
    cr_assert_eq(p->shape, before);
    rt_free(rt);
}

Test(shape, own_keys_order) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    JSObject *o = rt_object_new(rt, RT_NULL);
    Value sym = rt_symbol_new(rt, rt_string_from_cstr(rt, "s"));
    rt_set(rt, rt_ptr(o), K(rt, "b"), rt_int(1), true);
    rt_set(rt, rt_ptr(o), sym, rt_int(2), true);
    rt_set(rt, rt_ptr(o), K(rt, "10"), rt_int(3), true);
    rt_set(rt, rt_ptr(o), K(rt, "a"), rt_int(4), true);
    rt_set(rt, rt_ptr(o), rt_int(2), rt_int(5), true);
    rt_set(rt, rt_ptr(o), K(rt, "4294967294"), rt_int(6), true);
    rt_define_data(rt, o, K(rt, "hidden"), rt_int(7), PROP_WRITABLE);
    JSObject *k = rt_own_keys(rt, o, RT_KEYS_STRINGS | RT_KEYS_SYMBOLS);
    const char *want[] = {"2", "10", "4294967294", "b", "a", "hidden"};
    cr_assert_eq(k->length, 7);
    for (int i = 0; i < 6; i++)
        cr_assert(rt_string_equals_cstr(rt_get_index(rt, rt_ptr(k), (uint32_t)i), want[i]), "key %d", i);
    cr_assert_eq(rt_get_index(rt, rt_ptr(k), 6), sym);
    JSObject *e = rt_own_keys(rt, o, RT_KEYS_STRINGS | RT_KEYS_ENUMERABLE_ONLY);
    cr_assert_eq(e->length, 5);
    rt_free(rt);
}

Test(shape, set_prototype_of_moves_to_new_tree) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    JSObject *p = rt_object_new(rt, RT_NULL);
    rt_set(rt, rt_ptr(p), K(rt, "inherited"), rt_int(7), true);
    const char *keys[] = {"x", "y"};
    JSObject *o = obj_with(rt, keys, 2);
    cr_assert_eq(rt_set_prototype_of(rt, o, rt_ptr(p)), 1);
    cr_assert_eq(rt_get_prototype_of(rt, o), rt_ptr(p));
    cr_assert_eq(rt_get(rt, rt_ptr(o), K(rt, "inherited")), rt_int(7));
    cr_assert_eq(rt_get(rt, rt_ptr(o), K(rt, "y")), rt_int(1));
    cr_assert_eq(rt_set_prototype_of(rt, p, rt_ptr(o)), 0); /* cycle */
    rt_prevent_extensions(rt, o);
    cr_assert_eq(rt_set_prototype_of(rt, o, RT_NULL), 0);
    rt_free(rt);
}

Test(shape, many_transitions_from_one_shape) {
    Runtime *rt = new_rt(__builtin_frame_address(0));
    char buf[32];
    Shape *first[300];
    for (int i = 0; i < 300; i++) {
        snprintf(buf, sizeof buf, "k%d", i);
        JSObject *o = rt_object_new(rt, RT_NULL);
        rt_set(rt, rt_ptr(o), K(rt, buf), rt_int(i), true);
        first[i] = o->shape;
    }
    for (int i = 0; i < 300; i += 7) {
        snprintf(buf, sizeof buf, "k%d", i);
        JSObject *o = rt_object_new(rt, RT_NULL);
        rt_set(rt, rt_ptr(o), K(rt, buf), rt_int(0), true);
        cr_assert_eq(o->shape, first[i]);
        rt_define_data(rt, o, K(rt, "z"), rt_int(0), PROP_ENUMERABLE); /* other attrs: other transition */
        JSObject *q = rt_object_new(rt, RT_NULL);
        rt_set(rt, rt_ptr(q), K(rt, buf), rt_int(0), true);
        rt_set(rt, rt_ptr(q), K(rt, "z"), rt_int(0), true);
        cr_assert_neq(o->shape, q->shape);
    }
    rt_free(rt);
}
