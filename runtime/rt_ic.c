/* rt_ic.c — property inline caches of the interpreter: the polymorphic
 * hits, the miss handlers that classify a lookup into a cacheable handler,
 * and the state machine uninitialized -> monomorphic -> polymorphic (<= 4)
 * -> megamorphic (Hölzle, Chambers & Ungar 1991, "Optimizing
 * dynamically-typed object-oriented languages with polymorphic inline
 * caches"; V8's LoadIC/StoreIC).
 *
 * An entry is valid while the receiver has its shape and every prototype
 * walked to reach the holder still has the shape recorded in chain[]: a
 * shape fixes its prototype, so equal shapes along the walk mean the same
 * objects with the same properties. Dictionary-mode shapes change in place
 * and are never cached. A megamorphic site takes the generic path.
 */
#include <stdlib.h>
#include "rt_frame.h"

static const char *const ic_kind_name[] = {"LoadIC", "StoreIC", "KeyedLoadIC", "KeyedStoreIC"};

/* ---- handlers -------------------------------------------------------------------------- */
static inline Value slot_of(JSObject *o, uint32_t slot) { return rt_ic_slot_load(o, slot); }

static inline void slot_store(JSObject *o, uint32_t slot, Value v) {
    uint32_t cap = o->shape->inobject_capacity;
    if (slot < cap) o->inobject[slot] = v;
    else o->slots->v[slot - cap] = v;
}

/* The first prototype a receiver's lookup continues at. */
static inline Value first_proto(Runtime *rt, Shape *shape) {
    return shape ? shape->proto : rt_intrinsic(rt, INTR_StringPrototype);
}

static bool chain_valid(Runtime *rt, const ICEntry *e) {
    Value p = first_proto(rt, e->shape);
    for (int i = 0; i < e->depth; i++) {
        if (!rt_is_object(p)) return false;
        JSObject *po = rt_as_object(p);
        if (po->shape != e->chain[i]) return false;
        p = po->shape->proto;
    }
    return true;
}

static Value call_getter(Runtime *rt, JSObject *holder, uint32_t slot, Value receiver) {
    Value pair = slot_of(holder, slot);
    if (!rt_is_ptr(pair)) return RT_UNDEFINED;
    AccessorPair *ap = rt_as_ptr(pair);
    if (!rt_is_callable(ap->getter)) return RT_UNDEFINED;
    return rt_call(rt, ap->getter, receiver, 0, NULL);
}

/* RT_HOLE: the entry does not apply (stale chain): treat as a miss. */
static Value load_hit(Runtime *rt, const ICEntry *e, Value obj) {
    switch (e->handler) {
    case ICH_FieldInObject:
    case ICH_FieldOutOfLine:
        return slot_of(rt_as_object(obj), e->slot);
    case ICH_ProtoField:
        if (!chain_valid(rt, e)) return RT_HOLE;
        return slot_of(e->holder, e->slot);
    case ICH_Getter:
        if (e->depth && !chain_valid(rt, e)) return RT_HOLE;
        return call_getter(rt, e->depth ? e->holder : rt_as_object(obj), e->slot, obj);
    case ICH_Nonexistent:
        if (!chain_valid(rt, e)) return RT_HOLE;
        return RT_UNDEFINED;
    case ICH_ArrayLength:
        return rt_number((double)rt_as_object(obj)->length);
    case ICH_StringLength:
        return rt_int((int32_t)rt_as_string(obj)->len);
    default:
        return RT_HOLE;
    }
}

/* ---- classification (no side effects) ----------------------------------------------------- */
static bool cacheable_class(int cls, bool store) {
    switch (cls) {
    case CLS_ORDINARY: case CLS_FUNCTION: case CLS_ERROR:
        return true;
    case CLS_ARRAY: case CLS_NATIVE: case CLS_ARGUMENTS: case CLS_BOUND:
        return !store;
    default:
        return false;
    }
}

static bool is_name_key(Value key) { return rt_is_string(key) || rt_is_symbol(key); }

/* Walks the prototypes from `p` looking for key; fills chain/holder. Returns
 * true when the outcome is cacheable; *found tells whether a holder was found. */
static bool walk_protos(Runtime *rt, Value p, Value key, ICEntry *e, bool *found, uint8_t *attrs) {
    *found = false;
    e->depth = 0;
    while (rt_is_object(p)) {
        JSObject *po = rt_as_object(p);
        if (e->depth >= RT_IC_CHAIN_MAX || !po->shape || po->shape->dictionary) return false;
        if (po->cls == CLS_STRING && key == rt_atom(rt, ATOM_length)) return false;
        if (!cacheable_class(po->cls, false) && po->cls != CLS_STRING && po->cls != CLS_NUMBER &&
            po->cls != CLS_BOOLEAN && po->cls != CLS_SYMBOL)
            return false;
        e->chain[e->depth++] = po->shape;
        uint32_t slot;
        if (rt_shape_lookup(po->shape, key, &slot, attrs)) {
            *found = true;
            e->holder = po;
            e->slot = slot;
            return true;
        }
        p = po->shape->proto;
    }
    return rt_is_null(p);
}

static bool classify_load(Runtime *rt, Value obj, Value key, ICEntry *e) {
    *e = (ICEntry){0};
    if (!is_name_key(key)) return false;
    if (rt_is_string(obj)) {
        e->shape = NULL;
        if (key == rt_atom(rt, ATOM_length)) {
            e->handler = ICH_StringLength;
            return true;
        }
    } else {
        if (!rt_is_object(obj)) return false;
        JSObject *o = rt_as_object(obj);
        if (!o->shape || o->shape->dictionary || !cacheable_class(o->cls, false)) return false;
        e->shape = o->shape;
        uint32_t slot;
        uint8_t attrs;
        if (rt_shape_lookup(o->shape, key, &slot, &attrs)) {
            e->slot = slot;
            if (attrs & PROP_ACCESSOR) e->handler = ICH_Getter;
            else e->handler = slot < o->shape->inobject_capacity ? ICH_FieldInObject : ICH_FieldOutOfLine;
            return true;
        }
        if (key == rt_atom(rt, ATOM_length)) {
            if (o->cls == CLS_ARRAY) {
                e->handler = ICH_ArrayLength;
                return true;
            }
            if (o->cls != CLS_ORDINARY) return false;  /* possibly a virtual own property */
        }
        if (o->cls == CLS_NATIVE || o->cls == CLS_BOUND) return false;
    }
    bool found;
    uint8_t attrs = 0;
    if (!walk_protos(rt, first_proto(rt, e->shape), key, e, &found, &attrs)) return false;
    if (!found) e->handler = ICH_Nonexistent;
    else e->handler = (attrs & PROP_ACCESSOR) ? ICH_Getter : ICH_ProtoField;
    return true;
}

/* ---- IC state updates ------------------------------------------------------------------------ */
static void trace_transition(Runtime *rt, struct Frame *fr, int which, Value key, int from, PropertyFeedback *p,
                             const ICEntry *e) {
    FILE *f = rt->err;
    fprintf(f, "[IC] %s ", ic_kind_name[which]);
    if (rt_is_string(key)) {
        char *u = rt_string_to_utf8(key, NULL);
        fputs(u ? u : "?", f);
        free(u);
    } else {
        fputs("<key>", f);
    }
    if (fr) {
        const SourcePos *sp = rt_bc_position(fr->bf, fr->pc);
        const char *file = fr->bf->script && fr->bf->script->filename ? fr->bf->script->filename : "?";
        fprintf(f, " @%u (%s:%u:%u)", fr->pc, file, sp ? sp->line : 0, sp ? sp->col : 0);
    }
    fprintf(f, ": %s -> %s", rt_ic_state_name((ICState)from), rt_ic_state_name((ICState)p->state));
    if (e) {
        fputs(" (shape ", f);
        rt_shape_print(e->shape, f);
        fprintf(f, " %s", rt_ic_handler_name((ICHandler)e->handler));
        if (e->handler != ICH_ArrayLength && e->handler != ICH_StringLength && e->handler != ICH_Nonexistent)
            fprintf(f, " %u", e->slot);
        if (e->handler == ICH_StoreTransition) {
            fputs(" to ", f);
            rt_shape_print(e->new_shape, f);
        }
        fputc(')', f);
    }
    fputc('\n', f);
}

static void ic_update(Runtime *rt, struct Frame *fr, int which, Value key, PropertyFeedback *p,
                      const ICEntry *e) {
    int from = p->state;
    if (p->state == IC_megamorphic) return;
    if (!e) {
        p->state = IC_megamorphic;
        p->count = 0;
    } else {
        int i;
        for (i = 0; i < p->count; i++)
            if (p->e[i].shape == e->shape) break;
        if (i < p->count) {
            p->e[i] = *e;                   /* same shape, new handler (stale chain) */
        } else if (p->count < RT_IC_POLY_MAX) {
            p->e[p->count++] = *e;
            p->state = p->count == 1 ? IC_monomorphic : IC_polymorphic;
        } else {
            p->state = IC_megamorphic;
            p->count = 0;
            e = NULL;
        }
    }
    if (rt->flags.trace_ic) trace_transition(rt, fr, which, key, from, p, e);
}

/* ---- loads ----------------------------------------------------------------------------------------- */
static Value named_load(Runtime *rt, struct Frame *fr, PropertyFeedback *p, Value obj, Value key, int which) {
    if (p->state != IC_megamorphic) {
        Shape *shape = rt_is_object(obj) ? rt_as_object(obj)->shape : NULL;
        if (shape || rt_is_string(obj)) {
            for (int i = 0; i < p->count; i++) {
                if (p->e[i].shape != shape) continue;
                Value r = load_hit(rt, &p->e[i], obj);
                if (r != RT_HOLE) return r;
                break;
            }
        }
        ICEntry e;
        if (!rt_is_object(obj) && !rt_is_string(obj)) {
            /* nullish (the generic path throws), numbers, booleans, symbols: not cached */
        } else if (classify_load(rt, obj, key, &e)) {
            ic_update(rt, fr, which, key, p, &e);
            Value r = load_hit(rt, &e, obj);
            if (r != RT_HOLE) return r;
        } else {
            ic_update(rt, fr, which, key, p, NULL);
        }
    }
    return rt_get(rt, obj, key);
}

Value rt_ic_load(Runtime *rt, struct Frame *fr, FeedbackSlot *fs, Value obj, Value key) {
    return named_load(rt, fr, fs->u.prop, obj, key, 0);
}

/* Canonical key from any value; records the key kind. */
static Value keyed_key(Runtime *rt, PropertyFeedback *p, Value key) {
    if (rt_is_int(key)) {
        p->key_kinds |= KEY_SMI;
        return rt_as_int(key) >= 0 ? key : rt_to_property_key(rt, key);
    }
    Value k = rt_to_property_key(rt, key);
    if (rt_is_exception(k)) return k;
    p->key_kinds |= rt_is_int(k) ? KEY_SMI : rt_is_string(k) ? KEY_NAME : KEY_OTHER;
    return k;
}

Value rt_ic_keyed_load(Runtime *rt, struct Frame *fr, FeedbackSlot *fs, Value obj, Value key) {
    PropertyFeedback *p = fs->u.prop;
    if (rt_is_nullish(obj)) return rt_get(rt, obj, rt_is_int(key) ? key : rt_to_property_key(rt, key));
    Value k = keyed_key(rt, p, key);
    if (rt_is_exception(k)) return k;
    if (rt_is_int(k)) {
        int32_t i = rt_as_int(k);
        if (rt_is_array(obj)) {
            JSObject *o = rt_as_object(obj);
            p->elements_kinds |= (uint16_t)(1u << o->elements_kind);
            if ((uint32_t)i >= o->length) p->elem_flags |= EF_OUT_OF_BOUNDS;
            else if (o->elements_kind != EK_DICTIONARY && o->elements && (uint32_t)i < o->elements->capacity) {
                Value v = o->elements->v[i];
                if (v != RT_HOLE) return v;
                p->elem_flags |= EF_HOLE;
            }
        } else {
            p->elem_flags |= EF_NON_ARRAY;
            if (rt_is_string(obj)) {
                JSString *s = rt_as_string(obj);
                if ((uint32_t)i < s->len) return rt_string_from_utf16(rt, &s->chars[i], 1);
                p->elem_flags |= EF_OUT_OF_BOUNDS;
            }
        }
        return rt_get(rt, obj, k);
    }
    if (rt_is_string(k)) {
        if (rt_is_undefined(p->name)) p->name = k;
        if (p->name == k) return named_load(rt, fr, p, obj, k, 2);
        if (p->state != IC_megamorphic) ic_update(rt, fr, 2, k, p, NULL);
    }
    return rt_get(rt, obj, k);
}

/* ---- stores -------------------------------------------------------------------------------------- */
static bool ensure_slot(Runtime *rt, JSObject *o, Shape *shape, uint32_t slot) {
    uint32_t cap = shape->inobject_capacity;
    if (slot < cap) return true;
    uint32_t idx = slot - cap;
    if (o->slots && idx < o->slots->capacity) return true;
    uint32_t old = o->slots ? o->slots->capacity : 0;
    uint32_t ncap = old ? old * 2 : 4;
    while (ncap <= idx) ncap *= 2;
    ValueArray *nv = rt_values_new(rt, ncap);
    if (!nv) return false;
    for (uint32_t i = 0; i < old; i++) nv->v[i] = o->slots->v[i];
    o->slots = nv;
    return true;
}

/* 1 done, 0 not applicable (miss), -1 exception. */
static int store_hit(Runtime *rt, const ICEntry *e, JSObject *o, Value v) {
    switch (e->handler) {
    case ICH_StoreField:
        slot_store(o, e->slot, v);
        return 1;
    case ICH_StoreTransition:
        if (!(o->flags & OBJ_EXTENSIBLE) || !chain_valid(rt, e)) return 0;
        if (!ensure_slot(rt, o, e->new_shape, e->slot)) return 0;
        o->shape = e->new_shape;
        slot_store(o, e->slot, v);
        return 1;
    case ICH_Setter: {
        if (e->depth && !chain_valid(rt, e)) return 0;
        JSObject *h = e->depth ? e->holder : o;
        Value pair = slot_of(h, e->slot);
        if (!rt_is_ptr(pair)) return 0;
        AccessorPair *ap = rt_as_ptr(pair);
        if (!rt_is_callable(ap->setter)) return 0;
        Value arg = v;
        Value r = rt_call(rt, ap->setter, rt_ptr(o), 1, &arg);
        return rt_is_exception(r) ? -1 : 1;
    }
    default:
        return 0;
    }
}

/* Classifies a store before it happens. Returns 1 with a complete entry
 * (field, setter), 2 when the store adds a property (the transition is
 * recorded after the generic store), 0 when not cacheable. */
static int classify_store(Runtime *rt, JSObject *o, Value key, ICEntry *e) {
    *e = (ICEntry){0};
    if (!is_name_key(key) || !o->shape || o->shape->dictionary || !cacheable_class(o->cls, true)) return 0;
    e->shape = o->shape;
    uint32_t slot;
    uint8_t attrs;
    if (rt_shape_lookup(o->shape, key, &slot, &attrs)) {
        e->slot = slot;
        if (attrs & PROP_ACCESSOR) {
            e->handler = ICH_Setter;
            return 1;
        }
        if (!(attrs & PROP_WRITABLE)) return 0;
        e->handler = ICH_StoreField;
        return 1;
    }
    if (!(o->flags & OBJ_EXTENSIBLE)) return 0;
    bool found;
    if (!walk_protos(rt, o->shape->proto, key, e, &found, &attrs)) return 0;
    if (found) {
        if (attrs & PROP_ACCESSOR) {
            e->handler = ICH_Setter;
            return 1;
        }
        if (!(attrs & PROP_WRITABLE)) return 0;
    }
    e->holder = NULL;
    e->handler = ICH_StoreTransition;
    return 2;
}

static int named_store(Runtime *rt, struct Frame *fr, PropertyFeedback *p, Value obj, Value key, Value v,
                       bool strict, int which) {
    if (p->state != IC_megamorphic && rt_is_object(obj)) {
        JSObject *o = rt_as_object(obj);
        for (int i = 0; i < p->count; i++) {
            if (p->e[i].shape != o->shape) continue;
            int r = store_hit(rt, &p->e[i], o, v);
            if (r) return r < 0 ? -1 : 0;
            break;
        }
        ICEntry e;
        int c = classify_store(rt, o, key, &e);
        if (c == 1) {
            ic_update(rt, fr, which, key, p, &e);
            int r = store_hit(rt, &e, o, v);
            if (r) return r < 0 ? -1 : 0;
        } else if (c == 2) {
            Shape *before = o->shape;
            if (rt_set(rt, obj, key, v, strict) < 0) return -1;
            Shape *after = o->shape;
            if (after != before && !after->dictionary && after->parent == before &&
                after->prop_count == before->prop_count + 1 && after->props[after->prop_count - 1].key == key &&
                after->props[after->prop_count - 1].attrs == PROP_DEFAULT) {
                e.new_shape = after;
                e.slot = after->props[after->prop_count - 1].slot;
                ic_update(rt, fr, which, key, p, &e);
            } else {
                ic_update(rt, fr, which, key, p, NULL);
            }
            return 0;
        } else {
            ic_update(rt, fr, which, key, p, NULL);
        }
    }
    return rt_set(rt, obj, key, v, strict);
}

int rt_ic_store(Runtime *rt, struct Frame *fr, FeedbackSlot *fs, Value obj, Value key, Value v, bool strict) {
    return named_store(rt, fr, fs->u.prop, obj, key, v, strict, 1);
}

int rt_ic_keyed_store(Runtime *rt, struct Frame *fr, FeedbackSlot *fs, Value obj, Value key, Value v, bool strict) {
    PropertyFeedback *p = fs->u.prop;
    if (rt_is_nullish(obj)) {
        Value k = rt_to_property_key(rt, key);
        if (rt_is_exception(k)) return -1;
        return rt_set(rt, obj, k, v, strict);
    }
    Value k = keyed_key(rt, p, key);
    if (rt_is_exception(k)) return -1;
    if (rt_is_int(k)) {
        if (rt_is_array(obj)) {
            JSObject *o = rt_as_object(obj);
            uint8_t before = o->elements_kind;
            p->elements_kinds |= (uint16_t)(1u << before);
            if ((uint32_t)rt_as_int(k) == o->length) p->elem_flags |= EF_GROWING;
            else if ((uint32_t)rt_as_int(k) > o->length) p->elem_flags |= EF_OUT_OF_BOUNDS;
            int r = rt_set(rt, obj, k, v, strict);
            if (o->elements_kind != before) {
                p->elem_flags |= EF_TRANSITION;
                p->elements_kinds |= (uint16_t)(1u << o->elements_kind);
            }
            return r;
        }
        p->elem_flags |= EF_NON_ARRAY;
        return rt_set(rt, obj, k, v, strict);
    }
    if (rt_is_string(k)) {
        if (rt_is_undefined(p->name)) p->name = k;
        if (p->name == k) return named_store(rt, fr, p, obj, k, v, strict, 3);
        if (p->state != IC_megamorphic) ic_update(rt, fr, 3, k, p, NULL);
    }
    return rt_set(rt, obj, k, v, strict);
}
