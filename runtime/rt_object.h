/* rt_object.h — JavaScript objects: shapes (hidden classes) with a
 * transition tree, in-object slots and an out-of-line slot store, a
 * dictionary mode, and indexed elements with elements kinds. Follows the
 * maps of Self (Chambers, Ungar & Lee 1989) as V8 uses them.
 *
 * Property keys are canonical Values: an int Value for array indices that
 * fit in int32 (0..2^31-1), otherwise an interned string or a symbol.
 * rt_to_property_key() produces them.
 */
#ifndef RT_OBJECT_H
#define RT_OBJECT_H

#include <stdbool.h>
#include <stdint.h>
#include "rt_heap.h"
#include "rt_string.h"

typedef struct Context Context;
typedef struct BytecodeFunction BytecodeFunction;

/* Property attributes (in the shape, per property). */
enum {
    PROP_WRITABLE = 1,
    PROP_ENUMERABLE = 2,
    PROP_CONFIGURABLE = 4,
    PROP_ACCESSOR = 8,   /* slot holds an AccessorPair */
    PROP_DEFAULT = PROP_WRITABLE | PROP_ENUMERABLE | PROP_CONFIGURABLE,
    PROP_HIDDEN = PROP_WRITABLE | PROP_CONFIGURABLE, /* builtin methods */
};

typedef struct AccessorPair {
    GCHeader h;
    Value getter, setter;    /* function or undefined */
} AccessorPair;

/* A shape describes the named properties of every object that has it, and
 * its prototype. Adding a property follows (or creates) a transition to a
 * child shape. An object in dictionary mode owns a private shape whose
 * property table it may mutate in place. */
typedef struct ShapeProp {
    Value key;
    uint32_t slot;
    uint8_t attrs;
} ShapeProp;

typedef struct Shape {
    GCHeader h;
    struct Shape *parent;        /* NULL at a root */
    Value proto;                 /* object or null; same along the whole tree */
    uint32_t prop_count;         /* number of properties == slots used */
    uint16_t inobject_capacity;  /* slots stored inside the object */
    uint8_t dictionary;
    uint8_t pad;
    ShapeProp *props;            /* props[0..prop_count-1] in insertion order (malloc, shared down a chain when possible) */
    uint32_t *table;             /* open-addressed key -> index+1 table, lazily built (malloc) */
    uint32_t table_size;
    /* transitions: (key, attrs) -> child */
    struct ShapeTransition *transitions;
    uint32_t transition_count, transition_cap;
    uint32_t prop_cap;           /* allocated length of props */
    uint32_t *transition_table;  /* (key, attrs) -> index+1, built past a few transitions (malloc) */
    uint32_t transition_table_size;
} Shape;

/* Object classes: what an object is beyond its properties. */
#define RT_OBJECT_CLASSES(X) \
    X(ORDINARY) X(ARRAY) X(FUNCTION) X(NATIVE) X(BOUND) X(ERROR) \
    X(BOOLEAN) X(NUMBER) X(STRING) X(SYMBOL) X(ARGUMENTS) X(DATE) \
    X(ITERATOR) X(FORIN)

typedef enum {
#define X(n) CLS_##n,
    RT_OBJECT_CLASSES(X)
#undef X
    CLS__COUNT
} ObjectClass;

/* Elements kinds: one-way transitions toward the more general. */
#define RT_ELEMENTS_KINDS(X) \
    X(PACKED_SMI) X(HOLEY_SMI) X(PACKED_DOUBLE) X(HOLEY_DOUBLE) \
    X(PACKED) X(HOLEY) X(DICTIONARY)

typedef enum {
#define X(n) EK_##n,
    RT_ELEMENTS_KINDS(X)
#undef X
    EK__COUNT
} ElementsKind;

enum { OBJ_EXTENSIBLE = 1, OBJ_CLASS_CTOR_PROTO = 2,
       OBJ_LENGTH_READONLY = 4 /* arrays: `length` is not writable (freeze, defineProperty) */ };

typedef struct JSObject {
    GCHeader h;                  /* h.kind == HK_OBJECT */
    uint8_t cls;                 /* ObjectClass */
    uint8_t flags;               /* OBJ_* */
    uint8_t elements_kind;       /* ElementsKind */
    uint8_t pad;
    uint32_t length;             /* arrays: the length; others: elements in use */
    Shape *shape;
    ValueArray *slots;           /* out-of-line property slots (index - inobject_capacity) */
    ValueArray *elements;        /* indexed elements, RT_HOLE for holes; DICTIONARY: see rt_object.c */
    Value inobject[];            /* shape->inobject_capacity slots (ordinary objects only) */
} JSObject;

/* Subclasses embed JSObject first and never use in-object slots. */
typedef struct JSFunction {      /* CLS_FUNCTION: a closure */
    JSObject base;
    BytecodeFunction *bc;
    Context *context;
    Value home_object;           /* for super lookups; undefined if none */
    Value fields;                /* class: instance-field initializer closure, or undefined */
    Value this_val;              /* arrow functions created at top level capture nothing: unused */
} JSFunction;

typedef struct JSNative JSNative;
/* Native (C) functions. new_target is undefined for a plain call. They return
 * a Value, or RT_EXCEPTION with rt->exception set. */
typedef Value (*NativeFn)(Runtime *rt, Value this_val, int argc, Value *argv,
                          Value new_target, JSNative *self);

struct JSNative {                /* CLS_NATIVE */
    JSObject base;
    NativeFn fn;
    int32_t magic;               /* lets one C function serve several builtins */
    uint8_t is_constructor;
    Value data[2];               /* free for the builtin's own use */
};

typedef struct JSBound {         /* CLS_BOUND */
    JSObject base;
    Value target, this_val;
    ValueArray *args;
    uint32_t argc;
} JSBound;

typedef struct JSWrapper {       /* CLS_BOOLEAN/NUMBER/STRING/SYMBOL/DATE/ERROR-data */
    JSObject base;
    Value value;
} JSWrapper;

typedef struct JSIterator {      /* CLS_ITERATOR (array/string/keys/entries) and CLS_FORIN */
    JSObject base;
    Value target;
    Value extra;                 /* for-in: array of keys collected at start */
    uint32_t index;
    uint8_t kind;                /* iterator flavour (rt_iter.c) */
} JSIterator;

struct Context {
    GCHeader h;                  /* h.kind == HK_CONTEXT */
    uint32_t slot_count;
    uint32_t pad;
    Context *parent;
    Value slots[];
};

static inline bool rt_is_object(Value v) {
    return rt_is_ptr(v) && ((GCHeader *)rt_as_ptr(v))->kind == HK_OBJECT;
}
static inline JSObject *rt_as_object(Value v) { return (JSObject *)rt_as_ptr(v); }
static inline bool rt_is_class(Value v, ObjectClass c) {
    return rt_is_object(v) && rt_as_object(v)->cls == c;
}
static inline bool rt_is_array(Value v) { return rt_is_class(v, CLS_ARRAY); }
bool rt_is_callable(Value v);
bool rt_is_constructor(Value v);

/* ---- creation ---------------------------------------------------------- */
JSObject *rt_object_new(Runtime *rt, Value proto);              /* ordinary, extensible */
JSObject *rt_object_new_class(Runtime *rt, Value proto, ObjectClass cls, size_t bytes);
JSObject *rt_array_new(Runtime *rt, uint32_t length);           /* holey if length > 0 */
JSObject *rt_array_from(Runtime *rt, const Value *v, uint32_t n); /* packed */
Context *rt_context_new(Runtime *rt, Context *parent, uint32_t slots); /* slots = RT_HOLE */
Shape *rt_shape_root(Runtime *rt, Value proto, uint16_t inobject_capacity);

/* ---- property keys and lookup -------------------------------------------- */
Value rt_to_property_key(Runtime *rt, Value v);   /* may call toString; RT_EXCEPTION */
Value rt_key_to_string(Runtime *rt, Value key);   /* int keys -> string (for display / own keys) */

typedef struct PropRef {
    JSObject *holder;
    uint32_t slot;               /* valid for named properties */
    uint8_t attrs;
    bool is_element;
    Value value;                 /* the value (data) or AccessorPair (accessor) */
} PropRef;

bool rt_shape_lookup(Shape *s, Value key, uint32_t *slot, uint8_t *attrs);
bool rt_get_own_property(Runtime *rt, JSObject *o, Value key, PropRef *out);
Value rt_slot_get(JSObject *o, uint32_t slot);
void rt_slot_set(Runtime *rt, JSObject *o, uint32_t slot, Value v);

/* ---- the object protocol (spec [[Get]], [[Set]], …) ---------------------
 * obj may be any value: primitives are boxed as the spec says (string length
 * and indices, prototype methods). Return RT_EXCEPTION / -1 on a throw. */
Value rt_get(Runtime *rt, Value obj, Value key);
Value rt_get_recv(Runtime *rt, Value obj, Value key, Value receiver);
Value rt_get_index(Runtime *rt, Value obj, uint32_t index);
Value rt_get_cstr(Runtime *rt, Value obj, const char *ascii_name);
int rt_set(Runtime *rt, Value obj, Value key, Value v, bool strict);              /* 0 ok, -1 exc */
int rt_set_recv(Runtime *rt, Value obj, Value key, Value v, Value receiver, bool strict);
int rt_set_index(Runtime *rt, Value obj, uint32_t index, Value v, bool strict);
/* Define own data / accessor property (ValidateAndApplyPropertyDescriptor).
 * Returns 1 defined, 0 rejected (non-configurable / non-extensible), -1 exc. */
int rt_define_data(Runtime *rt, JSObject *o, Value key, Value v, uint8_t attrs);
int rt_define_accessor(Runtime *rt, JSObject *o, Value key, Value getter, Value setter, uint8_t attrs);
int rt_define_cstr(Runtime *rt, JSObject *o, const char *name, Value v, uint8_t attrs); /* builtins */
int rt_delete(Runtime *rt, Value obj, Value key, bool strict);   /* 1 deleted/absent, 0 refused, -1 exc */
int rt_has_property(Runtime *rt, Value obj, Value key);          /* `in`: 1/0/-1 */
int rt_has_own_property(Runtime *rt, JSObject *o, Value key);
/* Own property keys in spec order: integer indices ascending, then strings
 * in insertion order, then symbols. flags: RT_KEYS_* */
enum { RT_KEYS_STRINGS = 1, RT_KEYS_SYMBOLS = 2, RT_KEYS_ENUMERABLE_ONLY = 4 };
JSObject *rt_own_keys(Runtime *rt, JSObject *o, int flags);      /* array of keys (strings/symbols) */
Value rt_get_prototype_of(Runtime *rt, JSObject *o);
int rt_set_prototype_of(Runtime *rt, JSObject *o, Value proto);  /* 1 ok, 0 refused (cycle/non-extensible) */
void rt_prevent_extensions(Runtime *rt, JSObject *o);
void rt_object_to_dictionary(Runtime *rt, JSObject *o);

/* ---- arrays and elements ------------------------------------------------- */
int rt_array_push(Runtime *rt, JSObject *arr, Value v);
int rt_array_set_length(Runtime *rt, JSObject *arr, double new_len, bool strict);
void rt_elements_transition(Runtime *rt, JSObject *o, ElementsKind kind);
/* An element present in o's fast storage (an own data property): its value. */
bool rt_elements_get(JSObject *o, uint32_t index, Value *out);
/* Array.prototype.fill's fast path; false when o needs the generic one. */
bool rt_elements_fill(Runtime *rt, JSObject *o, uint32_t from, uint32_t to, Value v);
const char *rt_elements_kind_name(ElementsKind k);

/* ---- conversions and operators (rt_convert.c) -------------------------- */
bool rt_to_boolean(Value v);
int rt_to_number(Runtime *rt, Value v, double *out);            /* 0 / -1 exc */
Value rt_to_numeric(Runtime *rt, Value v);                      /* number Value or exc */
Value rt_to_string(Runtime *rt, Value v);                       /* string Value or exc */
Value rt_to_primitive(Runtime *rt, Value v, int hint);          /* hint: 0 default, 1 number, 2 string */
Value rt_to_object(Runtime *rt, Value v);                       /* TypeError on nullish */
int rt_to_int32(Runtime *rt, Value v, int32_t *out);
int rt_to_uint32(Runtime *rt, Value v, uint32_t *out);
int rt_to_integer_or_infinity(Runtime *rt, Value v, double *out);
int32_t rt_double_to_int32(double d);
Value rt_typeof(Runtime *rt, Value v);                          /* interned string */
bool rt_strict_equals(Value a, Value b);
bool rt_same_value(Value a, Value b);
bool rt_same_value_zero(Value a, Value b);
int rt_loose_equals(Runtime *rt, Value a, Value b);             /* 1/0/-1 */
/* Generic slow paths of the arithmetic/bitwise/compare bytecodes:
 * op is the Bytecode (BC_Add, BC_TestLessThan, …); result or RT_EXCEPTION. */
Value rt_binary_op(Runtime *rt, int op, Value lhs, Value rhs);
Value rt_unary_op(Runtime *rt, int op, Value v);                /* BC_Negate, BC_BitwiseNot, BC_Inc, BC_Dec */
int rt_instance_of(Runtime *rt, Value v, Value ctor);           /* 1/0/-1 */
int rt_ordinary_has_instance(Runtime *rt, Value ctor, Value v);

#endif
