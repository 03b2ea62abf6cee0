/* fe_ast.c — the compilation context: a bump arena for every AST node and
 * string, the atom table that makes equal names equal pointers, and the
 * diagnostic list. Arena allocation keeps the parser free of ownership
 * questions: the whole tree goes away with fe_compiler_free().
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fe_ast.h"
#include "fe_lex.h"
#include "runtime/rt_runtime.h"

const char *const fe_node_kind_name[N__COUNT] = {
#define N(k) #k,
    FE_NODE_KINDS(N)
#undef N
};

struct ArenaChunk {
    ArenaChunk *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
};

struct FeAtom {
    struct FeAtom *next;
    uint32_t hash, len;
    Value value;             /* interned JS string, made on first use */
    char text[];
};

static _Noreturn void fe_oom(void) {
    fprintf(stderr, "reef: out of memory in the compiler\n");
    exit(1);
}

void *fe_alloc(FeCompiler *fc, size_t n) {
    n = (n + 15) & ~(size_t)15;
    ArenaChunk *c = fc->arena;
    if (!c || c->cap - c->used < n) {
        size_t cap = n > 60000 ? n : 64 * 1024 - sizeof(ArenaChunk);
        c = malloc(sizeof(ArenaChunk) + cap);
        if (!c) fe_oom();
        c->next = fc->arena;
        c->used = 0;
        c->cap = cap;
        fc->arena = c;
    }
    void *p = c->data + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

char *fe_strndup(FeCompiler *fc, const char *s, size_t n) {
    char *p = fe_alloc(fc, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static uint32_t hash_bytes(const char *s, size_t n) {
    uint32_t h = 2166136261u;                 /* FNV-1a */
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

const char *fe_atom(FeCompiler *fc, const char *s, size_t n) {
    uint32_t h = hash_bytes(s, n);
    if (fc->atom_cap) {
        for (struct FeAtom *a = fc->atoms[h & (fc->atom_cap - 1)]; a; a = a->next)
            if (a->hash == h && a->len == n && memcmp(a->text, s, n) == 0) return a->text;
    }
    if (fc->atom_count * 2 >= fc->atom_cap) {
        uint32_t ncap = fc->atom_cap ? fc->atom_cap * 2 : 256;
        struct FeAtom **nt = calloc(ncap, sizeof *nt);
        if (!nt) fe_oom();
        for (uint32_t i = 0; i < fc->atom_cap; i++) {
            for (struct FeAtom *a = fc->atoms[i], *nx; a; a = nx) {
                nx = a->next;
                a->next = nt[a->hash & (ncap - 1)];
                nt[a->hash & (ncap - 1)] = a;
            }
        }
        free(fc->atoms);
        fc->atoms = nt;
        fc->atom_cap = ncap;
    }
    struct FeAtom *a = fe_alloc(fc, sizeof *a + n + 1);
    a->hash = h;
    a->len = (uint32_t)n;
    memcpy(a->text, s, n);
    a->text[n] = 0;
    a->next = fc->atoms[h & (fc->atom_cap - 1)];
    fc->atoms[h & (fc->atom_cap - 1)] = a;
    fc->atom_count++;
    return a->text;
}

void fe_list_push(FeCompiler *fc, NodeList *l, Node *n) {
    if (l->count == l->cap) {
        uint32_t ncap = l->cap ? l->cap * 2 : 4;
        Node **ni = fe_alloc(fc, ncap * sizeof *ni);
        if (l->count) memcpy(ni, l->items, l->count * sizeof *ni);
        l->items = ni;
        l->cap = ncap;
    }
    l->items[l->count++] = n;
}

Node *fe_node(FeCompiler *fc, NodeKind k, uint32_t line, uint32_t col, uint32_t start) {
    Node *n = fe_alloc(fc, sizeof *n);
    n->kind = (uint8_t)k;
    n->line = line;
    n->col = col;
    n->start = start;
    n->end = start;
    return n;
}

void fe_error(FeCompiler *fc, uint32_t line, uint32_t col, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    fc->error_count++;
    FeDiags *d = &fc->diags;
    if (d->count < FE_MAX_ERRORS) {
        if (d->count == d->cap) {
            size_t ncap = d->cap ? d->cap * 2 : 4;
            FeDiag *ni = realloc(d->items, ncap * sizeof *ni);
            if (!ni) fe_oom();
            d->items = ni;
            d->cap = ncap;
        }
        char *m = strdup(buf);
        if (!m) fe_oom();
        d->items[d->count++] = (FeDiag){m, line, col};
    }
    if (fc->error_count >= FE_MAX_ERRORS && fc->abort) longjmp(*fc->abort, 1);
}

void fe_compiler_init(FeCompiler *fc, Runtime *rt, const char *filename, const char *src, size_t len) {
    memset(fc, 0, sizeof *fc);
    fc->rt = rt;
    fc->filename = filename ? filename : "<anonymous>";
    fc->src = src;
    fc->len = len;
#define A(field, text) fc->field = fe_atom(fc, text, sizeof(text) - 1)
    A(a_arguments, "arguments"); A(a_eval, "eval"); A(a_let, "let"); A(a_static, "static");
    A(a_of, "of"); A(a_get, "get"); A(a_set, "set"); A(a_async, "async");
    A(a_constructor, "constructor"); A(a_prototype, "prototype"); A(a_undefined, "undefined");
    A(a_target, "target"); A(a_use_strict, "use strict"); A(a_anonymous, "anonymous");
    A(a_yield, "yield"); A(a_await, "await"); A(a_proto, "__proto__"); A(a_empty, "");
    A(a_this, ".this"); A(a_newtarget, ".new.target");
#undef A
}

void fe_compiler_free(FeCompiler *fc) {
    for (ArenaChunk *c = fc->arena, *n; c; c = n) {
        n = c->next;
        free(c);
    }
    fc->arena = NULL;
    free(fc->atoms);
    fc->atoms = NULL;
    for (size_t i = 0; i < fc->diags.count; i++) free(fc->diags.items[i].message);
    free(fc->diags.items);
    memset(&fc->diags, 0, sizeof fc->diags);
}

Value fe_atom_value(FeCompiler *fc, const char *atom) {
    struct FeAtom *a = (struct FeAtom *)(atom - offsetof(struct FeAtom, text));
    if (!a->value) {
        FeStr s = fe_atom_utf16(fc, atom);
        a->value = rt_intern_utf16(fc->rt, s.s, s.len);
    }
    return a->value;
}

FeStr fe_atom_utf16(FeCompiler *fc, const char *atom) {
    size_t n = strlen(atom);
    FeStr r;
    r.s = fe_alloc(fc, (n + 1) * 2 * sizeof(uint16_t));
    r.len = 0;
    for (size_t i = 0; i < n;) {
        int used;
        uint32_t cp = fe_utf8_decode((const unsigned char *)atom + i, n - i, &used);
        i += (size_t)used;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            r.s[r.len++] = (uint16_t)(0xD800 + (cp >> 10));
            r.s[r.len++] = (uint16_t)(0xDC00 + (cp & 0x3FF));
        } else {
            r.s[r.len++] = (uint16_t)cp;
        }
    }
    return r;
}
