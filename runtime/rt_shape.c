/* rt_shape.c — shapes (hidden classes): the maps of Self (Chambers, Ungar &
 * Lee 1989) as V8 uses them. A shape lists the named properties of the
 * objects that have it, in insertion order, with each property's slot and
 * attributes; property i lives in slot i. Adding a property follows a
 * transition (key, attrs) -> child, so objects built the same way share
 * shapes, and inline caches can key on the shape pointer.
 *
 * Roots: one per (prototype, in-object capacity), cached in a weak table on
 * the Runtime (an entry dies with its shape, which dies with the last object
 * of that prototype). Transitions are strong: a tree lives as long as any of
 * its shapes.
 *
 * Dictionary shapes (dictionary = 1) belong to exactly one object, which
 * edits their property list in place; they are never shared, never cached
 * by inline caches, and never go back to a tree.
 *
 * Lookup is a linear scan up to LINEAR_MAX properties, then an
 * open-addressed table built on first use.
 */
#include <stdlib.h>
#include <string.h>

#include "rt_heap_internal.h"

#define LINEAR_MAX 8

typedef struct ShapeCacheEntry {
    Value proto;
    Shape *shape;
    uint16_t capacity;
} ShapeCacheEntry;

struct ShapeCache {
    ShapeCacheEntry *e;  /* shape == NULL: empty */
    uint32_t cap, count;
};

static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs("FATAL ERROR: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

static void *xrealloc(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fputs("FATAL ERROR: out of memory\n", stderr);
        exit(1);
    }
    return q;
}

/* ---- root cache ---------------------------------------------------------------- */

struct ShapeCache *rt_shape_cache_new(void) {
    struct ShapeCache *c = calloc(1, sizeof *c);
    if (!c) abort();
    c->cap = 64;
    c->e = calloc(c->cap, sizeof *c->e);
    if (!c->e) abort();
    return c;
}

void rt_shape_cache_free(struct ShapeCache *c) {
    if (!c) return;
    free(c->e);
    free(c);
}

static uint32_t cache_hash(Value proto, uint16_t cap) {
    return rt_key_hash(proto ^ ((uint64_t)cap << 52));
}

static void cache_insert_raw(struct ShapeCache *c, ShapeCacheEntry e) {
    uint32_t i = cache_hash(e.proto, e.capacity) & (c->cap - 1);
    while (c->e[i].shape) i = (i + 1) & (c->cap - 1);
    c->e[i] = e;
    c->count++;
}

static void cache_rebuild(struct ShapeCache *c, uint32_t cap, bool drop_dead) {
    ShapeCacheEntry *old = c->e;
    uint32_t old_cap = c->cap;
    c->e = calloc(cap, sizeof *c->e);
    if (!c->e) abort();
    c->cap = cap;
    c->count = 0;
    for (uint32_t i = 0; i < old_cap; i++) {
        if (!old[i].shape) continue;
        if (drop_dead && !rt_gc_is_marked(old[i].shape)) continue;
        cache_insert_raw(c, old[i]);
    }
    free(old);
}

void rt_shape_cache_sweep(Runtime *rt) {
    struct ShapeCache *c = rt->shapes;
    if (!c) return;
    uint32_t cap = c->cap;
    while (cap > 64 && c->count * 4 < cap) cap /= 2;
    cache_rebuild(c, cap, true);
}

static Shape *shape_alloc(Runtime *rt, Value proto, uint16_t capacity) {
    Shape *s = rt_gc_alloc(rt, sizeof(Shape), HK_SHAPE);
    s->proto = proto;
    s->inobject_capacity = capacity;
    return s;
}

Shape *rt_shape_root(Runtime *rt, Value proto, uint16_t capacity) {
    struct ShapeCache *c = rt->shapes;
    uint32_t i = cache_hash(proto, capacity) & (c->cap - 1);
    while (c->e[i].shape) {
        if (c->e[i].proto == proto && c->e[i].capacity == capacity) return c->e[i].shape;
        i = (i + 1) & (c->cap - 1);
    }
    Shape *s = shape_alloc(rt, proto, capacity);
    if ((c->count + 1) * 2 > c->cap) cache_rebuild(c, c->cap * 2, false);
    cache_insert_raw(c, (ShapeCacheEntry){proto, s, capacity});
    return s;
}

void rt_shape_finalize(Shape *s) {
    free(s->transition_table);
    s->transition_table = NULL;
    free(s->props);
    free(s->table);
    free(s->transitions);
    s->props = NULL;
    s->table = NULL;
    s->transitions = NULL;
    s->prop_count = s->transition_count = 0;
}

/* ---- lookup ----------------------------------------------------------------------- */

static void table_build(Shape *s) {
    uint32_t size = 16;
    while (size < s->prop_count * 2 + 2) size *= 2;
    uint32_t *t = calloc(size, sizeof *t);
    if (!t) abort();
    for (uint32_t i = 0; i < s->prop_count; i++) {
        uint32_t j = rt_key_hash(s->props[i].key) & (size - 1);
        while (t[j]) j = (j + 1) & (size - 1);
        t[j] = i + 1;
    }
    free(s->table);
    s->table = t;
    s->table_size = size;
}

int rt_shape_find(Shape *s, Value key) {
    uint32_t n = s->prop_count;
    if (n <= LINEAR_MAX) {
        for (uint32_t i = 0; i < n; i++)
            if (s->props[i].key == key) return (int)i;
        return -1;
    }
    if (!s->table) table_build(s);
    uint32_t mask = s->table_size - 1;
    uint32_t j = rt_key_hash(key) & mask;
    for (;;) {
        uint32_t e = s->table[j];
        if (!e) return -1;
        if (s->props[e - 1].key == key) return (int)(e - 1);
        j = (j + 1) & mask;
    }
}

bool rt_shape_lookup(Shape *s, Value key, uint32_t *slot, uint8_t *attrs) {
    int i = rt_shape_find(s, key);
    if (i < 0) return false;
    if (slot) *slot = s->props[i].slot;
    if (attrs) *attrs = s->props[i].attrs;
    return true;
}

/* ---- transitions ---------------------------------------------------------------- */

static uint32_t transition_hash(Value key, uint8_t attrs) { return rt_key_hash(key + attrs); }

static void transition_table_build(Shape *s) {
    uint32_t size = 32;
    while (size < s->transition_count * 2 + 2) size *= 2;
    uint32_t *t = calloc(size, sizeof *t);
    if (!t) abort();
    for (uint32_t i = 0; i < s->transition_count; i++) {
        uint32_t j = transition_hash(s->transitions[i].key, s->transitions[i].attrs) & (size - 1);
        while (t[j]) j = (j + 1) & (size - 1);
        t[j] = i + 1;
    }
    free(s->transition_table);
    s->transition_table = t;
    s->transition_table_size = size;
}

/* Objects used as maps give one shape thousands of transitions: past
 * LINEAR_MAX they are found through a hash table. */
static Shape *transition_find(Shape *s, Value key, uint8_t attrs) {
    if (!s->transition_table) {
        for (uint32_t i = 0; i < s->transition_count; i++) {
            struct ShapeTransition *t = &s->transitions[i];
            if (t->key == key && t->attrs == attrs) return t->target;
        }
        return NULL;
    }
    uint32_t mask = s->transition_table_size - 1, j = transition_hash(key, attrs) & mask;
    for (;;) {
        uint32_t e = s->transition_table[j];
        if (!e) return NULL;
        struct ShapeTransition *t = &s->transitions[e - 1];
        if (t->key == key && t->attrs == attrs) return t->target;
        j = (j + 1) & mask;
    }
}

Shape *rt_shape_add(Runtime *rt, Shape *s, Value key, uint8_t attrs) {
    Shape *found = transition_find(s, key, attrs);
    if (found) return found;
    Shape *c = shape_alloc(rt, s->proto, s->inobject_capacity);
    /* c is only reachable from this frame until it is linked below; the
     * conservative scan keeps it alive, and no allocation happens after. */
    uint32_t n = s->prop_count;
    c->props = xmalloc((size_t)(n + 1) * sizeof(ShapeProp));
    if (n) memcpy(c->props, s->props, (size_t)n * sizeof(ShapeProp));
    c->props[n] = (ShapeProp){key, n, attrs};
    c->prop_count = n + 1;
    c->prop_cap = n + 1;
    c->parent = s;
    if (s->transition_count == s->transition_cap) {
        s->transition_cap = s->transition_cap ? s->transition_cap * 2 : 2;
        s->transitions = xrealloc(s->transitions, s->transition_cap * sizeof *s->transitions);
    }
    s->transitions[s->transition_count++] = (struct ShapeTransition){key, c, attrs};
    if (s->transition_count > LINEAR_MAX) {
        if (!s->transition_table || s->transition_count * 2 + 2 > s->transition_table_size) {
            transition_table_build(s);
        } else {
            uint32_t mask = s->transition_table_size - 1, j = transition_hash(key, attrs) & mask;
            while (s->transition_table[j]) j = (j + 1) & mask;
            s->transition_table[j] = s->transition_count;
        }
    }
    return c;
}

/* A private, mutable copy of s for one object. */
Shape *rt_shape_to_dictionary(Runtime *rt, Shape *s) {
    Shape *d = shape_alloc(rt, s->proto, s->inobject_capacity);
    uint32_t n = s->prop_count;
    uint32_t cap = n < 8 ? 8 : n;
    d->props = xmalloc((size_t)cap * sizeof(ShapeProp));
    if (n) memcpy(d->props, s->props, (size_t)n * sizeof(ShapeProp));
    d->prop_count = n;
    d->prop_cap = cap;
    d->dictionary = 1;
    return d;
}

/* Dictionary shapes: append a property in place; returns its slot. */
uint32_t rt_shape_dict_add(Shape *d, Value key, uint8_t attrs) {
    if (d->prop_count == d->prop_cap) {
        d->prop_cap = d->prop_cap ? d->prop_cap * 2 : 8;
        d->props = xrealloc(d->props, (size_t)d->prop_cap * sizeof(ShapeProp));
    }
    uint32_t i = d->prop_count++;
    d->props[i] = (ShapeProp){key, i, attrs};
    if (d->table) {
        if (d->prop_count * 2 + 2 > d->table_size) {
            table_build(d);
        } else {
            uint32_t mask = d->table_size - 1, j = rt_key_hash(key) & mask;
            while (d->table[j]) j = (j + 1) & mask;
            d->table[j] = i + 1;
        }
    }
    return i;
}

/* Dictionary shapes: remove property i keeping insertion order. Slots stay
 * dense: the property that used the last slot moves into the freed one;
 * moved_from and moved_to tell the caller which value to move. */
void rt_shape_dict_remove(Shape *d, uint32_t i, uint32_t *moved_from, uint32_t *moved_to) {
    uint32_t freed = d->props[i].slot;
    uint32_t last = d->prop_count - 1;
    memmove(&d->props[i], &d->props[i + 1], (size_t)(last - i) * sizeof(ShapeProp));
    d->prop_count = last;
    *moved_from = *moved_to = freed;
    if (freed != last) {
        for (uint32_t k = 0; k < d->prop_count; k++) {
            if (d->props[k].slot == last) {
                d->props[k].slot = freed;
                *moved_from = last;
                *moved_to = freed;
                break;
            }
        }
    }
    free(d->table);
    d->table = NULL;
    d->table_size = 0;
}
