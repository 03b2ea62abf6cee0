/* rt_feedback.h — type feedback: what the interpreter records about each
 * instruction that has a feedback slot, and what the optimizing compiler
 * reads back. Follows V8's FeedbackVector and the inline caches of Deutsch &
 * Schiffman 1984 / Hölzle, Chambers & Ungar 1991 (polymorphic inline caches).
 *
 * Every slot's state only climbs: hints go up their lattice, ICs go
 * uninitialized -> monomorphic -> polymorphic (<= RT_IC_POLY_MAX entries) ->
 * megamorphic. Nothing ever goes back down, so a compiled function's
 * speculation stays sound with respect to what was observed. The interface
 * is documented in runtime/README.md ("Type feedback").
 */
#ifndef RT_FEEDBACK_H
#define RT_FEEDBACK_H

#include <stdio.h>
#include "rt_runtime.h"

/* ---- operation hints ---------------------------------------------------------- */
/* Binary operations: None < SignedSmall < Number < NumberOrOddball, and String
 * (Add of two strings only); mixing the number chain with String gives Any. */
#define RT_BINARY_HINTS(X) X(None) X(SignedSmall) X(Number) X(NumberOrOddball) X(String) X(Any)
typedef enum {
#define X(n) BH_##n,
    RT_BINARY_HINTS(X)
#undef X
    BH__COUNT
} BinaryOpHint;

/* Comparisons: three chains joined only at Any:
 *   SignedSmall < Number < NumberOrOddball      (both operands numbers/oddballs)
 *   InternalizedString < String                 (both strings)
 *   Receiver                                    (both objects: identity compare)
 * A mix of chains, or anything else (symbols, object vs number), is Any. */
#define RT_COMPARE_HINTS(X) X(None) X(SignedSmall) X(Number) X(NumberOrOddball) \
    X(InternalizedString) X(String) X(Receiver) X(Any)
typedef enum {
#define X(n) CH_##n,
    RT_COMPARE_HINTS(X)
#undef X
    CH__COUNT
} CompareHint;

/* ---- property inline caches ----------------------------------------------------- */
#define RT_IC_STATES(X) X(uninitialized) X(monomorphic) X(polymorphic) X(megamorphic)
typedef enum {
#define X(n) IC_##n,
    RT_IC_STATES(X)
#undef X
    IC__COUNT
} ICState;

/* What an IC entry does once the receiver's shape matched.
 * slot is always the property's slot number as the shape records it:
 * in-object when slot < shape->inobject_capacity, else
 * object->slots->v[slot - inobject_capacity]. */
#define RT_IC_HANDLERS(X) \
    X(FieldInObject,   "field")        /* own data property, in-object slot */ \
    X(FieldOutOfLine,  "ool field")    /* own data property, out-of-line slot */ \
    X(ProtoField,      "proto field")  /* data property of a prototype (holder) */ \
    X(Getter,          "getter")       /* accessor on the receiver or a prototype (holder) */ \
    X(Nonexistent,     "absent")       /* no such property on the whole chain: undefined */ \
    X(ArrayLength,     "array length") \
    X(StringLength,    "string length")/* shape NULL: a primitive string receiver */ \
    X(StoreField,      "store field")  /* own writable data property */ \
    X(StoreTransition, "transition")   /* adds the property: shape -> new_shape */ \
    X(Setter,          "setter")       /* accessor with a setter on the chain (holder) */
typedef enum {
#define X(n, s) ICH_##n,
    RT_IC_HANDLERS(X)
#undef X
    ICH__COUNT
} ICHandler;

#define RT_IC_POLY_MAX 4
#define RT_IC_CHAIN_MAX 4

typedef struct ICEntry {
    Shape *shape;                  /* receiver shape (NULL: string primitive) */
    Shape *new_shape;              /* StoreTransition: shape after adding the property */
    JSObject *holder;              /* prototype holding the property (ProtoField/Getter/Setter) */
    Shape *chain[RT_IC_CHAIN_MAX]; /* shapes of the prototypes walked, receiver's proto first;
                                      the entry is valid while each still has its shape */
    uint32_t slot;
    uint8_t handler;               /* ICHandler */
    uint8_t depth;                 /* prototypes in chain[] (0: own property) */
} ICEntry;

/* Key kinds and element flags of keyed accesses. */
enum { KEY_SMI = 1, KEY_NAME = 2, KEY_OTHER = 4 };
enum {
    EF_OUT_OF_BOUNDS = 1,   /* index >= length (load) */
    EF_HOLE = 2,            /* read a hole */
    EF_GROWING = 4,         /* store at index == length (a[a.length] = x) */
    EF_NON_ARRAY = 8,       /* receiver was not an array (typed object, arguments, string) */
    EF_TRANSITION = 16,     /* a store changed the elements kind */
};

typedef struct PropertyFeedback {
    uint8_t state;                 /* ICState of the named part */
    uint8_t count;                 /* entries in e[] */
    uint8_t key_kinds;             /* keyed: KEY_* seen */
    uint8_t elem_flags;            /* keyed: EF_* seen */
    uint16_t elements_kinds;       /* keyed: bit (1 << ElementsKind) for each kind seen */
    uint16_t pad;
    Value name;                    /* keyed: the one name the named part is for (undefined: none) */
    ICEntry e[RT_IC_POLY_MAX];
} PropertyFeedback;

typedef struct CallFeedback {
    JSObject *target;              /* the one callee seen (monomorphic), else NULL */
    uint32_t count;                /* calls made from this site */
    uint8_t megamorphic;           /* more than one callee seen */
} CallFeedback;

typedef struct GlobalFeedback {
    Shape *shape;                  /* the global object's shape when cached */
    uint32_t index;                /* the property's index in shape->props (valid while
                                      props[index].key is the name: the global object's
                                      dictionary shape changes in place) */
    uint8_t state;                 /* ICState: monomorphic when cached */
} GlobalFeedback;

typedef struct FeedbackSlot {
    uint8_t kind;                  /* FeedbackSlotKind */
    uint8_t hint;                  /* BinaryOp: BinaryOpHint; Compare: CompareHint */
    uint16_t pad;
    union {
        PropertyFeedback *prop;    /* Load/Store/KeyedLoad/KeyedStore (same allocation) */
        CallFeedback call;         /* Call, InstanceOf (target = the constructor) */
        GlobalFeedback global;
    } u;
} FeedbackSlot;

struct FeedbackVector {
    BytecodeFunction *bf;
    uint32_t slot_count;
    uint32_t backedge_count;       /* JumpLoop executions */
    FeedbackSlot slots[];          /* then the PropertyFeedback records */
};

FeedbackVector *rt_feedback_new(Runtime *rt, BytecodeFunction *bf);  /* NULL: out of memory */
void rt_feedback_free(FeedbackVector *fv);
void rt_feedback_trace(Runtime *rt, FeedbackVector *fv);
void rt_feedback_print(Runtime *rt, BytecodeFunction *bf, FILE *f);
void rt_feedback_print_all(Runtime *rt, FILE *f);
const char *rt_binary_hint_name(BinaryOpHint h);
const char *rt_compare_hint_name(CompareHint h);
const char *rt_ic_state_name(ICState s);
const char *rt_ic_handler_name(ICHandler h);
/* Prints a shape as its property list, "{x,y}" (at most a few keys). */
void rt_shape_print(Shape *s, FILE *f);

/* ---- hint lattices ---------------------------------------------------------------- */
static inline int rt_binary_hint_join(int a, int b) {
    if (a == b || b == BH_None) return a;
    if (a == BH_None) return b;
    if (a <= BH_NumberOrOddball && b <= BH_NumberOrOddball) return a > b ? a : b;
    return BH_Any;
}
static inline int rt_compare_hint_join(int a, int b) {
    if (a == b || b == CH_None) return a;
    if (a == CH_None) return b;
    if (a <= CH_NumberOrOddball && b <= CH_NumberOrOddball) return a > b ? a : b;
    if (a >= CH_InternalizedString && a <= CH_String && b >= CH_InternalizedString && b <= CH_String)
        return CH_String;
    return CH_Any;
}
/* The hint of one execution from its operands (and result for arithmetic). */
int rt_binary_hint_of(int op, Value lhs, Value rhs, Value result);
int rt_compare_hint_of(Value lhs, Value rhs);
static inline void rt_fb_binary(FeedbackSlot *fs, int h) {
    if (fs->hint != h) fs->hint = (uint8_t)rt_binary_hint_join(fs->hint, h);
}
static inline void rt_fb_compare(FeedbackSlot *fs, int h) {
    if (fs->hint != h) fs->hint = (uint8_t)rt_compare_hint_join(fs->hint, h);
}
static inline void rt_fb_call(FeedbackSlot *fs, Value target) {
    CallFeedback *c = &fs->u.call;
    c->count++;
    if (c->megamorphic) return;
    JSObject *t = rt_is_object(target) ? rt_as_object(target) : NULL;
    if (c->target == t) return;
    if (!c->target && c->count == 1) c->target = t;
    else { c->target = NULL; c->megamorphic = 1; }
}

/* ---- inline caches (rt_ic.c) ---------------------------------------------------------
 * The interpreter inlines the monomorphic own-field hit; these take every
 * other case: polymorphic hits, misses (the generic path, then an IC update)
 * and megamorphic sites. fr_pc is the bytecode offset, for --trace-ic. */
struct Frame;
Value rt_ic_load(Runtime *rt, struct Frame *fr, FeedbackSlot *fs, Value obj, Value key);
int rt_ic_store(Runtime *rt, struct Frame *fr, FeedbackSlot *fs, Value obj, Value key, Value v, bool strict);
Value rt_ic_keyed_load(Runtime *rt, struct Frame *fr, FeedbackSlot *fs, Value obj, Value key);
int rt_ic_keyed_store(Runtime *rt, struct Frame *fr, FeedbackSlot *fs, Value obj, Value key, Value v, bool strict);
/* A global load/store hit: the cached property is still a data property
 * (writable, for a store) of the global object; gives its slot. */
static inline bool rt_global_hit(JSObject *g, const GlobalFeedback *gf, Value name, bool store, uint32_t *slot) {
    Shape *s = g->shape;
    if (gf->state != IC_monomorphic || s != gf->shape || gf->index >= s->prop_count) return false;
    const ShapeProp *p = &s->props[gf->index];
    if (p->key != name || (p->attrs & PROP_ACCESSOR) || (store && !(p->attrs & PROP_WRITABLE))) return false;
    *slot = p->slot;
    return true;
}
/* Reads / writes a property slot by its shape slot number. */
static inline Value rt_ic_slot_load(JSObject *o, uint32_t slot) {
    uint32_t cap = o->shape->inobject_capacity;
    return slot < cap ? o->inobject[slot] : o->slots->v[slot - cap];
}

#endif
