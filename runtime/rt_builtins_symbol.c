/* rt_builtins_symbol.c — Symbol (ECMA-262 §20.4): the constructor (callable,
 * never with `new`), the global registry of Symbol.for/keyFor (a
 * null-prototype object kept as an intrinsic, so the collector roots it),
 * the well-known symbols of rt_symbols.def, and Symbol.prototype.
 */
#include <stdlib.h>
#include "rt_builtins.h"

Value rt_symbol_descriptive_string(Runtime *rt, Value sym) {
    JSSymbol *s = rt_as_ptr(sym);
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, "Symbol(");
    if (rt_is_string(s->description)) sb_putstr(&sb, s->description);
    sb_putc(&sb, ')');
    return sb_finish(rt, &sb);
}

RT_NATIVE(symbol_ctor) {
    if (!rt_is_undefined(new_target)) return rt_throw_error(rt, ERR_TypeError, "Symbol is not a constructor");
    Value desc = ARG(0);
    if (!rt_is_undefined(desc)) {
        desc = rt_to_string(rt, desc);
        TRYV(desc);
    }
    return rt_symbol_new(rt, desc);
}

RT_NATIVE(symbol_for) {
    Value key = rt_to_string(rt, ARG(0));
    TRYV(key);
    key = rt_intern(rt, key);
    JSObject *reg = rt_intr_obj(rt, INTR_SymbolRegistry);
    PropDesc d;
    if (rt_get_own_desc(rt, reg, key, &d) > 0 && rt_is_symbol(d.value)) return d.value;
    Value sym = rt_symbol_new(rt, key);
    rt_define_data(rt, reg, key, sym, PROP_DEFAULT);
    return sym;
}

RT_NATIVE(symbol_key_for) {
    Value sym = ARG(0);
    if (!rt_is_symbol(sym)) {
        Value s = rt_inspect(rt, sym);
        char *c = rt_is_string(s) ? rt_string_to_utf8(s, NULL) : NULL;
        rt_throw_error(rt, ERR_TypeError, "%s is not a symbol", c ? c : "value");
        free(c);
        return RT_EXCEPTION;
    }
    Value desc = ((JSSymbol *)rt_as_ptr(sym))->description;
    if (!rt_is_string(desc)) return RT_UNDEFINED;
    JSObject *reg = rt_intr_obj(rt, INTR_SymbolRegistry);
    PropDesc d;
    Value key = rt_to_property_key(rt, desc);
    TRYV(key);
    if (rt_get_own_desc(rt, reg, key, &d) > 0 && d.value == sym) return desc;
    return RT_UNDEFINED;
}

static Value this_symbol(Runtime *rt, Value v, const char *method) {
    if (rt_is_symbol(v)) return v;
    if (rt_is_class(v, CLS_SYMBOL)) return ((JSWrapper *)rt_as_object(v))->value;
    return rt_throw_error(rt, ERR_TypeError, "%s requires that 'this' be a Symbol", method);
}

RT_NATIVE(symbol_to_string) {
    Value s = this_symbol(rt, this_val, "Symbol.prototype.toString");
    TRYV(s);
    return rt_symbol_descriptive_string(rt, s);
}

RT_NATIVE(symbol_value_of) { return this_symbol(rt, this_val, "Symbol.prototype.valueOf"); }

RT_NATIVE(symbol_description) {
    Value s = this_symbol(rt, this_val, "Symbol.prototype.description");
    TRYV(s);
    return ((JSSymbol *)rt_as_ptr(s))->description;
}

void rt_init_symbol(Runtime *rt) {
    JSObject *proto = rt_object_new(rt, rt->intrinsics[INTR_ObjectPrototype]);
    rt->intrinsics[INTR_SymbolPrototype] = rt_ptr(proto);
    rt->intrinsics[INTR_SymbolRegistry] = rt_ptr(rt_object_new(rt, RT_NULL));
#define SYM(id, desc) rt->intrinsics[INTR_Sym_##id] = rt_symbol_new(rt, rt_string_from_cstr(rt, desc));
#include "rt_symbols.def"
#undef SYM
    JSNative *ctor = rt_define_ctor(rt, "Symbol", symbol_ctor, 0, proto, 0);
    ctor->is_constructor = 0;
    rt->intrinsics[INTR_Symbol] = rt_ptr(ctor);
#define SYM(id, desc) rt_define_cstr(rt, &ctor->base, #id, rt->intrinsics[INTR_Sym_##id], 0);
#include "rt_symbols.def"
#undef SYM
    rt_define_native(rt, &ctor->base, "for", symbol_for, 1, 0);
    rt_define_native(rt, &ctor->base, "keyFor", symbol_key_for, 1, 0);
    rt_define_native(rt, proto, "toString", symbol_to_string, 0, 0);
    rt_define_native(rt, proto, "valueOf", symbol_value_of, 0, 0);
    rt_define_native_accessor(rt, proto, rt_intern_cstr(rt, "description"), "description", symbol_description, NULL, 0);
    rt_define_data(rt, proto, rt->intrinsics[INTR_Sym_toStringTag], rt_string_from_cstr(rt, "Symbol"), PROP_CONFIGURABLE);
    JSNative *tp = rt_native_new(rt, symbol_value_of, "[Symbol.toPrimitive]", 1, 0);
    rt_define_data(rt, proto, rt->intrinsics[INTR_Sym_toPrimitive], rt_ptr(tp), PROP_CONFIGURABLE);
}
