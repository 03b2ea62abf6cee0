/* test_gc.c — the mark-sweep collector: conservative roots on the C stack,
 * precise roots, reclamation, deep graphs without C recursion, the weak
 * intern table, and a --gc-stress style allocation loop. */
#include <criterion/criterion.h>
#include <stdio.h>

#include "runtime/rt_runtime.h"

static Runtime *new_rt(void *base, bool stress) {
    Flags f;
    rt_flags_default(&f);
    f.gc_stress = stress;
    return rt_new(&f, base);
}

static size_t heap_bytes(Runtime *rt) {
    HeapStats s;
    rt_gc_stats(rt, &s);
    return s.bytes_allocated;
}

__attribute__((noinline)) static JSObject *make_tagged(Runtime *rt, int tag) {
    JSObject *o = rt_object_new(rt, RT_NULL);
    rt_define_cstr(rt, o, "tag", rt_int(tag), PROP_DEFAULT);
    return o;
}

Test(gc, c_local_survives) {
    Runtime *rt = new_rt(__builtin_frame_address(0), false);
    JSObject *volatile kept = make_tagged(rt, 42);
    Value str = rt_string_from_cstr(rt, "still here");
    for (int i = 0; i < 3; i++) rt_gc_collect(rt);
    cr_assert_eq(rt_get_cstr(rt, rt_ptr(kept), "tag"), rt_int(42));
    cr_assert(rt_string_equals_cstr(str, "still here"));
    rt_free(rt);
}

__attribute__((noinline)) static void make_garbage(Runtime *rt, int n) {
    for (int i = 0; i < n; i++) {
        JSObject *o = make_tagged(rt, i);
        rt_define_cstr(rt, o, "s", rt_string_from_cstr(rt, "garbage string payload"), PROP_DEFAULT);
    }
}

__attribute__((noinline)) static void clobber_stack(void) {
    volatile char buf[16384];
    for (size_t i = 0; i < sizeof buf; i++) buf[i] = 0;
}

Test(gc, unreachable_freed) {
    Runtime *rt = new_rt(__builtin_frame_address(0), false);
    rt_gc_collect(rt);
    size_t before = heap_bytes(rt);
    make_garbage(rt, 20000);
    size_t grown = heap_bytes(rt);
    cr_assert_gt(grown, before + 20000 * 64);
    clobber_stack();
    rt_gc_collect(rt);
    size_t after = heap_bytes(rt);
    /* a few cells may stay pinned by stale stack words, never most of them */
    cr_assert_lt(after, before + 64 * 1024, "before %zu after %zu", before, after);
    HeapStats s;
    rt_gc_stats(rt, &s);
    cr_assert_geq(s.collections, 1);
    rt_free(rt);
}

__attribute__((noinline)) static void build_list(Runtime *rt, int n) {
    Value next = rt_intern_cstr(rt, "next");
    Value head = RT_NULL;
    for (int i = 0; i < n; i++) {
        JSObject *o = rt_object_new(rt, RT_NULL);
        rt_define_data(rt, o, next, head, PROP_DEFAULT);
        head = rt_ptr(o);
    }
    rt->extra_roots[0] = head;
}

Test(gc, million_element_list_marks_without_recursion) {
    Runtime *rt = new_rt(__builtin_frame_address(0), false);
    const int n = 1000000;
    build_list(rt, n);
    clobber_stack();
    rt_gc_collect(rt);
    Value next = rt_intern_cstr(rt, "next");
    int count = 0;
    for (Value v = rt->extra_roots[0]; rt_is_object(v); v = rt_get(rt, v, next)) count++;
    cr_assert_eq(count, n);
    rt->extra_roots[0] = RT_UNDEFINED;
    clobber_stack();
    rt_gc_collect(rt);
    cr_assert_lt(heap_bytes(rt), (size_t)n * 16);
    rt_free(rt);
}

__attribute__((noinline)) static void intern_many(Runtime *rt, int n) {
    char buf[64];
    for (int i = 0; i < n; i++) {
        snprintf(buf, sizeof buf, "weak_key_%d_with_some_length", i);
        rt_intern_cstr(rt, buf);
    }
}

Test(gc, interned_strings_are_weak) {
    Runtime *rt = new_rt(__builtin_frame_address(0), false);
    rt_gc_collect(rt);
    size_t before = heap_bytes(rt);
    intern_many(rt, 50000);
    cr_assert_gt(heap_bytes(rt), before + 50000 * 64);
    clobber_stack();
    rt_gc_collect(rt);
    cr_assert_lt(heap_bytes(rt), before + 64 * 1024);
    /* the table no longer refers to dead strings: interning again works */
    Value a = rt_intern_cstr(rt, "weak_key_7_with_some_length");
    Value b = rt_intern_cstr(rt, "weak_key_7_with_some_length");
    cr_assert_eq(a, b);
    cr_assert(rt_string_equals_cstr(a, "weak_key_7_with_some_length"));
    /* atoms are roots */
    cr_assert(rt_string_equals_cstr(rt->atoms[ATOM_length], "length"));
    cr_assert_eq(rt_intern_cstr(rt, "length"), rt->atoms[ATOM_length]);
    rt_free(rt);
}

Test(gc, stress_loop_keeps_live_data) {
    Runtime *rt = new_rt(__builtin_frame_address(0), true);
    JSObject *arr = rt_array_new(rt, 0);
    Value s = rt->atoms[ATOM_empty];
    for (int i = 0; i < 3000; i++) {
        JSObject *o = make_tagged(rt, i);
        rt_array_push(rt, arr, rt_ptr(o));
        s = rt_string_concat(rt, s, rt_string_from_cstr(rt, "x"));
        if (i % 7 == 0) make_garbage(rt, 3);
    }
    HeapStats st;
    rt_gc_stats(rt, &st);
    cr_assert_gt(st.collections, 100);
    cr_assert_eq(arr->length, 3000);
    for (int i = 0; i < 3000; i++)
        cr_assert_eq(rt_get_cstr(rt, rt_get_index(rt, rt_ptr(arr), (uint32_t)i), "tag"), rt_int(i));
    cr_assert_eq(rt_as_string(s)->len, 3000);
    rt_free(rt);
}

Test(gc, inhibit_defers_collection) {
    Runtime *rt = new_rt(__builtin_frame_address(0), true);
    HeapStats a, b;
    rt_gc_stats(rt, &a);
    rt_gc_inhibit(rt, 1);
    make_garbage(rt, 200);
    rt_gc_stats(rt, &b);
    cr_assert_eq(a.collections, b.collections);
    rt_gc_inhibit(rt, -1);
    make_garbage(rt, 200);
    rt_gc_stats(rt, &b);
    cr_assert_gt(b.collections, a.collections);
    rt_free(rt);
}

Test(gc, large_cells_and_interior_pointers) {
    Runtime *rt = new_rt(__builtin_frame_address(0), false);
    JSObject *arr = rt_array_new(rt, 0);
    for (int i = 0; i < 10000; i++) rt_array_push(rt, arr, rt_int(i));
    /* keep only an interior pointer to a large cell */
    uint16_t *volatile chars = rt_as_string(rt_string_new(rt, 100000))->chars + 500;
    chars[0] = 'q';
    rt_gc_collect(rt);
    cr_assert_eq(chars[0], 'q');
    cr_assert_eq(rt_get_index(rt, rt_ptr(arr), 9999), rt_int(9999));
    rt_free(rt);
}

Test(gc, max_heap_is_a_clean_fatal_error, .exit_code = 1) {
    Flags f;
    rt_flags_default(&f);
    f.max_heap = 16;
    Runtime *rt = rt_new(&f, __builtin_frame_address(0));
    JSObject *keep = rt_array_new(rt, 0);
    rt->extra_roots[1] = rt_ptr(keep);
    for (int i = 0; i < 10000000; i++) rt_array_push(rt, keep, rt_string_from_cstr(rt, "0123456789abcdef0123456789"));
    cr_assert_fail("the heap limit was never reached");
}

Test(gc, max_heap_allows_garbage_beyond_the_limit) {
    Flags f;
    rt_flags_default(&f);
    f.max_heap = 16;
    Runtime *rt = rt_new(&f, __builtin_frame_address(0));
    for (int i = 0; i < 40; i++) make_garbage(rt, 10000); /* ~40 MB in total, little live */
    HeapStats s;
    rt_gc_stats(rt, &s);
    cr_assert_gt(s.collections, 1);
    rt_free(rt);
}
