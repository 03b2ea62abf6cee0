/* ir_type.c — the type lattice: construction, join, meet, order, printing.
 *
 * A bitset of disjoint basic sets refined by an int32 range, a constant and
 * a shape set, in the manner of V8's TurboFan Type (bitset ∪ range ∪
 * constant). Every operation rounds up, so a result is always a sound
 * over-approximation of the exact set operation.
 */
#include "ir_type.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "runtime/rt_object.h"
#include "runtime/rt_string.h"
#include "runtime/rt_bytecode.h"

/* Basic sets whose single value a constant can name. */
#define T_KONSTABLE (T_OTHER_NUM | T_STRING | T_SYMBOL | T_OBJECT)

static void normalize(IrType *t) {
    if ((t->bits & T_INT32) && t->lo > t->hi) t->bits &= ~T_INT32;
    if (!(t->bits & T_INT32)) t->lo = t->hi = 0;
    if (!(t->bits & T_KONSTABLE)) { t->has_const = 0; t->konst = 0; }
    if (!(t->bits & T_OBJECT)) t->nshapes = 0;
    for (unsigned i = t->nshapes; i < IR_TYPE_MAX_SHAPES; i++) t->shapes[i] = NULL;
}

IrType ir_type_none(void) {
    IrType t;
    memset(&t, 0, sizeof t);
    return t;
}

IrType ir_type_of_bits(unsigned bits) {
    IrType t = ir_type_none();
    t.bits = (uint16_t)bits;
    t.lo = INT32_MIN;
    t.hi = INT32_MAX;
    normalize(&t);
    return t;
}

IrType ir_type_any(void) { return ir_type_of_bits(T_ANY); }

IrType ir_type_range(int32_t lo, int32_t hi) {
    IrType t = ir_type_none();
    t.bits = T_INT32;
    t.lo = lo;
    t.hi = hi;
    normalize(&t);
    return t;
}

IrType ir_type_of_double(double d) {
    IrType t = ir_type_none();
    if (d != d) {
        t.bits = T_NAN;
    } else if (d == 0 && signbit(d)) {
        t.bits = T_MINUS_ZERO;
    } else if (d >= -2147483648.0 && d <= 2147483647.0 && (double)(int32_t)d == d) {
        return ir_type_range((int32_t)d, (int32_t)d);
    } else {
        t.bits = T_OTHER_NUM;
        t.has_const = 1;
        t.konst = rt_double(d);
    }
    return t;
}

IrType ir_type_of_value(Value v) {
    IrType t = ir_type_none();
    if (rt_is_int(v)) return ir_type_range(rt_as_int(v), rt_as_int(v));
    if (rt_is_double(v)) return ir_type_of_double(rt_as_double(v));
    switch (v) {
    case RT_UNDEFINED: t.bits = T_UNDEFINED; return t;
    case RT_NULL: t.bits = T_NULL; return t;
    case RT_TRUE: t.bits = T_TRUE; return t;
    case RT_FALSE: t.bits = T_FALSE; return t;
    case RT_HOLE: t.bits = T_HOLE; return t;
    default: break;
    }
    if (rt_is_ptr(v)) {
        const GCHeader *h = (const GCHeader *)rt_as_ptr(v);
        if (h == NULL) return ir_type_of_bits(T_ANY);
        switch (h->kind) {
        case HK_STRING: t.bits = T_STRING; break;
        case HK_SYMBOL: t.bits = T_SYMBOL; break;
        case HK_OBJECT: t.bits = T_OBJECT; break;
        default: t.bits = T_INTERNAL; return t;
        }
        t.has_const = 1;
        t.konst = v;
        return t;
    }
    return ir_type_of_bits(T_ANY);
}

IrType ir_type_with_shapes(struct Shape *const *s, unsigned n) {
    IrType t = ir_type_of_bits(T_OBJECT);
    if (n > IR_TYPE_MAX_SHAPES) n = 0;   /* too many to track: any shape */
    t.nshapes = (uint8_t)n;
    for (unsigned i = 0; i < n; i++) t.shapes[i] = s[i];
    normalize(&t);
    return t;
}

static bool has_shape(const IrType *t, const struct Shape *s) {
    for (unsigned i = 0; i < t->nshapes; i++)
        if (t->shapes[i] == s) return true;
    return false;
}

IrType ir_type_join(const IrType *a, const IrType *b) {
    if (a->bits == 0) return *b;
    if (b->bits == 0) return *a;
    IrType t = ir_type_none();
    t.bits = a->bits | b->bits;
    if ((a->bits & T_INT32) && (b->bits & T_INT32)) {
        t.lo = a->lo < b->lo ? a->lo : b->lo;
        t.hi = a->hi > b->hi ? a->hi : b->hi;
    } else if (a->bits & T_INT32) {
        t.lo = a->lo; t.hi = a->hi;
    } else {
        t.lo = b->lo; t.hi = b->hi;
    }
    unsigned ka = a->bits & T_KONSTABLE, kb = b->bits & T_KONSTABLE;
    if (!kb) {
        t.has_const = a->has_const; t.konst = a->konst;
    } else if (!ka) {
        t.has_const = b->has_const; t.konst = b->konst;
    } else if (a->has_const && b->has_const && a->konst == b->konst) {
        t.has_const = 1; t.konst = a->konst;
    }
    /* Shapes: only when every object on both sides has a known shape. */
    bool oa = a->bits & T_OBJECT, ob = b->bits & T_OBJECT;
    if (oa || ob) {
        bool known_a = !oa || a->nshapes > 0;
        bool known_b = !ob || b->nshapes > 0;
        if (known_a && known_b) {
            unsigned n = 0;
            bool overflow = false;
            for (unsigned pass = 0; pass < 2; pass++) {
                const IrType *x = pass ? b : a;
                if (!(x->bits & T_OBJECT)) continue;
                for (unsigned i = 0; i < x->nshapes; i++) {
                    if (has_shape(&t, x->shapes[i])) continue;
                    if (n == IR_TYPE_MAX_SHAPES) { overflow = true; break; }
                    t.shapes[n++] = x->shapes[i];
                    t.nshapes = (uint8_t)n;
                }
            }
            if (overflow) t.nshapes = 0;
        }
    }
    normalize(&t);
    return t;
}

IrType ir_type_meet(const IrType *a, const IrType *b) {
    IrType t = ir_type_none();
    t.bits = a->bits & b->bits;
    if (t.bits & T_INT32) {
        t.lo = a->lo > b->lo ? a->lo : b->lo;
        t.hi = a->hi < b->hi ? a->hi : b->hi;
    }
    if (t.bits & T_KONSTABLE) {
        if (a->has_const && b->has_const) {
            if (a->konst == b->konst) { t.has_const = 1; t.konst = a->konst; }
            else t.bits &= ~T_KONSTABLE;
        } else if (a->has_const || b->has_const) {
            const IrType *c = a->has_const ? a : b;
            /* The constant's own class must survive the intersection. */
            IrType k = ir_type_of_value(c->konst);
            if (t.bits & k.bits) {
                t.bits &= (uint16_t)~(T_KONSTABLE & ~k.bits);
                t.has_const = 1;
                t.konst = c->konst;
            } else {
                t.bits &= ~T_KONSTABLE;
            }
        }
    }
    if (t.bits & T_OBJECT) {
        if (a->nshapes && b->nshapes) {
            unsigned n = 0;
            for (unsigned i = 0; i < a->nshapes; i++)
                if (has_shape(b, a->shapes[i])) t.shapes[n++] = a->shapes[i];
            t.nshapes = (uint8_t)n;
            if (n == 0) t.bits &= ~T_OBJECT;
        } else {
            const IrType *s = a->nshapes ? a : b;
            t.nshapes = s->nshapes;
            memcpy(t.shapes, s->shapes, sizeof t.shapes);
        }
    }
    normalize(&t);
    return t;
}

bool ir_type_is(const IrType *a, const IrType *b) {
    if (a->bits & ~b->bits) return false;
    if ((a->bits & T_INT32) && (a->lo < b->lo || a->hi > b->hi)) return false;
    if (b->has_const && (a->bits & T_KONSTABLE)) {
        if (!a->has_const || a->konst != b->konst) return false;
    }
    if ((a->bits & T_OBJECT) && b->nshapes > 0) {
        if (a->nshapes == 0) return false;
        for (unsigned i = 0; i < a->nshapes; i++)
            if (!has_shape(b, a->shapes[i])) return false;
    }
    return true;
}

bool ir_type_equal(const IrType *a, const IrType *b) {
    return ir_type_is(a, b) && ir_type_is(b, a);
}

bool ir_type_int32_const(const IrType *t, int32_t *out) {
    if (t->bits == T_INT32 && t->lo == t->hi) {
        *out = t->lo;
        return true;
    }
    return false;
}

bool ir_type_const_value(const IrType *t, Value *out) {
    switch (t->bits) {
    case T_INT32: if (t->lo != t->hi) return false; *out = rt_int(t->lo); return true;
    case T_UNDEFINED: *out = RT_UNDEFINED; return true;
    case T_NULL: *out = RT_NULL; return true;
    case T_TRUE: *out = RT_TRUE; return true;
    case T_FALSE: *out = RT_FALSE; return true;
    case T_HOLE: *out = RT_HOLE; return true;
    case T_MINUS_ZERO: *out = rt_double(-0.0); return true;
    case T_NAN: *out = RT_CANON_NAN; return true;
    case T_OTHER_NUM: case T_STRING: case T_SYMBOL: case T_OBJECT:
        if (!t->has_const) return false;
        *out = t->konst;
        return true;
    default: return false;
    }
}

bool ir_type_number_const(const IrType *t, double *out) {
    Value v;
    if (!ir_type_only(t, T_NUMBER) || !ir_type_const_value(t, &v)) return false;
    *out = rt_to_double_unchecked(v);
    return true;
}

static bool string_const_empty(const IrType *t, int *empty) {
    if (!t->has_const || !rt_is_ptr(t->konst)) return false;
    const GCHeader *h = (const GCHeader *)rt_as_ptr(t->konst);
    if (h->kind != HK_STRING) return false;
    *empty = ((const JSString *)h)->len == 0;
    return true;
}

int ir_type_truthiness(const IrType *t) {
    if (t->bits == 0) return -1;
    unsigned truthy = T_OBJECT | T_SYMBOL | T_TRUE | T_OTHER_NUM;
    unsigned falsy = T_FALSE | T_UNDEFINED | T_NULL | T_MINUS_ZERO | T_NAN;
    bool all_true = true, all_false = true;
    for (unsigned bit = 1; bit <= T_INTERNAL; bit <<= 1) {
        if (!(t->bits & bit)) continue;
        if (bit == T_INT32) {
            bool has_zero = t->lo <= 0 && t->hi >= 0;
            bool only_zero = t->lo == 0 && t->hi == 0;
            if (has_zero) all_true = false;
            if (!only_zero) all_false = false;
        } else if (bit == T_STRING) {
            int empty;
            if (string_const_empty(t, &empty)) {
                if (empty) all_true = false; else all_false = false;
            } else {
                all_true = all_false = false;
            }
        } else {
            if (!(bit & truthy)) all_true = false;
            if (!(bit & falsy)) all_false = false;
        }
    }
    return all_true ? 1 : all_false ? 0 : -1;
}

/* ---- printing ------------------------------------------------------------------ */

typedef struct { char *p; size_t left; } Out;

static void out(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void out(Out *o, const char *fmt, ...) {
    if (o->left <= 1) return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(o->p, o->left, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n >= o->left) n = (int)o->left - 1;
    o->p += n;
    o->left -= (size_t)n;
}

static void print_double(Out *o, double d) {
    char buf[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, d);
        if (strtod(buf, NULL) == d) break;
    }
    out(o, "%s", buf);
}

static void print_js_string(Out *o, const JSString *s) {
    out(o, "\"");
    uint32_t n = s->len < 24 ? s->len : 24;
    for (uint32_t i = 0; i < n; i++) {
        uint16_t c = s->chars[i];
        if (c == '"' || c == '\\') out(o, "\\%c", (char)c);
        else if (c >= 0x20 && c < 0x7f) out(o, "%c", (char)c);
        else out(o, "\\u%04x", c);
    }
    if (s->len > n) out(o, "...");
    out(o, "\"");
}

static void print_key(Out *o, Value key) {
    if (rt_is_int(key)) { out(o, "%d", rt_as_int(key)); return; }
    if (rt_is_ptr(key)) {
        const GCHeader *h = (const GCHeader *)rt_as_ptr(key);
        if (h && h->kind == HK_STRING) {
            const JSString *s = (const JSString *)h;
            uint32_t n = s->len < 16 ? s->len : 16;
            for (uint32_t i = 0; i < n; i++) {
                uint16_t c = s->chars[i];
                out(o, "%c", (c >= 0x20 && c < 0x7f && c != ',' && c != '}') ? (char)c : '?');
            }
            return;
        }
    }
    out(o, "@sym");
}

/* A shape prints as its property keys: stable from run to run. */
static void print_shape(Out *o, const struct Shape *s) {
    out(o, "{");
    if (s && !s->dictionary) {
        uint32_t n = s->prop_count < 6 ? s->prop_count : 6;
        for (uint32_t i = 0; s->props && i < n; i++) {
            if (i) out(o, ",");
            print_key(o, s->props[i].key);
        }
        if (s->prop_count > n) out(o, ",...");
    } else {
        out(o, "dict");
    }
    out(o, "}");
}

static void print_object_const(Out *o, Value v) {
    const JSObject *obj = (const JSObject *)rt_as_ptr(v);
    if (obj->cls == CLS_FUNCTION) {
        const JSFunction *f = (const JSFunction *)obj;
        out(o, "<function");
        if (f->bc && rt_is_ptr(f->bc->name) && rt_as_ptr(f->bc->name) &&
            ((const GCHeader *)rt_as_ptr(f->bc->name))->kind == HK_STRING &&
            ((const JSString *)rt_as_ptr(f->bc->name))->len > 0) {
            out(o, " ");
            print_key(o, f->bc->name);
        }
        out(o, ">");
    } else if (obj->cls == CLS_ARRAY) {
        out(o, "<array>");
    } else {
        out(o, "<object>");
    }
}

char *ir_type_print(const IrType *t, char *buf, size_t size) {
    Out o = {buf, size};
    if (size) buf[0] = 0;
    unsigned bits = t->bits;
    if (bits == 0) { out(&o, "none"); return buf; }
    if (bits == T_ANY) { out(&o, "any"); return buf; }
    bool first = true;
#define SEP() do { if (!first) out(&o, "|"); first = false; } while (0)
    if ((bits & T_JSVALUE) == T_JSVALUE && t->lo == INT32_MIN && t->hi == INT32_MAX &&
        !t->has_const && !t->nshapes) {
        SEP(); out(&o, "jsvalue");
        bits &= ~T_JSVALUE;
    }
    if ((bits & T_NUMBER) == T_NUMBER && t->lo == INT32_MIN && t->hi == INT32_MAX &&
        !((t->bits & T_OTHER_NUM) && t->has_const)) {
        SEP(); out(&o, "number");
        bits &= ~T_NUMBER;
    }
    if (bits & T_INT32) {
        SEP();
        if (t->lo == t->hi) out(&o, "int32=%d", t->lo);
        else if (t->lo == INT32_MIN && t->hi == INT32_MAX) out(&o, "int32");
        else out(&o, "int32[%d,%d]", t->lo, t->hi);
    }
    if (bits & T_OTHER_NUM) {
        SEP(); out(&o, "float64");
        if (t->has_const && rt_is_double(t->konst)) { out(&o, "="); print_double(&o, rt_as_double(t->konst)); }
    }
    if (bits & T_MINUS_ZERO) { SEP(); out(&o, "-0"); }
    if (bits & T_NAN) { SEP(); out(&o, "NaN"); }
    if (bits & T_STRING) {
        SEP(); out(&o, "string");
        if (t->has_const && rt_is_ptr(t->konst) &&
            ((const GCHeader *)rt_as_ptr(t->konst))->kind == HK_STRING) {
            out(&o, "=");
            print_js_string(&o, (const JSString *)rt_as_ptr(t->konst));
        }
    }
    if (bits & T_SYMBOL) { SEP(); out(&o, "symbol"); }
    if ((bits & T_BOOLEAN) == T_BOOLEAN) { SEP(); out(&o, "boolean"); }
    else if (bits & T_TRUE) { SEP(); out(&o, "true"); }
    else if (bits & T_FALSE) { SEP(); out(&o, "false"); }
    if (bits & T_UNDEFINED) { SEP(); out(&o, "undefined"); }
    if (bits & T_NULL) { SEP(); out(&o, "null"); }
    if (bits & T_OBJECT) {
        SEP(); out(&o, "object");
        if (t->has_const && rt_is_ptr(t->konst) &&
            ((const GCHeader *)rt_as_ptr(t->konst))->kind == HK_OBJECT) {
            out(&o, "=");
            print_object_const(&o, t->konst);
        }
        for (unsigned i = 0; i < t->nshapes; i++) {
            if (i) out(&o, "/");
            print_shape(&o, t->shapes[i]);
        }
    }
    if (bits & T_HOLE) { SEP(); out(&o, "hole"); }
    if (bits & T_INTERNAL) { SEP(); out(&o, "internal"); }
#undef SEP
    return buf;
}
