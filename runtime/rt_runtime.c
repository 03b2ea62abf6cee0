/* rt_runtime.c — the Runtime's life cycle: default flags (from
 * rt_flags.def), creation (heap, intern table, atoms, shape cache, then the
 * interpreter and the realm), teardown, and the registry of bytecode
 * functions and scripts, which live outside the GC heap for the runtime's
 * lifetime and whose constants are GC roots.
 */
#include <stdlib.h>
#include <string.h>

#include "rt_heap_internal.h"
#include "rt_feedback.h"
#include "rt_tier.h"

static void *xcalloc(size_t n, size_t size) {
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) {
        fputs("FATAL ERROR: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

void rt_flags_default(Flags *f) {
    memset(f, 0, sizeof *f);
#define FLAG(type, field, spelling, def, help) f->field = (FLAG_CTYPE_##type)(def);
#include "rt_flags.def"
#undef FLAG
}

static const char *const atom_texts[ATOM__COUNT] = {
#define ATOM(id, text) text,
#include "rt_atoms.def"
#undef ATOM
};

Runtime *rt_new(const Flags *flags, void *stack_base) {
    Runtime *rt = xcalloc(1, sizeof *rt);
    if (flags) rt->flags = *flags;
    else rt_flags_default(&rt->flags);
    rt->native_stack_base = stack_base;
    rt->out = stdout;
    rt->err = stderr;
    rt->exception = RT_UNDEFINED;
    for (int i = 0; i < INTR__COUNT; i++) rt->intrinsics[i] = RT_UNDEFINED;
    for (size_t i = 0; i < sizeof rt->extra_roots / sizeof rt->extra_roots[0]; i++) rt->extra_roots[i] = RT_UNDEFINED;
    for (int i = 0; i < ATOM__COUNT; i++) rt->atoms[i] = RT_UNDEFINED;
    size_t limit = rt->flags.max_heap > 0 ? (size_t)rt->flags.max_heap * 1024u * 1024u : 0;
    rt_heap_new(rt, limit);
    rt->interns = rt_intern_table_new();
    rt->shapes = rt_shape_cache_new();
    /* Startup builds a graph reachable only from half-initialised roots. */
    rt_gc_inhibit(rt, 1);
    for (int i = 0; i < ATOM__COUNT; i++) rt->atoms[i] = rt_intern_cstr(rt, atom_texts[i]);
    rt->interp = rt_interp_new(rt);
    rt_realm_init(rt);
    rt_gc_inhibit(rt, -1);
    return rt;
}

static void bytecode_free(BytecodeFunction *bf) {
    free(bf->code);
    free(bf->constants);
    free(bf->functions);
    free(bf->handlers);
    free(bf->positions);
    free(bf->slot_kinds);
    if (bf->feedback) rt_feedback_free(bf->feedback);
    if (bf->tier) {
        RtTierInfo *ti = bf->tier;
        free(ti->inl);
        free(ti);
    }
    free(bf);
}

void rt_free(Runtime *rt) {
    if (!rt) return;
    if (rt->interp) rt_interp_free(rt);
    rt->interp = NULL;
    BytecodeFunction *bf = rt->code_list;
    while (bf) {
        BytecodeFunction *next = bf->next_in_runtime;
        bytecode_free(bf);
        bf = next;
    }
    rt->code_list = NULL;
    for (size_t i = 0; i < rt->script_count; i++) {
        free(rt->scripts[i]->filename);
        free(rt->scripts[i]->source);
        free(rt->scripts[i]);
    }
    free(rt->scripts);
    rt_heap_free(rt);
    rt_intern_table_free(rt->interns);
    rt_shape_cache_free(rt->shapes);
    free(rt);
}

BytecodeFunction *rt_bytecode_new(Runtime *rt) {
    BytecodeFunction *bf = xcalloc(1, sizeof *bf);
    bf->name = rt->atoms[ATOM_empty];
    bf->next_in_runtime = rt->code_list;
    rt->code_list = bf;
    return bf;
}

Script *rt_script_new(Runtime *rt, const char *filename, const char *source, size_t len) {
    Script *s = xcalloc(1, sizeof *s);
    const char *fn = filename ? filename : "";
    s->filename = xcalloc(strlen(fn) + 1, 1);
    memcpy(s->filename, fn, strlen(fn));
    s->source = xcalloc(len + 1, 1);
    if (len) memcpy(s->source, source, len);
    s->source_len = len;
    if (rt->script_count == rt->script_cap) {
        size_t cap = rt->script_cap ? rt->script_cap * 2 : 8;
        Script **n = realloc(rt->scripts, cap * sizeof *n);
        if (!n) {
            fputs("FATAL ERROR: out of memory\n", stderr);
            exit(1);
        }
        rt->scripts = n;
        rt->script_cap = cap;
    }
    rt->scripts[rt->script_count++] = s;
    return s;
}
