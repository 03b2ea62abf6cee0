/* ir_type.h — the type lattice on graph values.
 *
 * A type is a set of JavaScript values, described as a union of disjoint
 * basic sets (a bitset, as in V8's TurboFan typer), refined by an int32
 * range [lo, hi], an exact constant for the one-value number/string/object
 * cases, and a small set of shapes for objects. Types say which values a
 * node may produce, not how they are represented: an Int32Add and a tagged
 * Phi can both have type int32[0,100]. Representations are in ir.h.
 *
 *   none (bottom) ⊑ ... ⊑ any (top)
 *   number = int32 ∪ other-number ∪ {-0} ∪ {NaN}
 *   boolean = {true} ∪ {false}
 *
 * join (⊔) is set union (rounded up: ranges take their hull, at most
 * IR_TYPE_MAX_SHAPES shapes), meet (⊓) set intersection (rounded up).
 */
#ifndef IR_TYPE_H
#define IR_TYPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "runtime/rt_value.h"

struct Shape;

enum {
    T_INT32 = 1 << 0,        /* integers in [-2^31, 2^31-1], -0 excluded */
    T_OTHER_NUM = 1 << 1,    /* every other double but -0 and NaN (fractions, big, ±Infinity) */
    T_MINUS_ZERO = 1 << 2,
    T_NAN = 1 << 3,
    T_STRING = 1 << 4,
    T_SYMBOL = 1 << 5,
    T_UNDEFINED = 1 << 6,
    T_NULL = 1 << 7,
    T_TRUE = 1 << 8,
    T_FALSE = 1 << 9,
    T_OBJECT = 1 << 10,      /* every JS object (functions, arrays, ...) */
    T_HOLE = 1 << 11,        /* the array hole / TDZ marker (never visible to JS) */
    T_INTERNAL = 1 << 12,    /* contexts and other engine cells */
    T_NUMBER = T_INT32 | T_OTHER_NUM | T_MINUS_ZERO | T_NAN,
    T_BOOLEAN = T_TRUE | T_FALSE,
    T_NULLISH = T_UNDEFINED | T_NULL,
    T_ODDBALL = T_NULLISH | T_BOOLEAN,
    T_PRIMITIVE = T_NUMBER | T_STRING | T_SYMBOL | T_ODDBALL,
    T_JSVALUE = T_PRIMITIVE | T_OBJECT,
    T_ANY = T_JSVALUE | T_HOLE | T_INTERNAL,
};

#define IR_TYPE_MAX_SHAPES 4

typedef struct IrType {
    uint16_t bits;           /* union of T_* basic sets; 0 = none */
    uint8_t has_const;       /* the OTHER_NUM/STRING/SYMBOL/OBJECT part is exactly `konst` */
    uint8_t nshapes;         /* OBJECT part: has one of shapes[] (0: any shape); with a
                                constant too: CheckShape of a prototype keeps both */
    int32_t lo, hi;          /* INT32 part: [lo, hi] (meaningful when bits & T_INT32) */
    Value konst;
    struct Shape *shapes[IR_TYPE_MAX_SHAPES];
} IrType;

IrType ir_type_none(void);
IrType ir_type_any(void);
IrType ir_type_of_bits(unsigned bits);                 /* full int32 range */
IrType ir_type_range(int32_t lo, int32_t hi);
IrType ir_type_of_value(Value v);                      /* singleton of a constant */
IrType ir_type_of_double(double d);                    /* singleton of a number */
IrType ir_type_with_shapes(struct Shape *const *s, unsigned n); /* objects with these shapes */

IrType ir_type_join(const IrType *a, const IrType *b);
IrType ir_type_meet(const IrType *a, const IrType *b);
bool ir_type_is(const IrType *a, const IrType *b);     /* a ⊑ b */
bool ir_type_equal(const IrType *a, const IrType *b);
static inline bool ir_type_is_none(const IrType *t) { return t->bits == 0; }
/* Only values of these basic sets (and at least one value)? */
static inline bool ir_type_only(const IrType *t, unsigned bits) {
    return t->bits != 0 && (t->bits & ~bits) == 0;
}
/* If the type holds exactly one int32: true and *out. */
bool ir_type_int32_const(const IrType *t, int32_t *out);
/* If the type holds exactly one JS value: true and *out (boxed as the runtime does). */
bool ir_type_const_value(const IrType *t, Value *out);
/* If the type holds exactly one number: true and *out. */
bool ir_type_number_const(const IrType *t, double *out);
/* Whether ToBoolean is known for every value: 1 true, 0 false, -1 unknown. */
int ir_type_truthiness(const IrType *t);

/* Deterministic text: "int32[0,100]", "number", "string=\"ab\"", "object{x,y}|undefined".
 * Never prints a pointer. Returns buf. */
char *ir_type_print(const IrType *t, char *buf, size_t size);

#endif
