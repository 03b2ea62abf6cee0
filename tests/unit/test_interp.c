/* test_interp.c — the interpreter on hand-assembled bytecode: calls and
 * returns, int/double fast paths and their feedback, exceptions unwinding
 * through JS and native frames, stack overflow as a catchable RangeError,
 * and the function-entry rules. Bytecode is assembled here directly so the
 * tests do not depend on the front end.
 */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "runtime/rt_feedback.h"
#include "runtime/rt_runtime.h"

typedef struct Asm {
    uint8_t code[4096];
    uint32_t len;
    Value consts[64];
    uint32_t nconst;
    uint8_t kinds[64];
    uint32_t nslots;
    HandlerEntry handlers[4];
    uint32_t nhandlers;
    BytecodeFunction *funcs[8];
    uint32_t nfuncs;
} Asm;

/* Emits op with its operands (ints, in operand order). */
static uint32_t emit(Asm *a, Bytecode op, ...) {
    uint32_t at = a->len;
    a->code[a->len++] = (uint8_t)op;
    const char *ops = rt_bytecode_info[op].operands;
    va_list ap;
    va_start(ap, op);
    for (; *ops; ops++) {
        int64_t v = va_arg(ap, int64_t);
        if (*ops == 'i' || *ops == 'j') {
            uint32_t w = (uint32_t)v;
            memcpy(a->code + a->len, &w, 4);
            a->len += 4;
        } else {
            uint16_t w = (uint16_t)v;
            memcpy(a->code + a->len, &w, 2);
            a->len += 2;
        }
    }
    va_end(ap);
    return at;
}
#define E(a, op, ...) emit(a, BC_##op, ##__VA_ARGS__)
#define A(x) ((int64_t)(x))

static int slot(Asm *a, FeedbackSlotKind k) {
    a->kinds[a->nslots] = (uint8_t)k;
    return (int)a->nslots++;
}
static int konst(Asm *a, Value v) {
    a->consts[a->nconst] = v;
    return (int)a->nconst++;
}
static void patch_jump(Asm *a, uint32_t at, uint32_t target) {
    const char *ops = rt_bytecode_info[a->code[at]].operands;
    uint32_t off = at + 1;
    for (; *ops && *ops != 'j'; ops++) off += (*ops == 'i') ? 4 : 2;
    memcpy(a->code + off, &target, 4);
}

static void *dup(const void *p, size_t n) {
    void *q = malloc(n ? n : 1);
    memcpy(q, p, n);
    return q;
}

static BytecodeFunction *finish(Runtime *rt, Asm *a, const char *name, int params, int regs, uint32_t flags) {
    BytecodeFunction *bf = rt_bytecode_new(rt);
    bf->name = rt_intern_cstr(rt, name);
    bf->flags = flags | BFF_STRICT;
    bf->param_count = bf->formal_count = (uint16_t)params;
    bf->register_count = (uint16_t)regs;
    bf->code = dup(a->code, a->len);
    bf->code_len = a->len;
    bf->constants = dup(a->consts, a->nconst * sizeof(Value));
    bf->constant_count = a->nconst;
    bf->slot_kinds = dup(a->kinds, a->nslots);
    bf->slot_count = a->nslots;
    bf->handlers = dup(a->handlers, a->nhandlers * sizeof(HandlerEntry));
    bf->handler_count = a->nhandlers;
    bf->functions = dup(a->funcs, a->nfuncs * sizeof(BytecodeFunction *));
    bf->function_count = a->nfuncs;
    bf->line = bf->col = 1;
    return bf;
}

static Runtime *rt;
static void setup(void) {
    Flags f;
    rt_flags_default(&f);
    rt = rt_new(&f, __builtin_frame_address(0));
    cr_assert(rt);
}
static void teardown(void) { rt_free(rt); }

static Value fn(BytecodeFunction *bf) { return rt_ptr(rt_closure_new(rt, bf, NULL)); }

/* function add(a, b) { return a + b } */
static BytecodeFunction *make_add(int *s_out) {
    Asm a = {0};
    int s = slot(&a, FS_BinaryOp);
    E(&a, Ldar, A(1));
    E(&a, Add, A(0), A(s));
    E(&a, Return);
    if (s_out) *s_out = s;
    return finish(rt, &a, "add", 2, 2, 0);
}

Test(interp, add_ints_and_feedback_climbs, .init = setup, .fini = teardown) {
    int s;
    BytecodeFunction *bf = make_add(&s);
    Value f = fn(bf);
    Value args[2] = {rt_int(1), rt_int(2)};
    Value r = rt_call(rt, f, RT_UNDEFINED, 2, args);
    cr_assert_eq(r, rt_int(3));
    cr_assert_eq(bf->feedback->slots[s].hint, BH_SignedSmall);
    args[0] = rt_int(INT32_MAX);
    args[1] = rt_int(1);
    r = rt_call(rt, f, RT_UNDEFINED, 2, args);
    cr_assert(rt_is_double(r) && rt_as_double(r) == 2147483648.0);
    cr_assert_eq(bf->feedback->slots[s].hint, BH_Number);
    args[0] = RT_UNDEFINED;
    rt_call(rt, f, RT_UNDEFINED, 2, args);
    cr_assert_eq(bf->feedback->slots[s].hint, BH_NumberOrOddball);
    args[0] = rt_string_from_cstr(rt, "a");
    r = rt_call(rt, f, RT_UNDEFINED, 2, args);
    cr_assert(rt_is_string(r) && rt_string_equals_cstr(r, "a1"));
    cr_assert_eq(bf->feedback->slots[s].hint, BH_Any);
    cr_assert_eq(bf->invocation_count, 4);
}

Test(interp, string_hint_only_for_two_strings, .init = setup, .fini = teardown) {
    int s;
    BytecodeFunction *bf = make_add(&s);
    Value f = fn(bf);
    Value args[2] = {rt_string_from_cstr(rt, "x"), rt_string_from_cstr(rt, "y")};
    rt_call(rt, f, RT_UNDEFINED, 2, args);
    cr_assert_eq(bf->feedback->slots[s].hint, BH_String);
    args[1] = rt_int(4);
    rt_call(rt, f, RT_UNDEFINED, 2, args);
    cr_assert_eq(bf->feedback->slots[s].hint, BH_Any);
}

Test(interp, missing_formals_are_undefined, .init = setup, .fini = teardown) {
    Asm a = {0};
    E(&a, Ldar, A(1));
    E(&a, Return);
    Value f = fn(finish(rt, &a, "second", 2, 2, 0));
    Value args[1] = {rt_int(7)};
    cr_assert_eq(rt_call(rt, f, RT_UNDEFINED, 1, args), RT_UNDEFINED);
}

/* function loop(n) { var s = 0; for (var i = 0; i < n; i++) s += i; return s } */
Test(interp, loop_counts_back_edges, .init = setup, .fini = teardown) {
    Asm a = {0};
    int sc = slot(&a, FS_Compare), sa = slot(&a, FS_BinaryOp), si = slot(&a, FS_BinaryOp);
    E(&a, LdaSmi, A(0));
    E(&a, Star, A(1));            /* s */
    E(&a, Star, A(2));            /* i */
    uint32_t top = E(&a, Ldar, A(0));
    E(&a, TestLessThan, A(2), A(sc));
    uint32_t jf = E(&a, JumpIfFalse, A(0));
    E(&a, Ldar, A(2));
    E(&a, Add, A(1), A(sa));
    E(&a, Star, A(1));
    E(&a, Ldar, A(2));
    E(&a, Inc, A(si));
    E(&a, Star, A(2));
    E(&a, JumpLoop, A(top), A(0));
    patch_jump(&a, jf, a.len);
    E(&a, Ldar, A(1));
    E(&a, Return);
    BytecodeFunction *bf = finish(rt, &a, "loop", 1, 3, 0);
    Value args[1] = {rt_int(1000)};
    cr_assert_eq(rt_call(rt, fn(bf), RT_UNDEFINED, 1, args), rt_int(499500));
    cr_assert_eq(bf->feedback->backedge_count, 1000);
    cr_assert_eq(bf->feedback->slots[sc].hint, CH_SignedSmall);
}

/* function f() { return f() } — through a global binding */
static BytecodeFunction *make_self_recursive(void) {
    Asm a = {0};
    int g = slot(&a, FS_Global), c = slot(&a, FS_Call);
    int k = konst(&a, rt_intern_cstr(rt, "f"));
    E(&a, LdaGlobal, A(k), A(g));
    E(&a, Star, A(0));
    E(&a, LdaUndefined);
    E(&a, Star, A(1));
    E(&a, Call, A(0), A(1), A(1), A(c));
    E(&a, Return);
    return finish(rt, &a, "f", 0, 2, 0);
}

Test(interp, deep_recursion_is_a_range_error, .init = setup, .fini = teardown) {
    Value f = fn(make_self_recursive());
    rt_define_data(rt, rt->global, rt_intern_cstr(rt, "f"), f, PROP_DEFAULT);
    Value r = rt_call(rt, f, RT_UNDEFINED, 0, NULL);
    cr_assert(rt_is_exception(r));
    Value e = rt_take_exception(rt);
    cr_assert(rt_is_object(e));
    Value m = rt_get(rt, e, rt_intern_cstr(rt, "message"));
    cr_assert(rt_string_equals_cstr(m, "Maximum call stack size exceeded"));
    cr_assert_eq(rt_get_prototype_of(rt, rt_as_object(e)), rt_intrinsic(rt, INTR_RangeErrorPrototype));
    /* the VM stack is empty again: a normal call still works */
    Value args[2] = {rt_int(2), rt_int(3)};
    cr_assert_eq(rt_call(rt, fn(make_add(NULL)), RT_UNDEFINED, 2, args), rt_int(5));
}

/* function g() { try { return f() } catch (e) { return 42 } } */
Test(interp, stack_overflow_is_catchable, .init = setup, .fini = teardown) {
    Value f = fn(make_self_recursive());
    rt_define_data(rt, rt->global, rt_intern_cstr(rt, "f"), f, PROP_DEFAULT);
    Asm a = {0};
    int g = slot(&a, FS_Global), c = slot(&a, FS_Call);
    int k = konst(&a, rt_intern_cstr(rt, "f"));
    uint32_t start = E(&a, LdaCurrentContext);
    E(&a, Star, A(2));
    uint32_t body = E(&a, LdaGlobal, A(k), A(g));
    E(&a, Star, A(0));
    E(&a, LdaUndefined);
    E(&a, Star, A(1));
    E(&a, Call, A(0), A(1), A(1), A(c));
    uint32_t end = E(&a, Return);
    uint32_t handler = E(&a, LdaSmi, A(42));
    E(&a, Return);
    (void)start;
    a.handlers[a.nhandlers++] = (HandlerEntry){body, end, handler, 2};
    Value r = rt_call(rt, fn(finish(rt, &a, "g", 0, 3, 0)), RT_UNDEFINED, 0, NULL);
    cr_assert_eq(r, rt_int(42));
}

/* A native that calls its JS argument: exceptions unwind through it. */
static Value call_arg(Runtime *r, Value this_val, int argc, Value *argv, Value nt, JSNative *self) {
    (void)this_val;
    (void)nt;
    (void)self;
    return rt_call(r, argc ? argv[0] : RT_UNDEFINED, RT_UNDEFINED, 0, NULL);
}

Test(interp, exceptions_unwind_through_native_frames, .init = setup, .fini = teardown) {
    /* thrower: throw 7 */
    Asm t = {0};
    E(&t, LdaSmi, A(7));
    E(&t, Throw);
    Value thrower = fn(finish(rt, &t, "thrower", 0, 1, 0));
    Value native = rt_ptr(rt_native_new(rt, call_arg, "callArg", 1, 0));
    /* outer(native, thrower): try { native(thrower) } catch (e) { return e + 1 } */
    Asm a = {0};
    int c = slot(&a, FS_Call), s = slot(&a, FS_BinaryOp);
    E(&a, LdaCurrentContext);
    E(&a, Star, A(4));
    uint32_t body = E(&a, LdaUndefined);
    E(&a, Star, A(2));
    E(&a, Mov, A(1), A(3));
    E(&a, Call, A(0), A(2), A(2), A(c));
    uint32_t end = E(&a, Return);
    uint32_t handler = E(&a, Star, A(2));
    E(&a, LdaSmi, A(1));
    E(&a, Add, A(2), A(s));
    E(&a, Return);
    a.handlers[a.nhandlers++] = (HandlerEntry){body, end, handler, 4};
    Value args[2] = {native, thrower};
    Value r = rt_call(rt, fn(finish(rt, &a, "outer", 2, 5, 0)), RT_UNDEFINED, 2, args);
    cr_assert_eq(r, rt_int(8));
    cr_assert_eq(rt->native_depth, 0);
}

Test(interp, calling_a_non_function_names_the_callee, .init = setup, .fini = teardown) {
    /* config.retries() with config = {retries: 3} as a global */
    JSObject *cfg = rt_object_new(rt, rt_intrinsic(rt, INTR_ObjectPrototype));
    rt_define_data(rt, cfg, rt_intern_cstr(rt, "retries"), rt_int(3), PROP_DEFAULT);
    rt_define_data(rt, rt->global, rt_intern_cstr(rt, "config"), rt_ptr(cfg), PROP_DEFAULT);
    Asm a = {0};
    int g = slot(&a, FS_Global), l = slot(&a, FS_Load), c = slot(&a, FS_Call);
    int kc = konst(&a, rt_intern_cstr(rt, "config")), kr = konst(&a, rt_intern_cstr(rt, "retries"));
    E(&a, LdaGlobal, A(kc), A(g));
    E(&a, Star, A(1));
    E(&a, GetNamedProperty, A(1), A(kr), A(l));
    E(&a, Star, A(0));
    E(&a, Call, A(0), A(1), A(1), A(c));
    E(&a, Return);
    Value r = rt_call(rt, fn(finish(rt, &a, "main", 0, 2, 0)), RT_UNDEFINED, 0, NULL);
    cr_assert(rt_is_exception(r));
    Value m = rt_get(rt, rt_take_exception(rt), rt_intern_cstr(rt, "message"));
    char *u = rt_string_to_utf8(m, NULL);
    cr_assert_str_eq(u, "config.retries is not a function");
    free(u);
}

Test(interp, class_constructor_requires_new, .init = setup, .fini = teardown) {
    Asm a = {0};
    E(&a, LdaUndefined);
    E(&a, Return);
    BytecodeFunction *bf = finish(rt, &a, "Point", 0, 1, BFF_CLASS_CTOR);
    Value c = fn(bf);
    cr_assert(rt_is_exception(rt_call(rt, c, RT_UNDEFINED, 0, NULL)));
    Value m = rt_get(rt, rt_take_exception(rt), rt_intern_cstr(rt, "message"));
    cr_assert(rt_string_equals_cstr(m, "Class constructor Point cannot be invoked without 'new'"));
    Value o = rt_construct(rt, c, 0, NULL, RT_UNDEFINED);
    cr_assert(rt_is_object(o));
}

Test(interp, bad_bytecode_is_rejected_not_run, .init = setup, .fini = teardown) {
    Asm a = {0};
    E(&a, Ldar, A(9));     /* register out of range */
    E(&a, Return);
    Value r = rt_call(rt, fn(finish(rt, &a, "bad", 0, 1, 0)), RT_UNDEFINED, 0, NULL);
    cr_assert(rt_is_exception(r));
    rt_take_exception(rt);
}
