/* rt_convert.c — type conversions (ECMA-262 §7.1) and the generic slow
 * paths of the operators (§13.15.3 ApplyStringOrNumericBinaryOperator,
 * §7.2.13 IsLessThan, §7.2.14 IsLooselyEqual, §7.3.21 OrdinaryHasInstance).
 * The interpreter's fast paths handle small integers and doubles inline and
 * call here for everything else, so this file is the reference semantics:
 * operand conversions happen left to right, exactly once each.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rt_heap_internal.h"

/* ---- predicates ------------------------------------------------------------------ */

bool rt_is_callable(Value v) {
    if (!rt_is_object(v)) return false;
    uint8_t c = rt_as_object(v)->cls;
    return c == CLS_FUNCTION || c == CLS_NATIVE || c == CLS_BOUND;
}

bool rt_is_constructor(Value v) {
    if (!rt_is_object(v)) return false;
    JSObject *o = rt_as_object(v);
    switch (o->cls) {
    case CLS_FUNCTION: {
        JSFunction *f = (JSFunction *)o;
        if (!f->bc) return false;
        return !(f->bc->flags & (BFF_ARROW | BFF_METHOD | BFF_GETTER | BFF_SETTER | BFF_TOPLEVEL | BFF_CLASS_FIELDS_INIT));
    }
    case CLS_NATIVE:
        return ((JSNative *)o)->is_constructor != 0;
    case CLS_BOUND:
        return rt_is_constructor(((JSBound *)o)->target);
    default:
        return false;
    }
}

bool rt_to_boolean(Value v) {
    if (rt_is_int(v)) return rt_as_int(v) != 0;
    if (rt_is_double(v)) {
        double d = rt_as_double(v);
        return d == d && d != 0;
    }
    if (v == RT_TRUE) return true;
    if (v == RT_FALSE || v == RT_NULL || v == RT_UNDEFINED || v == RT_HOLE) return false;
    if (rt_is_string(v)) return rt_as_string(v)->len != 0;
    return true;
}

/* V8's "number 1 is not a function" for a non-callable trap. */
static Value not_function(Runtime *rt, Value v) {
    if (rt_is_object(v)) return rt_throw_error(rt, ERR_TypeError, "#<Object> is not a function");
    Value s = rt_is_symbol(v) ? rt_string_from_cstr(rt, "Symbol()") : rt_to_string(rt, v);
    if (rt_is_exception(s)) return s;
    char *t = rt_string_to_utf8(s, NULL);
    char *k = rt_string_to_utf8(rt_typeof(rt, v), NULL);
    if (rt_is_string(v)) rt_throw_error(rt, ERR_TypeError, "%s \"%s\" is not a function", k, t);
    else rt_throw_error(rt, ERR_TypeError, "%s %s is not a function", k, t);
    free(t);
    free(k);
    return RT_EXCEPTION;
}

/* ---- ToPrimitive ------------------------------------------------------------------- */

Value rt_to_primitive(Runtime *rt, Value v, int hint) {
    if (!rt_is_object(v)) return v;
    Value sym = rt->intrinsics[INTR_Sym_toPrimitive];
    if (rt_is_symbol(sym)) {
        Value exotic = rt_get(rt, v, sym);
        if (rt_is_exception(exotic)) return exotic;
        if (!rt_is_nullish(exotic)) {
            if (!rt_is_callable(exotic)) return not_function(rt, exotic);
            static const char *const names[3] = {"default", "number", "string"};
            Value h = rt_intern_cstr(rt, names[hint >= 0 && hint <= 2 ? hint : 0]);
            Value r = rt_call(rt, exotic, v, 1, &h);
            if (rt_is_exception(r)) return r;
            if (rt_is_object(r)) return rt_throw_error(rt, ERR_TypeError, "Cannot convert object to primitive value");
            return r;
        }
    }
    if (hint == 0 && rt_as_object(v)->cls == CLS_DATE) hint = 2;
    AtomId order[2] = {ATOM_valueOf, ATOM_toString};
    if (hint == 2) {
        order[0] = ATOM_toString;
        order[1] = ATOM_valueOf;
    }
    for (int i = 0; i < 2; i++) {
        Value f = rt_get(rt, v, rt->atoms[order[i]]);
        if (rt_is_exception(f)) return f;
        if (rt_is_callable(f)) {
            Value r = rt_call(rt, f, v, 0, NULL);
            if (rt_is_exception(r) || !rt_is_object(r)) return r;
        }
    }
    return rt_throw_error(rt, ERR_TypeError, "Cannot convert object to primitive value");
}

/* ---- ToNumber / ToNumeric ------------------------------------------------------------ */

int rt_to_number(Runtime *rt, Value v, double *out) {
    for (;;) {
        if (rt_is_int(v)) { *out = rt_as_int(v); return 0; }
        if (rt_is_double(v)) { *out = rt_as_double(v); return 0; }
        switch (v) {
        case RT_UNDEFINED: *out = NAN; return 0;
        case RT_NULL: case RT_FALSE: *out = 0; return 0;
        case RT_TRUE: *out = 1; return 0;
        default: break;
        }
        if (rt_is_string(v)) { *out = rt_string_to_number(rt_as_string(v)); return 0; }
        if (rt_is_symbol(v)) {
            rt_throw_error(rt, ERR_TypeError, "Cannot convert a Symbol value to a number");
            return -1;
        }
        if (!rt_is_object(v)) { *out = NAN; return 0; }
        v = rt_to_primitive(rt, v, 1);
        if (rt_is_exception(v)) return -1;
    }
}

Value rt_to_numeric(Runtime *rt, Value v) {
    if (rt_is_number(v)) return v;
    double d;
    if (rt_to_number(rt, v, &d) < 0) return RT_EXCEPTION;
    return rt_number(d);
}

int32_t rt_double_to_int32(double d) {
    if (d >= -2147483648.0 && d <= 2147483647.0) return (int32_t)d; /* truncates; NaN fails the test */
    if (d != d || isinf(d)) return 0;
    double m = fmod(trunc(d), 4294967296.0);
    if (m < 0) m += 4294967296.0;
    return (int32_t)(uint32_t)m;
}

int rt_to_int32(Runtime *rt, Value v, int32_t *out) {
    if (rt_is_int(v)) { *out = rt_as_int(v); return 0; }
    double d;
    if (rt_to_number(rt, v, &d) < 0) return -1;
    *out = rt_double_to_int32(d);
    return 0;
}

int rt_to_uint32(Runtime *rt, Value v, uint32_t *out) {
    int32_t i;
    if (rt_to_int32(rt, v, &i) < 0) return -1;
    *out = (uint32_t)i;
    return 0;
}

int rt_to_integer_or_infinity(Runtime *rt, Value v, double *out) {
    if (rt_is_int(v)) { *out = rt_as_int(v); return 0; }
    double d;
    if (rt_to_number(rt, v, &d) < 0) return -1;
    if (d != d || d == 0) d = 0;
    else if (!isinf(d)) d = trunc(d);
    *out = d + 0.0; /* no -0 */
    return 0;
}

/* ---- ToString / ToObject / typeof ---------------------------------------------------------- */

Value rt_to_string(Runtime *rt, Value v) {
    for (;;) {
        if (rt_is_string(v)) return v;
        if (rt_is_number(v)) return rt_number_to_string(rt, rt_to_double_unchecked(v));
        switch (v) {
        case RT_UNDEFINED: return rt->atoms[ATOM_undefined];
        case RT_NULL: return rt->atoms[ATOM_null];
        case RT_TRUE: return rt->atoms[ATOM_true_];
        case RT_FALSE: return rt->atoms[ATOM_false_];
        default: break;
        }
        if (rt_is_symbol(v)) return rt_throw_error(rt, ERR_TypeError, "Cannot convert a Symbol value to a string");
        if (!rt_is_object(v)) return rt->atoms[ATOM_empty];
        v = rt_to_primitive(rt, v, 2);
        if (rt_is_exception(v)) return v;
    }
}

Value rt_to_object(Runtime *rt, Value v) {
    if (rt_is_object(v)) return v;
    if (rt_is_nullish(v) || !(rt_is_number(v) || rt_is_bool(v) || rt_is_string(v) || rt_is_symbol(v)))
        return rt_throw_error(rt, ERR_TypeError, "Cannot convert undefined or null to object");
    ObjectClass cls;
    IntrinsicId proto;
    if (rt_is_number(v)) { cls = CLS_NUMBER; proto = INTR_NumberPrototype; }
    else if (rt_is_bool(v)) { cls = CLS_BOOLEAN; proto = INTR_BooleanPrototype; }
    else if (rt_is_string(v)) { cls = CLS_STRING; proto = INTR_StringPrototype; }
    else { cls = CLS_SYMBOL; proto = INTR_SymbolPrototype; }
    Value p = rt->intrinsics[proto];
    JSObject *o = rt_object_new_class(rt, rt_is_object(p) ? p : RT_NULL, cls, sizeof(JSWrapper));
    ((JSWrapper *)o)->value = v;
    return rt_ptr(o);
}

Value rt_typeof(Runtime *rt, Value v) {
    AtomId a;
    if (rt_is_number(v)) a = ATOM_number;
    else if (rt_is_string(v)) a = ATOM_string;
    else if (rt_is_bool(v)) a = ATOM_boolean;
    else if (v == RT_UNDEFINED) a = ATOM_undefined;
    else if (rt_is_symbol(v)) a = ATOM_symbol;
    else if (rt_is_callable(v)) a = ATOM_function;
    else a = ATOM_object;
    return rt->atoms[a];
}

/* ---- equality ---------------------------------------------------------------------------- */

bool rt_strict_equals(Value a, Value b) {
    if (rt_is_number(a) && rt_is_number(b)) return rt_to_double_unchecked(a) == rt_to_double_unchecked(b);
    if (a == b) return true;
    if (rt_is_string(a) && rt_is_string(b)) return rt_string_equal(rt_as_string(a), rt_as_string(b));
    return false;
}

bool rt_same_value_zero(Value a, Value b) {
    if (rt_is_number(a) && rt_is_number(b)) {
        double x = rt_to_double_unchecked(a), y = rt_to_double_unchecked(b);
        return x == y || (x != x && y != y);
    }
    return rt_strict_equals(a, b);
}

bool rt_same_value(Value a, Value b) {
    if (rt_is_number(a) && rt_is_number(b)) {
        double x = rt_to_double_unchecked(a), y = rt_to_double_unchecked(b);
        if (x != x) return y != y;
        if (x == 0 && y == 0) return signbit(x) == signbit(y);
        return x == y;
    }
    return rt_strict_equals(a, b);
}

/* IsLooselyEqual (§7.2.14). */
int rt_loose_equals(Runtime *rt, Value a, Value b) {
    for (;;) {
        if (rt_is_number(a) && rt_is_number(b)) return rt_to_double_unchecked(a) == rt_to_double_unchecked(b);
        if (rt_is_string(a) && rt_is_string(b)) return rt_string_equal(rt_as_string(a), rt_as_string(b));
        if (rt_is_nullish(a) || rt_is_nullish(b)) return rt_is_nullish(a) && rt_is_nullish(b);
        if (rt_is_bool(a) && rt_is_bool(b)) return a == b;
        if (rt_is_symbol(a) || rt_is_symbol(b)) {
            if (rt_is_object(a) && !rt_is_object(b)) { a = rt_to_primitive(rt, a, 0); if (rt_is_exception(a)) return -1; continue; }
            if (rt_is_object(b) && !rt_is_object(a)) { b = rt_to_primitive(rt, b, 0); if (rt_is_exception(b)) return -1; continue; }
            return a == b;
        }
        if (rt_is_object(a) && rt_is_object(b)) return a == b;
        if (rt_is_number(a) && rt_is_string(b)) return rt_to_double_unchecked(a) == rt_string_to_number(rt_as_string(b));
        if (rt_is_string(a) && rt_is_number(b)) return rt_string_to_number(rt_as_string(a)) == rt_to_double_unchecked(b);
        if (rt_is_bool(a)) { a = rt_int(a == RT_TRUE); continue; }
        if (rt_is_bool(b)) { b = rt_int(b == RT_TRUE); continue; }
        if (rt_is_object(a)) { a = rt_to_primitive(rt, a, 0); if (rt_is_exception(a)) return -1; continue; }
        if (rt_is_object(b)) { b = rt_to_primitive(rt, b, 0); if (rt_is_exception(b)) return -1; continue; }
        return 0;
    }
}

/* ---- operators ------------------------------------------------------------------------------ */

static Value num_result(double d) { return rt_number(d); }

static double js_pow(double x, double y) {
    if (y != y) return NAN;
    if (y == 0) return 1;
    if ((x == 1 || x == -1) && isinf(y)) return NAN;
    return pow(x, y);
}

static double js_mod(double x, double y) {
    if (y == 0 || x != x || y != y || isinf(x)) return NAN;
    if (isinf(y)) return x;
    if (x == 0) return x;
    return fmod(x, y);
}

/* IsLessThan(x, y, LeftFirst): 1 true, 0 false, 2 undefined (NaN), -1 exc. */
static int less_than(Runtime *rt, Value x, Value y, bool left_first) {
    Value px, py;
    if (left_first) {
        px = rt_to_primitive(rt, x, 1);
        if (rt_is_exception(px)) return -1;
        py = rt_to_primitive(rt, y, 1);
        if (rt_is_exception(py)) return -1;
    } else {
        py = rt_to_primitive(rt, y, 1);
        if (rt_is_exception(py)) return -1;
        px = rt_to_primitive(rt, x, 1);
        if (rt_is_exception(px)) return -1;
    }
    if (rt_is_string(px) && rt_is_string(py)) return rt_string_compare(rt_as_string(px), rt_as_string(py)) < 0;
    double a, b;
    if (rt_to_number(rt, px, &a) < 0 || rt_to_number(rt, py, &b) < 0) return -1;
    if (a != a || b != b) return 2;
    return a < b;
}

static Value add_slow(Runtime *rt, Value a, Value b) {
    Value pa = rt_to_primitive(rt, a, 0);
    if (rt_is_exception(pa)) return pa;
    Value pb = rt_to_primitive(rt, b, 0);
    if (rt_is_exception(pb)) return pb;
    if (rt_is_string(pa) || rt_is_string(pb)) {
        Value sa = rt_to_string(rt, pa);
        if (rt_is_exception(sa)) return sa;
        Value sb = rt_to_string(rt, pb);
        if (rt_is_exception(sb)) return sb;
        return rt_string_concat(rt, sa, sb);
    }
    double x, y;
    if (rt_to_number(rt, pa, &x) < 0 || rt_to_number(rt, pb, &y) < 0) return RT_EXCEPTION;
    return num_result(x + y);
}

Value rt_binary_op(Runtime *rt, int op, Value lhs, Value rhs) {
    switch (op) {
    case BC_Add: case BC_AddSmi:
        if (rt_is_int(lhs) && rt_is_int(rhs)) return num_result((double)rt_as_int(lhs) + rt_as_int(rhs));
        if (rt_is_number(lhs) && rt_is_number(rhs))
            return num_result(rt_to_double_unchecked(lhs) + rt_to_double_unchecked(rhs));
        if (rt_is_string(lhs) && rt_is_string(rhs)) return rt_string_concat(rt, lhs, rhs);
        return add_slow(rt, lhs, rhs);
    case BC_Sub: case BC_SubSmi: case BC_Mul: case BC_Div: case BC_Mod: case BC_Exp: {
        double x, y;
        if (rt_to_number(rt, lhs, &x) < 0 || rt_to_number(rt, rhs, &y) < 0) return RT_EXCEPTION;
        switch (op) {
        case BC_Sub: case BC_SubSmi: return num_result(x - y);
        case BC_Mul: return num_result(x * y);
        case BC_Div: return num_result(x / y);
        case BC_Mod: return num_result(js_mod(x, y));
        default: return num_result(js_pow(x, y));
        }
    }
    case BC_BitwiseOr: case BC_BitwiseXor: case BC_BitwiseAnd:
    case BC_ShiftLeft: case BC_ShiftRight: case BC_ShiftRightLogical: {
        int32_t a, b;
        if (rt_to_int32(rt, lhs, &a) < 0 || rt_to_int32(rt, rhs, &b) < 0) return RT_EXCEPTION;
        uint32_t sh = (uint32_t)b & 31;
        switch (op) {
        case BC_BitwiseOr: return rt_int(a | b);
        case BC_BitwiseXor: return rt_int(a ^ b);
        case BC_BitwiseAnd: return rt_int(a & b);
        case BC_ShiftLeft: return rt_int((int32_t)((uint32_t)a << sh));
        case BC_ShiftRight: return rt_int(a >> sh); /* arithmetic on gcc/clang */
        default: return num_result((double)((uint32_t)a >> sh));
        }
    }
    case BC_TestEqual: {
        int r = rt_loose_equals(rt, lhs, rhs);
        return r < 0 ? RT_EXCEPTION : rt_bool(r);
    }
    case BC_TestEqualStrict:
        return rt_bool(rt_strict_equals(lhs, rhs));
    case BC_TestLessThan: {
        int r = less_than(rt, lhs, rhs, true);
        return r < 0 ? RT_EXCEPTION : rt_bool(r == 1);
    }
    case BC_TestGreaterThan: {
        int r = less_than(rt, rhs, lhs, false);
        return r < 0 ? RT_EXCEPTION : rt_bool(r == 1);
    }
    case BC_TestLessThanOrEqual: {
        int r = less_than(rt, rhs, lhs, false);
        return r < 0 ? RT_EXCEPTION : rt_bool(r == 0);
    }
    case BC_TestGreaterThanOrEqual: {
        int r = less_than(rt, lhs, rhs, true);
        return r < 0 ? RT_EXCEPTION : rt_bool(r == 0);
    }
    case BC_TestInstanceOf: {
        int r = rt_instance_of(rt, lhs, rhs);
        return r < 0 ? RT_EXCEPTION : rt_bool(r);
    }
    case BC_TestIn: {
        int r = rt_has_property(rt, rhs, lhs);
        return r < 0 ? RT_EXCEPTION : rt_bool(r);
    }
    default:
        return rt_throw_error(rt, ERR_TypeError, "unsupported binary operation");
    }
}

Value rt_unary_op(Runtime *rt, int op, Value v) {
    if (op == BC_BitwiseNot) {
        int32_t i;
        if (rt_to_int32(rt, v, &i) < 0) return RT_EXCEPTION;
        return rt_int(~i);
    }
    double d;
    if (rt_to_number(rt, v, &d) < 0) return RT_EXCEPTION;
    switch (op) {
    case BC_Negate: return num_result(-d);
    case BC_Inc: return num_result(d + 1);
    case BC_Dec: return num_result(d - 1);
    case BC_ToNumeric: return num_result(d);
    default: return rt_throw_error(rt, ERR_TypeError, "unsupported unary operation");
    }
}

/* ---- instanceof -------------------------------------------------------------------------------- */

int rt_ordinary_has_instance(Runtime *rt, Value ctor, Value v) {
    if (!rt_is_callable(ctor)) return 0;
    JSObject *c = rt_as_object(ctor);
    if (c->cls == CLS_BOUND) return rt_instance_of(rt, v, ((JSBound *)c)->target);
    if (!rt_is_object(v)) return 0;
    Value proto = rt_get(rt, ctor, rt->atoms[ATOM_prototype]);
    if (rt_is_exception(proto)) return -1;
    if (!rt_is_object(proto)) {
        Value s = rt_is_symbol(proto) ? rt->atoms[ATOM_symbol] : rt_to_string(rt, proto);
        if (rt_is_exception(s)) return -1;
        char *t = rt_string_to_utf8(s, NULL);
        rt_throw_error(rt, ERR_TypeError, "Function has non-object prototype '%s' in instanceof check", t);
        free(t);
        return -1;
    }
    Value p = rt_as_object(v)->shape->proto;
    while (rt_is_object(p)) {
        if (p == proto) return 1;
        p = rt_as_object(p)->shape->proto;
    }
    return 0;
}

int rt_instance_of(Runtime *rt, Value v, Value ctor) {
    if (!rt_is_object(ctor)) {
        rt_throw_error(rt, ERR_TypeError, "Right-hand side of 'instanceof' is not an object");
        return -1;
    }
    Value sym = rt->intrinsics[INTR_Sym_hasInstance];
    if (rt_is_symbol(sym)) {
        Value h = rt_get(rt, ctor, sym);
        if (rt_is_exception(h)) return -1;
        if (!rt_is_nullish(h)) {
            if (!rt_is_callable(h)) {
                not_function(rt, h);
                return -1;
            }
            Value r = rt_call(rt, h, ctor, 1, &v);
            if (rt_is_exception(r)) return -1;
            return rt_to_boolean(r);
        }
    }
    if (!rt_is_callable(ctor)) {
        rt_throw_error(rt, ERR_TypeError, "Right-hand side of 'instanceof' is not callable");
        return -1;
    }
    return rt_ordinary_has_instance(rt, ctor, v);
}
