/* rt_heap_internal.h — what the collector and the runtime-core files tell
 * each other and nobody else needs: weak tables swept before cells are
 * freed, finalizers of kinds that own malloc memory, and the lifetimes of
 * the side tables hanging off the Runtime.
 */
#ifndef RT_HEAP_INTERNAL_H
#define RT_HEAP_INTERNAL_H

#include "rt_runtime.h"

/* A transition of the shape tree: adding `key` with `attrs` leads to target. */
struct ShapeTransition {
    Value key;
    Shape *target;
    uint8_t attrs;
};

static inline bool rt_gc_is_marked(const void *cell) { return ((const GCHeader *)cell)->mark != 0; }

/* Weak tables: drop entries whose cells were not marked (run after marking,
 * before sweeping). */
void rt_intern_sweep(Runtime *rt);
void rt_shape_cache_sweep(Runtime *rt);

/* Finalizer of a dead shape (frees props, table, transitions). */
void rt_shape_finalize(Shape *s);

/* Side tables. */
InternTable *rt_intern_table_new(void);
void rt_intern_table_free(InternTable *t);
struct ShapeCache *rt_shape_cache_new(void);
void rt_shape_cache_free(struct ShapeCache *c);

/* Key hashing shared by the shape tables: property keys are canonical
 * Values whose identity is their bits (interned strings never move). */
static inline uint32_t rt_key_hash(Value key) {
    uint64_t x = key * 0x9E3779B97F4A7C15ULL;
    return (uint32_t)(x >> 32) ^ (uint32_t)x;
}

/* Shapes (rt_shape.c). */
int rt_shape_find(Shape *s, Value key);                      /* property index or -1 */
Shape *rt_shape_add(Runtime *rt, Shape *s, Value key, uint8_t attrs); /* follow/create a transition */
Shape *rt_shape_to_dictionary(Runtime *rt, Shape *s);        /* private mutable copy */
uint32_t rt_shape_dict_add(Shape *d, Value key, uint8_t attrs);
void rt_shape_dict_remove(Shape *d, uint32_t index, uint32_t *moved_from, uint32_t *moved_to);

/* Objects (rt_object.c). */
#define RT_DICT_THRESHOLD 64   /* named properties before an object goes dictionary */
/* Adds or overwrites a named property without any check (keys canonical). */
void rt_named_put(Runtime *rt, JSObject *o, Value key, Value v, uint8_t attrs);
/* Canonical key from any key-ish Value that cannot run JS (no objects). */
Value rt_canon_key(Runtime *rt, Value key);

/* Elements (rt_array.c). Fast kinds only unless noted. rt_elements_get: rt_object.h */
/* Stores an element (growing, transitioning kinds, going dictionary when
 * sparse); also raises an array's length. Any elements kind. */
void rt_elements_put(Runtime *rt, JSObject *o, uint32_t index, Value v);
void rt_elements_delete(Runtime *rt, JSObject *o, uint32_t index);
void rt_elements_to_dictionary(Runtime *rt, JSObject *o);
/* Key of element `index` as a property key (int, or string past int32). */
Value rt_index_key(Runtime *rt, uint32_t index);
/* Array index of a canonical key (int, or array-index string), or -1. */
int64_t rt_key_index(Value key);

#endif
