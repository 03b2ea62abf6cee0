/* rt_builtins.h — what the builtin library files (rt_realm.c,
 * rt_builtins_*.c, rt_json.c, rt_inspect.c) share and nobody else needs:
 * the native-function signature macro, a UTF-16 string builder, property
 * descriptor access, array-like helpers and the per-constructor init hooks
 * that rt_realm_init calls in order (ECMA-262 §9.3 CreateIntrinsics).
 */
#ifndef RT_BUILTINS_H
#define RT_BUILTINS_H

#include "rt_runtime.h"

/* Every builtin has the NativeFn signature; these keep the files terse. */
#define RT_NATIVE(fname) \
    static Value fname(Runtime *rt, Value this_val, int argc, Value *argv, \
                       Value new_target, JSNative *self)
#define ARG(i) ((i) < argc ? argv[(i)] : RT_UNDEFINED)
#define TRY(expr) do { if ((expr) < 0) return RT_EXCEPTION; } while (0)
#define TRYV(v) do { if (rt_is_exception(v)) return RT_EXCEPTION; } while (0)

/* Longest string reef builds (code units), like V8's String::kMaxLength. */
#define RT_MAX_STRING_LENGTH ((1u << 29) - 24)

/* A method table entry: name, C function, `length`, magic. */
typedef struct BuiltinMethod {
    const char *name;
    NativeFn fn;
    int length;
    int magic;
} BuiltinMethod;
void rt_define_methods(Runtime *rt, JSObject *o, const BuiltinMethod *m, size_t n);
#define RT_DEFINE_METHODS(rt, o, table) rt_define_methods(rt, o, table, sizeof(table) / sizeof(table[0]))

/* A method under a symbol key (name "[Symbol.iterator]" etc.). */
JSNative *rt_define_native_sym(Runtime *rt, JSObject *o, Value sym, const char *name,
                               NativeFn fn, int length, int magic);
/* An accessor property with native getter/setter (either may be NULL). */
void rt_define_native_accessor(Runtime *rt, JSObject *o, Value key, const char *name,
                               NativeFn getter, NativeFn setter, int magic);
/* A constructor: native with `prototype` (non-writable) and proto.constructor,
 * bound on the global object. */
JSNative *rt_define_ctor(Runtime *rt, const char *name, NativeFn fn, int length,
                         JSObject *proto, int magic);
/* Object whose prototype comes from newTarget.prototype (GetPrototypeFromConstructor). */
Value rt_proto_from_ctor(Runtime *rt, Value new_target, IntrinsicId fallback);

static inline Value rt_wk_symbol(Runtime *rt, IntrinsicId id) { return rt->intrinsics[id]; }
static inline JSObject *rt_intr_obj(Runtime *rt, IntrinsicId id) { return rt_as_object(rt->intrinsics[id]); }

/* ---- UTF-16 string builder ------------------------------------------------------ */
typedef struct StrBuf {
    uint16_t *b;
    size_t len, cap;
    bool overflow;   /* grew past RT_MAX_STRING_LENGTH or malloc failed */
} StrBuf;
void sb_init(StrBuf *sb);
void sb_free(StrBuf *sb);
void sb_putc(StrBuf *sb, uint16_t c);
void sb_put16(StrBuf *sb, const uint16_t *s, size_t n);
void sb_puts(StrBuf *sb, const char *utf8);       /* decodes UTF-8 */
void sb_putstr(StrBuf *sb, Value str);            /* a JSString value */
void sb_putcp(StrBuf *sb, uint32_t cp);           /* code point, surrogate pair when needed */
void sb_printf(StrBuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_repeat(StrBuf *sb, uint16_t c, size_t n);
/* Makes a string (RangeError "Invalid string length" when overflowed); frees sb. */
Value sb_finish(Runtime *rt, StrBuf *sb);

/* ---- property descriptors ------------------------------------------------------- */
typedef struct PropDesc {
    uint8_t attrs;          /* PROP_* (PROP_ACCESSOR for accessors) */
    Value value;            /* data */
    Value getter, setter;   /* accessor: function or undefined */
} PropDesc;
/* Own property descriptor: 1 found, 0 absent, -1 exception. key canonical. */
int rt_get_own_desc(Runtime *rt, JSObject *o, Value key, PropDesc *d);
/* ToPropertyDescriptor + define (Object.defineProperty): 0 ok, -1 exc (TypeError when rejected). */
int rt_define_from_descriptor(Runtime *rt, JSObject *o, Value key, Value desc_obj);
Value rt_from_prop_desc(Runtime *rt, const PropDesc *d);

/* ---- helpers ------------------------------------------------------------------------ */
int rt_to_length(Runtime *rt, Value v, double *out);           /* ToLength */
int rt_length_of_array_like(Runtime *rt, Value o, double *out); /* ToLength(Get(o, "length")) */
int rt_to_index_rel(Runtime *rt, Value v, double len, double dflt, double *out); /* relative index clamp */
Value rt_key_from_double(Runtime *rt, double index);           /* canonical key for an index */
int rt_create_data_property(Runtime *rt, Value obj, Value key, Value v); /* CreateDataPropertyOrThrow */
Value rt_make_iter_result(Runtime *rt, Value value, bool done);
Value rt_get_function_name(Runtime *rt, Value fn);             /* string ("" when absent) */
/* Iterates an iterable through @@iterator: calls fn for each value; 0 ok, -1 exc. */
typedef int (*IterFn)(Runtime *rt, Value v, void *ud);
int rt_iterate(Runtime *rt, Value iterable, IterFn fn, void *ud);
Value rt_create_list_from_array_like(Runtime *rt, Value v, uint32_t *count, ValueArray **out);
Value rt_error_to_string(Runtime *rt, Value err);              /* Error.prototype.toString */
Value rt_symbol_descriptive_string(Runtime *rt, Value sym);     /* "Symbol(desc)" */
uint64_t rt_random_next(Runtime *rt);

/* ---- per-file init hooks (called by rt_realm_init in this order) ---------------- */
void rt_init_object(Runtime *rt);
void rt_init_function(Runtime *rt);
void rt_init_symbol(Runtime *rt);
void rt_init_error(Runtime *rt);
void rt_init_array(Runtime *rt);
void rt_init_array_iter(Runtime *rt);
void rt_init_string(Runtime *rt);
void rt_init_number(Runtime *rt);
void rt_init_math(Runtime *rt);
void rt_init_json(Runtime *rt);
void rt_init_global(Runtime *rt);
void rt_init_date(Runtime *rt);
void rt_init_console(Runtime *rt);

/* inspect (rt_inspect.c): v formatted into out with a depth (showHidden for %o). */
int rt_inspect_into(Runtime *rt, Value v, int depth, bool show_hidden, StrBuf *out);
void rt_inspect_number(StrBuf *out, Value v);     /* -0 as "-0" */
void rt_inspect_symbol(StrBuf *out, Value sym);   /* Symbol(desc) */

/* console (rt_builtins_console.c): util.format into out / a line to f; -1 on a throw. */
int rt_console_format(Runtime *rt, int argc, Value *argv, StrBuf *out);
int rt_console_write(Runtime *rt, FILE *f, int argc, Value *argv);

/* JSON (rt_json.c), also used by console's %j. indent: string or number or undefined. */
Value rt_json_stringify(Runtime *rt, Value v, Value replacer, Value indent);
Value rt_json_parse(Runtime *rt, Value text, Value reviver);

/* Array iterators (rt_builtins_array_iter.c): kind 0 keys, 1 values, 2 entries. */
Value rt_array_iterator_new(Runtime *rt, Value target, int kind);

/* Date (rt_builtins_date.c): for inspect. */
Value rt_date_to_iso_string(Runtime *rt, double t);             /* string, or "Invalid Date" */
Value rt_date_to_string(Runtime *rt, double t);

/* Unicode case mapping (rt_builtins_string_case.c). rt_case_map writes the
 * full mapping of code point c (1 to 3 UTF-16 units) and returns the count;
 * rt_case_map1 is the simple one-to-one mapping. */
int rt_case_map(uint32_t c, bool upper, uint16_t out[3]);
uint32_t rt_case_map1(uint32_t c, bool upper);
bool rt_case_is_cased(uint32_t c);
bool rt_case_is_ignorable(uint32_t c);

/* Compiles a string as a script and runs it in the global scope (eval, $262.evalScript). */
Value rt_eval_script(Runtime *rt, Value source);

#endif
