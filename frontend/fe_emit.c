/* fe_emit.c — the bytecode assembler under the generator: encodes
 * instructions from the operand kinds of rt_bytecode.def, resolves forward
 * jumps through labels, keeps the constant pool (deduplicated by value bits),
 * nested functions, handler table, source positions and the feedback-slot
 * layout, and hands all of it to a BytecodeFunction at the end.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fe_codegen.h"

static void *grow(void *p, uint32_t *cap, uint32_t need, size_t elem) {
    if (need <= *cap) return p;
    uint32_t ncap = *cap ? *cap : 16;
    while (ncap < need) {
        if (ncap > UINT32_MAX / 2) { fprintf(stderr, "reef: function too large\n"); exit(1); }
        ncap *= 2;
    }
    void *np = realloc(p, (size_t)ncap * elem);
    if (!np) { fprintf(stderr, "reef: out of memory in the compiler\n"); exit(1); }
    *cap = ncap;
    return np;
}
#define GROW(arr, n, capf) ((arr) = grow((arr), &(capf), (n), sizeof *(arr)))

void fe_gen_init(Gen *g, FeCompiler *fc, FuncNode *fn, Gen *outer) {
    memset(g, 0, sizeof *g);
    g->fc = fc;
    g->rt = fc->rt;
    g->fn = fn;
    g->outer = outer;
    g->completion_reg = -1;
    g->opt_label = UINT32_MAX;
    g->last_op = -1;
}

void fe_gen_error(Gen *g, Node *at, const char *msg) {
    fe_error(g->fc, at ? at->line : g->fn->line, at ? at->col : g->fn->col, "%s", msg);
}

static void too_large(Gen *g) {
    if (!g->too_large) {
        g->too_large = true;
        fe_error(g->fc, g->fn->line, g->fn->col, "Function is too large to compile");
    }
}

static void put(Gen *g, const void *p, uint32_t n) {
    if (g->len > UINT32_MAX - 64) { too_large(g); return; }
    GROW(g->code, g->len + n, g->cap);
    memcpy(g->code + g->len, p, n);
    g->len += n;
}

void fe_emit(Gen *g, Bytecode op, ...) {
    const BytecodeInfo *info = &rt_bytecode_info[op];
    uint8_t b = (uint8_t)op;
    put(g, &b, 1);
    va_list ap;
    va_start(ap, op);
    for (const char *k = info->operands; *k; k++) {
        if (*k == 'j') {
            uint32_t label = va_arg(ap, uint32_t);
            GROW(g->patches, g->npatch + 1, g->patch_cap);
            g->patches[g->npatch++] = (struct Patch){label, g->len};
            uint32_t zero = 0;
            put(g, &zero, 4);
        } else if (*k == 'i') {
            int32_t v = va_arg(ap, int32_t);
            put(g, &v, 4);
        } else {
            uint32_t v = va_arg(ap, uint32_t);
            if (v > 0xFFFF) { too_large(g); v = 0; }
            uint16_t h = (uint16_t)v;
            put(g, &h, 2);
        }
    }
    va_end(ap);
    g->last_op = (int)op;
}

/* True when the last instruction never falls through and no label has been
 * bound since: the code here is unreachable. */
bool fe_last_is_terminal(Gen *g) {
    return g->last_op >= 0 && (rt_bytecode_info[g->last_op].flags & BCF_TERM);
}

Label fe_label(Gen *g) {
    GROW(g->labels, g->nlabels + 1, g->labels_cap);
    g->labels[g->nlabels] = -1;
    return g->nlabels++;
}

void fe_bind(Gen *g, Label l) {
    g->labels[l] = (int32_t)g->len;
    g->last_op = -1;
}

uint32_t fe_reg(Gen *g) { return fe_regs(g, 1); }

uint32_t fe_regs(Gen *g, uint32_t n) {
    uint32_t r = g->next_reg;
    g->next_reg += n;
    if (g->next_reg > g->max_reg) g->max_reg = g->next_reg;
    /* an empty window still names a register: keep it inside the frame */
    if (n == 0 && r + 1 > g->max_reg) g->max_reg = r + 1;
    if (g->next_reg > 0xFFFF) { too_large(g); g->next_reg = r; return 0; }
    return r;
}

uint32_t fe_slot(Gen *g, FeedbackSlotKind k) {
    GROW(g->slots, g->nslots + 1, g->slots_cap);
    g->slots[g->nslots] = (uint8_t)k;
    if (g->nslots >= 0xFFFF) { too_large(g); return 0; }
    return g->nslots++;
}

static uint32_t hash_value(Value v) {
    uint64_t x = v * 0x9E3779B97F4A7C15ull;
    return (uint32_t)(x >> 32);
}

uint32_t fe_const(Gen *g, Value v) {
    if (g->nconsts * 2 >= g->chash_cap) {
        uint32_t ncap = g->chash_cap ? g->chash_cap * 2 : 64;
        uint32_t *nh = calloc(ncap, sizeof *nh);
        if (!nh) { fprintf(stderr, "reef: out of memory in the compiler\n"); exit(1); }
        for (uint32_t i = 0; i < g->nconsts; i++) {
            uint32_t h = hash_value(g->consts[i]) & (ncap - 1);
            while (nh[h]) h = (h + 1) & (ncap - 1);
            nh[h] = i + 1;
        }
        free(g->chash);
        g->chash = nh;
        g->chash_cap = ncap;
    }
    uint32_t h = hash_value(v) & (g->chash_cap - 1);
    while (g->chash[h]) {
        if (g->consts[g->chash[h] - 1] == v) return g->chash[h] - 1;
        h = (h + 1) & (g->chash_cap - 1);
    }
    GROW(g->consts, g->nconsts + 1, g->consts_cap);
    g->consts[g->nconsts] = v;
    g->chash[h] = g->nconsts + 1;
    if (g->nconsts >= 0xFFFF) { too_large(g); return 0; }
    return g->nconsts++;
}

uint32_t fe_const_atom(Gen *g, const char *atom) { return fe_const(g, fe_atom_value(g->fc, atom)); }
uint32_t fe_const_str(Gen *g, FeStr s) { return fe_const(g, rt_intern_utf16(g->rt, s.s, s.len)); }
uint32_t fe_const_num(Gen *g, double d) { return fe_const(g, rt_number(d)); }

void fe_position(Gen *g, uint32_t line, uint32_t col, bool statement) {
    if (g->npos && g->pos[g->npos - 1].offset == g->len && g->pos[g->npos - 1].is_statement == (uint32_t)statement) {
        g->pos[g->npos - 1].line = line;      /* nothing emitted since: the newer one wins */
        g->pos[g->npos - 1].col = col;
        return;
    }
    if (g->npos && g->pos[g->npos - 1].offset == g->len && statement) return;   /* keep the expression last */
    GROW(g->pos, g->npos + 1, g->pos_cap);
    g->pos[g->npos++] = (SourcePos){g->len, line, col, statement ? 1u : 0u};
}

uint32_t fe_add_function(Gen *g, BytecodeFunction *bf) {
    GROW(g->funcs, g->nfuncs + 1, g->funcs_cap);
    g->funcs[g->nfuncs] = bf;
    if (g->nfuncs >= 0xFFFF) { too_large(g); return 0; }
    return g->nfuncs++;
}

/* Handlers are appended when their try block ends, so inner ranges come
 * before outer ones: the first entry containing pc is the innermost. The
 * handler label is patched in fe_gen_finish. */
void fe_add_handler(Gen *g, uint32_t start, uint32_t end, Label handler, uint32_t ctx_reg) {
    GROW(g->handlers, g->nhandlers + 1, g->handlers_cap);
    g->handlers[g->nhandlers++] = (HandlerEntry){start, end, handler, (uint16_t)ctx_reg};
}

static void *copy_out(const void *p, size_t n) {
    if (n == 0) return NULL;
    void *q = malloc(n);
    if (!q) { fprintf(stderr, "reef: out of memory in the compiler\n"); exit(1); }
    memcpy(q, p, n);
    return q;
}

void fe_gen_finish(Gen *g, BytecodeFunction *bf) {
    for (uint32_t i = 0; i < g->npatch; i++) {
        int32_t target = g->labels[g->patches[i].label];
        uint32_t t = target < 0 ? 0 : (uint32_t)target;
        memcpy(g->code + g->patches[i].at, &t, 4);
    }
    for (uint32_t i = 0; i < g->nhandlers; i++) {
        int32_t target = g->labels[g->handlers[i].handler];
        g->handlers[i].handler = target < 0 ? 0 : (uint32_t)target;
    }
    bf->code = copy_out(g->code, g->len);
    bf->code_len = g->len;
    bf->constants = copy_out(g->consts, (size_t)g->nconsts * sizeof(Value));
    bf->constant_count = g->nconsts;
    bf->functions = copy_out(g->funcs, (size_t)g->nfuncs * sizeof(BytecodeFunction *));
    bf->function_count = g->nfuncs;
    bf->handlers = copy_out(g->handlers, (size_t)g->nhandlers * sizeof(HandlerEntry));
    bf->handler_count = g->nhandlers;
    bf->positions = copy_out(g->pos, (size_t)g->npos * sizeof(SourcePos));
    bf->position_count = g->npos;
    bf->slot_kinds = copy_out(g->slots, g->nslots);
    bf->slot_count = g->nslots;
    bf->register_count = (uint16_t)(g->max_reg > 0xFFFF ? 0xFFFF : g->max_reg);
}

void fe_gen_free(Gen *g) {
    free(g->code);
    free(g->labels);
    free(g->patches);
    free(g->consts);
    free(g->chash);
    free(g->funcs);
    free(g->handlers);
    free(g->pos);
    free(g->slots);
    memset(g, 0, sizeof *g);
}
