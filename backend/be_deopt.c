/* be_deopt.c — building, copying, reading and printing deopt tables
 * (be_deopt.h). The translation after register allocation, from LIR operands
 * to registers and stack slots, is be_deopt_finalize in be_regalloc.c, next
 * to the allocator whose result it reads.
 */
#include <stdlib.h>
#include <string.h>
#include "be_deopt.h"
#include "be_lir.h"

static const char *const reason_names[] = {
#define X(id, text) text,
    BE_DEOPT_REASONS(X)
#undef X
};

const char *be_deopt_reason_name(int reason) {
    if (reason < 0 || reason >= BE_DR__COUNT) return "?";
    return reason_names[reason];
}

/* Grows an array to hold one more element; aborts only on real OOM. */
static void *grow(void *p, uint32_t *cap, uint32_t n, size_t elem) {
    if (n < *cap) return p;
    uint32_t nc = *cap ? *cap * 2 : 8;
    void *q = realloc(p, (size_t)nc * elem);
    if (!q) abort();
    *cap = nc;
    return q;
}

uint32_t be_deopt_add_point(BeDeoptTable *t, BeDeoptReason reason, int32_t node, int32_t bc) {
    t->points = grow(t->points, &t->cappoints, t->npoints, sizeof *t->points);
    t->points[t->npoints] = (BeDeoptPoint){.first_frame = t->nframes, .reason = (uint16_t)reason,
                                           .node = node, .bc = bc};
    return t->npoints++;
}

uint32_t be_deopt_add_frame(BeDeoptTable *t, uint32_t point, const void *function,
                            uint32_t bc_offset, uint16_t nparams, uint16_t nregs, bool has_acc) {
    t->frames = grow(t->frames, &t->capframes, t->nframes, sizeof *t->frames);
    t->frames[t->nframes] = (BeDeoptFrame){.function = function, .bc_offset = bc_offset,
                                           .first_value = t->nvalues, .nparams = nparams,
                                           .nregs = nregs, .has_acc = has_acc};
    if (point < t->npoints) t->points[point].nframes++;
    return t->nframes++;
}

uint32_t be_deopt_add_object(BeDeoptTable *t, uint32_t kind, uint32_t nfields) {
    t->objects = grow(t->objects, &t->capobjects, t->nobjects, sizeof *t->objects);
    t->objects[t->nobjects] = (BeDeoptObject){.kind = kind, .first_value = t->nvalues, .nfields = nfields};
    return t->nobjects++;
}

uint32_t be_deopt_add_value(BeDeoptTable *t, BeDeoptValue v) {
    t->values = grow(t->values, &t->capvalues, t->nvalues, sizeof *t->values);
    t->values[t->nvalues] = v;
    return t->nvalues++;
}

uint64_t be_deopt_read(const BeDeoptValue *v, const BeDeoptRegs *regs, uintptr_t fp) {
    uint64_t bits = 0;
    switch (v->kind) {
    case BE_DV_REG:
        if (v->reg < 16) bits = regs->gpr[v->reg];
        else if (v->reg < 32) bits = regs->xmm[v->reg - 16];
        break;
    case BE_DV_STACK: memcpy(&bits, (const void *)(fp + (intptr_t)v->index), 8); break;
    case BE_DV_CONST: bits = v->bits; break;
    default: break;
    }
    return bits;
}

#define DUP(field, n) do { \
        if (src->n) { \
            dst->field = malloc(sizeof *src->field * src->n); \
            if (!dst->field) return false; \
            memcpy(dst->field, src->field, sizeof *src->field * src->n); \
        } \
    } while (0)

bool be_deopt_copy(BeDeoptTable *dst, const BeDeoptTable *src) {
    memset(dst, 0, sizeof *dst);
    DUP(points, npoints);
    DUP(frames, nframes);
    DUP(values, nvalues);
    DUP(objects, nobjects);
    dst->npoints = dst->cappoints = src->npoints;
    dst->nframes = dst->capframes = src->nframes;
    dst->nvalues = dst->capvalues = src->nvalues;
    dst->nobjects = dst->capobjects = src->nobjects;
    return true;
}

void be_deopt_table_free(BeDeoptTable *t) {
    free(t->points);
    free(t->frames);
    free(t->values);
    free(t->objects);
    memset(t, 0, sizeof *t);
}

static const char *const repr_names[] = {"tagged", "int32", "float64", "bool"};

static void print_value(FILE *f, const BeDeoptValue *v) {
    switch (v->kind) {
    case BE_DV_OPERAND: fprintf(f, "op%d", v->index); break;
    case BE_DV_REG: fprintf(f, "%s", v->reg < BE_NREGS ? be_reg_info[v->reg].name64 : "?"); break;
    case BE_DV_STACK: fprintf(f, "[fp%+d]", v->index); break;
    case BE_DV_CONST: fprintf(f, "#0x%llx", (unsigned long long)v->bits); break;
    case BE_DV_OBJECT: fprintf(f, "obj%d", v->index); break;
    default: fprintf(f, "-"); break;
    }
    if (v->kind != BE_DV_OBJECT && v->kind != BE_DV_OPTIMIZED_OUT && v->repr != BE_REPR_TAGGED)
        fprintf(f, ":%s", v->repr < 4 ? repr_names[v->repr] : "?");
}

void be_deopt_print(FILE *f, const BeDeoptTable *t) {
    for (uint32_t p = 0; p < t->npoints; p++) {
        const BeDeoptPoint *pt = &t->points[p];
        fprintf(f, "  deopt %u: pc +0x%x exit +0x%x reason \"%s\"", p, pt->pc_offset,
                pt->exit_offset, be_deopt_reason_name(pt->reason));
        if (pt->node >= 0) fprintf(f, " n%d", pt->node);
        if (pt->bc >= 0) fprintf(f, " @bc %d", pt->bc);
        fprintf(f, "\n");
        for (uint32_t k = 0; k < pt->nframes && pt->first_frame + k < t->nframes; k++) {
            const BeDeoptFrame *fr = &t->frames[pt->first_frame + k];
            uint32_t n = 2u + fr->nparams + fr->nregs + fr->has_acc;
            fprintf(f, "    frame @bc %u:", fr->bc_offset);
            for (uint32_t i = 0; i < n && fr->first_value + i < t->nvalues; i++) {
                fputc(' ', f);
                print_value(f, &t->values[fr->first_value + i]);
            }
            fprintf(f, "\n");
        }
    }
    for (uint32_t o = 0; o < t->nobjects; o++) {
        const BeDeoptObject *ob = &t->objects[o];
        fprintf(f, "    obj%u kind %u:", o, ob->kind);
        for (uint32_t i = 0; i < ob->nfields && ob->first_value + i < t->nvalues; i++) {
            fputc(' ', f);
            print_value(f, &t->values[ob->first_value + i]);
        }
        fprintf(f, "\n");
    }
}
