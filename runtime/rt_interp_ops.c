/* rt_interp_ops.c — the out-of-line bodies of bytecodes too large or too rare
 * for the dispatch loop (globals and the global lexical record, `with`
 * lookups, super, literals, `in`), the operand check
 * every function's bytecode passes before its first run, and the
 * reconstruction of a callee expression for "x is not a function" (V8
 * re-parses the source for this; reef replays the bytecode up to the call).
 */
#include <stdlib.h>
#include <string.h>
#include "rt_frame.h"

/* ---- bytecode verification -------------------------------------------------------------------
 * The interpreter trusts operands (no bounds checks in the loop), so every
 * function's bytecode is checked once: opcodes, register/constant/function/
 * slot indices, jump targets on instruction boundaries, slot kinds where the
 * interpreter reads a kind-specific record, handler ranges, and that the code
 * cannot run off its end. A failure is an internal error of the compiler,
 * reported as a SyntaxError naming the function and offset. */
static int required_slot_kind(int op) {
    switch (op) {
    case BC_GetNamedProperty: return FS_Load;
    case BC_SetNamedProperty: return FS_Store;
    case BC_GetKeyedProperty: return FS_KeyedLoad;
    case BC_SetKeyedProperty: return FS_KeyedStore;
    case BC_LdaGlobal: case BC_LdaGlobalTypeof: case BC_StaGlobal: return FS_Global;
    case BC_Call: case BC_CallSpread: case BC_Construct: case BC_ConstructSpread:
    case BC_SuperCall: case BC_SuperCallSpread: case BC_TestInstanceOf: return -2; /* Call or InstanceOf */
    default: return -1;
    }
}

static bool verify_fail(Runtime *rt, BytecodeFunction *bf, uint32_t off, const char *why) {
    char *u = rt_is_string(bf->name) ? rt_string_to_utf8(bf->name, NULL) : NULL;
    rt_throw_error(rt, ERR_SyntaxError, "internal error: invalid bytecode in %s at offset %u: %s",
                   u && *u ? u : "(anonymous)", off, why);
    free(u);
    return false;
}

bool rt_bytecode_verify(Runtime *rt, BytecodeFunction *bf) {
    uint32_t len = bf->code_len;
    if (!bf->code || len == 0) return verify_fail(rt, bf, 0, "empty code");
    uint8_t *start = calloc(len + 1, 1);
    if (!start) return verify_fail(rt, bf, 0, "out of memory");
    bool ok = true;
    uint32_t off = 0, last = 0;
    const char *why = NULL;
    while (off < len) {
        int op = bf->code[off];
        if (op >= BC__COUNT) { why = "bad opcode"; break; }
        int l = rt_bytecode_length((Bytecode)op);
        if (off + (uint32_t)l > len) { why = "truncated instruction"; break; }
        start[off] = 1;
        last = off;
        off += (uint32_t)l;
    }
    if (!why && !(rt_bytecode_info[bf->code[last]].flags & BCF_TERM)) why = "code may run off its end";
    if (why) {
        free(start);
        return verify_fail(rt, bf, off, why);
    }
    for (off = 0; off < len && ok; off += (uint32_t)rt_bytecode_length((Bytecode)bf->code[off])) {
        int op = bf->code[off];
        const char *ops = rt_bytecode_info[op].operands;
        const uint8_t *p = bf->code + off + 1;
        uint32_t vals[4] = {0};
        for (int i = 0; ops[i] && ok; i++) {
            char k = ops[i];
            uint32_t v = (k == 'i' || k == 'j') ? rt_bc_u32(p) : rt_bc_u16(p);
            vals[i] = v;
            switch (k) {
            case 'r': if (v >= bf->register_count) why = "register out of range"; break;
            case 'k': if (v >= bf->constant_count) why = "constant out of range"; break;
            case 'f': if (v >= bf->function_count || !bf->functions[v]) why = "function out of range"; break;
            case 's':
                if (v >= bf->slot_count) why = "feedback slot out of range";
                else {
                    int need = required_slot_kind(op), have = bf->slot_kinds[v];
                    if (need == -2 && have != FS_Call && have != FS_InstanceOf) why = "wrong feedback slot kind";
                    if (need >= 0 && have != need) why = "wrong feedback slot kind";
                }
                break;
            case 'j': if (v >= len || !start[v]) why = "jump target not an instruction"; break;
            default: break;
            }
            p += (k == 'i' || k == 'j') ? 4 : 2;
            if (why) ok = false;
        }
        if (!ok) break;
        /* register ranges: R .. R+count-1 */
        uint32_t base = 0, count = 0;
        if (op == BC_Call || op == BC_Construct) { base = vals[1]; count = vals[2]; }
        else if (op == BC_CreateArray) { base = vals[0]; count = vals[1]; }
        else if (op == BC_SuperCall) { base = vals[0]; count = vals[1]; }
        else if (op == BC_CallRuntime) { base = vals[1]; count = vals[2]; }
        if (count && base + count > bf->register_count) {
            why = "register range out of range";
            ok = false;
        }
        if ((op == BC_LdaConstant || op == BC_GetNamedProperty || op == BC_SetNamedProperty ||
             op == BC_DefineNamedOwn || op == BC_LdaGlobal || op == BC_StaGlobal || op == BC_LdaGlobalTypeof ||
             op == BC_ThrowIfHole || op == BC_ThrowTypeError) && ok) {
            uint32_t k = op == BC_LdaConstant || op == BC_LdaGlobal || op == BC_StaGlobal ||
                         op == BC_LdaGlobalTypeof || op == BC_ThrowIfHole || op == BC_ThrowTypeError ? vals[0] : vals[1];
            if (op != BC_LdaConstant && !rt_is_string(bf->constants[k]) && !rt_is_symbol(bf->constants[k])) {
                why = "name operand is not a string";
                ok = false;
            }
        }
        if (op == BC_CallRuntime && ok && vals[0] >= 64) {
            why = "unknown intrinsic";
            ok = false;
        }
    }
    for (uint32_t i = 0; ok && i < bf->handler_count; i++) {
        HandlerEntry *h = &bf->handlers[i];
        if (h->start > h->end || h->end > len || h->handler >= len || !start[h->handler]) {
            why = "bad handler table entry";
            ok = false;
            off = h->handler;
        }
    }
    free(start);
    if (!ok) return verify_fail(rt, bf, off, why);
    return true;
}

/* ---- globals ----------------------------------------------------------------------------------- */
static char *name_utf8(Value name) {
    return rt_is_string(name) ? rt_string_to_utf8(name, NULL) : strdup("?");
}

static void cache_global(Runtime *rt, FeedbackSlot *fs, JSObject *g, Value key) {
    Shape *sh = g->shape;
    for (uint32_t i = 0; i < sh->prop_count; i++) {
        if (sh->props[i].key != key) continue;
        if (sh->props[i].attrs & PROP_ACCESSOR) return;
        if (fs->u.global.state != IC_monomorphic && rt->flags.trace_ic) {
            char *u = name_utf8(key);
            fprintf(rt->err, "[IC] GlobalIC %s: uninitialized -> monomorphic (global property #%u)\n", u, i);
            free(u);
        }
        fs->u.global.shape = sh;
        fs->u.global.index = i;
        fs->u.global.state = IC_monomorphic;
        return;
    }
}

/* ---- the global declarative record (script-level let/const/class) -------------------------------
 * A null-prototype object held in INTR_GlobalLexicals, made on first use:
 * one data property per binding, the hole until the declaration runs;
 * const bindings are non-writable (StaGlobalLexical writes the slot
 * directly). It is consulted before the global object, and a name found
 * here is never cached in a global IC. */
static JSObject *global_lexicals(Runtime *rt, bool create) {
    Value v = rt->intrinsics[INTR_GlobalLexicals];
    if (rt_is_object(v)) return rt_as_object(v);
    if (!create) return NULL;
    JSObject *o = rt_object_new(rt, RT_NULL);
    rt->intrinsics[INTR_GlobalLexicals] = rt_ptr(o);
    return o;
}

/* 1: found (value in *out, its attributes in *attrs), 0: no such binding. */
static int global_lexical_lookup(Runtime *rt, Value key, PropRef *out) {
    JSObject *lex = global_lexicals(rt, false);
    if (!lex) return 0;
    return rt_get_own_property(rt, lex, key, out) ? 1 : 0;
}

static Value throw_tdz(Runtime *rt, Value name) {
    char *u = name_utf8(name);
    rt_throw_error(rt, ERR_ReferenceError, "Cannot access '%s' before initialization", u);
    free(u);
    return RT_EXCEPTION;
}

void rt_op_sta_global_lexical(Runtime *rt, Value name, Value v) {
    PropRef r;
    Value key = rt_is_string(name) ? rt_to_property_key(rt, name) : name;
    if (global_lexical_lookup(rt, key, &r) && r.holder && !(r.attrs & PROP_ACCESSOR)) {
        rt_slot_set(rt, r.holder, r.slot, v);
        return;
    }
    JSObject *lex = global_lexicals(rt, true);        /* not declared (cannot happen): define it */
    rt_define_data(rt, lex, key, v, PROP_WRITABLE);
}

enum { GD_VAR, GD_FUNCTION, GD_LET, GD_CONST, GD_CLASS };

static int gd_syntax_error(Runtime *rt, Value name) {
    char *u = name_utf8(name);
    rt_throw_error(rt, ERR_SyntaxError, "Identifier '%s' has already been declared", u);
    free(u);
    return -1;
}

/* GlobalDeclarationInstantiation (§16.1.7): every check first, then the
 * bindings. There is no eval, so [[VarNames]] is approximated by the
 * non-configurable own properties of the global object (which is what
 * script-level var/function declarations create). */
int rt_op_declare_globals(Runtime *rt, Value decls) {
    if (!rt_is_array(decls)) return 0;
    JSObject *arr = rt_as_object(decls);
    JSObject *g = rt->global;
    JSObject *lex = global_lexicals(rt, true);
    uint32_t n = arr->length;
    for (int pass = 0; pass < 2; pass++) {
        for (uint32_t i = 0; i + 1 < n; i += 2) {
            Value name = rt_get_index(rt, decls, i);
            Value kv = rt_get_index(rt, decls, i + 1);
            if (rt_is_exception(name) || rt_is_exception(kv)) return -1;
            Value key = rt_to_property_key(rt, name);
            if (rt_is_exception(key)) return -1;
            int kind = rt_is_int(kv) ? rt_as_int(kv) : GD_VAR;
            PropRef lr, gr;
            bool in_lex = rt_get_own_property(rt, lex, key, &lr);
            bool in_global = rt_get_own_property(rt, g, key, &gr);
            if (pass == 0) {
                if (kind >= GD_LET) {
                    if (in_lex || (in_global && !(gr.attrs & PROP_CONFIGURABLE))) return gd_syntax_error(rt, name);
                } else {
                    if (in_lex) return gd_syntax_error(rt, name);
                    bool ok;
                    if (kind == GD_FUNCTION)          /* CanDeclareGlobalFunction */
                        ok = in_global ? ((gr.attrs & PROP_CONFIGURABLE) ||
                                          (!(gr.attrs & PROP_ACCESSOR) && (gr.attrs & PROP_WRITABLE) && (gr.attrs & PROP_ENUMERABLE)))
                                       : (g->flags & OBJ_EXTENSIBLE);
                    else                              /* CanDeclareGlobalVar */
                        ok = in_global || (g->flags & OBJ_EXTENSIBLE);
                    if (!ok) {
                        char *u = name_utf8(name);
                        rt_throw_error(rt, ERR_TypeError, "Cannot declare global %s '%s'",
                                       kind == GD_FUNCTION ? "function" : "variable", u);
                        free(u);
                        return -1;
                    }
                }
                continue;
            }
            if (kind >= GD_LET) {
                if (!in_lex && rt_define_data(rt, lex, key, RT_HOLE, kind == GD_CONST ? 0 : PROP_WRITABLE) < 0) return -1;
            } else if (kind == GD_FUNCTION) {       /* CreateGlobalFunctionBinding (value set by the code) */
                if (!in_global || (gr.attrs & PROP_CONFIGURABLE)) {
                    Value init = in_global && !(gr.attrs & PROP_ACCESSOR) ? gr.value : RT_UNDEFINED;
                    if (rt_define_data(rt, g, key, init, PROP_WRITABLE | PROP_ENUMERABLE) < 0) return -1;
                }
            } else if (!in_global) {                /* CreateGlobalVarBinding */
                if (rt_define_data(rt, g, key, RT_UNDEFINED, PROP_WRITABLE | PROP_ENUMERABLE) < 0) return -1;
            }
        }
    }
    return 0;
}

/* ---- with: HasBinding of an object environment (§9.1.1.2.1) ------------------------------------- */
Value rt_op_resolve_with(Runtime *rt, Frame *fr, Value acc, Value name, uint32_t depth) {
    if (acc != RT_HOLE) return acc;
    Context *c = fr->context;
    for (uint32_t d = depth; d && c; d--) c = c->parent;
    if (!c || c->slot_count < 1 || !rt_is_object(c->slots[0]))
        return rt_throw_error(rt, ERR_ReferenceError, "internal error: with object missing");
    Value obj = c->slots[0];
    Value key = rt_is_string(name) ? rt_to_property_key(rt, name) : name;
    if (rt_is_exception(key)) return key;
    int has = rt_has_property(rt, obj, key);
    if (has < 0) return RT_EXCEPTION;
    if (!has) return RT_HOLE;
    Value uns = rt_get(rt, obj, rt_intrinsic(rt, INTR_Sym_unscopables));
    if (rt_is_exception(uns)) return uns;
    if (rt_is_object(uns)) {
        Value blocked = rt_get(rt, uns, key);
        if (rt_is_exception(blocked)) return blocked;
        if (rt_to_boolean(blocked)) return RT_HOLE;
    }
    return obj;
}

Value rt_op_lda_global(Runtime *rt, Frame *fr, Value name, FeedbackSlot *fs, bool typeof_mode) {
    (void)fr;
    JSObject *g = rt->global;
    Value key = rt_is_string(name) ? rt_to_property_key(rt, name) : name;
    PropRef r;
    if (global_lexical_lookup(rt, key, &r)) {
        if (r.value == RT_HOLE) return throw_tdz(rt, name);
        return r.value;
    }
    if (rt_get_own_property(rt, g, key, &r)) {
        if (!(r.attrs & PROP_ACCESSOR)) {
            cache_global(rt, fs, g, key);
            return r.value;
        }
        return rt_get(rt, rt_ptr(g), key);
    }
    int has = rt_has_property(rt, rt_ptr(g), key);
    if (has < 0) return RT_EXCEPTION;
    if (has) return rt_get(rt, rt_ptr(g), key);
    if (typeof_mode) return RT_UNDEFINED;
    char *u = name_utf8(name);
    rt_throw_error(rt, ERR_ReferenceError, "%s is not defined", u);
    free(u);
    return RT_EXCEPTION;
}

int rt_op_sta_global(Runtime *rt, Frame *fr, Value name, Value v, FeedbackSlot *fs) {
    JSObject *g = rt->global;
    Value key = rt_is_string(name) ? rt_to_property_key(rt, name) : name;
    bool strict = (fr->bf->flags & BFF_STRICT) != 0;
    PropRef r;
    if (global_lexical_lookup(rt, key, &r)) {
        if (r.value == RT_HOLE) { throw_tdz(rt, name); return -1; }
        if (!(r.attrs & PROP_WRITABLE)) { rt_throw_error(rt, ERR_TypeError, "Assignment to constant variable."); return -1; }
        rt_slot_set(rt, r.holder, r.slot, v);
        return 0;
    }
    if (rt_get_own_property(rt, g, key, &r)) {
        if (rt_set(rt, rt_ptr(g), key, v, strict) < 0) return -1;
        cache_global(rt, fs, g, key);
        return 0;
    }
    if (strict) {
        int has = rt_has_property(rt, rt_ptr(g), key);
        if (has < 0) return -1;
        if (!has) {
            char *u = name_utf8(name);
            rt_throw_error(rt, ERR_ReferenceError, "%s is not defined", u);
            free(u);
            return -1;
        }
    }
    return rt_set(rt, rt_ptr(g), key, v, strict);
}

/* ---- operators and literals ------------------------------------------------------------------- */
Value rt_op_test_in(Runtime *rt, Value key, Value obj) {
    if (!rt_is_object(obj)) {
        char k[96], o[96];
        rt_value_desc(rt, key, k, sizeof k);
        rt_value_desc(rt, obj, o, sizeof o);
        return rt_throw_error(rt, ERR_TypeError, "Cannot use 'in' operator to search for '%s' in %s", k, o);
    }
    Value pk = rt_to_property_key(rt, key);
    if (rt_is_exception(pk)) return pk;
    int r = rt_has_property(rt, obj, pk);
    return r < 0 ? RT_EXCEPTION : rt_bool(r);
}

Value rt_op_named_key(Runtime *rt, Value name) { return rt_to_property_key(rt, name); }

/* SetFunctionName for methods whose name the compiler could not know. */
static void name_method(Runtime *rt, Value fn, Value key, int kind) {
    if (!rt_is_class(fn, CLS_FUNCTION)) return;
    JSFunction *f = (JSFunction *)rt_as_object(fn);
    if (rt_is_string(f->bc->name) && rt_as_string(f->bc->name)->len && kind == 0) return;
    PropRef r;
    if (rt_get_own_property(rt, &f->base, rt_atom(rt, ATOM_name), &r) && !(r.attrs & PROP_ACCESSOR) &&
        rt_is_string(r.value) && rt_as_string(r.value)->len && kind == 0)
        return;
    Value s;
    if (rt_is_symbol(key)) {
        Value d = ((JSSymbol *)rt_as_ptr(key))->description;
        s = rt_is_string(d) ? rt_string_concat(rt, rt_string_concat(rt, rt_string_from_cstr(rt, "["), d),
                                               rt_string_from_cstr(rt, "]"))
                            : rt_atom(rt, ATOM_empty);
    } else {
        s = rt_key_to_string(rt, key);
    }
    if (!rt_is_string(s)) return;
    if (kind) s = rt_string_concat(rt, rt_string_from_cstr(rt, kind == 1 ? "get " : "set "), s);
    if (rt_is_string(s)) rt_define_data(rt, &f->base, rt_atom(rt, ATOM_name), s, PROP_CONFIGURABLE);
}

int rt_op_define_keyed_own(Runtime *rt, Value obj, Value key, Value v) {
    /* { [k]: function () {} }: an anonymous function takes the key as name */
    if (rt_is_class(v, CLS_FUNCTION)) {
        JSFunction *f = (JSFunction *)rt_as_object(v);
        if (rt_is_string(f->bc->name) && rt_as_string(f->bc->name)->len == 0) name_method(rt, v, key, 0);
    }
    return rt_define_data(rt, rt_as_object(obj), key, v, PROP_DEFAULT) < 0 ? -1 : 0;
}

int rt_op_define_method(Runtime *rt, Value obj, Value keyv, Value fn, int kind, bool enumerable) {
    if (!rt_is_object(obj)) {
        rt_throw_error(rt, ERR_TypeError, "internal error: method target is not an object");
        return -1;
    }
    Value key = rt_to_property_key(rt, keyv);
    if (rt_is_exception(key)) return -1;
    JSObject *o = rt_as_object(obj);
    if (rt_is_class(fn, CLS_FUNCTION)) ((JSFunction *)rt_as_object(fn))->home_object = obj;
    name_method(rt, fn, key, kind);
    int ok;
    if (kind == 0) {
        ok = rt_define_data(rt, o, key, fn, enumerable ? PROP_DEFAULT : PROP_HIDDEN);
        goto done;   /* DefineMethodProperty throws when the define is refused (static "prototype") */
    }
    Value getter = RT_UNDEFINED, setter = RT_UNDEFINED;
    PropRef r;
    if (rt_get_own_property(rt, o, key, &r) && (r.attrs & PROP_ACCESSOR) && rt_is_ptr(r.value)) {
        AccessorPair *ap = rt_as_ptr(r.value);
        getter = ap->getter;
        setter = ap->setter;
    }
    if (kind == 1) getter = fn;
    else setter = fn;
    uint8_t attrs = PROP_CONFIGURABLE | (enumerable ? PROP_ENUMERABLE : 0);
    ok = rt_define_accessor(rt, o, key, getter, setter, attrs);
done:
    if (ok == 0) {
        Value ks = rt_is_symbol(key) ? RT_UNDEFINED : rt_key_to_string(rt, key);
        char *k = rt_is_string(ks) ? rt_string_to_utf8(ks, NULL) : NULL;
        rt_throw_error(rt, ERR_TypeError, "Cannot redefine property: %s", k ? k : "[symbol]");
        free(k);
    }
    return ok <= 0 ? -1 : 0;
}

static Value super_base(Runtime *rt, Frame *fr) {
    Value home = fr->function->home_object;
    if (!rt_is_object(home)) {
        rt_throw_error(rt, ERR_SyntaxError, "'super' keyword unexpected here");
        return RT_EXCEPTION;
    }
    return rt_get_prototype_of(rt, rt_as_object(home));
}

static Value frame_this(Frame *fr) { return fr->receiver; }

Value rt_op_get_super(Runtime *rt, Frame *fr, Value keyv) {
    Value proto = super_base(rt, fr);
    if (rt_is_exception(proto)) return proto;
    Value key = rt_to_property_key(rt, keyv);
    if (rt_is_exception(key)) return key;
    if (!rt_is_object(proto)) {
        char k[96];
        rt_value_desc(rt, key, k, sizeof k);
        return rt_throw_error(rt, ERR_TypeError, "Cannot read properties of %s (reading '%s')",
                              rt_is_null(proto) ? "null" : "undefined", k);
    }
    return rt_get_recv(rt, proto, key, frame_this(fr));
}

int rt_op_set_super(Runtime *rt, Frame *fr, Value keyv, Value v) {
    Value proto = super_base(rt, fr);
    if (rt_is_exception(proto)) return -1;
    Value key = rt_to_property_key(rt, keyv);
    if (rt_is_exception(key)) return -1;
    if (!rt_is_object(proto)) {
        rt_throw_error(rt, ERR_TypeError, "Cannot set properties of null");
        return -1;
    }
    return rt_set_recv(rt, proto, key, v, frame_this(fr), true);
}

static bool key_excluded(Runtime *rt, Value excluded, Value key) {
    if (!rt_is_array(excluded)) return false;
    JSObject *a = rt_as_object(excluded);
    for (uint32_t i = 0; i < a->length; i++) {
        Value e = rt_get_index(rt, excluded, i);
        if (rt_is_exception(e)) {
            rt_take_exception(rt);
            continue;
        }
        Value ek = rt_to_property_key(rt, e);
        if (rt_is_exception(ek)) {
            rt_take_exception(rt);
            continue;
        }
        if (ek == key || rt_same_value(ek, key)) return true;
    }
    return false;
}

int rt_op_copy_data_properties(Runtime *rt, Value target, Value src, Value excluded) {
    if (rt_is_nullish(src)) return 0;
    if (!rt_is_object(target)) {
        rt_throw_error(rt, ERR_TypeError, "internal error: spread target is not an object");
        return -1;
    }
    Value from = rt_to_object(rt, src);
    if (rt_is_exception(from)) return -1;
    JSObject *keys = rt_own_keys(rt, rt_as_object(from), RT_KEYS_STRINGS | RT_KEYS_SYMBOLS | RT_KEYS_ENUMERABLE_ONLY);
    if (!keys) return -1;
    Value kv = rt_ptr(keys);
    for (uint32_t i = 0; i < keys->length; i++) {
        Value k = rt_get_index(rt, kv, i);
        if (rt_is_exception(k)) return -1;
        Value key = rt_to_property_key(rt, k);
        if (rt_is_exception(key)) return -1;
        if (key_excluded(rt, excluded, key)) continue;
        Value v = rt_get(rt, from, key);
        if (rt_is_exception(v)) return -1;
        if (rt_define_data(rt, rt_as_object(target), key, v, PROP_DEFAULT) < 0) return -1;
    }
    return 0;
}

Value rt_op_array_spread(Runtime *rt, Value arr, Value iterable) {
    if (!rt_is_array(arr)) return rt_throw_error(rt, ERR_TypeError, "internal error: spread into a non-array");
    JSObject *a = rt_as_object(arr);
    if (rt_is_array(iterable)) {
        JSObject *src = rt_as_object(iterable);
        for (uint32_t i = 0; i < src->length; i++) {
            Value v = rt_get_index(rt, iterable, i);
            if (rt_is_exception(v)) return v;
            if (rt_array_push(rt, a, v) < 0) return RT_EXCEPTION;
        }
        return RT_UNDEFINED;
    }
    Value it = rt_get_iterator(rt, iterable);
    if (rt_is_exception(it)) return it;
    for (;;) {
        Value v = rt_iterator_next(rt, it);
        if (rt_is_exception(v)) return v;
        if (v == RT_HOLE) break;
        if (rt_array_push(rt, a, v) < 0) return RT_EXCEPTION;
    }
    return RT_UNDEFINED;
}

/* ---- "x is not a function": rebuilding the callee expression ------------------------------------
 * Replays the bytecode from the function's start to the failing call,
 * tracking for the accumulator and each register a printable expression
 * (globals, property chains, `this`, call results). Straight-line replay is
 * exact for the common shapes (`o.f()`, `g()`, `a.b.c()`); when a value's
 * origin is unknown (a local variable in a register) the source text at the
 * call's position is used, and failing that, the value itself. */
#define DESC_MAX 96

static void desc_set(char *dst, const char *src) {
    if (dst == src) return;
    size_t n = strnlen(src, DESC_MAX - 1);
    memmove(dst, src, n);
    dst[n] = 0;
}

static void desc_name(char *dst, Value k) {
    char *u = rt_is_string(k) ? rt_string_to_utf8(k, NULL) : NULL;
    desc_set(dst, u ? u : "");
    free(u);
}

static void replay(BytecodeFunction *bf, uint32_t upto, char *accd, char *regd) {
    uint32_t off = 0;
    char tmp[DESC_MAX * 2 + 8];
    accd[0] = 0;
    while (off < upto && off < bf->code_len) {
        int op = bf->code[off];
        const uint8_t *p = bf->code + off + 1;
        switch (op) {
        case BC_LdaGlobal: case BC_LdaGlobalTypeof: desc_name(accd, bf->constants[rt_bc_u16(p)]); break;
        case BC_LdaThis: desc_set(accd, "this"); break;
        case BC_Ldar: desc_set(accd, regd + (size_t)rt_bc_u16(p) * DESC_MAX); break;
        case BC_Star: desc_set(regd + (size_t)rt_bc_u16(p) * DESC_MAX, accd); break;
        case BC_Mov: desc_set(regd + (size_t)rt_bc_u16(p + 2) * DESC_MAX, regd + (size_t)rt_bc_u16(p) * DESC_MAX); break;
        case BC_GetNamedProperty: {
            const char *obj = regd + (size_t)rt_bc_u16(p) * DESC_MAX;
            char name[DESC_MAX];
            desc_name(name, bf->constants[rt_bc_u16(p + 2)]);
            snprintf(tmp, sizeof tmp, "%s.%s", obj[0] ? obj : "(intermediate value)", name);
            desc_set(accd, tmp);
            break;
        }
        case BC_GetKeyedProperty: {
            const char *obj = regd + (size_t)rt_bc_u16(p) * DESC_MAX;
            snprintf(tmp, sizeof tmp, "%s[%s]", obj[0] ? obj : "(intermediate value)", accd[0] ? accd : "...");
            desc_set(accd, tmp);
            break;
        }
        case BC_LdaSmi: snprintf(tmp, sizeof tmp, "%d", rt_bc_i32(p)); desc_set(accd, tmp); break;
        case BC_Call: case BC_CallSpread: {
            const char *c = regd + (size_t)rt_bc_u16(p) * DESC_MAX;
            snprintf(tmp, sizeof tmp, "%s(...)", c[0] ? c : "(intermediate value)");
            desc_set(accd, tmp);
            break;
        }
        case BC_SetNamedProperty: case BC_SetKeyedProperty: case BC_StaGlobal: case BC_StaContextSlot:
        case BC_DefineNamedOwn: case BC_DefineKeyedOwn: case BC_DefineMethod: case BC_DefineGetter:
        case BC_DefineSetter: case BC_Jump: case BC_JumpLoop: case BC_JumpIfTrue: case BC_JumpIfFalse:
        case BC_JumpIfToBooleanTrue: case BC_JumpIfToBooleanFalse: case BC_JumpIfNullish:
        case BC_JumpIfNotNullish: case BC_JumpIfUndefined: case BC_JumpIfNotUndefined: case BC_JumpIfHole:
        case BC_PushContext: case BC_PopContext: case BC_StaCurrentContext: case BC_StaThis:
        case BC_ArrayPush: case BC_ArrayPushHole: case BC_ThrowIfHole: case BC_SetClassFields: case BC_Nop:
        case BC_Debugger: case BC_IteratorClose: case BC_CopyDataProperties:
            break;
        default:
            accd[0] = 0;
            break;
        }
        off += (uint32_t)rt_bytecode_length((Bytecode)op);
    }
}

static bool ident_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
           (unsigned char)c >= 0x80;
}

/* The identifier/member chain around the call's source position. */
static bool source_callee(BytecodeFunction *bf, uint32_t pc, char *out) {
    const SourcePos *sp = rt_bc_position(bf, pc);
    Script *s = bf->script;
    if (!sp || !s || !s->source) return false;
    const char *src = s->source, *end = src + s->source_len, *ls = src;
    for (uint32_t line = 1; line < sp->line && ls < end; ls++)
        if (*ls == '\n') line++;
    const char *p = ls + (sp->col ? sp->col - 1 : 0);
    if (p >= end) return false;
    const char *a = p, *b = p;
    if (*p == '(' && a > ls) a = b = p - 1;
    if (!ident_char(*a) && *a != '.') return false;
    while (a > ls && (ident_char(a[-1]) || a[-1] == '.')) a--;
    while (b + 1 < end && (ident_char(b[1]) || b[1] == '.')) b++;
    if (b < a || *a == '.' || (b - a + 1) >= DESC_MAX) return false;
    memcpy(out, a, (size_t)(b - a + 1));
    out[b - a + 1] = 0;
    return out[0] != 0;
}

Value rt_throw_not_callable(Runtime *rt, Frame *fr, Value callee, int callee_reg, bool construct) {
    BytecodeFunction *bf = fr->bf;
    char accd[DESC_MAX], desc[DESC_MAX];
    desc[0] = 0;
    char *regd = calloc((size_t)bf->register_count + 1, DESC_MAX);
    if (regd) {
        replay(bf, fr->pc, accd, regd);
        if (callee_reg >= 0 && (uint32_t)callee_reg < bf->register_count)
            desc_set(desc, regd + (size_t)callee_reg * DESC_MAX);
        free(regd);
    }
    /* an unknown base ("(intermediate value).f"): the source text knows better */
    char src[DESC_MAX];
    if ((!desc[0] || strstr(desc, "(intermediate value)")) && source_callee(bf, fr->pc, src)) desc_set(desc, src);
    if (!desc[0]) {
        rt_value_desc(rt, callee, desc + 1, sizeof desc - 2);
        if (rt_is_string(callee)) {
            desc[0] = '"';
            strcat(desc, "\"");
        } else {
            memmove(desc, desc + 1, strlen(desc + 1) + 1);
        }
    }
    return rt_throw_error(rt, ERR_TypeError, "%s is not a %s", desc, construct ? "constructor" : "function");
}
