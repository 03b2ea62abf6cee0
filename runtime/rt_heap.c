/* rt_heap.c — reef's garbage collector: non-moving mark-sweep over
 * size-segregated pages (the layout of Boehm-Demers-Weiser), precise tracing
 * of heap cells and interpreter frames, conservative scanning of the native
 * stack (Bartlett's "mostly-copying" insight without the copying: C code may
 * keep Values in locals and registers, so any word there that looks like a
 * cell address keeps that cell alive).
 *
 * Layout: small cells (16..2048 bytes, 24 classes) are carved from 256 KiB
 * pages aligned to their size, so a candidate word finds its page by masking
 * and its cell by division. Larger cells are malloc'd one by one and kept in
 * an address-sorted vector (binary search for candidates). A free cell has
 * kind 0xFF and links to the next free cell of its class.
 *
 * Marking uses an explicit stack, never C recursion: a linked list of a
 * million objects must not overflow the C stack.
 */
#include <setjmp.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "rt_heap_internal.h"

#define PAGE_SIZE (256u * 1024u)
#define PAGE_MASK ((uintptr_t)PAGE_SIZE - 1)
#define NUM_CLASSES 24
#define MAX_SMALL 2048u
#define FREE_KIND 0xFF
#define GC_MIN_THRESHOLD (8u * 1024u * 1024u)
#define GC_STRESS_EVERY 10

static const uint16_t class_size[NUM_CLASSES] = {
    16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256,
    320, 384, 448, 512, 640, 768, 896, 1024, 1280, 1536, 1792, 2048,
};

typedef struct FreeCell {
    GCHeader h;
    struct FreeCell *next;
} FreeCell;

/* The page header sits at the start of its own aligned block. */
typedef struct Page {
    struct Page *next;           /* pages of the same class */
    uint32_t cls, cell_size;
    uint32_t cell_count, live;
    uint8_t *cells;              /* first cell */
} Page;
#define PAGE_HEADER_BYTES 64

typedef struct LargeCell {
    uint8_t *start;
    size_t size;
} LargeCell;

struct Heap {
    Page *pages[NUM_CLASSES];
    FreeCell *free_list[NUM_CLASSES];
    uint8_t size_to_class[MAX_SMALL / 16 + 1];
    /* page set: open addressing on the page address (NULL = empty) */
    Page **page_set;
    size_t page_set_cap, page_count;
    LargeCell *large;
    size_t large_count, large_cap;
    Page *spare;                 /* empty pages kept for reuse (linked by next) */
    size_t spare_count;
    void **mark_stack;
    size_t mark_len, mark_cap;
    size_t in_use;               /* bytes in allocated cells */
    size_t since_gc;             /* bytes allocated since the last collection */
    size_t threshold;
    size_t limit;
    size_t live_after_gc;
    uint64_t collections;
    uint32_t stress_counter;
    int inhibit;
    bool collecting;
};

/* Out of heap: flush what the program printed, report like Node does, and
 * leave without running exit handlers (the heap is in no state to tear down,
 * and a leak checker would only report the live heap as leaked). */
static void fatal_oom(void) {
    fflush(NULL);
    fputs("FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n", stderr);
    fflush(stderr);
    _exit(1);
}

/* ---- page set ------------------------------------------------------------ */

static size_t page_hash(uintptr_t base, size_t cap) {
    return (size_t)(((base >> 18) * 0x9E3779B97F4A7C15ULL) >> 20) & (cap - 1);
}

static void page_set_insert_raw(Page **set, size_t cap, Page *p) {
    size_t i = page_hash((uintptr_t)p, cap);
    while (set[i]) i = (i + 1) & (cap - 1);
    set[i] = p;
}

static void page_set_rebuild(struct Heap *h, size_t cap) {
    Page **set = calloc(cap, sizeof *set);
    if (!set) fatal_oom();
    for (int c = 0; c < NUM_CLASSES; c++)
        for (Page *p = h->pages[c]; p; p = p->next) page_set_insert_raw(set, cap, p);
    free(h->page_set);
    h->page_set = set;
    h->page_set_cap = cap;
}

static Page *page_set_find(struct Heap *h, uintptr_t base) {
    if (!h->page_set_cap) return NULL;
    size_t i = page_hash(base, h->page_set_cap);
    for (;;) {
        Page *p = h->page_set[i];
        if (!p) return NULL;
        if ((uintptr_t)p == base) return p;
        i = (i + 1) & (h->page_set_cap - 1);
    }
}

/* A PAGE_SIZE block aligned to PAGE_SIZE straight from the kernel: map
 * twice the size and give back the misaligned ends. */
static void *page_map(void) {
    size_t len = 2 * (size_t)PAGE_SIZE;
    uint8_t *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) fatal_oom();
    uintptr_t a = ((uintptr_t)m + PAGE_MASK) & ~PAGE_MASK;
    size_t lead = a - (uintptr_t)m, trail = len - lead - PAGE_SIZE;
    if (lead) munmap(m, lead);
    if (trail) munmap((uint8_t *)a + PAGE_SIZE, trail);
    return (void *)a;
}

static void page_unmap(Page *p) { munmap(p, PAGE_SIZE); }

static Page *page_new(struct Heap *h, int cls) {
    Page *p;
    if (h->spare) {
        p = h->spare;
        h->spare = p->next;
        h->spare_count--;
    } else {
        p = page_map();
    }
    p->cls = (uint32_t)cls;
    p->cell_size = class_size[cls];
    p->cells = (uint8_t *)p + PAGE_HEADER_BYTES;
    p->cell_count = (PAGE_SIZE - PAGE_HEADER_BYTES) / p->cell_size;
    p->live = 0;
    p->next = h->pages[cls];
    h->pages[cls] = p;
    h->page_count++;
    if (h->page_count * 2 > h->page_set_cap)
        page_set_rebuild(h, h->page_set_cap ? h->page_set_cap * 2 : 64);
    else
        page_set_insert_raw(h->page_set, h->page_set_cap, p);
    /* Thread the cells onto the free list back to front so that allocation
     * walks the page in address order. */
    for (uint32_t i = p->cell_count; i-- > 0;) {
        FreeCell *f = (FreeCell *)(p->cells + (size_t)i * p->cell_size);
        f->h.kind = FREE_KIND;
        f->h.mark = 0;
        f->next = h->free_list[cls];
        h->free_list[cls] = f;
    }
    return p;
}

/* ---- large cells ---------------------------------------------------------- */

static size_t large_find(struct Heap *h, uintptr_t addr) { /* first index with start > addr */
    size_t lo = 0, hi = h->large_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((uintptr_t)h->large[mid].start <= addr) lo = mid + 1; else hi = mid;
    }
    return lo;
}

static void *large_alloc(struct Heap *h, size_t bytes) {
    uint8_t *p = aligned_alloc(16, (bytes + 15) & ~(size_t)15);
    if (!p) fatal_oom();
    if (h->large_count == h->large_cap) {
        size_t cap = h->large_cap ? h->large_cap * 2 : 64;
        LargeCell *n = realloc(h->large, cap * sizeof *n);
        if (!n) fatal_oom();
        h->large = n;
        h->large_cap = cap;
    }
    size_t at = large_find(h, (uintptr_t)p);
    memmove(&h->large[at + 1], &h->large[at], (h->large_count - at) * sizeof *h->large);
    h->large[at] = (LargeCell){p, bytes};
    h->large_count++;
    return p;
}

/* ---- allocation ------------------------------------------------------------ */

struct Heap *rt_heap_new(Runtime *rt, size_t limit_bytes) {
    struct Heap *h = calloc(1, sizeof *h);
    if (!h) fatal_oom();
    int c = 0;
    for (unsigned i = 0; i <= MAX_SMALL / 16; i++) {
        while (class_size[c] < i * 16) c++;
        h->size_to_class[i] = (uint8_t)c;
    }
    h->limit = limit_bytes ? limit_bytes : (size_t)-1;
    h->threshold = GC_MIN_THRESHOLD;
    rt->heap = h;
    return h;
}

static size_t cell_size_of(size_t bytes) {
    return bytes <= MAX_SMALL ? 0 : bytes;
}

void *rt_gc_alloc(Runtime *rt, size_t bytes, HeapKind kind) {
    struct Heap *h = rt->heap;
    if (bytes < sizeof(FreeCell)) bytes = sizeof(FreeCell);
    if (bytes > ((size_t)1 << 40)) fatal_oom();
    int cls = -1;
    size_t size = cell_size_of(bytes);
    if (!size) {
        cls = h->size_to_class[(bytes + 15) / 16];
        size = class_size[cls];
    }
    if (!h->inhibit && !h->collecting) {
        bool want = h->since_gc > h->threshold;
        if (rt->flags.gc_stress && ++h->stress_counter >= GC_STRESS_EVERY) {
            h->stress_counter = 0;
            want = true;
        }
        if (!want && h->in_use + size > h->limit) want = true;
        if (want) rt_gc_collect(rt);
    }
    if (h->in_use + size > h->limit) fatal_oom();
    void *cell;
    if (cls >= 0) {
        if (!h->free_list[cls]) page_new(h, cls);
        FreeCell *f = h->free_list[cls];
        h->free_list[cls] = f->next;
        cell = f;
    } else {
        cell = large_alloc(h, size);
    }
    memset(cell, 0, size);
    ((GCHeader *)cell)->kind = (uint8_t)kind;
    h->in_use += size;
    h->since_gc += size;
    return cell;
}

ValueArray *rt_values_new(Runtime *rt, uint32_t capacity) {
    if (capacity > (1u << 28)) fatal_oom();
    ValueArray *a = rt_gc_alloc(rt, sizeof(ValueArray) + (size_t)capacity * sizeof(Value), HK_VALUES);
    a->capacity = capacity;
    for (uint32_t i = 0; i < capacity; i++) a->v[i] = RT_HOLE;
    return a;
}

void rt_gc_inhibit(Runtime *rt, int delta) { rt->heap->inhibit += delta; }

void rt_gc_stats(Runtime *rt, HeapStats *out) {
    struct Heap *h = rt->heap;
    out->bytes_allocated = h->in_use;
    out->bytes_live = h->live_after_gc;
    out->limit = h->limit;
    out->collections = h->collections;
}

/* ---- marking ------------------------------------------------------------------ */

static void mark_push(struct Heap *h, void *cell) {
    if (h->mark_len == h->mark_cap) {
        size_t cap = h->mark_cap ? h->mark_cap * 2 : 4096;
        void **n = realloc(h->mark_stack, cap * sizeof *n);
        if (!n) fatal_oom();
        h->mark_stack = n;
        h->mark_cap = cap;
    }
    h->mark_stack[h->mark_len++] = cell;
}

void rt_gc_mark_ptr(Runtime *rt, void *cell) {
    if (!cell) return;
    GCHeader *g = cell;
    if (g->mark) return;
    g->mark = 1;
    mark_push(rt->heap, cell);
}

void rt_gc_mark_value(Runtime *rt, Value v) {
    if (rt_is_ptr(v)) rt_gc_mark_ptr(rt, rt_as_ptr(v));
}

static inline void mark_values(Runtime *rt, const Value *v, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (rt_is_ptr(v[i])) rt_gc_mark_ptr(rt, rt_as_ptr(v[i]));
}

static void trace_object(Runtime *rt, JSObject *o) {
    rt_gc_mark_ptr(rt, o->shape);
    rt_gc_mark_ptr(rt, o->slots);
    rt_gc_mark_ptr(rt, o->elements);
    if (o->shape) mark_values(rt, o->inobject, o->shape->inobject_capacity);
    uint32_t bytes = o->h.aux; /* allocation size, recorded at creation */
    switch ((ObjectClass)o->cls) {
    case CLS_FUNCTION: {
        if (bytes < sizeof(JSFunction)) break;
        JSFunction *f = (JSFunction *)o;
        rt_gc_mark_ptr(rt, f->context);
        rt_gc_mark_value(rt, f->home_object);
        rt_gc_mark_value(rt, f->fields);
        rt_gc_mark_value(rt, f->this_val);
        break;
    }
    case CLS_NATIVE: {
        if (bytes < sizeof(JSNative)) break;
        JSNative *n = (JSNative *)o;
        mark_values(rt, n->data, 2);
        break;
    }
    case CLS_BOUND: {
        if (bytes < sizeof(JSBound)) break;
        JSBound *b = (JSBound *)o;
        rt_gc_mark_value(rt, b->target);
        rt_gc_mark_value(rt, b->this_val);
        rt_gc_mark_ptr(rt, b->args);
        break;
    }
    case CLS_BOOLEAN: case CLS_NUMBER: case CLS_STRING: case CLS_SYMBOL:
    case CLS_DATE: case CLS_ERROR:
        if (bytes >= sizeof(JSWrapper)) rt_gc_mark_value(rt, ((JSWrapper *)o)->value);
        break;
    case CLS_ITERATOR: case CLS_FORIN: {
        if (bytes < sizeof(JSIterator)) break;
        JSIterator *it = (JSIterator *)o;
        rt_gc_mark_value(rt, it->target);
        rt_gc_mark_value(rt, it->extra);
        break;
    }
    default:
        break;
    }
}

static void trace_cell(Runtime *rt, GCHeader *g) {
    switch ((HeapKind)g->kind) {
    case HK_STRING:
        break;
    case HK_SYMBOL:
        rt_gc_mark_value(rt, ((JSSymbol *)g)->description);
        break;
    case HK_OBJECT:
        trace_object(rt, (JSObject *)g);
        break;
    case HK_SHAPE: {
        Shape *s = (Shape *)g;
        rt_gc_mark_ptr(rt, s->parent);
        rt_gc_mark_value(rt, s->proto);
        for (uint32_t i = 0; i < s->prop_count; i++) rt_gc_mark_value(rt, s->props[i].key);
        for (uint32_t i = 0; i < s->transition_count; i++) {
            rt_gc_mark_value(rt, s->transitions[i].key);
            rt_gc_mark_ptr(rt, s->transitions[i].target);
        }
        break;
    }
    case HK_CONTEXT: {
        Context *c = (Context *)g;
        rt_gc_mark_ptr(rt, c->parent);
        mark_values(rt, c->slots, c->slot_count);
        break;
    }
    case HK_ACCESSOR: {
        AccessorPair *a = (AccessorPair *)g;
        rt_gc_mark_value(rt, a->getter);
        rt_gc_mark_value(rt, a->setter);
        break;
    }
    case HK_VALUES: {
        ValueArray *a = (ValueArray *)g;
        mark_values(rt, a->v, a->capacity);
        break;
    }
    default:
        break;
    }
}

static void drain(Runtime *rt) {
    struct Heap *h = rt->heap;
    while (h->mark_len) trace_cell(rt, h->mark_stack[--h->mark_len]);
}

/* Finds the allocated cell containing addr (interior pointers count), or NULL. */
static GCHeader *find_cell(struct Heap *h, uintptr_t addr) {
    Page *p = page_set_find(h, addr & ~PAGE_MASK);
    if (p) {
        uintptr_t first = (uintptr_t)p->cells;
        if (addr < first) return NULL;
        size_t idx = (addr - first) / p->cell_size;
        if (idx >= p->cell_count) return NULL;
        GCHeader *g = (GCHeader *)(first + idx * p->cell_size);
        return g->kind == FREE_KIND ? NULL : g;
    }
    if (!h->large_count) return NULL;
    size_t at = large_find(h, addr);
    if (at == 0) return NULL;
    LargeCell *l = &h->large[at - 1];
    if (addr < (uintptr_t)l->start + l->size) return (GCHeader *)l->start;
    return NULL;
}

static void mark_candidate(Runtime *rt, uintptr_t w) {
    if (rt_is_ptr(w)) w = (uintptr_t)rt_as_ptr(w);
    if (w < 4096) return;
    GCHeader *g = find_cell(rt->heap, w);
    if (g) rt_gc_mark_ptr(rt, g);
}

/* Reads every word between the current frame and the stack base. The words
 * are other frames' memory (ASan may have poisoned redzones there), so the
 * sanitizers must not instrument this loop. */
__attribute__((noinline, no_sanitize_address, no_sanitize("undefined")))
static void scan_range(Runtime *rt, uintptr_t lo, uintptr_t hi) {
    lo &= ~(uintptr_t)7;
    for (uintptr_t p = lo; p + sizeof(uintptr_t) <= hi; p += sizeof(uintptr_t)) {
        uintptr_t w = *(volatile uintptr_t *)p;
        mark_candidate(rt, w);
    }
}

__attribute__((noinline))
static void scan_native_stack(Runtime *rt) {
    if (!rt->native_stack_base) return;
    jmp_buf regs; /* spills callee-saved registers into this frame */
    if (setjmp(regs) != 0) return;
    volatile uintptr_t here = (uintptr_t)__builtin_frame_address(0);
    uintptr_t lo = here < (uintptr_t)&regs ? here : (uintptr_t)&regs;
    uintptr_t hi = (uintptr_t)rt->native_stack_base;
    if (lo < hi) scan_range(rt, lo, hi);
    else scan_range(rt, hi, lo);
    __asm__ volatile("" : : "r"(&regs) : "memory");
}

static void mark_roots(Runtime *rt) {
    mark_values(rt, rt->atoms, ATOM__COUNT);
    mark_values(rt, rt->intrinsics, INTR__COUNT);
    rt_gc_mark_ptr(rt, rt->global);
    rt_gc_mark_value(rt, rt->exception);
    mark_values(rt, rt->extra_roots, sizeof rt->extra_roots / sizeof rt->extra_roots[0]);
    drain(rt);
    for (BytecodeFunction *bf = rt->code_list; bf; bf = bf->next_in_runtime) {
        rt_gc_mark_value(rt, bf->name);
        if (bf->constants) mark_values(rt, bf->constants, bf->constant_count);
        if (bf->feedback) rt_feedback_trace(rt, bf->feedback);
        drain(rt);
    }
    if (rt->interp) rt_interp_trace(rt);
    drain(rt);
    scan_native_stack(rt);
    drain(rt);
}

/* ---- sweeping ------------------------------------------------------------------- */

static void finalize(GCHeader *g) {
    if (g->kind == HK_SHAPE) rt_shape_finalize((Shape *)g);
}

static size_t sweep(Runtime *rt) {
    struct Heap *h = rt->heap;
    size_t live = 0;
    bool pages_freed = false;
    for (int c = 0; c < NUM_CLASSES; c++) {
        h->free_list[c] = NULL;
        Page **link = &h->pages[c];
        while (*link) {
            Page *p = *link;
            FreeCell *page_free = NULL, *page_tail = NULL;
            uint32_t page_live = 0;
            for (uint32_t i = p->cell_count; i-- > 0;) {
                GCHeader *g = (GCHeader *)(p->cells + (size_t)i * p->cell_size);
                if (g->kind != FREE_KIND) {
                    if (g->mark) {
                        g->mark = 0;
                        page_live++;
                        continue;
                    }
                    finalize(g);
                    g->kind = FREE_KIND;
                    h->in_use -= p->cell_size;
                }
                FreeCell *f = (FreeCell *)g;
                f->next = page_free;
                if (!page_free) page_tail = f;
                page_free = f;
            }
            p->live = page_live;
            if (page_live == 0) {
                /* Keep a few empty pages for the next cycle rather than
                 * returning them to the kernel and faulting them in again. */
                *link = p->next;
                h->page_count--;
                if (h->spare_count < 16 + h->page_count / 4) {
                    p->next = h->spare;
                    h->spare = p;
                    h->spare_count++;
                } else {
                    page_unmap(p);
                }
                pages_freed = true;
                continue;
            }
            if (page_free) {
                page_tail->next = h->free_list[c];
                h->free_list[c] = page_free;
            }
            live += (size_t)page_live * p->cell_size;
            link = &p->next;
        }
    }
    if (pages_freed) page_set_rebuild(h, h->page_set_cap ? h->page_set_cap : 64);
    size_t out = 0;
    for (size_t i = 0; i < h->large_count; i++) {
        LargeCell l = h->large[i];
        GCHeader *g = (GCHeader *)l.start;
        if (g->mark) {
            g->mark = 0;
            live += l.size;
            h->large[out++] = l;
        } else {
            finalize(g);
            h->in_use -= l.size;
            free(l.start);
        }
    }
    h->large_count = out;
    return live;
}

void rt_gc_collect(Runtime *rt) {
    struct Heap *h = rt->heap;
    if (h->collecting || h->inhibit) return;
    h->collecting = true;
    size_t before = h->in_use;
    mark_roots(rt);
    rt_intern_sweep(rt);
    rt_shape_cache_sweep(rt);
    size_t live = sweep(rt);
    h->live_after_gc = live;
    h->since_gc = 0;
    h->threshold = live * 2 > GC_MIN_THRESHOLD ? live * 2 : GC_MIN_THRESHOLD;
    h->collections++;
    h->collecting = false;
    if (rt->flags.trace_gc) {
        FILE *f = rt->err ? rt->err : stderr;
        fprintf(f, "[gc #%llu] %.1f MB -> %.1f MB live, %zu pages, %zu large cells\n",
                (unsigned long long)h->collections, before / 1048576.0, live / 1048576.0,
                h->page_count, h->large_count);
    }
}

void rt_heap_free(Runtime *rt) {
    struct Heap *h = rt->heap;
    if (!h) return;
    for (int c = 0; c < NUM_CLASSES; c++) {
        Page *p = h->pages[c];
        while (p) {
            Page *next = p->next;
            for (uint32_t i = 0; i < p->cell_count; i++) {
                GCHeader *g = (GCHeader *)(p->cells + (size_t)i * p->cell_size);
                if (g->kind != FREE_KIND) finalize(g);
            }
            page_unmap(p);
            p = next;
        }
    }
    while (h->spare) {
        Page *next = h->spare->next;
        page_unmap(h->spare);
        h->spare = next;
    }
    for (size_t i = 0; i < h->large_count; i++) {
        finalize((GCHeader *)h->large[i].start);
        free(h->large[i].start);
    }
    free(h->large);
    free(h->page_set);
    free(h->mark_stack);
    free(h);
    rt->heap = NULL;
}
