/* rt_realm.c — the realm: creates every intrinsic of rt_intrinsics.def, the
 * global object and its bindings (ECMA-262 §9.3 "Realms": CreateIntrinsics,
 * SetDefaultGlobalBindings), plus the small toolkit the builtin files share
 * (native function objects, method tables, a UTF-16 string builder,
 * property descriptors, array-like and iteration helpers).
 *
 * Bootstrapping order matters: Object.prototype first, then
 * Function.prototype (a native that returns undefined, §20.2.3), then every
 * other native, which takes Function.prototype as its [[Prototype]].
 */
#include <math.h>
#include <stdlib.h>
#include <time.h>
#include "rt_builtins.h"

/* ---- native functions ------------------------------------------------------------ */

JSNative *rt_native_new(Runtime *rt, NativeFn fn, const char *name, int length, int magic) {
    Value proto = rt->intrinsics[INTR_FunctionPrototype];
    if (!rt_is_object(proto)) proto = RT_NULL;
    JSNative *n = (JSNative *)rt_object_new_class(rt, proto, CLS_NATIVE, sizeof(JSNative));
    n->fn = fn;
    n->magic = magic;
    n->is_constructor = 0;
    n->data[0] = n->data[1] = RT_UNDEFINED;
    rt_define_data(rt, &n->base, rt_atom(rt, ATOM_length), rt_int(length), PROP_CONFIGURABLE);
    rt_define_data(rt, &n->base, rt_atom(rt, ATOM_name), rt_string_from_cstr(rt, name ? name : ""),
                   PROP_CONFIGURABLE);
    return n;
}

JSNative *rt_define_native(Runtime *rt, JSObject *o, const char *name, NativeFn fn, int length, int magic) {
    JSNative *n = rt_native_new(rt, fn, name, length, magic);
    rt_define_data(rt, o, rt_intern_cstr(rt, name), rt_ptr(n), PROP_HIDDEN);
    return n;
}

void rt_define_methods(Runtime *rt, JSObject *o, const BuiltinMethod *m, size_t n) {
    for (size_t i = 0; i < n; i++) rt_define_native(rt, o, m[i].name, m[i].fn, m[i].length, m[i].magic);
}

JSNative *rt_define_native_sym(Runtime *rt, JSObject *o, Value sym, const char *name,
                               NativeFn fn, int length, int magic) {
    JSNative *n = rt_native_new(rt, fn, name, length, magic);
    rt_define_data(rt, o, sym, rt_ptr(n), PROP_HIDDEN);
    return n;
}

void rt_define_native_accessor(Runtime *rt, JSObject *o, Value key, const char *name,
                               NativeFn getter, NativeFn setter, int magic) {
    char buf[128];
    Value g = RT_UNDEFINED, s = RT_UNDEFINED;
    if (getter) {
        snprintf(buf, sizeof buf, "get %s", name);
        g = rt_ptr(rt_native_new(rt, getter, buf, 0, magic));
    }
    if (setter) {
        snprintf(buf, sizeof buf, "set %s", name);
        s = rt_ptr(rt_native_new(rt, setter, buf, 1, magic));
    }
    rt_define_accessor(rt, o, key, g, s, PROP_CONFIGURABLE);
}

JSNative *rt_define_ctor(Runtime *rt, const char *name, NativeFn fn, int length,
                         JSObject *proto, int magic) {
    JSNative *c = rt_native_new(rt, fn, name, length, magic);
    c->is_constructor = 1;
    if (proto) {
        rt_define_data(rt, &c->base, rt_atom(rt, ATOM_prototype), rt_ptr(proto), 0);
        rt_define_data(rt, proto, rt_atom(rt, ATOM_constructor), rt_ptr(c), PROP_HIDDEN);
    }
    if (rt->global) rt_define_cstr(rt, rt->global, name, rt_ptr(c), PROP_HIDDEN);
    return c;
}

Value rt_proto_from_ctor(Runtime *rt, Value new_target, IntrinsicId fallback) {
    if (rt_is_object(new_target)) {
        Value p = rt_get(rt, new_target, rt_atom(rt, ATOM_prototype));
        if (rt_is_exception(p)) return p;
        if (rt_is_object(p)) return p;
    }
    return rt->intrinsics[fallback];
}

/* ---- string builder ---------------------------------------------------------------- */

void sb_init(StrBuf *sb) { sb->b = NULL; sb->len = sb->cap = 0; sb->overflow = false; }
void sb_free(StrBuf *sb) { free(sb->b); sb_init(sb); }

static bool sb_reserve(StrBuf *sb, size_t extra) {
    if (sb->overflow) return false;
    if (extra > RT_MAX_STRING_LENGTH || sb->len + extra > RT_MAX_STRING_LENGTH) {
        sb->overflow = true;
        return false;
    }
    size_t need = sb->len + extra;
    if (need <= sb->cap) return true;
    size_t cap = sb->cap ? sb->cap * 2 : 32;
    while (cap < need) cap *= 2;
    uint16_t *nb = realloc(sb->b, cap * sizeof(uint16_t));
    if (!nb) { sb->overflow = true; return false; }
    sb->b = nb;
    sb->cap = cap;
    return true;
}

void sb_putc(StrBuf *sb, uint16_t c) {
    if (sb->len < sb->cap) { sb->b[sb->len++] = c; return; }
    if (sb_reserve(sb, 1)) sb->b[sb->len++] = c;
}

void sb_put16(StrBuf *sb, const uint16_t *s, size_t n) {
    if (!n || !sb_reserve(sb, n)) return;
    memcpy(sb->b + sb->len, s, n * sizeof(uint16_t));
    sb->len += n;
}

void sb_putcp(StrBuf *sb, uint32_t cp) {
    if (cp < 0x10000) { sb_putc(sb, (uint16_t)cp); return; }
    cp -= 0x10000;
    sb_putc(sb, (uint16_t)(0xD800 + (cp >> 10)));
    sb_putc(sb, (uint16_t)(0xDC00 + (cp & 0x3FF)));
}

void sb_puts(StrBuf *sb, const char *s) {
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        uint32_t c = *p;
        if (c < 0x80) { sb_putc(sb, (uint16_t)c); p++; continue; }
        int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        uint32_t cp = n == 3 ? (c & 7) : n == 2 ? (c & 15) : (c & 31);
        int i;
        for (i = 1; i <= n && (p[i] & 0xC0) == 0x80; i++) cp = (cp << 6) | (p[i] & 0x3F);
        if (n == 0 || i <= n) { sb_putc(sb, 0xFFFD); p += i; continue; }
        sb_putcp(sb, cp);
        p += n + 1;
    }
}

void sb_putstr(StrBuf *sb, Value str) {
    JSString *s = rt_as_string(str);
    sb_put16(sb, s->chars, s->len);
}

void sb_printf(StrBuf *sb, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n >= sizeof buf) {
        char *big = malloc((size_t)n + 1);
        if (!big) { sb->overflow = true; return; }
        va_start(ap, fmt);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
        sb_puts(sb, big);
        free(big);
        return;
    }
    sb_puts(sb, buf);
}

void sb_repeat(StrBuf *sb, uint16_t c, size_t n) {
    if (!n || !sb_reserve(sb, n)) return;
    for (size_t i = 0; i < n; i++) sb->b[sb->len++] = c;
}

Value sb_finish(Runtime *rt, StrBuf *sb) {
    if (sb->overflow) {
        sb_free(sb);
        return rt_throw_error(rt, ERR_RangeError, "Invalid string length");
    }
    Value s = rt_string_from_utf16(rt, sb->b, sb->len);
    sb_free(sb);
    return s;
}

/* ---- property descriptors ------------------------------------------------------------ */

int rt_get_own_desc(Runtime *rt, JSObject *o, Value key, PropDesc *d) {
    PropRef ref;
    if (!rt_get_own_property(rt, o, key, &ref)) return 0;
    d->attrs = ref.attrs;
    d->value = d->getter = d->setter = RT_UNDEFINED;
    if (ref.attrs & PROP_ACCESSOR) {
        if (rt_is_ptr(ref.value) && ((GCHeader *)rt_as_ptr(ref.value))->kind == HK_ACCESSOR) {
            AccessorPair *p = rt_as_ptr(ref.value);
            d->getter = p->getter;
            d->setter = p->setter;
        }
        return 1;
    }
    d->value = ref.value;
    return 1;
}

Value rt_from_prop_desc(Runtime *rt, const PropDesc *d) {
    JSObject *r = rt_object_new(rt, rt->intrinsics[INTR_ObjectPrototype]);
    if (d->attrs & PROP_ACCESSOR) {
        rt_define_data(rt, r, rt_atom(rt, ATOM_get), d->getter, PROP_DEFAULT);
        rt_define_data(rt, r, rt_atom(rt, ATOM_set), d->setter, PROP_DEFAULT);
    } else {
        rt_define_data(rt, r, rt_atom(rt, ATOM_value), d->value, PROP_DEFAULT);
        rt_define_data(rt, r, rt_atom(rt, ATOM_writable), rt_bool(d->attrs & PROP_WRITABLE), PROP_DEFAULT);
    }
    rt_define_data(rt, r, rt_atom(rt, ATOM_enumerable), rt_bool(d->attrs & PROP_ENUMERABLE), PROP_DEFAULT);
    rt_define_data(rt, r, rt_atom(rt, ATOM_configurable), rt_bool(d->attrs & PROP_CONFIGURABLE), PROP_DEFAULT);
    return rt_ptr(r);
}

/* ToPropertyDescriptor (§6.2.6.5) then ValidateAndApplyPropertyDescriptor
 * (§10.1.6.3): fields absent from desc_obj keep their current values. */
int rt_define_from_descriptor(Runtime *rt, JSObject *o, Value key, Value desc_obj) {
    if (!rt_is_object(desc_obj)) {
        rt_throw_error(rt, ERR_TypeError, "Property description must be an object");
        return -1;
    }
    enum { H_ENUM = 1, H_CONF = 2, H_VALUE = 4, H_WRIT = 8, H_GET = 16, H_SET = 32 };
    static const AtomId fields[6] = { ATOM_enumerable, ATOM_configurable, ATOM_value,
                                      ATOM_writable, ATOM_get, ATOM_set };
    int has = 0;
    Value vals[6];
    for (int i = 0; i < 6; i++) {
        vals[i] = RT_UNDEFINED;
        int h = rt_has_property(rt, desc_obj, rt_atom(rt, fields[i]));
        if (h < 0) return -1;
        if (!h) continue;
        has |= 1 << i;
        vals[i] = rt_get(rt, desc_obj, rt_atom(rt, fields[i]));
        if (rt_is_exception(vals[i])) return -1;
    }
    if ((has & H_GET) && !rt_is_undefined(vals[4]) && !rt_is_callable(vals[4])) {
        rt_throw_error(rt, ERR_TypeError, "Getter must be a function");
        return -1;
    }
    if ((has & H_SET) && !rt_is_undefined(vals[5]) && !rt_is_callable(vals[5])) {
        rt_throw_error(rt, ERR_TypeError, "Setter must be a function");
        return -1;
    }
    bool is_accessor = has & (H_GET | H_SET);
    if (is_accessor && (has & (H_VALUE | H_WRIT))) {
        rt_throw_error(rt, ERR_TypeError,
                       "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute");
        return -1;
    }
    /* ArraySetLength (§10.4.2.4) converts and range-checks the new length
     * before it validates the descriptor against the current one. */
    bool array_length = rt_is_array(rt_ptr(o)) && key == rt_atom(rt, ATOM_length);
    if (array_length && (has & H_VALUE)) {
        uint32_t u;
        double n;
        if (rt_to_uint32(rt, vals[2], &u) < 0 || rt_to_number(rt, vals[2], &n) < 0) return -1;
        if ((double)u != n) {
            rt_throw_error(rt, ERR_RangeError, "Invalid array length");
            return -1;
        }
        vals[2] = rt_number(n);
    }
    PropDesc cur;
    int found = rt_get_own_desc(rt, o, key, &cur);
    if (found < 0) return -1;
    uint8_t attrs = 0;
    if (found) {
        bool cur_acc = cur.attrs & PROP_ACCESSOR;
        if (!(cur.attrs & PROP_CONFIGURABLE)) {
            bool bad = false;
            if ((has & H_CONF) && rt_to_boolean(vals[1])) bad = true;
            if ((has & H_ENUM) && rt_to_boolean(vals[0]) != !!(cur.attrs & PROP_ENUMERABLE)) bad = true;
            if (is_accessor && !cur_acc) bad = true;
            if ((has & (H_VALUE | H_WRIT)) && cur_acc) bad = true;
            if (!cur_acc && !(cur.attrs & PROP_WRITABLE)) {
                if ((has & H_WRIT) && rt_to_boolean(vals[3])) bad = true;
                if ((has & H_VALUE) && !rt_same_value(vals[2], cur.value)) bad = true;
            }
            if (cur_acc) {
                if ((has & H_GET) && vals[4] != cur.getter) bad = true;
                if ((has & H_SET) && vals[5] != cur.setter) bad = true;
            }
            if (bad) goto reject;
        }
        attrs = cur.attrs & (PROP_ENUMERABLE | PROP_CONFIGURABLE);
        if (has & H_ENUM) attrs = (attrs & ~PROP_ENUMERABLE) | (rt_to_boolean(vals[0]) ? PROP_ENUMERABLE : 0);
        if (has & H_CONF) attrs = (attrs & ~PROP_CONFIGURABLE) | (rt_to_boolean(vals[1]) ? PROP_CONFIGURABLE : 0);
        if (is_accessor || (cur_acc && !(has & (H_VALUE | H_WRIT)))) {
            Value g = (has & H_GET) ? vals[4] : (cur_acc ? cur.getter : RT_UNDEFINED);
            Value s = (has & H_SET) ? vals[5] : (cur_acc ? cur.setter : RT_UNDEFINED);
            int r = rt_define_accessor(rt, o, key, g, s, attrs);
            if (r < 0) return -1;
            if (r == 0) goto reject;
            return 0;
        }
        bool w = (has & H_WRIT) ? rt_to_boolean(vals[3]) : (!cur_acc && (cur.attrs & PROP_WRITABLE));
        Value v = (has & H_VALUE) ? vals[2] : (cur_acc ? RT_UNDEFINED : cur.value);
        attrs |= w ? PROP_WRITABLE : 0;
        if (array_length && (has & H_VALUE)) {
            double n = rt_to_double_unchecked(v);
            /* Deleting stops at a non-configurable element; the length still
             * becomes read-only when asked, and then the define fails. */
            if (rt_array_set_length(rt, o, n, false) < 0) return -1;
            if (!w && (cur.attrs & PROP_WRITABLE)) {
                int r = rt_define_data(rt, o, key, rt_number(o->length), attrs);
                if (r < 0) return -1;
            }
            if ((double)o->length != n) goto reject;
            return 0;
        }
        int r = rt_define_data(rt, o, key, v, attrs);
        if (r < 0) return -1;
        if (r == 0) goto reject;
        return 0;
    }
    if (has & H_ENUM) attrs |= rt_to_boolean(vals[0]) ? PROP_ENUMERABLE : 0;
    if (has & H_CONF) attrs |= rt_to_boolean(vals[1]) ? PROP_CONFIGURABLE : 0;
    int r;
    if (is_accessor) {
        r = rt_define_accessor(rt, o, key, vals[4], vals[5], attrs);
    } else {
        if ((has & H_WRIT) && rt_to_boolean(vals[3])) attrs |= PROP_WRITABLE;
        r = rt_define_data(rt, o, key, vals[2], attrs);
    }
    if (r < 0) return -1;
    if (r == 0) goto reject;
    return 0;
reject: {
        Value ks = rt_is_symbol(key) ? rt_symbol_descriptive_string(rt, key) : rt_key_to_string(rt, key);
        char *k = rt_is_string(ks) ? rt_string_to_utf8(ks, NULL) : NULL;
        if (!found)
            rt_throw_error(rt, ERR_TypeError, "Cannot define property %s, object is not extensible", k ? k : "");
        else
            rt_throw_error(rt, ERR_TypeError, "Cannot redefine property: %s", k ? k : "");
        free(k);
        return -1;
    }
}

/* ---- small helpers ------------------------------------------------------------------- */

int rt_to_length(Runtime *rt, Value v, double *out) {
    double d;
    if (rt_to_integer_or_infinity(rt, v, &d) < 0) return -1;
    if (d <= 0) d = 0;
    if (d > 9007199254740991.0) d = 9007199254740991.0;
    *out = d;
    return 0;
}

int rt_length_of_array_like(Runtime *rt, Value o, double *out) {
    if (rt_is_array(o)) { *out = rt_as_object(o)->length; return 0; }
    Value l = rt_get(rt, o, rt_atom(rt, ATOM_length));
    if (rt_is_exception(l)) return -1;
    return rt_to_length(rt, l, out);
}

int rt_to_index_rel(Runtime *rt, Value v, double len, double dflt, double *out) {
    if (rt_is_undefined(v)) { *out = dflt; return 0; }
    double d;
    if (rt_to_integer_or_infinity(rt, v, &d) < 0) return -1;
    if (d < 0) { d += len; if (d < 0) d = 0; }
    else if (d > len) d = len;
    *out = d;
    return 0;
}

Value rt_key_from_double(Runtime *rt, double index) {
    if (index >= 0 && index <= 2147483647.0) return rt_int((int32_t)index);
    char buf[40];
    rt_double_to_cstr(index, buf);
    return rt_intern_cstr(rt, buf);
}

int rt_create_data_property(Runtime *rt, Value obj, Value key, Value v) {
    int r = rt_define_data(rt, rt_as_object(obj), key, v, PROP_DEFAULT);
    if (r < 0) return -1;
    if (r == 0) {
        rt_throw_error(rt, ERR_TypeError, "Cannot add property, object is not extensible");
        return -1;
    }
    return 0;
}

Value rt_make_iter_result(Runtime *rt, Value value, bool done) {
    JSObject *r = rt_object_new(rt, rt->intrinsics[INTR_ObjectPrototype]);
    rt_define_data(rt, r, rt_atom(rt, ATOM_value), value, PROP_DEFAULT);
    rt_define_data(rt, r, rt_atom(rt, ATOM_done), rt_bool(done), PROP_DEFAULT);
    return rt_ptr(r);
}

Value rt_get_function_name(Runtime *rt, Value fn) {
    Value n = rt_get(rt, fn, rt_atom(rt, ATOM_name));
    if (rt_is_exception(n)) return n;
    return rt_is_string(n) ? n : rt_atom(rt, ATOM_empty);
}

int rt_iterate(Runtime *rt, Value iterable, IterFn fn, void *ud) {
    Value method = rt_get(rt, iterable, rt->intrinsics[INTR_Sym_iterator]);
    if (rt_is_exception(method)) return -1;
    if (!rt_is_callable(method)) {
        rt_throw_error(rt, ERR_TypeError, "object is not iterable (cannot read property Symbol(Symbol.iterator))");
        return -1;
    }
    Value iter = rt_call(rt, method, iterable, 0, NULL);
    if (rt_is_exception(iter)) return -1;
    if (!rt_is_object(iter)) {
        rt_throw_error(rt, ERR_TypeError, "Result of the Symbol.iterator method is not an object");
        return -1;
    }
    Value next = rt_get(rt, iter, rt_atom(rt, ATOM_next));
    if (rt_is_exception(next)) return -1;
    for (;;) {
        Value res = rt_call(rt, next, iter, 0, NULL);
        if (rt_is_exception(res)) return -1;
        if (!rt_is_object(res)) {
            rt_throw_error(rt, ERR_TypeError, "Iterator result is not an object");
            return -1;
        }
        Value done = rt_get(rt, res, rt_atom(rt, ATOM_done));
        if (rt_is_exception(done)) return -1;
        if (rt_to_boolean(done)) return 0;
        Value v = rt_get(rt, res, rt_atom(rt, ATOM_value));
        if (rt_is_exception(v)) return -1;
        if (fn(rt, v, ud) < 0) {
            /* IteratorClose on abrupt completion: the original error wins. */
            Value exc = rt_take_exception(rt);
            Value ret = rt_get(rt, iter, rt_atom(rt, ATOM_return_));
            if (!rt_is_exception(ret) && rt_is_callable(ret)) rt_call(rt, ret, iter, 0, NULL);
            rt_take_exception(rt);
            rt_throw(rt, exc);
            return -1;
        }
    }
}

/* CreateListFromArrayLike into a GC-visible ValueArray. */
Value rt_create_list_from_array_like(Runtime *rt, Value v, uint32_t *count, ValueArray **out) {
    if (rt_is_nullish(v)) { *count = 0; *out = NULL; return RT_UNDEFINED; }
    if (!rt_is_object(v)) return rt_throw_error(rt, ERR_TypeError, "CreateListFromArrayLike called on non-object");
    double len;
    if (rt_length_of_array_like(rt, v, &len) < 0) return RT_EXCEPTION;
    if (len > 65535 * 2) return rt_throw_error(rt, ERR_RangeError, "Maximum call stack size exceeded");
    uint32_t n = (uint32_t)len;
    ValueArray *a = rt_values_new(rt, n ? n : 1);
    for (uint32_t i = 0; i < n; i++) {
        Value e = rt_get_index(rt, v, i);
        if (rt_is_exception(e)) return e;
        a->v[i] = e;
    }
    *count = n;
    *out = a;
    return RT_UNDEFINED;
}

uint64_t rt_random_next(Runtime *rt) {
    uint64_t x = rt->random_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    rt->random_state = x;
    return x * 0x2545F4914F6CDD1DULL;
}

/* ---- console and print ------------------------------------------------------------- */

enum { CON_OUT, CON_ERR };

RT_NATIVE(console_write) {
    if (rt_console_write(rt, self->magic == CON_ERR ? rt->err : rt->out, argc, argv) < 0) return RT_EXCEPTION;
    return RT_UNDEFINED;
}

RT_NATIVE(console_dir) {
    Value v = ARG(0);
    Value s = rt_inspect(rt, v);
    TRYV(s);
    rt_console_print(rt, rt->out, 1, &s);
    return RT_UNDEFINED;
}

RT_NATIVE(console_assert) {
    if (rt_to_boolean(ARG(0))) return RT_UNDEFINED;
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, "Assertion failed");
    Value head = sb_finish(rt, &sb);
    TRYV(head);
    if (argc <= 1) {
        rt_console_print(rt, rt->err, 1, &head);
        return RT_UNDEFINED;
    }
    /* "Assertion failed: " prefixed to the first argument when it is a string. */
    ValueArray *a = rt_values_new(rt, (uint32_t)argc);
    int n = 0;
    if (rt_is_string(argv[1])) {
        Value p = rt_string_concat(rt, rt_string_from_cstr(rt, "Assertion failed: "), argv[1]);
        a->v[n++] = p;
    } else {
        a->v[n++] = head;
        a->v[n++] = argv[1];
    }
    for (int i = 2; i < argc; i++) a->v[n++] = argv[i];
    rt_console_print(rt, rt->err, n, a->v);
    return RT_UNDEFINED;
}

void rt_init_console(Runtime *rt) {
    JSObject *con = rt_object_new(rt, rt->intrinsics[INTR_ObjectPrototype]);
    static const BuiltinMethod methods[] = {
        { "log", console_write, 0, CON_OUT },
        { "info", console_write, 0, CON_OUT },
        { "debug", console_write, 0, CON_OUT },
        { "error", console_write, 0, CON_ERR },
        { "warn", console_write, 0, CON_ERR },
        { "trace", console_write, 0, CON_ERR },
        { "dir", console_dir, 0, 0 },
        { "assert", console_assert, 0, 0 },
    };
    /* Node's console methods are enumerable own properties. */
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        JSNative *n = rt_native_new(rt, methods[i].fn, methods[i].name, methods[i].length, methods[i].magic);
        rt_define_cstr(rt, con, methods[i].name, rt_ptr(n), PROP_DEFAULT);
    }
    rt_define_cstr(rt, rt->global, "console", rt_ptr(con), PROP_HIDDEN);
    JSNative *p = rt_native_new(rt, console_write, "print", 0, CON_OUT);
    rt_define_cstr(rt, rt->global, "print", rt_ptr(p), PROP_HIDDEN);
}

/* ---- the realm ------------------------------------------------------------------------- */

RT_NATIVE(function_prototype_call) { return RT_UNDEFINED; }

void rt_realm_init(Runtime *rt) {
    rt_gc_inhibit(rt, 1);
    for (int i = 0; i < INTR__COUNT; i++) rt->intrinsics[i] = RT_UNDEFINED;
    uint64_t seed = (uint64_t)time(NULL) * 0x9E3779B97F4A7C15ULL ^ (uint64_t)(uintptr_t)rt;
    struct timespec ts;
    if (clock_gettime(CLOCK_REALTIME, &ts) == 0) seed ^= (uint64_t)ts.tv_nsec << 20;
    rt->random_state = seed ? seed : 0x853C49E6748FEA9BULL;

    JSObject *objproto = rt_object_new(rt, RT_NULL);
    rt->intrinsics[INTR_ObjectPrototype] = rt_ptr(objproto);
    JSNative *fnproto = (JSNative *)rt_object_new_class(rt, rt_ptr(objproto), CLS_NATIVE, sizeof(JSNative));
    fnproto->fn = function_prototype_call;
    fnproto->data[0] = fnproto->data[1] = RT_UNDEFINED;
    rt->intrinsics[INTR_FunctionPrototype] = rt_ptr(fnproto);
    rt_define_data(rt, &fnproto->base, rt_atom(rt, ATOM_length), rt_int(0), PROP_CONFIGURABLE);
    rt_define_data(rt, &fnproto->base, rt_atom(rt, ATOM_name), rt_atom(rt, ATOM_empty), PROP_CONFIGURABLE);

    rt->global = rt_object_new(rt, rt_ptr(objproto));
    JSObject *g = rt->global;
    rt_define_cstr(rt, g, "globalThis", rt_ptr(g), PROP_HIDDEN);
    rt_define_cstr(rt, g, "NaN", rt_double(NAN), 0);
    rt_define_cstr(rt, g, "Infinity", rt_double(INFINITY), 0);
    rt_define_cstr(rt, g, "undefined", RT_UNDEFINED, 0);

    rt_init_symbol(rt);      /* well-known symbols first: others key methods by them */
    rt_init_object(rt);
    rt_init_function(rt);
    rt_init_error(rt);
    rt_init_array(rt);
    rt_init_array_iter(rt);
    rt_init_string(rt);
    rt_init_number(rt);
    rt_init_math(rt);
    rt_init_json(rt);
    rt_init_global(rt);
    rt_init_date(rt);
    rt_init_console(rt);
    rt_gc_inhibit(rt, -1);
}
