/* rt_heap.h — reef's garbage-collected heap: a non-moving mark-sweep
 * collector with size classes (McCarthy 1960; the segregated-fit layout of
 * Boehm-Demers-Weiser). Heap objects are traced precisely; the native stack
 * (C frames, later optimized frames) is scanned conservatively, so C code
 * holds Values in locals without handles.
 */
#ifndef RT_HEAP_H
#define RT_HEAP_H

#include <stddef.h>
#include <stdint.h>
#include "rt_value.h"

typedef struct Runtime Runtime;

/* Every heap cell starts with this header. */
#define RT_HEAP_KINDS(X) \
    X(STRING)    /* JSString */ \
    X(SYMBOL)    /* JSSymbol */ \
    X(OBJECT)    /* JSObject and its subclasses (JSObject.cls says which) */ \
    X(SHAPE)     /* Shape */ \
    X(CONTEXT)   /* Context: captured variables */ \
    X(ACCESSOR)  /* AccessorPair in a property slot */ \
    X(VALUES)    /* ValueArray: out-of-line slots and elements */

typedef enum {
#define X(n) HK_##n,
    RT_HEAP_KINDS(X)
#undef X
    HK__COUNT
} HeapKind;

typedef struct GCHeader {
    uint8_t kind;        /* HeapKind */
    uint8_t mark;
    uint16_t gcbits;     /* owned by the collector */
    uint32_t aux;        /* free for the kind's own use (e.g. string flags) */
} GCHeader;

/* A growable array of values as a heap cell (slots, elements). */
typedef struct ValueArray {
    GCHeader h;
    uint32_t capacity;
    uint32_t pad;
    Value v[];
} ValueArray;

/* Allocation: zero-filled cell of `bytes` (header included). May collect.
 * Never returns NULL: past --max-heap it reports "JavaScript heap out of
 * memory" and exits with status 1. */
void *rt_gc_alloc(Runtime *rt, size_t bytes, HeapKind kind);
ValueArray *rt_values_new(Runtime *rt, uint32_t capacity); /* filled with RT_HOLE */

void rt_gc_collect(Runtime *rt);
/* While > 0 no collection happens (allocation still works). */
void rt_gc_inhibit(Runtime *rt, int delta);

/* Marking, for root tracers of other subsystems (interpreter frames, …). */
void rt_gc_mark_value(Runtime *rt, Value v);
void rt_gc_mark_ptr(Runtime *rt, void *cell);

/* Root tracers that the collector calls; each subsystem implements its own. */
void rt_interp_trace(Runtime *rt);      /* VM stack frames (rt_interp.c) */
struct FeedbackVector;
/* Marks what a function's feedback vector holds (shapes, call targets);
 * called for every BytecodeFunction on Runtime.code_list (rt_feedback.c). */
void rt_feedback_trace(Runtime *rt, struct FeedbackVector *fv);

typedef struct HeapStats {
    size_t bytes_allocated, bytes_live, limit;
    uint64_t collections;
} HeapStats;
void rt_gc_stats(Runtime *rt, HeapStats *out);

struct Heap *rt_heap_new(Runtime *rt, size_t limit_bytes);
void rt_heap_free(Runtime *rt);          /* releases every cell (teardown) */

#endif
